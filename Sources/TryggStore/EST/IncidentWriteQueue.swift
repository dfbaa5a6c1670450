import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Group commit for event intake (one multi-row insert for the events, one for their audit entries).
public struct IncidentWriteQueue: Sendable {
    struct Item: Sendable {
        let record: Incident
        let actor: Actor
        let detail: String
    }

    private let queue: GroupCommitQueue<Item>

    public init(database: TryggDatabase) {
        queue = GroupCommitQueue(database: database) { batch, db in
            try await IncidentStore.insert(ArraySlice(batch.map(\.record)), on: db as! any SQLDatabase)
            try await AuditLog.recordAll(batch.map {
                AuditLog.Draft(actor: $0.actor, action: "rapporterade händelse", objectType: "händelse", objectID: $0.record.id.uuidString,
                               detail: $0.detail, kommunID: $0.record.kommunID)
            }, on: db)
        }
    }

    /// Stores the event (its area already resolved) and its audit entry; returns once committed.
    public func store(_ record: Incident, detail: String, by actor: Actor) async throws {
        try await queue.store(Item(record: record, actor: actor, detail: detail))
    }
}
