import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The measures decided after a trygghetsvandring, and their way into the EST insatser or the
/// åtgärdsplan. Every change is audited.
public struct WalkMeasureStore: Sendable {
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

    static let columns = [
        "id", "walk_id", "observation_ids", "text", "owner_id", "owner_name", "decision", "reason", "due_on", "insats_id", "plan_measure_id",
    ]

    /// The measures of the given walks, in the order they were proposed.
    public func measures(walkIDs: [UUID]) async throws -> [WalkMeasure] {
        guard !walkIDs.isEmpty else { return [] }
        return try await read { $0.where(SQLColumn("walk_id", table: "m"), .in, SQLBind.group(walkIDs)) }
    }

    public func find(id: UUID) async throws -> WalkMeasure? {
        try await read { $0.where(SQLColumn("id", table: "m"), .equal, SQLBind(id)) }.first
    }

    /// Measures of this kommun's walks (the walk decides the kommun), narrowed by `filter`.
    private func read(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [WalkMeasure] {
        let query = sql.select().columns(Self.columns.map { SQLColumn($0, table: "m") })
            .from(SQLAlias(SQLIdentifier("walk_measures"), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier("safety_walks"), as: SQLIdentifier("w")), on: SQLRaw("w.id = m.walk_id"))
            .where(SQLColumn("kommun_id", table: "w"), .equal, SQLBind(kommunID))
        return try await filter(query).orderBy(SQLColumn("due_on", table: "m")).orderBy(SQLColumn("id", table: "m")).all().map { row in
            WalkMeasure(
                id: try row.decode(column: "id", as: UUID.self), walkID: try row.decode(column: "walk_id", as: UUID.self),
                observationIDs: try JSONDecoder().decode([UUID].self, from: Data(try row.decode(column: "observation_ids", as: String.self).utf8)),
                text: try row.decode(column: "text", as: String.self), ownerID: try row.decode(column: "owner_id", as: UUID?.self),
                ownerName: try row.decode(column: "owner_name", as: String.self),
                decision: WalkMeasure.Decision(rawValue: try row.decode(column: "decision", as: String.self)) ?? .proposed,
                reason: try row.decode(column: "reason", as: String.self), dueOn: try row.decode(column: "due_on", as: String.self),
                insatsID: try row.decode(column: "insats_id", as: UUID?.self), planMeasureID: try row.decode(column: "plan_measure_id", as: UUID?.self))
        }
    }

    /// Proposes a measure (`id` nil) or saves its decision; it may point only at the walk's own observations.
    @discardableResult
    public func save(_ measure: WalkMeasure, id: UUID?, by actor: Actor) async throws -> WalkMeasure {
        guard let walk = try await WalkStore(scope).find(id: measure.walkID) else { throw StoreError.notFound("Vandringen") }
        var problems = measure.problems()
        if let owner = measure.ownerID, try await ForumStore(db: db, kommunID: kommunID).count("organisations", ids: [owner]) != 1 {
            problems.append("Ägaren finns inte bland kommunens organisationer.")
        }
        if try await !WalkStore(scope).observationsBelong(measure.observationIDs, toWalk: walk.id) {
            problems.append("En av observationerna hör inte till vandringen.")
        }
        var previous: WalkMeasure?
        if let id {
            previous = try await find(id: id)
            guard previous?.walkID == walk.id else { throw StoreError.notFound("Åtgärden") }
        }
        if let owner = measure.ownerID,
            let retired = try await OrganisationStore(db: db, kommunID: kommunID).retiredChoice([owner], kept: [previous?.ownerID].compactMap { $0 })
        {
            problems.append(retired)
        }
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        var saved = measure
        saved.id = id ?? UUID()
        saved.insatsID = previous?.insatsID
        saved.planMeasureID = measure.planMeasureID ?? previous?.planMeasureID
        let record = saved
        let isNew = previous == nil
        let observations = String(decoding: try JSONEncoder().encode(record.observationIDs), as: UTF8.self)
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if isNew {
                try await sql.insert(into: "walk_measures")
                    .columns("id", "walk_id", "observation_ids", "text", "owner_id", "owner_name", "decision", "reason", "due_on", "plan_measure_id")
                    .values(
                        SQLBind(record.id), SQLBind(walk.id), SQLBind(observations), SQLBind(record.text), SQLBind(record.ownerID), SQLBind(record.ownerName),
                        SQLBind(record.decision.rawValue), SQLBind(record.reason), SQLBind(record.dueOn), SQLBind(record.planMeasureID)
                    ).run()
            } else {
                try await sql.update("walk_measures").set("observation_ids", to: observations).set("text", to: record.text)
                    .set("owner_id", to: record.ownerID).set("owner_name", to: record.ownerName).set("decision", to: record.decision.rawValue)
                    .set("reason", to: record.reason).set("due_on", to: record.dueOn).set("plan_measure_id", to: record.planMeasureID)
                    .where("id", .equal, record.id).run()
            }
            try await AuditLog.record(
                actor, action: isNew ? "föreslog åtgärd efter vandring" : "beslutade åtgärd efter vandring", objectType: "trygghetsvandring",
                objectID: walk.id.uuidString, detail: "\(record.text.prefix(120)): \(record.decision.displayName), klart \(record.dueOn)",
                kommunID: kommunID, on: db)
        }
        return record
    }

    /// Makes the measure an EST insats of this week (a situational measure at its first
    /// observation's place), linked both ways so the EST group follows it up.
    public func makeInsats(measureID: UUID, place: String, by actor: Actor) async throws -> Insats {
        guard let measure = try await find(id: measureID) else { throw StoreError.notFound("Åtgärden") }
        guard measure.insatsID == nil else { throw StoreError.invalid("Åtgärden är redan en EST-insats.") }
        guard let owner = measure.ownerID else {
            throw StoreError.invalid("En EST-insats behöver en ansvarig organisation i kommunen, inte en privat fastighetsägare.")
        }
        let point = try await WalkStore(scope).observations(walkIDs: [measure.walkID]).first { measure.observationIDs.contains($0.id) }?.point
        let walk = try await WalkStore(scope).find(id: measure.walkID)
        let week = ISOWeek.containing(TryggClock.now)
        let kommunID = kommunID
        // Read the clock out here: the transaction's closure runs in another task (TryggClock is task-local).
        let startsOn = StockholmCalendar.local(TryggClock.now).dateText
        // One transaction: an insats without the link back to its measure is never left behind.
        return try await db.transaction { db in
            let insats = try await InsatsStore(db: db, kommunID: kommunID).decide(
                .init(
                    kind: .situational, what: measure.text, place: place, point: point, organisationID: owner,
                    startsOn: startsOn, dueOn: measure.dueOn, measureID: measure.planMeasureID),
                week: week, by: actor)
            try await (db as! any SQLDatabase).update("walk_measures").set("insats_id", to: insats.id).where("id", .equal, measureID).run()
            try await AuditLog.record(
                actor, action: "gjorde vandringsåtgärd till EST-insats", objectType: "trygghetsvandring", objectID: measure.walkID.uuidString,
                detail: "\(walk?.title ?? ""): \(measure.text.prefix(120))", kommunID: kommunID, on: db)
            return insats
        }
    }
}
