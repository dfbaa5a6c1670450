import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A kommun's trygghetsvandringar and their observations. Every change is audited; photos are
/// stored only as `PhotoCleaner` leaves them, and read only through the walk's kommun.
public struct WalkStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = ["id", "title", "area_id", "date", "time", "light", "route", "groups", "premeeting", "follows_up_id", "protocol_published_at"]

    /// Every walk, the latest first.
    public func all() async throws -> [SafetyWalk] {
        try await sql.select().columns(Self.columns).from("safety_walks").where("kommun_id", .equal, kommunID).orderBy("date", .descending).orderBy("id").all()
            .map(Self.walk)
    }

    public func find(id: UUID) async throws -> SafetyWalk? {
        try await sql.select().columns(Self.columns).from("safety_walks").where("id", .equal, id).where("kommun_id", .equal, kommunID).first()
            .map(Self.walk)
    }

    static func walk(_ row: any SQLRow) throws -> SafetyWalk {
        let decoder = JSONDecoder()
        return SafetyWalk(
            id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self),
            areaID: try row.decode(column: "area_id", as: UUID.self), date: try row.decode(column: "date", as: String.self),
            time: try row.decode(column: "time", as: String.self),
            light: SafetyWalk.Light(rawValue: try row.decode(column: "light", as: String.self)) ?? .dark,
            route: try decoder.decode([GeoPoint].self, from: Data(try row.decode(column: "route", as: String.self).utf8)),
            groups: try decoder.decode([SafetyWalk.Group].self, from: Data(try row.decode(column: "groups", as: String.self).utf8)),
            premeeting: try row.decode(column: "premeeting", as: String.self), followsUpID: try row.decode(column: "follows_up_id", as: UUID?.self),
            protocolPublishedAt: try row.decode(column: "protocol_published_at", as: Date?.self))
    }

    /// Plans a walk (`id` nil) or saves one; the area and the walk it follows up must be the kommun's.
    @discardableResult
    public func save(_ walk: SafetyWalk, id: UUID?, by actor: Actor) async throws -> SafetyWalk {
        var walk = walk
        walk.title = walk.title.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = walk.problems()
        if try await ForumStore(db: db, kommunID: kommunID).count("areas", ids: [walk.areaID]) != 1 { problems.append("Området finns inte i kommunen.") }
        if let first = walk.followsUpID {
            let firstWalk = try await find(id: first)
            if first == id || firstWalk == nil { problems.append("Vandringen som följs upp finns inte.") }
        }
        var existing: SafetyWalk?
        if let id {
            existing = try await find(id: id)
            guard existing != nil else { throw StoreError.notFound("Vandringen") }
        }
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        walk.id = id ?? UUID()
        walk.protocolPublishedAt = existing?.protocolPublishedAt
        let saved = walk
        let isNew = existing == nil
        let route = String(decoding: try JSONEncoder().encode(saved.route), as: UTF8.self)
        let groups = String(decoding: try JSONEncoder().encode(saved.groups), as: UTF8.self)
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if isNew {
                try await sql.insert(into: "safety_walks")
                    .columns("id", "kommun_id", "title", "area_id", "date", "time", "light", "route", "groups", "premeeting", "follows_up_id")
                    .values(
                        SQLBind(saved.id), SQLBind(kommunID), SQLBind(saved.title), SQLBind(saved.areaID), SQLBind(saved.date), SQLBind(saved.time),
                        SQLBind(saved.light.rawValue), SQLBind(route), SQLBind(groups), SQLBind(saved.premeeting), SQLBind(saved.followsUpID)
                    ).run()
            } else {
                try await sql.update("safety_walks").set("title", to: saved.title).set("area_id", to: saved.areaID).set("date", to: saved.date)
                    .set("time", to: saved.time).set("light", to: saved.light.rawValue).set("route", to: route).set("groups", to: groups)
                    .set("premeeting", to: saved.premeeting).set("follows_up_id", to: saved.followsUpID).where("id", .equal, saved.id)
                    .where("kommun_id", .equal, kommunID).run()
            }
            try await AuditLog.record(
                actor, action: isNew ? "planerade trygghetsvandring" : "ändrade trygghetsvandring", objectType: "trygghetsvandring",
                objectID: saved.id.uuidString, detail: "\(saved.title) \(saved.date) \(saved.time), \(saved.route.count) punkter i rutten",
                kommunID: kommunID, on: db)
        }
        return saved
    }

    /// Publishes the protocol on the kommun's public page (observations, causes and measures; no
    /// names), once it has observations; or takes it down.
    public func setProtocolPublished(_ published: Bool, id: UUID, by actor: Actor) async throws {
        guard let walk = try await find(id: id) else { throw StoreError.notFound("Vandringen") }
        // An empty protocol on the public page says nothing; a walk still to come has none.
        if published, try await observations(walkIDs: [id]).isEmpty {
            throw StoreError.invalid("Vandringen har inga observationer ännu. Protokollet publiceras när vandringen är gjord och observationerna antecknade.")
        }
        try await PublicationToggle(table: "safety_walks", column: "protocol_published_at", objectType: "trygghetsvandring", noun: "vandringsprotokoll")
            .set(published, id: id, title: walk.title, kommunID: kommunID, by: actor, on: db)
    }

    // MARK: Observations

    static let observationColumns = ["id", "walk_id", "latitude", "longitude", "category", "text", "cause"]

    /// The observations of the given walks (all of the kommun's when nil), in the order they were made.
    public func observations(walkIDs: [UUID]? = nil) async throws -> [WalkObservation] {
        guard let walkIDs else { return try await readObservations { $0 } }
        guard !walkIDs.isEmpty else { return [] }
        return try await readObservations { $0.where(SQLColumn("walk_id", table: "o"), .in, SQLBind.group(walkIDs)) }
    }

    /// One observation of this kommun's walks.
    /// Whether every one of `ids` is an observation of the walk (a measure or a cause may only name those).
    func observationsBelong(_ ids: [UUID], toWalk walkID: UUID) async throws -> Bool {
        Set(ids).isSubset(of: Set(try await observations(walkIDs: [walkID]).map(\.id)))
    }

    func observation(id: UUID) async throws -> WalkObservation? {
        try await readObservations { $0.where(SQLColumn("id", table: "o"), .equal, SQLBind(id)) }.first
    }

    /// Observations of this kommun's walks (the walk decides the kommun), narrowed by `filter`.
    private func readObservations(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [WalkObservation] {
        let query = sql.select().columns(Self.observationColumns.map { SQLColumn($0, table: "o") })
            .column(SQLRaw("(SELECT COUNT(*) FROM walk_photos p WHERE p.observation_id = o.id)"), as: "photos")
            .from(SQLAlias(SQLIdentifier("walk_observations"), as: SQLIdentifier("o")))
            .join(SQLAlias(SQLIdentifier("safety_walks"), as: SQLIdentifier("w")), on: SQLRaw("w.id = o.walk_id"))
            .where(SQLColumn("kommun_id", table: "w"), .equal, SQLBind(kommunID))
        return try await filter(query).orderBy(SQLColumn("walk_id", table: "o")).orderBy(SQLColumn("position", table: "o"))
            .orderBy(SQLColumn("id", table: "o")).all()
            .map { row in
                WalkObservation(
                    id: try row.decode(column: "id", as: UUID.self), walkID: try row.decode(column: "walk_id", as: UUID.self),
                    point: GeoPoint(
                        latitude: try row.decode(column: "latitude", as: Double.self), longitude: try row.decode(column: "longitude", as: Double.self)),
                    category: WalkObservation.Category(rawValue: try row.decode(column: "category", as: String.self)) ?? .annat,
                    text: try row.decode(column: "text", as: String.self), cause: try row.decode(column: "cause", as: String.self),
                    hasPhoto: try row.decode(column: "photos", as: Int.self) > 0)
            }
    }

    /// Records an observation of `walk` in `area`, with a photo already cleaned of metadata.
    @discardableResult
    public func addObservation(
        to walk: SafetyWalk, area: Area, point: GeoPoint?, category: WalkObservation.Category, text: String, photo: (data: Data, kind: PhotoCleaner.Kind)?,
        by actor: Actor
    ) async throws -> WalkObservation {
        guard try await find(id: walk.id) != nil, area.id == walk.areaID else { throw StoreError.notFound("Vandringen") }
        if let problem = WalkObservation.problem(text: text, point: point, area: area) { throw StoreError.invalid(problem) }
        guard let point else { throw StoreError.invalid("Markera platsen på kartan.") }
        let observation = WalkObservation(
            id: UUID(), walkID: walk.id, point: point, category: category, text: text.trimmingCharacters(in: .whitespacesAndNewlines), hasPhoto: photo != nil)
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            // The position numbers the walk's observations in the order they were made (1, 2, …).
            let count =
                try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("walk_observations")
                .where("walk_id", .equal, walk.id).first()?.decode(column: "n", as: Int.self) ?? 0
            try await sql.insert(into: "walk_observations")
                .columns("id", "walk_id", "position", "latitude", "longitude", "category", "text", "cause", "created_at")
                .values(
                    SQLBind(observation.id), SQLBind(walk.id), SQLBind(count + 1), SQLBind(point.latitude), SQLBind(point.longitude),
                    SQLBind(category.rawValue), SQLBind(observation.text), SQLBind(""), SQLBind(TryggClock.now)
                ).run()
            if let photo {
                try await sql.insert(into: "walk_photos").columns("observation_id", "kind", "bytes")
                    .values(SQLBind(observation.id), SQLBind(photo.kind.rawValue), SQLBind(photo.data)).run()
            }
            try await AuditLog.record(
                actor, action: "antecknade observation", objectType: "trygghetsvandring", objectID: walk.id.uuidString,
                detail: "\(category.displayName)\(photo == nil ? "" : ", med bild (\(photo!.data.count / 1024) kB)")", kommunID: kommunID, on: db)
        }
        return observation
    }

    /// The orsaksanalys of an observation, written after the walk.
    public func saveCause(observationID: UUID, cause: String, by actor: Actor) async throws {
        guard let observation = try await observation(id: observationID) else { throw StoreError.notFound("Observationen") }
        guard cause.count <= 4000 else { throw StoreError.invalid("Orsaksanalysen får vara högst 4 000 tecken.") }
        try await db.transaction { db in
            try await (db as! any SQLDatabase).update("walk_observations").set("cause", to: cause.trimmingCharacters(in: .whitespacesAndNewlines))
                .where("id", .equal, observationID).run()
            try await AuditLog.record(
                actor, action: "skrev orsaksanalys", objectType: "trygghetsvandring", objectID: observation.walkID.uuidString,
                detail: observation.category.displayName, kommunID: kommunID, on: db)
        }
    }

    /// An observation's photo, when the observation is this kommun's.
    public func photo(observationID: UUID) async throws -> (data: Data, kind: PhotoCleaner.Kind)? {
        guard try await observation(id: observationID) != nil,
            let row = try await sql.select().columns("kind", "bytes").from("walk_photos").where("observation_id", .equal, observationID).first()
        else { return nil }
        return (try row.decode(column: "bytes", as: Data.self), PhotoCleaner.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .jpeg)
    }
}
