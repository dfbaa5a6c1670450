import FluentKit
import Foundation
import SQLKit
import TryggCore

/// A kommun's surveys and their answers. Every change is audited; an answer carries no code,
/// address or time, and free text is stored apart from the rest.
public struct SurveyStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    public struct Summary: Sendable {
        public let survey: Survey
        public let responses: Int
    }

    static let columns = [
        "id", "code", "title", "purpose", "population", "mode", "sample_size", "opens_on", "closes_on", "questionnaire", "questions", "areas",
        "requires_code", "title_en", "purpose_en",
    ]

    /// Newest fieldwork first, with the number of answers of each.
    public func all() async throws -> [Summary] {
        let rows = try await sql.select().columns(Self.columns.map { SQLColumn($0, table: "surveys") })
            .column(SQLRaw("(SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = surveys.id)"), as: "responses")
            .from("surveys").where("kommun_id", .equal, kommunID).orderBy("opens_on", .descending).orderBy("code").all()
        return try rows.map { Summary(survey: try Self.survey($0), responses: try $0.decode(column: "responses", as: Int.self)) }
    }

    public func find(id: UUID) async throws -> Survey? {
        try await sql.select().columns(Self.columns).from("surveys").where("id", .equal, id).where("kommun_id", .equal, kommunID).first().map(Self.survey)
    }

    public func find(code: String) async throws -> Survey? {
        try await sql.select().columns(Self.columns).from("surveys").where("code", .equal, code).where("kommun_id", .equal, kommunID).first()
            .map(Self.survey)
    }

    static func survey(_ row: any SQLRow) throws -> Survey {
        let decoder = JSONDecoder()
        return Survey(
            id: try row.decode(column: "id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
            title: try row.decode(column: "title", as: String.self), purpose: try row.decode(column: "purpose", as: String.self),
            population: Survey.Population(rawValue: try row.decode(column: "population", as: String.self)) ?? .boende,
            mode: try row.decode(column: "mode", as: String.self), sampleSize: try row.decode(column: "sample_size", as: Int?.self),
            opensOn: try row.decode(column: "opens_on", as: String.self), closesOn: try row.decode(column: "closes_on", as: String.self),
            questionnaire: try row.decode(column: "questionnaire", as: String.self),
            questions: try decoder.decode([SurveyQuestion].self, from: Data(try row.decode(column: "questions", as: String.self).utf8)),
            areas: try decoder.decode([String].self, from: Data(try row.decode(column: "areas", as: String.self).utf8)),
            requiresCode: try row.decode(column: "requires_code", as: Bool.self),
            titleEnglish: try row.decode(column: "title_en", as: String?.self) ?? "",
            purposeEnglish: try row.decode(column: "purpose_en", as: String?.self) ?? "")
    }

    /// The areas a new survey offers: the kommun's areas in use for residents, its organisations for
    /// employees and elected officials; then one for everybody else.
    public func defaultAreas(for population: Survey.Population) async throws -> [String] {
        switch population {
        case .boende:
            return try await AreaStore(db: db, kommunID: kommunID).all().current.map(\.name) + [SurveyBackground.otherArea]
        case .medarbetare, .fortroendevalda:
            let names = try await OrganisationStore(db: db, kommunID: kommunID).organisations().current.filter { $0.kind == .forvaltning }.map(\.name)
            return names + ["Annan eller vill inte ange"]
        }
    }

    /// Creates a survey with the questions of a bank questionnaire (`survey.id` is ignored).
    @discardableResult
    public func create(_ draft: Survey, by actor: Actor) async throws -> Survey {
        var survey = draft
        survey.id = UUID()
        let problems = survey.problems()
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        let created = survey
        return try await db.transaction { db in
            let sql = db as! any SQLDatabase
            if try await sql.select().column("id").from("surveys").where("kommun_id", .equal, kommunID).where("code", .equal, created.code).first() != nil {
                throw StoreError.invalid("Det finns redan en enkät med koden ”\(created.code)”.")
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let now = TryggClock.now
            try await sql.insert(into: "surveys")
                .columns(Self.columns + ["kommun_id", "created_at", "updated_at"])
                .values(
                    SQLBind(created.id), SQLBind(created.code), SQLBind(created.title), SQLBind(created.purpose), SQLBind(created.population.rawValue),
                    SQLBind(created.mode), SQLBind(created.sampleSize), SQLBind(created.opensOn), SQLBind(created.closesOn),
                    SQLBind(created.questionnaire), SQLBind(String(decoding: try encoder.encode(created.questions), as: UTF8.self)),
                    SQLBind(String(decoding: try encoder.encode(created.areas), as: UTF8.self)), SQLBind(created.requiresCode),
                    SQLBind(created.titleEnglish), SQLBind(created.purposeEnglish),
                    SQLBind(kommunID), SQLBind(now), SQLBind(now)
                ).run()
            try await AuditLog.record(
                actor, action: "skapade enkät", objectType: "enkät", objectID: created.code, detail: "\(created.title) (\(created.questionnaire))",
                kommunID: kommunID, on: db)
            return created
        }
    }

    /// Saves the settings that may change while answers come in: texts, window, code requirement.
    @discardableResult
    public func saveSettings(_ changed: Survey, by actor: Actor) async throws -> Survey {
        guard var survey = try await find(id: changed.id) else { throw StoreError.notFound("Enkäten") }
        survey.title = changed.title
        survey.purpose = changed.purpose
        survey.titleEnglish = changed.titleEnglish
        survey.purposeEnglish = changed.purposeEnglish
        survey.mode = changed.mode
        survey.sampleSize = changed.sampleSize
        survey.opensOn = changed.opensOn
        survey.closesOn = changed.closesOn
        survey.requiresCode = changed.requiresCode
        let problems = survey.problems()
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        let saved = survey
        try await db.transaction { db in
            try await (db as! any SQLDatabase).update("surveys")
                .set("title", to: saved.title).set("purpose", to: saved.purpose).set("title_en", to: saved.titleEnglish)
                .set("purpose_en", to: saved.purposeEnglish).set("mode", to: saved.mode).set("sample_size", to: saved.sampleSize)
                .set("opens_on", to: saved.opensOn).set("closes_on", to: saved.closesOn).set("requires_code", to: saved.requiresCode)
                .set("updated_at", to: TryggClock.now)
                .where("id", .equal, saved.id).where("kommun_id", .equal, kommunID).run()
            try await AuditLog.record(
                actor, action: "ändrade enkät", objectType: "enkät", objectID: saved.code,
                detail: "fältperiod \(saved.opensOn)–\(saved.closesOn)\(saved.requiresCode ? ", engångskod krävs" : "")", kommunID: kommunID, on: db)
        }
        return saved
    }
}

/// The population a survey is weighted to.
extension SurveyStore {
    public func weights(_ survey: Survey) async throws -> SurveyWeights? {
        guard
            let text = try await sql.select().column("weights").from("surveys").where("id", .equal, survey.id).where("kommun_id", .equal, kommunID)
                .first()?.decode(column: "weights", as: String?.self)
        else { return nil }
        return try JSONDecoder().decode(SurveyWeights.self, from: Data(text.utf8))
    }

    /// Sets (or with nil removes) the population the shares are weighted to.
    public func saveWeights(_ weights: SurveyWeights?, survey: Survey, by actor: Actor) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = try weights.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        try await db.transaction { db in
            try await (db as! any SQLDatabase).update("surveys").set("weights", to: text).set("updated_at", to: TryggClock.now)
                .where("id", .equal, survey.id).where("kommun_id", .equal, kommunID).run()
            try await AuditLog.record(
                actor, action: weights == nil ? "tog bort viktning" : "viktade enkät", objectType: "enkät", objectID: survey.code,
                detail: weights.map { "befolkning \($0.total) från \($0.source)" } ?? "", kommunID: kommunID, on: db)
        }
    }
}

/// The kommun's smallest number of answers behind a shown share, and results that follow it.
extension SurveyStore {
    /// Lower than this and a share says more about the few than about the group.
    public static let lowestMinimum = 10

    public func minimum() async throws -> Int {
        try await sql.select().column("minimum_for_share").from("survey_settings").where("kommun_id", .equal, kommunID).first()?
            .decode(column: "minimum_for_share", as: Int.self) ?? SurveyRules.minimumForShare
    }

    public func saveMinimum(_ minimum: Int, by actor: Actor) async throws {
        guard (Self.lowestMinimum...10_000).contains(minimum) else {
            throw StoreError.invalid("Minsta antal svar ska vara ett heltal från \(Self.lowestMinimum) och uppåt.")
        }
        let audit = AuditLog.Draft(
            actor: actor, action: "ändrade minsta antal svar", objectType: "enkäter", objectID: "inställningar", detail: "\(minimum) svar per andel",
            kommunID: kommunID)
        try await KommunSettingsRow.replace(in: "survey_settings", kommunID: kommunID, on: db, audit: audit) { [kommunID] in
            $0.columns("kommun_id", "minimum_for_share").values(SQLBind(kommunID), SQLBind(minimum))
        }
    }

    /// The survey's results with the kommun's minimum, or with `minimum` when the caller has read
    /// it already (several surveys on one page) or needs a stricter one (a comparison).
    public func results(_ survey: Survey, weights: SurveyWeights? = nil, minimum: Int? = nil) async throws -> SurveyResults {
        let rule: Int
        if let minimum { rule = minimum } else { rule = try await self.minimum() }
        return try await tally(survey).results(minimum: rule, weights: weights)
    }
}

/// The kommun's own questions.
extension SurveyStore {
    /// Adds a question of the kommun's own, before the free-text question if there is one; only
    /// while no answer is stored, as answers are kept by the questions' order. (An answer that
    /// slips in meanwhile is still read right: the question goes after every counted question.)
    @discardableResult
    public func addQuestion(_ question: SurveyQuestion, to survey: Survey, by actor: Actor) async throws -> Survey {
        guard try await responseCount(survey) == 0 else {
            throw StoreError.invalid("Enkäten har redan svar: frågorna kan inte längre ändras.")
        }
        var changed = survey
        let position = changed.questions.firstIndex { $0.kind == .text } ?? changed.questions.count
        changed.questions.insert(question, at: position)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let questions = String(decoding: try encoder.encode(changed.questions), as: UTF8.self)
        try await db.transaction { db in
            try await (db as! any SQLDatabase).update("surveys").set("questions", to: questions).set("updated_at", to: TryggClock.now)
                .where("id", .equal, survey.id).where("kommun_id", .equal, kommunID).run()
            try await AuditLog.record(
                actor, action: "lade till egen fråga", objectType: "enkät", objectID: survey.code, detail: "\(question.code): \(question.text)",
                kommunID: kommunID, on: db)
        }
        return changed
    }
}
