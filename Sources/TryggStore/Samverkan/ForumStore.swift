import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A kommun's forums and their members. Every change is audited; a member, area or convener of
/// another kommun is refused as if it did not exist.
public struct ForumStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    init(db: any Database, kommunID: UUID) {
        self.db = db
        self.kommunID = kommunID
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = ["id", "name", "kind", "area_id", "convener_id", "mandate"]

    /// Every forum of the kommun with its members, by name.
    public func all() async throws -> [Forum] {
        try await read(id: nil)
    }

    public func find(id: UUID) async throws -> Forum? {
        try await read(id: id).first
    }

    /// The kommun's forums (or the one with `id`) with their members.
    private func read(id: UUID?) async throws -> [Forum] {
        var query = sql.select().columns(Self.columns).from("forums").where("kommun_id", .equal, kommunID)
        if let id { query = query.where("id", .equal, id) }
        var forums = try await query.orderBy("name").all().map(Self.forum)
        guard !forums.isEmpty else { return [] }
        var members = sql.select().columns(["forum_id", "user_id", "organisation_id", "secretary"].map { SQLColumn($0, table: "m") })
            .from(SQLAlias(SQLIdentifier("forum_members"), as: SQLIdentifier("m")))
            .join(SQLAlias(SQLIdentifier("forums"), as: SQLIdentifier("f")), on: SQLRaw("f.id = m.forum_id"))
            .where(SQLColumn("kommun_id", table: "f"), .equal, SQLBind(kommunID))
        if let id { members = members.where(SQLColumn("forum_id", table: "m"), .equal, SQLBind(id)) }
        var byForum: [UUID: [Forum.Member]] = [:]
        for row in try await members.all() {
            byForum[try row.decode(column: "forum_id", as: UUID.self), default: []].append(
                Forum.Member(
                    userID: try row.decode(column: "user_id", as: UUID?.self), organisationID: try row.decode(column: "organisation_id", as: UUID?.self),
                    secretary: try row.decode(column: "secretary", as: Bool.self)))
        }
        // People first, then organisations, each in a fixed order: the same list on every engine.
        for index in forums.indices {
            forums[index].members = (byForum[forums[index].id] ?? []).sorted {
                ($0.userID == nil ? 1 : 0, $0.userID?.uuidString ?? $0.organisationID?.uuidString ?? "")
                    < ($1.userID == nil ? 1 : 0, $1.userID?.uuidString ?? $1.organisationID?.uuidString ?? "")
            }
        }
        return forums
    }

    static func forum(_ row: any SQLRow) throws -> Forum {
        Forum(
            id: try row.decode(column: "id", as: UUID.self), name: try row.decode(column: "name", as: String.self),
            kind: Forum.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .annat, areaID: try row.decode(column: "area_id", as: UUID?.self),
            convenerID: try row.decode(column: "convener_id", as: UUID?.self), mandate: try row.decode(column: "mandate", as: String.self))
    }

    /// Creates the forum (`forum.id` is ignored) with its members.
    @discardableResult
    public func create(_ draft: Forum, by actor: Actor) async throws -> Forum {
        var forum = draft
        forum.id = UUID()
        forum.name = forum.name.trimmingCharacters(in: .whitespacesAndNewlines)
        try await check(forum)
        let created = forum
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(into: "forums").columns("id", "kommun_id", "name", "kind", "area_id", "convener_id", "mandate", "created_at")
                .values(
                    SQLBind(created.id), SQLBind(kommunID), SQLBind(created.name), SQLBind(created.kind.rawValue), SQLBind(created.areaID),
                    SQLBind(created.convenerID), SQLBind(created.mandate), SQLBind(TryggClock.now)
                ).run()
            try await Self.insertMembers(created, on: sql)
            try await AuditLog.record(
                actor, action: "skapade forum", objectType: "forum", objectID: created.id.uuidString,
                detail: "\(created.name) (\(created.kind.displayName)), \(created.members.count) medlemmar", kommunID: kommunID, on: db)
        }
        return created
    }

    /// Saves name, type, area, convener, mandate and the whole member list.
    public func save(_ forum: Forum, by actor: Actor) async throws {
        guard let before = try await find(id: forum.id) else { throw StoreError.notFound("Forumet") }
        var forum = forum
        forum.name = forum.name.trimmingCharacters(in: .whitespacesAndNewlines)
        try await check(forum, kept: before.members.compactMap(\.organisationID) + [before.convenerID].compactMap { $0 })
        let saved = forum
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.update("forums").set("name", to: saved.name).set("kind", to: saved.kind.rawValue).set("area_id", to: saved.areaID)
                .set("convener_id", to: saved.convenerID).set("mandate", to: saved.mandate).where("id", .equal, saved.id)
                .where("kommun_id", .equal, kommunID).run()
            try await sql.delete(from: "forum_members").where("forum_id", .equal, saved.id).run()
            try await Self.insertMembers(saved, on: sql)
            try await AuditLog.record(
                actor, action: "ändrade forum", objectType: "forum", objectID: saved.id.uuidString,
                detail: "\(before.name) → \(saved.name) (\(saved.kind.displayName)), \(before.members.count) → \(saved.members.count) medlemmar",
                kommunID: kommunID, on: db)
        }
    }

    private static func insertMembers(_ forum: Forum, on sql: any SQLDatabase) async throws {
        guard !forum.members.isEmpty else { return }
        var insert = sql.insert(into: "forum_members").columns("id", "forum_id", "user_id", "organisation_id", "secretary")
        for member in forum.members {
            insert = insert.values(SQLBind(UUID()), SQLBind(forum.id), SQLBind(member.userID), SQLBind(member.organisationID), SQLBind(member.secretary))
        }
        try await insert.run()
    }

    /// The forum's rules, then that everything it points at belongs to this kommun.
    private func check(_ forum: Forum, kept: [UUID] = []) async throws {
        var problems = forum.problems()
        let userIDs = forum.members.compactMap(\.userID)
        let organisationIDs = forum.members.compactMap(\.organisationID) + [forum.convenerID].compactMap { $0 }
        if try await count("users", ids: userIDs) != Set(userIDs).count { problems.append("En av de valda personerna finns inte i kommunen.") }
        if try await count("organisations", ids: organisationIDs) != Set(organisationIDs).count {
            problems.append("En av de valda organisationerna finns inte i kommunen.")
        }
        if let retired = try await OrganisationStore(db: db, kommunID: kommunID).retiredChoice(organisationIDs, kept: kept) { problems.append(retired) }
        if let area = forum.areaID, try await count("areas", ids: [area]) != 1 { problems.append("Området finns inte i kommunen.") }
        if Set(userIDs).count != userIDs.count || Set(forum.members.compactMap(\.organisationID)).count != forum.members.compactMap(\.organisationID).count {
            problems.append("Samma medlem står två gånger.")
        }
        let others = try await all().filter { $0.id != forum.id && $0.name.lowercased() == forum.name.lowercased() }
        if !others.isEmpty { problems.append("Det finns redan ett forum som heter ”\(forum.name)”.") }
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
    }

    /// How many of `ids` are rows of `table` in this kommun.
    func count(_ table: String, ids: [UUID]) async throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let row = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .where("id", .in, Array(Set(ids))).where("kommun_id", .equal, kommunID).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }
}
