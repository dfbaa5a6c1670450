import Foundation
import TryggStore

/// Saves to one record, taken one at a time. A record form is merged with what is stored now
/// (`EditedRecord`) in the handler, between reading and writing; two saves of the same record in
/// the same instant would otherwise both merge against the old record and the second overwrite
/// the first. Saves in this process queue here; the hold in the database
/// (`RecordLockStore`) makes another app process on the same database wait its turn too.
actor RecordLocks {
    private var waiting: [UUID: [CheckedContinuation<Void, Never>]] = [:]
    private let store: RecordLockStore

    init(database: TryggDatabase) { store = RecordLockStore(database) }

    /// Runs `body` when no other save of `id` is running, in this process or another.
    /// A hold in the database that cannot be given up (the database went away) stops counting
    /// after its lifetime; the save itself is done, so that is not the user's error.
    nonisolated func serially<T: Sendable>(_ id: UUID, _ body: () async throws -> T) async throws -> T {
        await acquire(id)
        var outcome: Result<T, any Error>
        do {
            let holder = try await store.acquire(id)
            do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
            try? await store.release(id, holder: holder)
        } catch {
            outcome = .failure(error)
        }
        await release(id)
        return try outcome.get()
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
