import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Answers and one-time codes.
extension SurveyStore {
    public enum ReceiveError: Error, Equatable, CustomStringConvertible {
        case codeRequired, unknownCode, usedCode

        public var description: String {
            switch self {
            case .codeRequired: "Enkäten besvaras med koden i inbjudan. Skriv in den."
            case .unknownCode: "Koden finns inte. Kontrollera att du skrivit den som i inbjudan."
            case .usedCode: "Koden har redan använts: varje kod ger ett svar."
            }
        }
    }

    /// One answer from the public form, as the write queue (`SurveyWriteQueue`) holds it.
    public struct Received: Sendable {
        public let survey: Survey
        public let response: SurveyResponse
        public let code: String?
        public init(survey: Survey, response: SurveyResponse, code: String?) {
            self.survey = survey
            self.response = response
            self.code = code
        }
    }

    /// Answers inside one transaction: each code, when the survey asks for one, checked and marked
    /// used, then the answers stored; nothing links an answer to its code.
    static func receive(_ items: [Received], on db: any Database) async throws {
        let sql = db as! any SQLDatabase
        for item in items where item.survey.requiresCode {
            guard let code = item.code, !code.isEmpty else { throw ReceiveError.codeRequired }
            let hash = SessionStore.hash(OneTimeCode.normalized(code))
            guard
                let row = try await sql.select().column("used").from("survey_codes").where("survey_id", .equal, item.survey.id)
                    .where("code_hash", .equal, hash).first()
            else { throw ReceiveError.unknownCode }
            guard try !row.decode(column: "used", as: Bool.self) else { throw ReceiveError.usedCode }
            // Only an unused code is marked: two answers racing with one code cannot both pass.
            let marked = try await sql.update("survey_codes").set("used", to: true).where("survey_id", .equal, item.survey.id)
                .where("code_hash", .equal, hash).where("used", .equal, false).returning("code_hash").all()
            guard !marked.isEmpty else { throw ReceiveError.usedCode }
        }
        for survey in Dictionary(grouping: items, by: \.survey.id).values {
            try await insert(survey.map(\.response), survey: survey[0].survey, source: "webb", on: sql)
        }
    }

    /// Answers collected elsewhere, all or nothing.
    @discardableResult
    public func importResponses(_ table: CSVTable, survey: Survey, fileName: String, by actor: Actor) async throws -> Int {
        switch SurveyResponseCSV.check(table, for: survey) {
        case .failure(let failure): throw failure
        case .success(let responses): return try await importResponses(responses, survey: survey, fileName: fileName, by: actor)
        }
    }

    /// Checked answers (a CSV file's, the demo's), in one transaction.
    @discardableResult
    public func importResponses(_ responses: [SurveyResponse], survey: Survey, fileName: String, by actor: Actor) async throws -> Int {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            var start = 0
            while start < responses.count {
                try await Self.insert(responses[start..<min(start + 1_000, responses.count)], survey: survey, source: "import", on: sql)
                start += 1_000
            }
            try await AuditLog.record(
                actor, action: "importerade enkätsvar", objectType: "enkät", objectID: survey.code, detail: "\(responses.count) svar från \(fileName)",
                kommunID: kommunID, on: db)
        }
        return responses.count
    }

    static func insert(_ responses: some Collection<SurveyResponse>, survey: Survey, source: String, on sql: any SQLDatabase) async throws {
        guard !responses.isEmpty else { return }
        var insert = sql.insert(into: "survey_responses").columns("id", "survey_id", "area", "gender", "age_band", "answers", "source")
        var texts: [(String, String)] = []
        for response in responses {
            insert = insert.values(
                SQLBind(UUID()), SQLBind(survey.id), SQLBind(response.area), SQLBind(response.gender), SQLBind(response.ageBand),
                SQLBind(SurveyAnswerText.encode(response.answers)), SQLBind(source))
            texts += response.texts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        }
        try await insert.run()
        // Places, like texts, in an order of their own.
        let places = responses.compactMap(\.place).shuffled()
        if !places.isEmpty {
            var placeInsert = sql.insert(into: "survey_places").columns("id", "survey_id", "latitude", "longitude")
            for place in places { placeInsert = placeInsert.values(SQLBind(UUID()), SQLBind(survey.id), SQLBind(place.latitude), SQLBind(place.longitude)) }
            try await placeInsert.run()
        }
        guard !texts.isEmpty else { return }
        var textInsert = sql.insert(into: "survey_texts").columns("id", "survey_id", "question", "text")
        // Shuffled, so that the order of the texts does not follow the order of the answers.
        for (question, text) in texts.shuffled() {
            textInsert = textInsert.values(SQLBind(UUID()), SQLBind(survey.id), SQLBind(question), SQLBind(text))
        }
        try await textInsert.run()
    }

    /// Counts every stored answer of the survey. The database joins the answers of each area,
    /// gender and age band into one text (a few hundred groups instead of a row per respondent:
    /// reading 100,000 rows one by one was most of the results page), counted in two halves on two cores.
    public func tally(_ survey: Survey) async throws -> SurveyTally {
        let join = sql.dialect.name == "postgresql" ? "string_agg(answers, ';')" : "group_concat(answers, ';')"
        let rows = try await sql.raw(
            """
            SELECT area, gender, age_band, COUNT(*) AS n, \(unsafeRaw: join) AS answers FROM survey_responses
            WHERE survey_id = \(bind: survey.id) GROUP BY area, gender, age_band
            """
        ).all()
        let groups = try rows.map {
            (
                area: try $0.decode(column: "area", as: String.self), gender: try $0.decode(column: "gender", as: String.self),
                age: try $0.decode(column: "age_band", as: String.self), n: try $0.decode(column: "n", as: Int.self),
                answers: try $0.decode(column: "answers", as: String.self)
            )
        }
        @Sendable func count(_ part: ArraySlice<(area: String, gender: String, age: String, n: Int, answers: String)>) -> SurveyTally {
            var tally = SurveyTally(survey: survey)
            for group in part { tally.add(area: group.area, gender: group.gender, ageBand: group.age, respondents: group.n, answerList: group.answers) }
            return tally
        }
        // Two halves of about the same number of answers.
        let total = groups.reduce(0) { $0 + $1.n }
        var middle = 0, first = 0
        while middle < groups.count && first < total / 2 {
            first += groups[middle].n
            middle += 1
        }
        let split = middle
        async let second = Task.detached { count(groups[split...]) }.value
        var tally = count(groups[..<split])
        tally.merge(await second)
        return tally
    }

    /// The places marked as unsafe (each rounded to its 100 m square).
    public func places(_ survey: Survey) async throws -> [GeoPoint] {
        try await sql.select().from("survey_places").where("survey_id", .equal, survey.id)
            .plainRows(["latitude", "longitude"], jsonOnPostgres: true) { GeoPoint(latitude: try $0.double("latitude"), longitude: try $0.double("longitude")) }
    }

    public func responseCount(_ survey: Survey) async throws -> Int {
        try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("survey_responses")
            .where("survey_id", .equal, survey.id).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// The free-text answers, per question code in the survey's order. Reading them is audited:
    /// they may say more about a person than the counts.
    public func texts(_ survey: Survey, by actor: Actor) async throws -> [(question: String, text: String)] {
        let rows = try await sql.select().columns("question", "text").from("survey_texts").where("survey_id", .equal, survey.id).orderBy("id").all()
        try await AuditLog.record(
            actor, action: "läste fritextsvar", objectType: "enkät", objectID: survey.code, detail: "\(rows.count) svar", kommunID: kommunID, on: db)
        let order = Dictionary(uniqueKeysWithValues: survey.questions.enumerated().map { ($1.code, $0) })
        return try rows.map { (try $0.decode(column: "question", as: String.self), try $0.decode(column: "text", as: String.self)) }
            .sorted { (order[$0.0] ?? 0) < (order[$1.0] ?? 0) }
    }

    public struct CodeCounts: Sendable, Equatable {
        public let total: Int
        public let used: Int
    }

    public func codeCounts(_ survey: Survey) async throws -> CodeCounts {
        let rows = try await sql.select().column("used").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("survey_codes")
            .where("survey_id", .equal, survey.id).groupBy("used").all()
        var total = 0, used = 0
        for row in rows {
            let n = try row.decode(column: "n", as: Int.self)
            total += n
            if try row.decode(column: "used", as: Bool.self) { used += n }
        }
        return CodeCounts(total: total, used: used)
    }

    /// Makes `count` new one-time codes and returns them; only their hashes are kept, so they
    /// can be printed this once.
    public func createCodes(_ count: Int, survey: Survey, by actor: Actor) async throws -> [String] {
        guard (1...20_000).contains(count) else { throw StoreError.invalid("Ange hur många koder som behövs: 1–20 000.") }
        var codes = Set<String>()
        while codes.count < count { codes.insert(OneTimeCode.make()) }
        let list = codes.sorted()
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            var start = 0
            while start < list.count {
                var insert = sql.insert(into: "survey_codes").columns("survey_id", "code_hash", "used")
                for code in list[start..<min(start + 1_000, list.count)] {
                    insert = insert.values(SQLBind(survey.id), SQLBind(SessionStore.hash(OneTimeCode.normalized(code))), SQLBind(false))
                }
                try await insert.run()
                start += 1_000
            }
            try await AuditLog.record(
                actor, action: "skapade engångskoder", objectType: "enkät", objectID: survey.code, detail: "\(count) koder", kommunID: kommunID, on: db)
        }
        return list
    }
}

/// Group commit for answers from the public forms: answers that arrive while a write is in
/// progress are stored together in the next transaction (with SQLite's single writer, one
/// transaction per answer was most of the form's cost). A used code fails only its own answer.
public struct SurveyWriteQueue: Sendable {
    private let queue: GroupCommitQueue<SurveyStore.Received>

    public init(database: TryggDatabase) {
        queue = GroupCommitQueue(database: database) { items, db in try await SurveyStore.receive(items, on: db) }
    }

    /// Returns once the answer is committed.
    public func store(_ item: SurveyStore.Received) async throws { try await queue.store(item) }
}
