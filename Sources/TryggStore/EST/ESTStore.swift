import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The EST group's weekly work: assessment, publication, priority places, insatser and their follow-up.
public struct ESTStore: Sendable {
    let db: any Database
    var sql: any SQLDatabase { db as! any SQLDatabase }
    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    struct WeekRow: Codable {
        var id: UUID
        var kommunId: UUID
        var isoWeek: Int
        var assessment: String
        var publishedAt: Int64?
        var publishedBy: String
        var updatedAt: Int64
        var updatedBy: String
    }

    public func week(_ week: ISOWeek) async throws -> ESTWeek {
        guard let row = try await weekRow(week, kommunID: kommunID, on: sql) else { return ESTWeek(week: week) }
        return Self.record(row)
    }

    /// Published weeks, newest first: what rapportörer and partners can open.
    public func publishedWeeks(limit: Int = 60) async throws -> [ESTWeek] {
        try await sql.select().column("*").from("est_weeks").where("kommun_id", .equal, kommunID).where("published_at", .isNot, SQLLiteral.null)
            .orderBy("iso_week", .descending).limit(limit).all(decoding: WeekRow.self, with: Self.decoder).map(Self.record)
    }

    /// The published weeks next to `week` (which need not be published itself), however far back:
    /// a partner's pager steps over the weeks the EST group did not publish.
    public func publishedNeighbours(of week: ISOWeek) async throws -> (before: ISOWeek?, after: ISOWeek?) {
        func nearest(_ side: SQLBinaryOperator, _ direction: SQLDirection) async throws -> ISOWeek? {
            try await sql.select().column("*").from("est_weeks").where("kommun_id", .equal, kommunID)
                .where("published_at", .isNot, SQLLiteral.null).where("iso_week", side, week.key)
                .orderBy("iso_week", direction).limit(1).first(decoding: WeekRow.self, with: Self.decoder).map(Self.record)?.week
        }
        return (try await nearest(.lessThan, .descending), try await nearest(.greaterThan, .ascending))
    }

    /// About two pages: the weekly lägesbild is read at a glance, and the report prints on A4.
    public static let assessmentLimit = 4_000

    /// `seen` is the fingerprint of the assessment the form showed: when another lead saved a
    /// different one meanwhile, this one is an `EditConflict` and nothing is written.
    public func saveAssessment(_ text: String, week: ISOWeek, seen: String? = nil, by actor: Actor) async throws {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count <= Self.assessmentLimit else {
            throw StoreError.invalid(
                "Bedömningen får vara högst \(SwedishNumber.integer(Self.assessmentLimit)) tecken (nu \(SwedishNumber.integer(text.count))).")
        }
        if let message = PersonalDataGuard.message(for: text, field: "Bedömningen") { throw StoreError.invalid(message) }
        try await upsert(week, kommunID: kommunID, by: actor, action: "skrev veckobedömning", detail: String(text.prefix(300))) { row in
            // Trimmed, as stored, so an unchanged text with a trailing line break is no change.
            guard let merged = ConcurrentEdit.merge(EditedText(text, seen: seen), stored: row.assessment) else {
                throw EditConflict(stored: ["assessment": row.assessment])
            }
            row.assessment = merged
        }
    }

    public func setPublished(_ published: Bool, week: ISOWeek, by actor: Actor) async throws {
        try await upsert(
            week, kommunID: kommunID, by: actor, action: published ? "publicerade lägesbild" : "drog tillbaka lägesbild",
            detail: week.description
        ) { row in
            row.publishedAt = published ? Int64(TryggClock.now.timeIntervalSince1970) : nil
            row.publishedBy = published ? actor.label : ""
        }
    }

    private func upsert(
        _ week: ISOWeek, kommunID: UUID, by actor: Actor, action: String, detail: String,
        change: @escaping @Sendable (inout WeekRow) throws -> Void
    ) async throws {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            var row =
                try await weekRow(week, kommunID: kommunID, on: sql)
                ?? WeekRow(
                    id: UUID(), kommunId: kommunID, isoWeek: week.key, assessment: "", publishedAt: nil, publishedBy: "",
                    updatedAt: 0, updatedBy: "")
            try change(&row)
            row.updatedAt = Int64(TryggClock.now.timeIntervalSince1970)
            row.updatedBy = actor.label
            try await sql.delete(from: "est_weeks").where("id", .equal, row.id).run()
            try await sql.insert(into: "est_weeks").model(row, keyEncodingStrategy: .convertToSnakeCase).run()
            try await AuditLog.record(
                actor, action: action, objectType: "lägesbild", objectID: week.description, detail: detail,
                kommunID: kommunID, on: db)
        }
    }

    private func weekRow(_ week: ISOWeek, kommunID: UUID, on sql: any SQLDatabase) async throws -> WeekRow? {
        try await sql.select().column("*").from("est_weeks").where("kommun_id", .equal, kommunID).where("iso_week", .equal, week.key)
            .first(decoding: WeekRow.self, with: Self.decoder)
    }

    static func record(_ row: WeekRow) -> ESTWeek {
        ESTWeek(
            week: ISOWeek.stored(row.isoWeek), assessment: row.assessment,
            publishedAt: row.publishedAt.map { Date(timeIntervalSince1970: TimeInterval($0)) }, publishedBy: row.publishedBy,
            updatedAt: Date(timeIntervalSince1970: TimeInterval(row.updatedAt)), updatedBy: row.updatedBy)
    }

    // MARK: Priority places

    struct PlaceRow: Codable {
        var id: UUID
        var kommunId: UUID
        var isoWeek: Int
        var name: String
        var latitude: Double?
        var longitude: Double?
        var note: String
        var createdAt: Int64
    }

    public func priorityPlaces(week: ISOWeek) async throws -> [PriorityPlace] {
        try await sql.select().column("*").from("est_priority_places").where("kommun_id", .equal, kommunID).where("iso_week", .equal, week.key)
            .orderBy("created_at").all(decoding: PlaceRow.self, with: Self.decoder).map { row in
                PriorityPlace(
                    id: row.id, week: week, name: row.name,
                    point: row.latitude.flatMap { lat in row.longitude.map { GeoPoint(latitude: lat, longitude: $0) } }, note: row.note)
            }
    }

    public func addPriorityPlace(name: String, point: GeoPoint?, note: String, week: ISOWeek, by actor: Actor) async throws {
        let name = name.trimmingCharacters(in: .whitespaces), note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...200).contains(name.count) else { throw StoreError.invalid("Ge platsen ett namn (2–200 tecken).") }
        guard note.count <= 1_000 else { throw StoreError.invalid("Anteckningen får vara högst 1 000 tecken.") }
        if let message = PersonalDataGuard.message(for: name + " " + note, field: "Platsen") { throw StoreError.invalid(message) }
        if let point, !point.isInSweden { throw StoreError.invalid("Punkten ligger utanför Sverige.") }
        let row = PlaceRow(
            id: UUID(), kommunId: kommunID, isoWeek: week.key, name: name, latitude: point?.latitude,
            longitude: point?.longitude, note: note, createdAt: Int64(TryggClock.now.timeIntervalSince1970))
        try await db.transaction { db in
            try await (db as! any SQLDatabase).insert(into: "est_priority_places").model(row, keyEncodingStrategy: .convertToSnakeCase).run()
            try await AuditLog.record(
                actor, action: "markerade prioriterad plats", objectType: "lägesbild", objectID: week.description,
                detail: name, kommunID: kommunID, on: db)
        }
    }

    public func removePriorityPlace(id: UUID, by actor: Actor) async throws {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            guard
                let row = try await sql.select().column("*").from("est_priority_places").where("id", .equal, id)
                    .where("kommun_id", .equal, kommunID).first(decoding: PlaceRow.self, with: Self.decoder)
            else {
                throw StoreError.notFound("Platsen")
            }
            try await sql.delete(from: "est_priority_places").where("id", .equal, id).run()
            try await AuditLog.record(
                actor, action: "tog bort prioriterad plats", objectType: "lägesbild",
                objectID: ISOWeek(key: row.isoWeek)?.description ?? "", detail: row.name, kommunID: kommunID, on: db)
        }
    }
}

extension ISOWeek {
    /// A week from its stored `yyyyww` key. Keys are written by Trygg from valid weeks; a damaged
    /// one shows as 2000-W01 rather than stopping the page.
    static func stored(_ key: Int) -> ISOWeek { ISOWeek(key: key) ?? ISOWeek(year: 2000, week: 1)! }
}
