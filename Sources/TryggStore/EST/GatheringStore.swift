import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The police's decisions on public gatherings in the kommun, imported from their list. The same
/// date and place is one gathering: importing the list again updates it and adds nothing.
public struct GatheringStore: Sendable {
    let db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    public struct ImportResult: Sendable, Equatable {
        public var added: Int
        public var updated: Int
    }

    /// Stores the decisions, all or nothing, and audits the import.
    public func importDecisions(_ gatherings: [Gathering], source: String, by actor: Actor) async throws -> ImportResult {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            var result = ImportResult(added: 0, updated: 0)
            let now = TryggClock.now
            var seen = Set<String>()
            for gathering in gatherings.reversed() where seen.insert(gathering.plannedOn + "\u{0}" + gathering.place).inserted {
                let existing = try await sql.select().column("id").from("gatherings").where("kommun_id", .equal, kommunID)
                    .where("planned_on", .equal, gathering.plannedOn).where("place", .equal, gathering.place).first()
                if let id = try existing?.decode(column: "id", as: UUID.self) {
                    try await sql.update("gatherings").set("decision", to: gathering.decision).set("outcome", to: gathering.outcome.rawValue)
                        .set("latitude", to: gathering.point?.latitude).set("longitude", to: gathering.point?.longitude).set("source", to: source)
                        .set("updated_at", to: now).where("id", .equal, id).run()
                    result.updated += 1
                } else {
                    try await sql.insert(into: "gatherings")
                        .columns("id", "kommun_id", "planned_on", "place", "decision", "outcome", "latitude", "longitude", "source", "updated_at")
                        .values(
                            SQLBind(gathering.id), SQLBind(kommunID), SQLBind(gathering.plannedOn), SQLBind(gathering.place), SQLBind(gathering.decision),
                            SQLBind(gathering.outcome.rawValue), SQLBind(gathering.point?.latitude), SQLBind(gathering.point?.longitude), SQLBind(source),
                            SQLBind(now)
                        ).run()
                    result.added += 1
                }
            }
            try await AuditLog.record(
                actor, action: "importerade beslut om allmänna sammankomster", objectType: "allmänna sammankomster", objectID: source,
                detail: "\(result.added) nya, \(result.updated) uppdaterade", kommunID: kommunID, on: db)
            return result
        }
    }

    /// The gatherings planned from `from` to `to` (`YYYY-MM-DD`, both included), the earliest first.
    public func planned(from: String, to: String) async throws -> [Gathering] {
        try await read { $0.where("planned_on", .greaterThanOrEqual, from).where("planned_on", .lessThanOrEqual, to).orderBy("planned_on") }
    }

    /// Every gathering, the latest first.
    public func all() async throws -> [Gathering] {
        try await read { $0.orderBy("planned_on", .descending) }
    }

    private func read(_ refine: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [Gathering] {
        let query = sql.select().columns("id", "planned_on", "place", "decision", "outcome", "latitude", "longitude").from("gatherings")
            .where("kommun_id", .equal, kommunID)
        return try await refine(query).orderBy("place").all().map { row in
            let latitude = try row.decode(column: "latitude", as: Double?.self), longitude = try row.decode(column: "longitude", as: Double?.self)
            return Gathering(
                id: try row.decode(column: "id", as: UUID.self), plannedOn: try row.decode(column: "planned_on", as: String.self),
                place: try row.decode(column: "place", as: String.self), decision: try row.decode(column: "decision", as: String.self),
                outcome: Gathering.Outcome(rawValue: try row.decode(column: "outcome", as: String.self)) ?? .bifall,
                point: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } })
        }
    }
}
