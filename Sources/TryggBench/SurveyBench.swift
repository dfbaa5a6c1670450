import Foundation
import TryggCore
import TryggStore
import TryggWeb

/// Surveys (issue 15): the full results table by area × kön × ålder for 30 questions over
/// 100,000 answers, on SQLite and (when DATABASE_URL names one) PostgreSQL; and answers sent
/// through the public form against /health in the same run.
func benchmarkSurveys(binary: String, directory: URL, answers: Int, seconds: Double) async throws {
    var locations: [(String, DatabaseLocation)] = [("SQLite", .sqliteFile(path: directory.appendingPathComponent("surveys.sqlite").path))]
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { locations.append(("PostgreSQL", DatabaseLocation.isolatedForTest())) }
    print("Enkäter: \(answers) svar, 30 frågor, 10 områden × 4 kön × 4 åldersgrupper")
    for (name, location) in locations {
        let database = try TryggDatabase(location: location)
        try await database.migrate()
        let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
        let store = SurveyStore(KommunScope(database, kommunID: kommun.id))
        let survey = try await store.create(benchSurvey(), by: .commandLine(kommunID: kommun.id))
        var random = SplitMix64(seed: 15)
        let responses = (0..<answers).map { _ in
            SurveyResponse(
                area: survey.areas[Int(random.next() % 10)], gender: SurveyBackground.genders[Int(random.next() % 4)].code,
                ageBand: SurveyBackground.ageBands[Int(random.next() % 4)].code,
                answers: survey.questions.map { _ in random.next() % 8 == 0 ? 0 : UInt64(1) << (random.next() % 5) })
        }
        let started = Date()
        try await store.importResponses(responses, survey: survey, fileName: "bench", by: .commandLine(kommunID: kommun.id))
        let stored = Date().timeIntervalSince(started)
        var times: [Double] = []
        var reading: [Double] = []
        for _ in 0..<7 {
            let start = Date()
            let tally = try await store.tally(survey)
            let counted = Date()
            let results = tally.results()
            times.append(Date().timeIntervalSince(start) * 1000)
            reading.append(counted.timeIntervalSince(start) * 1000)
            precondition(results.respondents == answers)
        }
        times.sort()
        reading.sort()
        print(
            String(
                format:
                    "%@: spara %d svar %.1f s; hela resultattabellen (30 frågor × 10 × 5 × 5 celler med dolda celler): median %.0f ms, max %.0f ms (mål < 300 ms), varav läsa och räkna %.0f ms",
                name, answers, stored, times[3], times[6], reading[3]))
        try await database.dropTestSchema()
        await database.shutdown()
    }
    try await benchmarkSurveyForm(binary: binary, directory: directory, seconds: seconds)
}

/// 30 single-choice questions of five options, the first two counted as the indicator.
func benchSurvey() -> Survey {
    let options = (1...5).map { SurveyOption("s\($0)", "Steg \($0)", "Step \($0)") }
    let questions = (1...30).map {
        SurveyQuestion(code: "q\($0)", text: "Fråga \($0)", english: "Question \($0)", kind: .single, options: options, indicator: ["s4", "s5"])
    }
    return Survey(
        id: UUID(), code: "bench", title: "Mätning", purpose: "", population: .boende, mode: "Webbenkät", sampleSize: nil, opensOn: "2000-01-01",
        closesOn: "2099-12-31", questionnaire: "bench-1", questions: questions, areas: (1...10).map { "Område \($0)" }, requiresCode: false)
}

/// The public form under load: each answer from its own address, against /health in alternating slices.
func benchmarkSurveyForm(binary: String, directory: URL, seconds: Double) async throws {
    let path = directory.appendingPathComponent("survey-form.sqlite").path
    let database = try TryggDatabase(location: .sqliteFile(path: path))
    try await database.migrate()
    let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
    let survey = QuestionBank.trygghet
    let created = try await SurveyStore(KommunScope(database, kommunID: kommun.id)).create(
        Survey(
            id: UUID(), code: "trygghet", title: survey.title, purpose: "", population: .boende, mode: "Webbenkät", sampleSize: nil,
            opensOn: "2000-01-01", closesOn: "2099-12-31", questionnaire: survey.versionKey, questions: survey.questions,
            areas: ["Skäggetorp", "Ryd", SurveyBackground.otherArea], requiresCode: false), by: .commandLine(kommunID: kommun.id))
    await database.shutdown()
    let server = try ServerProcess(binary: binary, database: path, port: 18_320, options: ["--trust-proxy"])
    defer { server.stop() }
    guard server.waitUntilHealthy(since: Date()) != nil else { return print("Servern svarade inte på /health") }
    // An anonymous visitor's CSRF cookie is any 43-character value sent back in the form.
    let token = String(repeating: "a", count: 43)
    let body =
        "_csrf=\(token)&omrade=Sk%C3%A4ggetorp&kon=kvinna&alder=25-44&otrygg_kvall=ganska_otrygg&oro_brott=nagon_gang&avstatt=nej"
        + "&utsatt%5B%5D=hot&utsatt%5B%5D=stold&fortroende_polis=ganska_stort&fortroende_kommun=ganska_litet&problem_stok=litet&hemsida="
    let headers = ["Content-Type": "application/x-www-form-urlencoded", "Cookie": "trygg_csrf=\(token)"]
    let form = "/k/linkoping/enkat/\(created.code)"
    let (health, posts) = runAlternating(
        seconds: seconds,
        { runLoad(port: server.port, path: "/health", headers: [:], connections: 8, seconds: $0, clientAddresses: true) },
        { runLoad(port: server.port, path: form, method: "POST", headers: headers, body: body, connections: 8, seconds: $0, clientAddresses: true) })
    print("GET /health                       " + health.summary)
    print("POST \(form)    " + posts.summary)
    print(String(format: "Enkätsvar / health: %.2f (mål ≥ 0,3)", posts.perSecond / health.perSecond))
}
