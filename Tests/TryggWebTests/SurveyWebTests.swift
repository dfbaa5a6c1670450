import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("Enkäter: det öppna formuläret, engångskoder, resultat med dolda celler")
struct SurveyWebTests {
    static func store(_ harness: Harness) async throws -> SurveyStore {
        SurveyStore(try await harness.scope("linkoping"))
    }

    static let answer: [(String, String)] = [
        ("omrade", "Skäggetorp"), ("kon", "kvinna"), ("alder", "25-44"), ("otrygg_kvall", "mycket_otrygg"), ("utsatt[]", "hot"), ("utsatt[]", "stold"),
        ("kommentar", "Bättre belysning vid torget"), ("lat", "58.4318"), ("lon", "15.5790"), ("hemsida", ""),
    ]

    @Test("Invånaren svarar utan inloggning på svenska eller engelska; en stängd enkät och ett okänt svar tas inte emot")
    func residentAnswers() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let store = try await Self.store(harness)
            let open = try #require(try await store.find(code: "trygghet-2026"))
            let closed = try #require(try await store.find(code: "trygghet-2025"))
            // The demo's survey of this year already has its first week of answers.
            let before = try await store.responseCount(open)
            let (placesBefore, textsBefore) = (try await store.places(open), try await store.texts(open, by: .commandLine()))
            let resident = Browser(client)
            let form = try await resident.get("/k/linkoping/enkat/trygghet-2026")
            #expect(form.status == .ok && form.text.contains("Hur trygg eller otrygg känner du dig") && form.text.contains("Går inte ut av oro"))
            let english = try await resident.get("/k/linkoping/enkat/trygghet-2026?lang=en")
            #expect(english.text.contains("lang=\"en\"") && english.text.contains("How safe or unsafe do you feel"))
            #expect(english.text.contains(">Elsewhere in the municipality</label>") && !english.text.contains(">Övriga kommunen</label>"))
            #expect(english.text.contains("<h1>Safety survey 2026</h1>") && english.text.contains("survey of how safe you feel where you live"))
            // Without an English title the Swedish one stands, marked as Swedish for screen readers.
            let closedEnglish = try await resident.get("/k/linkoping/enkat/trygghet-2025?lang=en")
            #expect(
                closedEnglish.text.contains("<h1 lang=\"sv\">Trygghetsundersökning 2025</h1>") && closedEnglish.text.contains("<p class=\"lead\" lang=\"sv\">"))
            let sent = try await resident.post("/k/linkoping/enkat/trygghet-2026", pairs: Self.answer)
            #expect(sent.status == .seeOther && sent.location == "/k/linkoping/enkat/trygghet-2026/tack", "\(sent.text.suffix(3000))")
            #expect(try await resident.get(try #require(sent.location)).text.contains("Dina svar på ”Trygghetsundersökning 2026” är mottagna"))
            #expect(try await store.responseCount(open) == before + 1)
            // The place is kept apart too, rounded to its 100 m square.
            let places = try await store.places(open)
            #expect(places.count == placesBefore.count + 1 && !places.contains { $0.latitude == 58.4318 || $0.longitude == 15.5790 })
            #expect(places.contains { abs($0.latitude - 58.4318) < 0.001 && abs($0.longitude - 15.5790) < 0.002 })
            let farAway = try await resident.post(
                "/k/linkoping/enkat/trygghet-2026", pairs: Self.answer.filter { $0.0 != "lat" && $0.0 != "lon" } + [("lat", "200"), ("lon", "15.5")])
            #expect(farAway.status == .badRequest && farAway.text.contains("Platsen ska vara en punkt i Sverige") && farAway.text.contains("value=\"200\""))
            // The free text is kept apart, readable by the samordnare; the answer itself has no text.
            let texts = try await store.texts(open, by: .commandLine())
            #expect(texts.count == textsBefore.count + 1 && texts.map(\.text).filter { $0 == "Bättre belysning vid torget" }.count == 1)

            let wrong = try await resident.post(
                "/k/linkoping/enkat/trygghet-2026", pairs: Self.answer.filter { $0.0 != "otrygg_kvall" } + [("otrygg_kvall", "kanske")])
            #expect(wrong.status == .badRequest && wrong.text.contains("Svaret ”kanske” finns inte"))
            let late = try await resident.post("/k/linkoping/enkat/trygghet-2025", pairs: Self.answer)
            #expect(late.status == .conflict && late.text.contains("tar inte emot svar nu"))
            #expect(try await resident.get("/k/linkoping/enkat/trygghet-2025").text.contains("Enkäten är inte öppen"))
            #expect(try await store.responseCount(open) == before + 1)
            #expect(try await store.responseCount(closed) == 2_000)
            // The public page offers the open survey of residents; the results compare with 2025's answers to the same questions.
            #expect(try await resident.get("/k/linkoping/").text.contains("Svara på Trygghetsundersökning 2026"))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let results = try await samordnare.get("/enkater/\(open.id)/resultat?fraga=otrygg_kvall")
            #expect(results.text.contains("Samma fråga tidigare år") && results.text.contains("2025 <span class=\"hint\">Trygghetsundersökning 2025"))
            // Another kommun's survey is not found under this kommun's address.
            #expect(try await resident.get("/k/norrkoping/enkat/trygghet-2026").status == .notFound)
        }
    }

    @Test("Med engångskod: koderna visas en gång för utskrift, varje kod ger ett svar och sparas inte med svaret")
    func oneTimeCodes() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let store = try await Self.store(harness)
            var survey = try #require(try await store.find(code: "trygghet-2026"))
            let before = try await store.responseCount(survey)
            survey.requiresCode = true
            try await store.saveSettings(survey, by: .commandLine())
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let printed = try await samordnare.submit("/enkater/\(survey.id)/koder", ["antal": "3"])
            let codes = printed.text.matches(of: /<strong>([A-Z0-9]{5}-[A-Z0-9]{5})<\/strong>/).map { String($0.output.1) }
            #expect(codes.count == 3 && printed.text.contains("/k/linkoping/enkat/trygghet-2026"))
            #expect(try await samordnare.get("/enkater/\(survey.id)/koder").text.contains("visas bara en gång"), "en omladdning visar inga koder")

            #expect(printed.text.matches(of: /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 (\d+) \1" class="qr"/).count == 3, "ett QR-kort per kod")
            let resident = Browser(client)
            let linked = try await resident.get("/k/linkoping/enkat/trygghet-2026?kod=\(codes[1].lowercased().replacingOccurrences(of: "-", with: ""))")
            #expect(linked.text.contains("value=\"\(codes[1])\""), "länken i QR-koden fyller i koden")
            #expect(try await resident.get("/k/linkoping/enkat/trygghet-2026?kod=%3Cscript%3E").text.contains("id=\"kod\" name=\"kod\" value=\"\""))
            try await resident.get("/k/linkoping/enkat/trygghet-2026")
            let without = try await resident.post("/k/linkoping/enkat/trygghet-2026", pairs: Self.answer)
            #expect(without.status == .badRequest && without.text.contains("Skriv in den"))
            let first = try await resident.post("/k/linkoping/enkat/trygghet-2026", pairs: Self.answer + [("kod", codes[0].lowercased())])
            #expect(first.status == .seeOther)
            let again = try await resident.post("/k/linkoping/enkat/trygghet-2026", pairs: Self.answer + [("kod", codes[0])])
            #expect(again.status == .badRequest && again.text.contains("redan använts"))
            let unknown = try await resident.post("/k/linkoping/enkat/trygghet-2026", pairs: Self.answer + [("kod", "AAAAA-BBBBB")])
            #expect(unknown.status == .badRequest && unknown.text.contains("Koden finns inte"))
            let counts = try await store.codeCounts(survey)
            #expect(counts.total == 3 && counts.used == 1)
            #expect(try await store.responseCount(survey) == before + 1)
        }
    }

    @Test("Resultaten: kvinnor i Skäggetorp oftare otrygga än män; små celler dolda i sidan och i JSON; fritext bara för samordnare och analytiker")
    func results() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let survey = try #require(try await Self.store(harness).find(code: "trygghet-2025"))
            let results = try await Self.store(harness).tally(survey).results()
            let night = try #require(results.questions.first { $0.question.code == "otrygg_kvall" })
            let women = try #require(night.cell(area: "Skäggetorp", gender: "kvinna")?.share)
            let men = try #require(night.cell(area: "Skäggetorp", gender: "man")?.share)
            #expect(women > men + 0.15, "kvinnor \(women), män \(men)")
            #expect(night.cell(area: "Skäggetorp", gender: "annat")?.suppressed == true)

            let analytiker = Browser(client)
            try await analytiker.login("analytiker@linkoping.demo")
            let page = try await analytiker.get("/enkater/\(survey.id)/resultat?fraga=otrygg_kvall&dela=kon")
            #expect(
                page.status == .ok && page.text.contains("\(SwedishNumber.integer(2_000)) svarande") && page.text.contains("för få svar"),
                "\(page.status) \(page.text.suffix(2500))")
            // The whole survey's cell counts over a thousand answers, written as people read numbers.
            #expect(page.text.range(of: #"n = 1\x{00A0}\d{3}"#, options: .regularExpression) != nil)
            let json = try await analytiker.get("/enkater/\(survey.id)/resultat.json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
            #expect(document["survey"] as? String == "trygghet-2025" && document["n"] as? Int == 2_000)
            let questions = try #require(document["questions"] as? [[String: Any]])
            let cells = try #require(questions.first?["cells"] as? [[String: Any]])
            let hidden = try #require(cells.first { $0["suppressed"] as? Bool == true })
            #expect(hidden["share"] is NSNull && hidden["n"] is NSNull && hidden["ci_low"] is NSNull)
            #expect(!json.text.contains("Bättre belysning") && !json.text.contains("kommentar"))
            #expect(try await analytiker.get("/enkater/\(survey.id)/fritext").status == .ok)

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            #expect(try await police.get("/enkater/\(survey.id)/resultat").status == .ok)
            #expect(try await police.get("/enkater/\(survey.id)/fritext").status == .forbidden)
            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            #expect(try await reporter.get("/enkater").status == .forbidden)
        }
    }

    @Test("En lägesbild för 2025 har trygghetsundersökningen bland sina egna källor: andelen otrygga för alla, kvinnor och män")
    func lagesbildSource() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let created = try await samordnare.post("/lagesbild/dokument", ["fran": "2025-01-01", "till": "2025-12-31"])
            let document = try #require(created.location)
            let report = try await samordnare.get(document + "/rapport")
            #expect(report.status == .ok && report.text.contains("Trygghetsundersökning 2025"))
            #expect(report.text.contains("(2\u{a0}000 svar)") || report.text.contains("(2 000 svar)"))
            #expect(!report.text.contains("Otillåten påverkan 2022"), "bara enkäter till boende, och bara periodens")
        }
    }

    @Test("Andelen otrygga kvinnor i Skäggetorp blir en åtgärds indikator och syns på åtgärden år för år")
    func measureIndicator() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let scope = try await harness.scope("linkoping")
            let survey = try #require(try await SurveyStore(scope).find(code: "trygghet-2025"))
            let plan = try #require(try await PlanStore(scope).planInForce())
            let measure = try #require(try await PlanStore(scope).measures(planID: plan.id).first)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/enkater/\(survey.id)/resultat").text.contains("Följ upp en åtgärd i planen"))
            let fields = ["atgard": measure.id.uuidString, "fraga": "otrygg_kvall", "omrade": "Skäggetorp", "kon": "kvinna", "alder": "alla"]
            var wrong = fields
            wrong["omrade"] = "Månen"
            let refused = try await samordnare.post("/enkater/\(survey.id)/indikator", wrong)
            #expect(refused.status == .seeOther && refused.location?.hasSuffix("/resultat") == true)
            #expect(try await SurveyIndicatorStore(scope).all().isEmpty)
            let page = try await samordnare.submit("/enkater/\(survey.id)/indikator", fields)
            #expect(page.text.contains("Indikatorer från enkäter") && page.text.contains("kvinnor, Skäggetorp"))
            #expect(page.text.contains("2025 (Trygghetsundersökning 2025): ") && page.text.contains("%"))
            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            #expect(try await police.post("/enkater/\(survey.id)/indikator", fields).status == .forbidden)
            #expect(try await police.get("/plan/atgard/\(measure.id)").text.contains("kvinnor, Skäggetorp"), "partner ser indikatorn")
            let indicator = try #require(try await SurveyIndicatorStore(scope).all().first)
            _ = try await samordnare.submit("/plan/atgard/\(measure.id)/indikator/\(indicator.id)/ta-bort")
            #expect(try await SurveyIndicatorStore(scope).all().isEmpty)
        }
    }

    @Test("Viktning: en befolkningsfil på enkätens sida, viktade andelar med designeffekt på resultatsidan och i JSON; en trasig fil sparar inget")
    func weights() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let survey = try #require(try await Self.store(harness).find(code: "trygghet-2025"))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let broken = try await samordnare.upload(
                "/enkater/\(survey.id)/viktning", file: Data("area,kon,alder,befolkning\nRyd,man,25-44,x\n".utf8), filename: "fel.csv")
            #expect(broken.status == .badRequest && broken.text.contains("heltal"))
            #expect(try await Self.store(harness).weights(survey) == nil)
            var rows = ["area,kon,alder,befolkning"]
            for area in survey.areas {
                for gender in ["kvinna", "man"] {
                    for age in SurveyBackground.ageBands { rows.append("\(area),\(gender),\(age.code),\(area == "Skäggetorp" ? 900 : 300)") }
                }
            }
            let uploaded = try await samordnare.upload(
                "/enkater/\(survey.id)/viktning", file: Data(rows.joined(separator: "\n").utf8), filename: "befolkning.csv")
            #expect(uploaded.status == .seeOther)
            let page = try await samordnare.get("/enkater/\(survey.id)/resultat?viktat=ja")
            #expect(page.text.contains("Viktade efter befolkningen (befolkning.csv). Designeffekt"))
            let json = try await samordnare.get("/enkater/\(survey.id)/resultat.json?viktat=ja")
            #expect(json.text.contains("\"weighted\" : true") && json.text.contains("\"design_effect\" : 1."))
            #expect(try await samordnare.get("/enkater/\(survey.id)/resultat.json").text.contains("\"weighted\" : false"))
        }
    }

    @Test("Viktning med befolkningen i Trygg: utan siffror per kön och ålder ett tydligt fel, med SCB:s långa tabell summerat över områdenas DeSO")
    func weightsFromPopulation() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let survey = try #require(try await Self.store(harness).find(code: "trygghet-2025"))
            let scope = try await harness.scope("linkoping")
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let refused = try await samordnare.post("/enkater/\(survey.id)/viktning/befolkning", [:])
            #expect(refused.status == .badRequest && refused.text.contains("Befolkning per kön och ålder"))
            #expect(try await Self.store(harness).weights(survey) == nil)
            let ryd = try #require(try await AreaStore(scope).all().first { $0.name == "Ryd" })
            var counts: [PopulationCount] = []
            for deso in ryd.desoCodes {
                for gender in ["kvinna", "man"] {
                    for age in ["15-19", "20-24", "25-44", "45-64", "65+"] {
                        counts.append(PopulationCount(deso: deso, year: 2024, gender: gender, age: age, count: 100))
                    }
                }
            }
            try await PopulationStore(scope).importCounts(
                PopulationTable.Result(counts: counts, skippedRows: 0, years: [2024], desoCount: ryd.desoCodes.count), fileName: "scb-lang.csv",
                by: .commandLine(kommunID: scope.kommunID))
            let saved = try await samordnare.submit("/enkater/\(survey.id)/viktning/befolkning", [:])
            #expect(saved.text.contains("viktas efter befolkningen 2024"))
            let weights = try #require(try await Self.store(harness).weights(survey))
            #expect(weights.population["Ryd|kvinna|16-24"] == 180 * ryd.desoCodes.count, "fyra femtedelar av 15–19 och hela 20–24")
            #expect(weights.source == "SCB:s befolkning per DeSO 2024 i Trygg (utan City: inga DeSO-koder)")
        }
    }

    @Test("Kommunens minsta antal svar: höjt till 300 döljer fler celler överallt; under 10 vägras")
    func kommunMinimum() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let store = try await Self.store(harness)
            let survey = try #require(try await store.find(code: "trygghet-2025"))
            let before = try await store.results(survey).questions[0].cells.filter(\.suppressed).count
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let refused = try await samordnare.post("/enkater/installningar", ["minsta": "3"])
            #expect(refused.status == .badRequest && refused.text.contains("från 10 och uppåt"))
            let saved = try await samordnare.submit("/enkater/installningar", ["minsta": "300"])
            #expect(saved.text.contains("minst 300 svar"))
            let after = try await store.results(survey)
            #expect(after.minimum == 300 && after.questions[0].cells.filter(\.suppressed).count > before)
            #expect(try await Browser(client).get("/k/linkoping/enkat/trygghet-2026").text.contains("minst 300 svar"))
            #expect(try await harness.auditActions("linkoping").contains("ändrade minsta antal svar"))
        }
    }

    @Test("En ny enkät ur frågebanken och en import där en rad är fel: tydligt fel, inget sparat")
    func createAndImport() async throws {
        try await Harness.run { harness, client in
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let duplicateCode = try await samordnare.post("/enkater", ["formular": "trygghet", "kod": "Fel kod!", "fran": "2026-03-01", "till": "2026-03-31"])
            #expect(duplicateCode.status == .badRequest && duplicateCode.text.contains("Koden ska vara"))
            let created = try await samordnare.submit(
                "/enkater",
                [
                    "formular": "trygghet", "kod": "ryd-2026", "rubrik": "", "rubrik_en": "Safety in Ryd 2026", "population": "boende", "fran": "2026-03-01",
                    "till": "2026-03-31",
                ])
            #expect(created.text.contains("Trygghetsundersökning") && created.text.contains("Berga, City, Ryd, Skäggetorp, Övriga kommunen"))
            let survey = try #require(try await Self.store(harness).find(code: "ryd-2026"))
            // An own question before the first answer; a broken one says what is wrong and adds nothing.
            let broken = try await samordnare.post(
                "/enkater/\(survey.id)/fragor", ["kod": "otrygg_kvall", "fraga": "Igen?", "typ": "single", "alternativ": "ja = Ja", "indikator": "nej"])
            #expect(broken.status == .badRequest && broken.text.contains("redan en fråga") && broken.text.contains("2–20 alternativ"))
            let added = try await samordnare.submit(
                "/enkater/\(survey.id)/fragor",
                [
                    "kod": "parken", "fraga": "Känns parken trygg på kvällen?", "typ": "single", "alternativ": "ja = Ja\nnej = Nej\nvet_ej = Vet inte",
                    "indikator": "nej",
                ])
            #expect(added.text.contains("Frågan ”Känns parken trygg på kvällen?” är tillagd."))
            let withOwn = try #require(try await Self.store(harness).find(code: "ryd-2026"))
            #expect(withOwn.questions.map(\.code).suffix(2) == ["parken", "kommentar"])
            #expect(try await Browser(client).get("/k/linkoping/enkat/ryd-2026").text.contains("Känns parken trygg på kvällen?"))
            #expect(try await Browser(client).get("/k/linkoping/enkat/ryd-2026?lang=en").text.contains("<h1>Safety in Ryd 2026</h1>"))
            let bad = Data("area,kon,alder,otrygg_kvall\nRyd,kvinna,25-44,ganska_trygg\nRyd,kvinna,25-44,kanske\n".utf8)
            let refused = try await samordnare.upload("/enkater/\(survey.id)/import", file: bad, filename: "svar.csv")
            #expect(refused.status == .badRequest && refused.text.contains("Rad 3") && refused.text.contains("kanske"))
            #expect(try await Self.store(harness).responseCount(survey) == 0)
            let good = Data("area,kon,alder,otrygg_kvall\nRyd,kvinna,25-44,ganska_trygg\nryd,man,65+,mycket_trygg\n".utf8)
            let imported = try await samordnare.upload("/enkater/\(survey.id)/import", file: good, filename: "svar.csv")
            #expect(imported.status == .seeOther)
            #expect(try await Self.store(harness).responseCount(survey) == 2)
            let late = try await samordnare.post(
                "/enkater/\(survey.id)/fragor", ["kod": "sen", "fraga": "För sent?", "typ": "text", "alternativ": "", "indikator": ""])
            #expect(late.status == .badRequest && late.text.contains("har redan svar"))
            #expect(try await harness.auditActions("linkoping").contains("importerade enkätsvar"))
        }
    }
}

@Suite("Gemensam enkät med Norrköping: erbjudande, eget fönster, jämförelse bara med avtal")
struct SurveySharingTests {
    @Test("Demons påverkansenkät 2022: båda ser jämförelsen av kommunernas andelar, loggat hos båda; återkallad syns den inte längre")
    func demoComparison() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let survey = try #require(try await SurveyStore(try await harness.scope("linkoping")).find(code: "paverkan-2022"))
            let linkoping = Browser(client)
            try await linkoping.login("samordnare@linkoping.demo")
            let page = try await linkoping.get("/enkater/\(survey.id)")
            #expect(page.text.contains("Norrköpings kommun") && page.text.contains("Gäller") && page.text.contains("/jamforelse"))
            let comparison = try await linkoping.get("/enkater/\(survey.id)/jamforelse")
            #expect(comparison.status == .ok && comparison.text.contains("Norrköpings kommun: alla") && comparison.text.contains("900 svarande"))
            #expect(!comparison.text.contains("Inte samtidiga"), "fältperioderna överlappar")
            #expect(comparison.text.contains("visas inte. Båda kommunernas svar"), "avtalets text som en mening, utan dubbel punkt")
            #expect(!comparison.text.contains("Kultur- och fritidsförvaltningen"), "ingen förvaltning visas för den andra kommunen")
            #expect(try await harness.auditActions("linkoping").contains("läste delade uppgifter"))
            #expect(try await harness.auditActions("norrkoping").contains("läste delade uppgifter"))

            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            let agreement = try #require(try await SharingStore(try await harness.scope("norrkoping")).all().first { $0.subject == .survey })
            let revoked = try await norrkoping.submit("/enkater/avtal/\(agreement.id)/aterkalla")
            #expect(revoked.text.contains("Delningen är återkallad"))
            #expect(try await linkoping.get("/enkater/\(survey.id)/jamforelse").status == .notFound)
        }
    }

    @Test("Linköping erbjuder, Norrköping godkänner med eget fönster och får en egen enkät; olika fönster varnas, olika frågeversion vägras")
    func offerAndAccept() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let linkopingStore = SurveyStore(try await harness.scope("linkoping"))
            let open = try #require(try await linkopingStore.find(code: "trygghet-2026"))
            let linkoping = Browser(client)
            try await linkoping.login("samordnare@linkoping.demo")
            let offered = try await linkoping.submit(
                "/enkater/\(open.id)/dela", ["kommun": "norrkoping", "vad": "Andelar per kön", "fran": "2026-03-01", "beslutat_av": "Säkerhetschef"])
            #expect(offered.text.contains("Enkäten är erbjuden till Norrköpings kommun") && offered.text.contains("Erbjuden, väntar på svar"))
            // Before Norrköping agrees there is nothing to compare.
            #expect(try await linkoping.get("/enkater/\(open.id)/jamforelse").status == .notFound)

            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            let list = try await norrkoping.get("/enkater")
            #expect(list.text.contains("Linköpings kommun erbjuder en gemensam enkät: Trygghetsundersökning 2026"))
            let agreement = try #require(try await SharingStore(try await harness.scope("norrkoping")).all().first { $0.subjectCode == "trygghet-2026" })
            let accepted = try await norrkoping.submit(
                "/enkater/avtal/\(agreement.id)/acceptera", ["fran": "2026-05-04", "till": "2026-05-29", "beslutat_av": "Säkerhetssamordnare"])
            #expect(accepted.text.contains("Erbjudandet är godkänt") && accepted.text.contains("2026-05-04 – 2026-05-29"))
            let theirs = try #require(try await SurveyStore(try await harness.scope("norrkoping")).find(code: "trygghet-2026"))
            #expect(theirs.questions == open.questions && theirs.areas.contains("Navestad") && !theirs.areas.contains("Skäggetorp"))
            let comparison = try await linkoping.get("/enkater/\(open.id)/jamforelse")
            #expect(comparison.status == .ok && comparison.text.contains("Inte samtidiga"))

            // A survey of the same code with other questions cannot be compared.
            let store = SurveyStore(try await harness.scope("norrkoping"))
            var other = try #require(try await SurveyStore(try await harness.scope("linkoping")).find(code: "paverkan-2022"))
            other.code = "blandad"
            try await linkopingStore.create(other, by: .commandLine())
            var mismatched = open
            mismatched.code = "blandad"
            try await store.create(mismatched, by: .commandLine())
            let blandad = try #require(try await linkopingStore.find(code: "blandad"))
            _ = try await linkoping.submit(
                "/enkater/\(blandad.id)/dela", ["kommun": "norrkoping", "vad": "Andelar", "fran": "2026-03-01", "beslutat_av": "Säkerhetschef"])
            let offer = try #require(try await SharingStore(try await harness.scope("norrkoping")).all().first { $0.subjectCode == "blandad" })
            _ = try await norrkoping.submit("/enkater/avtal/\(offer.id)/acceptera", ["fran": "2026-03-01", "till": "2026-03-31", "beslutat_av": "S"])
            let refused = try await linkoping.get("/enkater/\(blandad.id)/jamforelse")
            #expect(refused.status == .conflict && refused.text.contains("kan inte jämföras") && refused.text.contains("paverkan-1"))
        }
    }
}
