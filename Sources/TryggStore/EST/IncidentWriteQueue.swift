import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Group commit for event intake: on SQLite one statement through the intake view (M015) stores
/// a batch and its audit entries; on PostgreSQL a transaction with one multi-row insert for each.
public struct IncidentWriteQueue: Sendable {
    struct Item: Sendable {
        let record: Incident
        let actor: Actor
        let detail: String
    }

    private let queue: GroupCommitQueue<Item>

    public init(database: TryggDatabase) {
        let sqlite = !database.location.isPostgres
        queue = GroupCommitQueue(database: database, atomic: sqlite) { batch, db in
            let records = ArraySlice(batch.map(\.record))
            let audit = batch.map {
                AuditLog.Draft(
                    actor: $0.actor, action: "rapporterade händelse", objectType: "händelse", objectID: $0.record.id.uuidString,
                    detail: $0.detail, kommunID: $0.record.kommunID)
            }
            if sqlite {
                try await IncidentStore.insertWithAudit(records, audit: audit, on: db as! any SQLDatabase)
            } else {
                try await IncidentStore.insert(records, on: db as! any SQLDatabase)
                try await AuditLog.recordAll(audit, on: db)
            }
        }
    }

    /// Stores the event (its area already resolved) and its audit entry; returns once committed.
    public func store(_ record: Incident, detail: String, by actor: Actor) async throws {
        try await queue.store(Item(record: record, actor: actor, detail: detail))
    }
}
