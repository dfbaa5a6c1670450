import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Survey results followed as indicators of the kommun's measures; every change is audited.
public struct SurveyIndicatorStore: Sendable {
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

    /// Links a cell of a survey's results to a measure of this kommun.
    @discardableResult
    public func add(_ indicator: SurveyIndicator, survey: Survey, by actor: Actor) async throws -> SurveyIndicator {
        guard let (measure, _) = try await PlanStore(scope).measure(id: indicator.measureID) else { throw StoreError.notFound("Åtgärden") }
        guard let question = survey.questions.first(where: { $0.code == indicator.question && $0.isCounted }) else {
            throw StoreError.invalid("Frågan finns inte i enkäten.")
        }
        let known =
            (indicator.area == SurveyBackground.all || survey.areas.contains(indicator.area))
            && (indicator.gender == SurveyBackground.all || SurveyBackground.genders.contains { $0.code == indicator.gender })
            && (indicator.ageBand == SurveyBackground.all || SurveyBackground.ageBands.contains { $0.code == indicator.ageBand })
        guard known else { throw StoreError.invalid("Välj område, kön och ålder bland enkätens.") }
        var saved = indicator
        saved.id = UUID()
        saved.questionnaire = survey.questionnaire
        let row = saved
        try await db.transaction { db in
            try await (db as! any SQLDatabase).insert(into: "survey_indicators")
                .columns("id", "kommun_id", "measure_id", "questionnaire", "question", "area", "gender", "age_band", "created_at")
                .values(
                    SQLBind(row.id), SQLBind(kommunID), SQLBind(row.measureID), SQLBind(row.questionnaire), SQLBind(row.question), SQLBind(row.area),
                    SQLBind(row.gender), SQLBind(row.ageBand), SQLBind(TryggClock.now)
                ).run()
            try await AuditLog.record(
                actor, action: "kopplade enkätindikator", objectType: "åtgärd", objectID: measure.reference, detail: row.label(question),
                kommunID: kommunID, on: db)
        }
        return saved
    }

    public func remove(id: UUID, by actor: Actor) async throws {
        guard let indicator = try await all().first(where: { $0.id == id }) else { throw StoreError.notFound("Indikatorn") }
        try await db.transaction { db in
            try await (db as! any SQLDatabase).delete(from: "survey_indicators").where("id", .equal, id).where("kommun_id", .equal, kommunID).run()
            try await AuditLog.record(
                actor, action: "tog bort enkätindikator", objectType: "åtgärd", objectID: indicator.measureID.uuidString,
                detail: "\(indicator.questionnaire) \(indicator.question)", kommunID: kommunID, on: db)
        }
    }

    public func all() async throws -> [SurveyIndicator] {
        try await sql.select().columns("id", "measure_id", "questionnaire", "question", "area", "gender", "age_band").from("survey_indicators")
            .where("kommun_id", .equal, kommunID).orderBy("created_at").all().map {
                SurveyIndicator(
                    id: try $0.decode(column: "id", as: UUID.self), measureID: try $0.decode(column: "measure_id", as: UUID.self),
                    questionnaire: try $0.decode(column: "questionnaire", as: String.self), question: try $0.decode(column: "question", as: String.self),
                    area: try $0.decode(column: "area", as: String.self), gender: try $0.decode(column: "gender", as: String.self),
                    ageBand: try $0.decode(column: "age_band", as: String.self))
            }
    }

    /// The indicators of these measures (a measure and the earlier copies it came from).
    public func indicators(measureIDs: [UUID]) async throws -> [SurveyIndicator] {
        let wanted = Set(measureIDs)
        return try await all().filter { wanted.contains($0.measureID) }
    }
}
