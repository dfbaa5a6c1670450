import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A kommun's assessments against the EU criteria for organised crime. They are sensitive: every
/// read is audited as well as every change.
public struct CriteriaStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = ["id", "title", "description", "assessed_on", "assessed_by", "criteria"]

    /// Every assessment, the latest first; the read is audited.
    public func all(by actor: Actor) async throws -> [CriteriaAssessment] {
        let assessments = try await sql.select().columns(Self.columns).from("criteria_assessments").where("kommun_id", .equal, kommunID)
            .orderBy("assessed_on", .descending).orderBy("id").all().map(Self.assessment)
        try await AuditLog.record(
            actor, action: "läste EU-bedömningar", objectType: "eu-kriterier", objectID: "lista", detail: "\(assessments.count) bedömningar",
            kommunID: kommunID, on: db)
        return assessments
    }

    /// One assessment; the read is audited.
    public func find(id: UUID, by actor: Actor) async throws -> CriteriaAssessment? {
        guard
            let assessment = try await sql.select().columns(Self.columns).from("criteria_assessments").where("id", .equal, id)
                .where("kommun_id", .equal, kommunID).first().map(Self.assessment)
        else { return nil }
        try await AuditLog.record(
            actor, action: "läste EU-bedömning", objectType: "eu-kriterier", objectID: id.uuidString, detail: assessment.title, kommunID: kommunID, on: db)
        return assessment
    }

    static func assessment(_ row: any SQLRow) throws -> CriteriaAssessment {
        CriteriaAssessment(
            id: try row.decode(column: "id", as: UUID.self), title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self), assessedOn: try row.decode(column: "assessed_on", as: String.self),
            assessedBy: try row.decode(column: "assessed_by", as: String.self),
            criteria: try JSONDecoder().decode([CriteriaAssessment.Criterion].self, from: Data(try row.decode(column: "criteria", as: String.self).utf8)))
    }

    /// Records a new assessment (`id` nil) or saves one.
    @discardableResult
    public func save(_ assessment: CriteriaAssessment, id: UUID?, by actor: Actor) async throws -> CriteriaAssessment {
        var saved = assessment
        saved.title = saved.title.trimmingCharacters(in: .whitespacesAndNewlines)
        let problems = saved.problems()
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        if let id {
            let exists = try await sql.select().column("id").from("criteria_assessments").where("id", .equal, id).where("kommun_id", .equal, kommunID).first()
            guard exists != nil else { throw StoreError.notFound("Bedömningen") }
        }
        saved.id = id ?? UUID()
        let record = saved
        let isNew = id == nil
        let criteria = String(decoding: try JSONEncoder().encode(record.criteria.sorted { $0.number < $1.number }), as: UTF8.self)
        let outcome = record.outcome(mandatory: try await mandatory())
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if isNew {
                try await sql.insert(into: "criteria_assessments")
                    .columns("id", "kommun_id", "title", "description", "assessed_on", "assessed_by", "criteria", "updated_at")
                    .values(
                        SQLBind(record.id), SQLBind(kommunID), SQLBind(record.title), SQLBind(record.description), SQLBind(record.assessedOn),
                        SQLBind(record.assessedBy), SQLBind(criteria), SQLBind(TryggClock.now)
                    ).run()
            } else {
                try await sql.update("criteria_assessments").set("title", to: record.title).set("description", to: record.description)
                    .set("assessed_on", to: record.assessedOn).set("assessed_by", to: record.assessedBy).set("criteria", to: criteria)
                    .set("updated_at", to: TryggClock.now).where("id", .equal, record.id).where("kommun_id", .equal, kommunID).run()
            }
            try await AuditLog.record(
                actor, action: isNew ? "gjorde EU-bedömning" : "ändrade EU-bedömning", objectType: "eu-kriterier", objectID: record.id.uuidString,
                detail: "\(record.title): \(outcome.met) av 11 uppfyllda", kommunID: kommunID, on: db)
        }
        return record
    }

    /// The kommun's mandatory criteria (the programme's 1–4 until the kommun decides otherwise).
    public func mandatory() async throws -> Set<Int> {
        guard let row = try await sql.select().column("mandatory").from("criteria_settings").where("kommun_id", .equal, kommunID).first() else {
            return EUCriteria.programmeMandatory
        }
        return Set(try JSONDecoder().decode([Int].self, from: Data(try row.decode(column: "mandatory", as: String.self).utf8)))
    }

    public func saveMandatory(_ numbers: Set<Int>, by actor: Actor) async throws {
        guard numbers.isSubset(of: Set(1...11)), numbers.count <= EUCriteria.required else {
            throw StoreError.invalid("Välj högst \(EUCriteria.required) av de elva kriterierna som obligatoriska.")
        }
        let json = String(decoding: try JSONEncoder().encode(numbers.sorted()), as: UTF8.self)
        let audit = AuditLog.Draft(
            actor: actor, action: "ändrade obligatoriska EU-kriterier", objectType: "eu-kriterier", objectID: "inställning",
            detail: numbers.sorted().map(String.init).joined(separator: ", "), kommunID: kommunID)
        try await KommunSettingsRow.replace(in: "criteria_settings", kommunID: kommunID, on: db, audit: audit) { [kommunID] in
            $0.columns("kommun_id", "mandatory").values(SQLBind(kommunID), SQLBind(json))
        }
    }
}
