import Foundation

/// Saves to one record, taken one at a time. A record form is merged with what is stored now
/// (`EditedRecord`) in the handler, between reading and writing; two saves of the same record in
/// the same instant would otherwise both merge against the old record and the second overwrite
/// the first. Trygg runs as one process, so an in-process queue per record is enough.
actor RecordLocks {
    private var waiting: [UUID: [CheckedContinuation<Void, Never>]] = [:]

    /// Runs `body` when no other save of `id` is running.
    nonisolated func serially<T: Sendable>(_ id: UUID, _ body: () async throws -> T) async throws -> T {
        await acquire(id)
        do {
            let result = try await body()
            await release(id)
            return result
        } catch {
            await release(id)
            throw error
        }
    }

    private func acquire(_ id: UUID) async {
        guard waiting[id] != nil else {
            waiting[id] = []
            return
        }
        await withCheckedContinuation { waiting[id, default: []].append($0) }
    }

    private func release(_ id: UUID) {
        guard var queue = waiting[id], !queue.isEmpty else {
            waiting[id] = nil
            return
        }
        let next = queue.removeFirst()
        waiting[id] = queue
        next.resume()
    }
}
