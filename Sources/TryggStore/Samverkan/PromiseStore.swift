import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A kommun's medborgarlöften and their follow-ups. Every change is audited; a follow-up for a
/// period outside the promise, or a second one for the same period, is refused.
public struct PromiseStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = [
        "id", "title", "area_id", "from_month", "to_month", "cadence", "problem", "lagesbild_problem_id", "activities", "indicators", "published_at",
    ]

    /// Every promise, the latest period first.
    public func all() async throws -> [CitizenPromise] {
        try await sql.select().columns(Self.columns).from("citizen_promises").where("kommun_id", .equal, kommunID).orderBy("from_month", .descending)
            .orderBy("title").orderBy("id").all().map(Self.promise)
    }

    public func find(id: UUID) async throws -> CitizenPromise? {
        try await sql.select().columns(Self.columns).from("citizen_promises").where("id", .equal, id).where("kommun_id", .equal, kommunID).first()
            .map(Self.promise)
    }

    static func promise(_ row: any SQLRow) throws -> CitizenPromise {
        let decoder = JSONDecoder()
        return CitizenPromise(
            id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self),
            areaID: try row.decode(column: "area_id", as: UUID?.self), fromMonth: try row.decode(column: "from_month", as: String.self),
            toMonth: try row.decode(column: "to_month", as: String.self),
            cadence: CitizenPromise.Cadence(rawValue: try row.decode(column: "cadence", as: String.self)) ?? .quarter,
            problem: try row.decode(column: "problem", as: String.self),
            lagesbildProblemID: try row.decode(column: "lagesbild_problem_id", as: UUID?.self),
            activities: try decoder.decode([CitizenPromise.Activity].self, from: Data(try row.decode(column: "activities", as: String.self).utf8)),
            indicators: try decoder.decode([String].self, from: Data(try row.decode(column: "indicators", as: String.self).utf8)),
            publishedAt: try row.decode(column: "published_at", as: Date?.self))
    }

    /// Creates the promise (its id is ignored) or saves an existing one (`id` given).
    @discardableResult
    public func save(_ promise: CitizenPromise, id: UUID?, by actor: Actor) async throws -> CitizenPromise {
        var promise = promise
        promise.title = promise.title.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = promise.problems()
        let organisations = Set(promise.activities.map(\.responsibleID))
        if try await ForumStore(db: db, kommunID: kommunID).count("organisations", ids: Array(organisations)) != organisations.count {
            problems.append("En ansvarig organisation finns inte i kommunen.")
        }
        if let area = promise.areaID, try await ForumStore(db: db, kommunID: kommunID).count("areas", ids: [area]) != 1 {
            problems.append("Området finns inte i kommunen.")
        }
        var existing: CitizenPromise?
        if let id {
            existing = try await find(id: id)
            guard existing != nil else { throw StoreError.notFound("Medborgarlöftet") }
            let outside = Set(try await followUps(promiseID: id).map(\.period)).subtracting(promise.periods)
            if !outside.isEmpty {
                problems.append("Perioden kan inte krympa förbi uppföljningar som redan finns (\(outside.sorted().joined(separator: ", "))).")
            }
        }
        let kept = existing?.activities.map(\.responsibleID) ?? []
        if let retired = try await OrganisationStore(db: db, kommunID: kommunID).retiredChoice(organisations, kept: kept) { problems.append(retired) }
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        promise.id = id ?? UUID()
        promise.publishedAt = existing?.publishedAt
        let saved = promise
        let isNew = existing == nil
        let encoder = JSONEncoder()
        let activities = String(decoding: try encoder.encode(saved.activities), as: UTF8.self)
        let indicators = String(decoding: try encoder.encode(saved.indicators), as: UTF8.self)
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if isNew {
                try await sql.insert(into: "citizen_promises")
                    .columns(
                        "id", "kommun_id", "title", "area_id", "from_month", "to_month", "cadence", "problem", "lagesbild_problem_id", "activities",
                        "indicators",
                        "created_at"
                    )
                    .values(
                        SQLBind(saved.id), SQLBind(kommunID), SQLBind(saved.title), SQLBind(saved.areaID), SQLBind(saved.fromMonth), SQLBind(saved.toMonth),
                        SQLBind(saved.cadence.rawValue), SQLBind(saved.problem), SQLBind(saved.lagesbildProblemID), SQLBind(activities), SQLBind(indicators),
                        SQLBind(TryggClock.now)
                    ).run()
            } else {
                try await sql.update("citizen_promises").set("title", to: saved.title).set("area_id", to: saved.areaID)
                    .set("from_month", to: saved.fromMonth).set("to_month", to: saved.toMonth).set("cadence", to: saved.cadence.rawValue)
                    .set("problem", to: saved.problem).set("lagesbild_problem_id", to: saved.lagesbildProblemID).set("activities", to: activities)
                    .set("indicators", to: indicators).where("id", .equal, saved.id).where("kommun_id", .equal, kommunID).run()
            }
            try await AuditLog.record(
                actor, action: isNew ? "skapade medborgarlöfte" : "ändrade medborgarlöfte", objectType: "medborgarlöfte",
                objectID: saved.id.uuidString, detail: "\(saved.title), \(saved.fromMonth) – \(saved.toMonth), \(saved.activities.count) aktiviteter",
                kommunID: kommunID, on: db)
        }
        return saved
    }

    /// Publishes the promise on the kommun's public page, or takes it down.
    public func setPublished(_ published: Bool, id: UUID, by actor: Actor) async throws {
        guard let promise = try await find(id: id) else { throw StoreError.notFound("Medborgarlöftet") }
        try await PublicationToggle(table: "citizen_promises", column: "published_at", objectType: "medborgarlöfte", noun: "medborgarlöfte")
            .set(published, id: id, title: promise.title, kommunID: kommunID, by: actor, on: db)
    }

    public func followUps(promiseID: UUID) async throws -> [CitizenPromise.FollowUp] {
        try await followUps(promiseIDs: [promiseID])[promiseID] ?? []
    }

    /// The follow-ups of several promises of this kommun in one query (lists, the start page and
    /// the public page show every promise with its follow-ups), each promise's by period.
    public func followUps(promiseIDs: [UUID]) async throws -> [UUID: [CitizenPromise.FollowUp]] {
        guard !promiseIDs.isEmpty else { return [:] }
        let rows = try await sql.select().columns(["promise_id", "period", "status", "text", "written_by", "written_at"].map { SQLColumn($0, table: "f") })
            .from(SQLAlias(SQLIdentifier("citizen_promise_followups"), as: SQLIdentifier("f")))
            .join(SQLAlias(SQLIdentifier("citizen_promises"), as: SQLIdentifier("p")), on: SQLRaw("p.id = f.promise_id"))
            .where(SQLColumn("kommun_id", table: "p"), .equal, SQLBind(kommunID)).where(SQLColumn("promise_id", table: "f"), .in, SQLBind.group(promiseIDs))
            .orderBy(SQLColumn("period", table: "f")).all()
        var byPromise: [UUID: [CitizenPromise.FollowUp]] = [:]
        for row in rows {
            byPromise[try row.decode(column: "promise_id", as: UUID.self), default: []].append(
                CitizenPromise.FollowUp(
                    period: try row.decode(column: "period", as: String.self),
                    status: CitizenPromise.FollowUp.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .partly,
                    text: try row.decode(column: "text", as: String.self), writtenBy: try row.decode(column: "written_by", as: String.self),
                    writtenAt: try row.decode(column: "written_at", as: Date.self)))
        }
        return byPromise
    }

    /// Records the follow-up of one period (once; a period of the promise only).
    public func followUp(_ promise: CitizenPromise, period: String, status: CitizenPromise.FollowUp.Status, text: String, by actor: Actor) async throws {
        guard try await find(id: promise.id) != nil else { throw StoreError.notFound("Medborgarlöftet") }
        let existing = try await followUps(promiseID: promise.id)
        if let problem = promise.followUpProblem(period: period, existing: existing, text: text) { throw StoreError.invalid(problem) }
        try await db.transaction { db in
            try await (db as! any SQLDatabase).insert(into: "citizen_promise_followups")
                .columns("id", "promise_id", "period", "status", "text", "written_by", "written_at")
                .values(
                    SQLBind(UUID()), SQLBind(promise.id), SQLBind(period), SQLBind(status.rawValue),
                    SQLBind(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                    SQLBind(actor.label), SQLBind(TryggClock.now)
                ).run()
            try await AuditLog.record(
                actor, action: "följde upp medborgarlöfte", objectType: "medborgarlöfte", objectID: promise.id.uuidString,
                detail: "\(period): \(status.displayName)", kommunID: kommunID, on: db)
        }
    }
}
