import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Insatser the EST group decides, and their follow-up week by week.
public struct InsatsStore: Sendable {
    let db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    /// Within another store's transaction (a walk's measure and the insats it becomes).
    init(db: any Database, kommunID: UUID) {
        self.db = db
        self.kommunID = kommunID
    }

    struct Row: Codable {
        var id: UUID
        var kommunId: UUID
        var decidedWeek: Int
        var kind: String
        var what: String
        var place: String
        var latitude: Double?
        var longitude: Double?
        var areaId: UUID?
        var organisationId: UUID
        var startsOn: String
        var dueOn: String
        var presenceDays: String
        var presenceTimes: String
        var status: String
        var createdBy: String
        var createdAt: Int64
        var measureId: UUID?

        var record: Insats {
            Insats(
                id: id, kommunID: kommunId, decidedWeek: ISOWeek.stored(decidedWeek),
                kind: Insats.Kind(rawValue: kind) ?? .situational, what: what, place: place,
                point: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } }, areaID: areaId,
                organisationID: organisationId, startsOn: startsOn, dueOn: dueOn, presenceDays: presenceDays,
                presenceTimes: presenceTimes, status: Insats.Status(rawValue: status) ?? .decided, createdBy: createdBy,
                measureID: measureId)
        }
    }

    public struct Decision: Sendable {
        public var kind: Insats.Kind
        public var what: String
        public var place: String
        public var point: GeoPoint?
        public var organisationID: UUID
        public var startsOn: String
        public var dueOn: String
        public var presenceDays: String
        public var presenceTimes: String
        /// The plan's measure the insats carries out (optional).
        public var measureID: UUID?

        public init(
            kind: Insats.Kind, what: String, place: String, point: GeoPoint?, organisationID: UUID, startsOn: String, dueOn: String,
            presenceDays: String = "", presenceTimes: String = "", measureID: UUID? = nil
        ) {
            self.measureID = measureID
            self.kind = kind
            self.what = what
            self.place = place
            self.point = point
            self.organisationID = organisationID
            self.startsOn = startsOn
            self.dueOn = dueOn
            self.presenceDays = presenceDays
            self.presenceTimes = presenceTimes
        }
    }

    @discardableResult
    public func decide(_ decision: Decision, week: ISOWeek, by actor: Actor) async throws -> Insats {
        let what = decision.what.trimmingCharacters(in: .whitespacesAndNewlines), place = decision.place.trimmingCharacters(in: .whitespaces)
        guard (3...500).contains(what.count) else { throw StoreError.invalid("Beskriv insatsen (3–500 tecken).") }
        guard (2...200).contains(place.count) else { throw StoreError.invalid("Ange var insatsen görs (2–200 tecken).") }
        guard StockholmCalendar.isDate(decision.startsOn), StockholmCalendar.isDate(decision.dueOn) else {
            throw StoreError.invalid("Ange start och klart senast som ÅÅÅÅ-MM-DD.")
        }
        guard decision.dueOn >= decision.startsOn else { throw StoreError.invalid("”Klart senast” kan inte ligga före starten.") }
        guard decision.presenceDays.count <= 100, decision.presenceTimes.count <= 100 else {
            throw StoreError.invalid("Dagar och tider får vara högst 100 tecken var.")
        }
        if let message = PersonalDataGuard.message(
            for: [what, place, decision.presenceDays, decision.presenceTimes].joined(separator: " "),
            field: "Insatsen")
        {
            throw StoreError.invalid(message)
        }
        if let point = decision.point, !point.isInSweden { throw StoreError.invalid("Punkten ligger utanför Sverige.") }
        guard try await OrganisationStore(db: db, kommunID: kommunID).organisation(id: decision.organisationID) != nil else {
            throw StoreError.invalid("Välj en ansvarig organisation i kommunen.")
        }
        if let retired = try await OrganisationStore(db: db, kommunID: kommunID).retiredChoice([decision.organisationID]) {
            throw StoreError.invalid(retired)
        }
        if let measureID = decision.measureID,
            try await MeasureModel.query(on: db).filter(\.$id == measureID).filter(\.$kommunID == kommunID).first() == nil
        {
            throw StoreError.invalid("Välj en åtgärd ur kommunens plan.")
        }
        var areaID: UUID?
        if let point = decision.point { areaID = try await AreaStore(db: db, kommunID: kommunID).area(containing: point)?.id }
        let row = Row(
            id: UUID(), kommunId: kommunID, decidedWeek: week.key, kind: decision.kind.rawValue, what: what, place: place,
            latitude: decision.point?.latitude, longitude: decision.point?.longitude, areaId: areaID,
            organisationId: decision.organisationID, startsOn: decision.startsOn, dueOn: decision.dueOn,
            presenceDays: decision.presenceDays.trimmingCharacters(in: .whitespaces),
            presenceTimes: decision.presenceTimes.trimmingCharacters(in: .whitespaces), status: Insats.Status.decided.rawValue,
            createdBy: actor.label, createdAt: Int64(TryggClock.now.timeIntervalSince1970), measureId: decision.measureID)
        try await db.transaction { db in
            try await (db as! any SQLDatabase).insert(into: "est_insatser").model(row, keyEncodingStrategy: .convertToSnakeCase).run()
            try await AuditLog.record(
                actor, action: "beslutade insats", objectType: "insats", objectID: row.id.uuidString,
                detail: "\(week): \(what) vid \(place)", kommunID: kommunID, on: db)
        }
        return row.record
    }

    public func find(id: UUID) async throws -> Insats? {
        try await sql.select().column("*").from("est_insatser").where("id", .equal, id).where("kommun_id", .equal, kommunID)
            .first(decoding: Row.self, with: Self.decoder)?.record
    }

    /// Insatser decided in `week`, plus earlier ones still open (to follow up), newest first.
    /// The insatser that carry out these measures (a measure and its copies in earlier plans).
    public func carryingOut(measureIDs: [UUID]) async throws -> [Insats] {
        guard !measureIDs.isEmpty else { return [] }
        return try await sql.select().column("*").from("est_insatser").where("kommun_id", .equal, kommunID)
            .where("measure_id", .in, measureIDs).orderBy("decided_week", .descending)
            .all(decoding: Row.self, with: Self.decoder).map(\.record)
    }

    public func forWeek(_ week: ISOWeek) async throws -> [Insats] {
        try await sql.select().column("*").from("est_insatser").where("kommun_id", .equal, kommunID)
            .where("decided_week", .lessThanOrEqual, week.key).orderBy("decided_week", .descending).orderBy("created_at", .descending)
            .all(decoding: Row.self, with: Self.decoder).map(\.record)
            .filter { $0.decidedWeek == week || $0.status.isOpen }
    }

    public func all() async throws -> [Insats] {
        try await sql.select().column("*").from("est_insatser").where("kommun_id", .equal, kommunID)
            .orderBy("decided_week", .descending).orderBy("created_at", .descending).all(decoding: Row.self, with: Self.decoder).map(\.record)
    }

    struct FollowUpRow: Codable {
        var id: UUID
        var insatsId: UUID
        var kommunId: UUID
        var isoWeek: Int
        var status: String
        var note: String
        var actor: String
        var createdAt: Int64
    }

    /// Records how an insats went in a week and sets its status.
    public func followUp(insatsID: UUID, week: ISOWeek, status: Insats.Status, note: String, by actor: Actor) async throws {
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...2_000).contains(note.count) else { throw StoreError.invalid("Skriv hur insatsen har gått (högst 2 000 tecken).") }
        if let message = PersonalDataGuard.message(for: note, field: "Uppföljningen") { throw StoreError.invalid(message) }
        guard let insats = try await find(id: insatsID) else { throw StoreError.notFound("Insatsen") }
        guard week >= insats.decidedWeek else { throw StoreError.invalid("En insats kan inte följas upp före veckan den beslutades.") }
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.insert(into: "est_insats_followups").model(
                FollowUpRow(
                    id: UUID(), insatsId: insatsID, kommunId: kommunID, isoWeek: week.key, status: status.rawValue, note: note,
                    actor: actor.label, createdAt: Int64(TryggClock.now.timeIntervalSince1970)), keyEncodingStrategy: .convertToSnakeCase
            ).run()
            try await sql.update("est_insatser").set("status", to: status.rawValue).where("id", .equal, insatsID).run()
            try await AuditLog.record(
                actor, action: "följde upp insats", objectType: "insats", objectID: insatsID.uuidString,
                detail: "\(week): \(status.displayName). \(note.prefix(300))", kommunID: kommunID, on: db)
        }
    }

    public func followUps(insatsID: UUID) async throws -> [InsatsFollowUp] {
        try await sql.select().column("*").from("est_insats_followups").where("insats_id", .equal, insatsID).where("kommun_id", .equal, kommunID)
            .orderBy("created_at").all(decoding: FollowUpRow.self, with: Self.decoder).map { row in
                InsatsFollowUp(
                    week: ISOWeek.stored(row.isoWeek), status: Insats.Status(rawValue: row.status) ?? .decided,
                    note: row.note, actor: row.actor, at: Date(timeIntervalSince1970: TimeInterval(row.createdAt)))
            }
    }

}
