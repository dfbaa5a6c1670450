import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A kommun's yearly assessments of kriminell påverkan per district and its scale. One
/// assessment per district and year: saving again replaces it. Every change is audited.
public struct InfluenceStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = ["id", "area_id", "year", "stage", "stage_label", "assessed_on", "assessors", "motivation"]

    /// Every assessment, the latest year first, then by district.
    public func all() async throws -> [InfluenceAssessment] {
        try await sql.select().columns(Self.columns).from("influence_assessments").where("kommun_id", .equal, kommunID)
            .orderBy("year", .descending).orderBy("area_id").all().map { row in
                InfluenceAssessment(
                    id: try row.decode(column: "id", as: UUID.self), areaID: try row.decode(column: "area_id", as: UUID.self),
                    year: try row.decode(column: "year", as: Int.self), stage: try row.decode(column: "stage", as: Int.self),
                    stageLabel: try row.decode(column: "stage_label", as: String.self), assessedOn: try row.decode(column: "assessed_on", as: String.self),
                    assessors: try row.decode(column: "assessors", as: String.self), motivation: try row.decode(column: "motivation", as: String.self))
            }
    }

    /// Records the district's assessment for the year (replacing an earlier one of that year).
    @discardableResult
    public func save(_ assessment: InfluenceAssessment, by actor: Actor) async throws -> InfluenceAssessment {
        let scale = try await scale()
        var saved = assessment
        saved.assessors = saved.assessors.trimmingCharacters(in: .whitespacesAndNewlines)
        saved.motivation = saved.motivation.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems = saved.problems(scale: scale)
        if try await ForumStore(db: db, kommunID: kommunID).count("areas", ids: [saved.areaID]) != 1 {
            problems.insert("Välj ett av kommunens områden.", at: 0)
        }
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        saved.stageLabel = scale[saved.stage]
        let existing = try await sql.select().column("id").from("influence_assessments").where("kommun_id", .equal, kommunID)
            .where("area_id", .equal, saved.areaID).where("year", .equal, saved.year).first()
        saved.id = try existing?.decode(column: "id", as: UUID.self) ?? UUID()
        let record = saved
        let isNew = existing == nil
        let now = TryggClock.now
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if isNew {
                try await sql.insert(into: "influence_assessments")
                    .columns("id", "kommun_id", "area_id", "year", "stage", "stage_label", "assessed_on", "assessors", "motivation", "updated_at")
                    .values(
                        SQLBind(record.id), SQLBind(kommunID), SQLBind(record.areaID), SQLBind(record.year), SQLBind(record.stage), SQLBind(record.stageLabel),
                        SQLBind(record.assessedOn), SQLBind(record.assessors), SQLBind(record.motivation), SQLBind(now)
                    ).run()
            } else {
                try await sql.update("influence_assessments").set("stage", to: record.stage).set("stage_label", to: record.stageLabel)
                    .set("assessed_on", to: record.assessedOn).set("assessors", to: record.assessors).set("motivation", to: record.motivation)
                    .set("updated_at", to: now).where("id", .equal, record.id).where("kommun_id", .equal, kommunID).run()
            }
            try await AuditLog.record(
                actor, action: isNew ? "bedömde kriminell påverkan" : "ändrade bedömning av kriminell påverkan", objectType: "kriminell-paverkan",
                objectID: record.id.uuidString, detail: "\(record.year): \(record.stageLabel)", kommunID: kommunID, on: db)
        }
        return record
    }

    /// The kommun's scale, lowest step first.
    public func scale() async throws -> [String] {
        guard let row = try await sql.select().column("labels").from("influence_scales").where("kommun_id", .equal, kommunID).first() else {
            return InfluenceAssessment.defaultScale
        }
        return try JSONDecoder().decode([String].self, from: Data(try row.decode(column: "labels", as: String.self).utf8))
    }

    public func saveScale(_ labels: [String], by actor: Actor) async throws {
        let labels = labels.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let problems = InfluenceAssessment.scaleProblems(labels)
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        let json = String(decoding: try JSONEncoder().encode(labels), as: UTF8.self)
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            try await sql.delete(from: "influence_scales").where("kommun_id", .equal, kommunID).run()
            try await sql.insert(into: "influence_scales").columns("kommun_id", "labels").values(SQLBind(kommunID), SQLBind(json)).run()
            try await AuditLog.record(
                actor, action: "ändrade skalan för kriminell påverkan", objectType: "kriminell-paverkan", objectID: "skala",
                detail: labels.joined(separator: " / "), kommunID: kommunID, on: db)
        }
    }
}
