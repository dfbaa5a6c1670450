import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Orsaksanalyser of a kommun's walks that cover several observations. Audited like the rest of the walk.
public struct WalkCauseStore: Sendable {
    let db: any Database
    let scope: KommunScope

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
        self.scope = scope
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// The walk's analyses, oldest first.
    public func causes(walkID: UUID) async throws -> [WalkCause] {
        try await sql.select().columns("id", "walk_id", "observation_ids", "text").from("walk_causes").where("kommun_id", .equal, kommunID)
            .where("walk_id", .equal, walkID).orderBy("created_at").orderBy("id").all().map { row in
                WalkCause(
                    id: try row.decode(column: "id", as: UUID.self), walkID: try row.decode(column: "walk_id", as: UUID.self),
                    observationIDs: try JSONDecoder().decode([UUID].self, from: Data(try row.decode(column: "observation_ids", as: String.self).utf8)),
                    text: try row.decode(column: "text", as: String.self))
            }
    }

    /// One analysis for the given observations, all of them the walk's.
    @discardableResult
    public func add(walk: SafetyWalk, observationIDs: [UUID], text: String, by actor: Actor) async throws -> WalkCause {
        let chosen = Array(Set(observationIDs))
        if let problem = WalkCause.problem(observations: chosen.count, text: text) { throw StoreError.invalid(problem) }
        guard try await WalkStore(scope).observationsBelong(chosen, toWalk: walk.id) else {
            throw StoreError.invalid("En vald observation hör inte till vandringen.")
        }
        let cause = WalkCause(
            id: UUID(), walkID: walk.id, observationIDs: chosen.sorted { $0.uuidString < $1.uuidString },
            text: text.trimmingCharacters(in: .whitespacesAndNewlines))
        try await db.transaction { db in
            try await (db as! any SQLDatabase).insert(into: "walk_causes").columns("id", "kommun_id", "walk_id", "observation_ids", "text", "created_at")
                .values(
                    SQLBind(cause.id), SQLBind(kommunID), SQLBind(walk.id),
                    SQLBind(String(decoding: try JSONEncoder().encode(cause.observationIDs), as: UTF8.self)),
                    SQLBind(cause.text), SQLBind(TryggClock.now)
                ).run()
            try await AuditLog.record(
                actor, action: "skrev orsaksanalys", objectType: "trygghetsvandring", objectID: walk.id.uuidString,
                detail: "för \(chosen.count) observationer", kommunID: kommunID, on: db)
        }
        return cause
    }

    /// Removes an analysis written by mistake.
    public func remove(id: UUID, walkID: UUID, by actor: Actor) async throws {
        guard try await causes(walkID: walkID).contains(where: { $0.id == id }) else { throw StoreError.notFound("Orsaksanalysen") }
        try await db.transaction { db in
            try await (db as! any SQLDatabase).delete(from: "walk_causes").where("id", .equal, id).where("kommun_id", .equal, kommunID).run()
            try await AuditLog.record(
                actor, action: "tog bort orsaksanalys", objectType: "trygghetsvandring", objectID: walkID.uuidString, detail: "", kommunID: kommunID, on: db)
        }
    }
}
