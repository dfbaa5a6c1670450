import Foundation
import Testing
import TryggCore

@Suite("Enkäter: svar, kontroller, andelar och dolda celler")
struct SurveyTests {
    static let survey = Survey(
        id: UUID(), code: "trygghet-2025", title: "Trygghetsundersökning 2025", purpose: "", population: .boende, mode: "Webbenkät",
        sampleSize: nil, opensOn: "2025-09-01", closesOn: "2025-09-30", questionnaire: QuestionBank.trygghet.versionKey,
        questions: QuestionBank.trygghet.questions, areas: ["Skäggetorp", "Ryd", SurveyBackground.otherArea], requiresCode: false)

    static func draft(_ area: String = "Skäggetorp", gender: String = "kvinna", age: String = "25-44", _ choices: [String: [String]]) -> SurveyRules.Draft {
        SurveyRules.Draft(area: area, gender: gender, ageBand: age, choices: choices)
    }

    static func answer(_ area: String, _ gender: String, _ option: String, age: String = "25-44") -> SurveyResponse {
        guard case .success(let response) = SurveyRules.check(draft(area, gender: gender, age: age, ["otrygg_kvall": [option]]), for: survey) else {
            fatalError("testsvaret är ogiltigt")
        }
        return response
    }

    @Test("Ett svar kontrolleras mot enkätens frågor: okänt område, alternativ som inte finns, två svar där ett efterfrågas, personnummer i fritext")
    func rules() {
        guard
            case .failure(let problems) = SurveyRules.check(
                Self.draft(
                    "Månen", gender: "", age: "99",
                    ["otrygg_kvall": ["kanske"], "avstatt": ["ja", "nej"], "kommentar": ["Ring 070-123 45 67"], "okand_fraga": ["ja"]]), for: Self.survey)
        else {
            Issue.record("svaret godtogs")
            return
        }
        let fields = problems.list.map(\.field)
        #expect(Set(fields) == ["omrade", "kon", "alder", "otrygg_kvall", "avstatt", "kommentar", "okand_fraga"])
        #expect(problems.list.contains { $0.message.contains("”kanske” finns inte") })
        // Case does not matter for the area; unanswered questions are allowed; a multiple-choice question takes several.
        guard
            case .success(let response) = SurveyRules.check(
                Self.draft("skäggetorp", ["utsatt": ["hot", "stold"], "kommentar": ["Bättre belysning"]]), for: Self.survey)
        else {
            Issue.record("ett giltigt svar avvisades")
            return
        }
        #expect(response.area == "Skäggetorp" && response.texts == ["kommentar": "Bättre belysning"])
        let utsatt = QuestionBank.trygghet.questions.firstIndex { $0.code == "utsatt" }!
        #expect(response.answers[utsatt].nonzeroBitCount == 2 && response.answers[0] == 0)
    }

    @Test("Svaren sparas som bitmängder och räknas tillbaka; trasig text blir obesvarat, aldrig en krasch")
    func answerText() {
        let night = Self.survey.questions[0], worry = Self.survey.questions[1]
        let answers: [UInt64] = [night.bit(of: "mycket_otrygg")!, worry.bit(of: "aldrig")!]
        #expect(SurveyAnswerText.encode(answers + [0, 0]) == "\(answers[0]),\(answers[1]),,")
        var tally = SurveyTally(survey: Self.survey)
        // Three respondents joined as the database joins them; the third's text is damaged.
        let list = [SurveyAnswerText.encode(answers), SurveyAnswerText.encode(answers), "x,99999999999999999999999,,7;;"].joined(separator: ";")
        tally.add(area: "Ryd", gender: "man", ageBand: "65+", respondents: 3, answerList: list)
        let results = tally.results(minimum: 1)
        #expect(results.respondents == 3)
        #expect(results.questions[0].cell(area: "Ryd")?.n == 2 && results.questions[0].cell(area: "Ryd")?.share == 1)
        #expect(results.questions[1].cell(area: "Ryd")?.n == 2 && results.questions[1].cell(area: "Ryd")?.share == 0)
    }

    @Test("Wilsonintervallet: 20 av 40 ger 35–65 %, 0 av 30 börjar på noll")
    func wilson() {
        let half = Wilson.interval(hits: 20, of: 40)
        #expect(abs(half.lowerBound - 0.352) < 0.002 && abs(half.upperBound - 0.648) < 0.002)
        let none = Wilson.interval(hits: 0, of: 30)
        #expect(none.lowerBound == 0 && abs(none.upperBound - 0.114) < 0.002)
    }

    @Test("Kvinnor i Skäggetorp: andel otrygga med intervall; en cell under 30 svar döljs och en till, så att den inte kan räknas fram")
    func results() {
        var tally = SurveyTally(survey: Self.survey)
        var responses: [SurveyResponse] = []
        responses += (0..<40).map { Self.answer("Skäggetorp", "kvinna", $0 < 22 ? "ganska_otrygg" : "ganska_trygg") }
        responses += (0..<35).map { Self.answer("Skäggetorp", "man", $0 < 7 ? "mycket_otrygg" : "mycket_trygg") }
        // Ten who do not say their gender: too few to show, and with everything else shown they could be recovered.
        responses += (0..<10).map { Self.answer("Skäggetorp", "vill_ej", $0 < 5 ? "gar_inte_ut" : "ganska_trygg") }
        // "Vet inte" stays outside the base.
        responses += (0..<5).map { _ in Self.answer("Ryd", "kvinna", "vet_ej") }
        for response in responses {
            tally.add(area: response.area, gender: response.gender, ageBand: response.ageBand, answers: SurveyAnswerText.encode(response.answers))
        }
        tally.add(area: "Okänt", gender: "kvinna", ageBand: "25-44", answers: "1")
        let results = tally.results()
        #expect(results.respondents == 90)
        let night = results.questions[0]
        let women = night.cell(area: "Skäggetorp", gender: "kvinna")
        #expect(women?.n == 40 && women?.share == 22.0 / 40)
        #expect(night.cell(area: "Skäggetorp", gender: "vill_ej")?.suppressed == true)
        #expect(night.cell(area: "Ryd")?.suppressed == true, "fem svar, alla vet inte: ingen bas")
        // The area's total is shown, so one more gender cell must go too: the smallest shown (men).
        let skaggetorp = night.cell(area: "Skäggetorp")
        #expect(skaggetorp?.n == 85)
        #expect(night.cell(area: "Skäggetorp", gender: "man")?.suppressed == true && skaggetorp?.suppressed == false)
        // No row anywhere has exactly one hidden answered cell beside a shown total (empty cells hide nobody).
        let counts = Dictionary(
            uniqueKeysWithValues: responses.reduce(into: [String: Int]()) { $0["\($1.area)|\($1.gender)", default: 0] += 1 }.map { ($0.key, $0.value) })
        for cell in night.cells where cell.gender == SurveyBackground.all && cell.ageBand == SurveyBackground.all && !cell.suppressed {
            let row = night.cells.filter { $0.area == cell.area && $0.ageBand == cell.ageBand && $0.gender != SurveyBackground.all }
            #expect(row.filter { $0.suppressed && counts["\($0.area)|\($0.gender)", default: 0] > 0 }.count != 1, "\(cell.area)")
        }
        #expect(night.cells.count == 4 * 5 * 5)
    }

    @Test("Problemindex 0–6: varje svarandes medel av problemfrågorna (vet inte räknas inte), sedan medel för gruppen")
    func problemIndex() {
        var tally = SurveyTally(survey: Self.survey)
        func add(_ choices: [String: [String]], times: Int) {
            guard case .success(let response) = SurveyRules.check(Self.draft("Ryd", choices), for: Self.survey) else {
                Issue.record("ogiltigt")
                return
            }
            for _ in 0..<times { tally.add(area: "Ryd", gender: "kvinna", ageBand: "25-44", answers: SurveyAnswerText.encode(response.answers)) }
        }
        add(["problem_stok": ["mycket_stort"], "problem_nedskrapning": ["inget"], "problem_trafik": ["vet_ej"]], times: 20)  // 3 each
        add(["problem_narkotika": ["ganska_stort"]], times: 20)  // 4 each
        add(["otrygg_kvall": ["ganska_trygg"]], times: 5)  // no items: outside the index
        let results = tally.results()
        #expect(results.indexCell(area: "Ryd", gender: "kvinna")?.n == 40)
        #expect(results.indexCell(area: "Ryd", gender: "kvinna")?.value == 3.5)
        #expect(results.indexCell(area: "Skäggetorp")?.suppressed == true)
    }

    @Test("Viktning efter befolkningen: männen är tre fjärdedelar av befolkningen men hälften av de svarande; designeffekten 1,25")
    func weighting() throws {
        var tally = SurveyTally(survey: Self.survey)
        for response in (0..<40).map({ Self.answer("Ryd", "kvinna", $0 < 20 ? "mycket_otrygg" : "mycket_trygg") })
            + (0..<40).map({ _ in
                Self.answer("Ryd", "man", "mycket_trygg")
            })
        {
            tally.add(area: response.area, gender: response.gender, ageBand: response.ageBand, answers: SurveyAnswerText.encode(response.answers))
        }
        var rows = ["area,kon,alder,befolkning"]
        for gender in ["kvinna", "man"] {
            for age in SurveyBackground.ageBands { rows.append("Ryd,\(gender),\(age.code),\(age.code == "25-44" ? (gender == "man" ? 300 : 100) : 50)") }
        }
        guard case .success(let weights) = SurveyWeights.read(try CSVReader.read(Data(rows.joined(separator: "\n").utf8)), for: Self.survey, source: "ryd.csv")
        else {
            Issue.record("befolkningsfilen avvisades")
            return
        }
        let plain = tally.results().questions[0].cell(area: "Ryd")
        let weighted = tally.results(weights: weights)
        #expect(plain?.share == 0.25)
        #expect(abs((weighted.questions[0].cell(area: "Ryd")?.share ?? 0) - 0.125) < 1e-9)
        #expect(abs((weighted.weighting?.designEffect ?? 0) - 1.25) < 1e-9)
        #expect(weighted.weighting?.effective(80) == 64)
        #expect(weighted.weighting?.unrepresented.count == 6, "sex celler i Ryd utan svarande")
        #expect(weighted.questions[0].cell(area: "Ryd")?.n == 80, "n är antalet svar, oviktat")

        let bad = try CSVReader.read(Data("area,kon,alder,befolkning\nRyd,kvinna,25-44,-5\nMånen,man,25-44,10\nRyd,annat,25-44,3\n".utf8))
        guard case .failure(let failure) = SurveyWeights.read(bad, for: Self.survey, source: "fel.csv") else {
            Issue.record("en felaktig befolkning godtogs")
            return
        }
        #expect(failure.problems.map(\.line) == [2, 3, 4])
        let incomplete = try CSVReader.read(Data("area,kon,alder,befolkning\nRyd,kvinna,25-44,100\n".utf8))
        guard case .failure(let missing) = SurveyWeights.read(incomplete, for: Self.survey, source: "halv.csv") else {
            Issue.record("en ofullständig befolkning godtogs")
            return
        }
        #expect(missing.problems.count == 7 && missing.description.contains("befolkning saknas för Ryd, man, 16-24"))
    }

    @Test("Medarbetarenkät: en förvaltning visas bara som helhet, aldrig uppdelad på kön eller ålder, hur många som än svarat")
    func unitsAreNotSplit() {
        var survey = Self.survey
        survey.population = .medarbetare
        survey.areas = ["Socialförvaltningen", "Kultur- och fritidsförvaltningen"]
        var tally = SurveyTally(survey: survey)
        for (unit, gender) in [("Socialförvaltningen", "kvinna"), ("Socialförvaltningen", "man"), ("Kultur- och fritidsförvaltningen", "kvinna")] {
            for index in 0..<40 {
                tally.add(area: unit, gender: gender, ageBand: "45-64", answers: index % 2 == 0 ? "8" : "1")
            }
        }
        let night = tally.results().questions[0]
        #expect(night.cell(area: "Socialförvaltningen")?.n == 80)
        #expect(night.cell(area: "Socialförvaltningen", gender: "kvinna")?.suppressed == true)
        #expect(night.cell(area: "Socialförvaltningen", ageBand: "45-64")?.suppressed == true)
        #expect(night.cell(gender: "kvinna")?.n == 80, "hela kommunens kvinnor visas")
    }

    @Test("CSV från ett annat verktyg: okänd kolumn, okänt område och fel alternativ anges med rad; inget godkänns")
    func csvImport() throws {
        let bad = try CSVReader.read(Data("area,kon,alder,otrygg_kvall,skostorlek\nRyd,man,16-24,ganska_trygg,42\n".utf8))
        guard case .failure(let header) = SurveyResponseCSV.check(bad, for: Self.survey) else {
            Issue.record("okänd kolumn godtogs")
            return
        }
        #expect(header.problems.map(\.column) == ["skostorlek"])
        let rows = try CSVReader.read(
            Data("area;kon;alder;otrygg_kvall;utsatt\nRyd;man;16-24;ganska_trygg;hot|vald\nMånen;kvinna;25-44;ganska_trygg;\nRyd;kvinna;25-44;kanske;\n".utf8))
        guard case .failure(let failure) = SurveyResponseCSV.check(rows, for: Self.survey) else {
            Issue.record("felaktiga rader godtogs")
            return
        }
        #expect(failure.problems.map(\.line) == [3, 4])
        let good = try CSVReader.read(Data("area,kon,alder,otrygg_kvall,utsatt\nRyd,man,16-24,ganska_trygg,hot;vald\n".utf8))
        guard case .success(let responses) = SurveyResponseCSV.check(good, for: Self.survey) else {
            Issue.record("en giltig fil avvisades")
            return
        }
        #expect(responses.count == 1 && responses[0].answers.filter { $0 != 0 }.count == 2)
    }

    @Test("Fältperioden gäller svenska kalenderdagar, båda dagarna med")
    func window() throws {
        let lastEvening = try StockholmCalendar.instant(year: 2025, month: 9, day: 30, hour: 23, minute: 30)
        let dayAfter = try StockholmCalendar.instant(year: 2025, month: 10, day: 1, hour: 0, minute: 10)
        #expect(Self.survey.isOpen(at: lastEvening) && !Self.survey.isOpen(at: dayAfter))
        var wrong = Self.survey
        wrong.closesOn = "2025-08-01"
        wrong.code = "Trygghet 2025"
        #expect(wrong.problems().count == 2)
    }

    @Test("Engångskoder: tio tecken utan förväxlingsbara tecken, skrivs in hur som helst")
    func codes() {
        let code = OneTimeCode.make()
        #expect(code.count == 11 && !code.contains("O") && !code.contains("0") && !code.contains("I"))
        #expect(OneTimeCode.normalized(" " + code.lowercased().replacingOccurrences(of: "-", with: " ")) == code.replacingOccurrences(of: "-", with: ""))
    }
}

@Suite("Viktning efter befolkningen i Trygg: SCB:s åldersgrupper fördelas på enkätens")
struct PopulationWeightsTests {
    @Test("15–19 delas 4/5 till 16–24, 65+ hela, under 16 utanför; övriga DeSO blir Övriga kommunen")
    func bands() throws {
        let survey = Survey(
            id: UUID(), code: "t", title: "T", purpose: "", population: .boende, mode: "", sampleSize: nil, opensOn: "2025-03-01", closesOn: "2025-04-01",
            questionnaire: QuestionBank.trygghet.versionKey, questions: QuestionBank.trygghet.questions, areas: ["Ryd", SurveyBackground.otherArea],
            requiresCode: false)
        let cells: [SurveyWeights.PopulationCell] = [
            .init(deso: "0580C1380", gender: "kvinna", age: "15-19", count: 100), .init(deso: "0580C1380", gender: "kvinna", age: "20-24", count: 50),
            .init(deso: "0580C1380", gender: "kvinna", age: "10-14", count: 70), .init(deso: "0580C1380", gender: "man", age: "65+", count: 40),
            .init(deso: "0580C9000", gender: "man", age: "25-29", count: 30), .init(deso: "0580C1380", gender: "alla", age: "alla", count: 999),
        ]
        let weights = try SurveyWeights.fromPopulation(cells, areas: ["Ryd": ["0580C1380"]], for: survey, year: 2024).get()
        #expect(weights.population["Ryd|kvinna|16-24"] == 130, "80 av 15–19 och alla 50 av 20–24")
        #expect(weights.population["Ryd|man|65+"] == 40 && weights.population["Ryd|kvinna|45-64"] == 0)
        #expect(weights.population["\(SurveyBackground.otherArea)|man|25-44"] == 30)
        #expect(weights.total == 200, "10–14 och totalraden räknas inte")
        let missing = SurveyWeights.fromPopulation(cells, areas: [:], for: survey, year: 2024)
        #expect(missing.failureMessages.first?.contains("Enkätens områden har inga DeSO-koder") == true)
        let onlyTotals = SurveyWeights.fromPopulation([cells[5]], areas: ["Ryd": ["0580C1380"]], for: survey, year: 2024)
        #expect(onlyTotals.failureMessages.first?.contains("Befolkning per kön och ålder för 2024 saknas") == true)
    }
}

extension Result where Failure == ImportFailure {
    var failureMessages: [String] {
        if case .failure(let failure) = self { return failure.problems.map(\.message) }
        return []
    }
}

@Suite("QR-koder på inbjudningskorten")
struct QRCodeTests {
    @Test("Versionen växer med texten; sökmönstren sitter i tre hörn; för lång text ger ingen kod")
    func structure() throws {
        let short = try #require(QRCode("https://trygg.linkoping.se/k/linkoping/enkat/trygghet-2026?kod=ABCDE-FGHJK"))
        #expect(short.version == 5 && short.size == 37, "71 byte ryms i version 5 på nivå M")
        for (x, y) in [(0, 0), (short.size - 7, 0), (0, short.size - 7)] {
            #expect((0..<7).allSatisfy { short.modules[y][x + $0] } && (0..<7).allSatisfy { short.modules[y + 6][x + $0] }, "sökmönstrets ram")
            #expect(!short.modules[y + 1][x + 1] && short.modules[y + 3][x + 3], "ljus ring och mörk kärna")
        }
        #expect((8..<short.size - 8).allSatisfy { short.modules[6][$0] == ($0 % 2 == 0) }, "tidsmönstret")
        #expect(QRCode(String(repeating: "a", count: 214)) == nil && QRCode(String(repeating: "a", count: 213))?.version == 10)
        #expect(QRCode("a")?.svg(label: "Kod <1>").contains("aria-label=\"Kod &lt;1&gt;\"") == true)
    }
}
