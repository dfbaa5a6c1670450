import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Group commit for event intake: reports that arrive while a write is in progress are stored
/// together in the next transaction (one multi-row insert for the events, one for their audit
/// entries). Each caller still gets its own result, and an event is acknowledged only after its
/// transaction committed. With SQLite's single writer this turns many small transactions into
/// few larger ones.
public actor IncidentWriteQueue {
    struct Pending {
        let record: Incident
        let actor: Actor
        let detail: String
        let continuation: CheckedContinuation<Void, any Error>
    }

    private let database: TryggDatabase
    private var pending: [Pending] = []
    private var writing = false
    /// Upper bound of one transaction, so a flood cannot build one huge statement.
    let maxBatch = 500

    public init(database: TryggDatabase) { self.database = database }

    /// Stores the event (its area already resolved) and its audit entry; returns once committed.
    public func store(_ record: Incident, detail: String, by actor: Actor) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pending.append(Pending(record: record, actor: actor, detail: detail, continuation: continuation))
            if !writing {
                writing = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(maxBatch))
            pending.removeFirst(batch.count)
            do {
                try await write(batch)
                batch.forEach { $0.continuation.resume() }
            } catch {
                // One bad event must not fail the others: store them one by one.
                for item in batch {
                    do {
                        try await write([item])
                        item.continuation.resume()
                    } catch {
                        item.continuation.resume(throwing: error)
                    }
                }
            }
        }
        writing = false
    }

    private func write(_ batch: [Pending]) async throws {
        try await database.db.transaction { db in
            let sql = db as! any SQLDatabase
            try await IncidentStore.insert(ArraySlice(batch.map(\.record)), on: sql)
            try await AuditLog.recordAll(batch.map {
                AuditLog.Draft(actor: $0.actor, action: "rapporterade händelse", objectType: "händelse", objectID: $0.record.id.uuidString,
                               detail: $0.detail, kommunID: $0.record.kommunID)
            }, on: db)
        }
    }
}
