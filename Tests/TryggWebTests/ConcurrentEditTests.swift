import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// Two people with the same text open: different sections both keep their work, the same section
/// is refused with both texts on the page, and a refused form keeps what was typed.
@Suite("Samtidiga ändringar")
struct ConcurrentEditTests {
    @Test("Två skriver i samma utkast: olika avsnitt sparas båda, samma avsnitt stoppas med båda texterna framme")
    func lagesbildSections() async throws {
        try await Harness.run { harness, client in
            let (scope, samordnare, analytiker, draft, base) = try await Self.draft(harness, client, analysis: "Första analysen.")

            // Both open the draft; the samordnare rewrites the analysis, the analyst the kartläggning.
            let hers = try await samordnare.get(base).text, his = try await analytiker.get(base).text
            _ = try await samordnare.submit(base + "/text", Self.texts(in: hers, ["analys": "Samordnarens analys."]))
            let merged = try await analytiker.submit(base + "/text", Self.texts(in: his, ["kartlaggning": "Analytikerns kartläggning."]))
            #expect(merged.text.contains("Texterna är sparade."))
            let both = try #require(try await LagesbildStore(scope).find(id: draft.id)).text
            #expect(both.analysis == "Samordnarens analys." && both.mapping == "Analytikerns kartläggning.", "båda ändringarna står kvar")

            // The analyst, still on his old page, now changes the analysis too: refused, nothing lost.
            let clash = try await analytiker.post(base + "/text", pairs: Self.pairs(Self.texts(in: his, ["analys": "Analytikerns analys."])))
            #expect(clash.status == .conflict)
            #expect(clash.text.contains("Någon annan har ändrat texten medan du skrev"))
            #expect(clash.text.contains(">Analytikerns analys.</textarea>"), "hans text står kvar i rutan")
            #expect(clash.text.contains("Sparat av någon annan medan du skrev") && clash.text.contains("Samordnarens analys."))
            #expect(try await LagesbildStore(scope).find(id: draft.id)?.text.analysis == "Samordnarens analys.", "inget skrevs över")
            // Having seen her text, he saves from the page he got back: now it is his.
            let again = try await analytiker.submit(base + "/text", Self.texts(in: clash.text, ["analys": "Analytikerns analys, med hennes."]))
            #expect(again.text.contains("Texterna är sparade."))
            #expect(try await LagesbildStore(scope).find(id: draft.id)?.text.analysis == "Analytikerns analys, med hennes.")

            // A prioritised problem's texts the same way: her place stays, his victims are added.
            _ = try await samordnare.submit(base + "/problem", pairs: [("titel", "Rån i Ryd"), ("skal[]", "okar"), ("utan_atgard", "Utreds")])
            let problem = try #require(try await LagesbildStore(scope).find(id: draft.id)?.problems.first)
            let path = base + "/problem/\(problem.id)"
            let herPage = try await samordnare.get(base).text, hisPage = try await analytiker.get(base).text
            func problemForm(_ page: String, _ changes: [(String, String)]) -> [(String, String)] {
                [("titel", "Rån i Ryd"), ("skal[]", "okar"), ("utan_atgard", "Utreds")]
                    + ["utsatta", "garningspersoner", "plats"].map { ("sett_\($0)", Self.hidden("sett_\($0)", in: page)) } + changes
            }
            _ = try await samordnare.submit(path, pairs: problemForm(herPage, [("plats", "Gångvägen vid Ryds centrum")]))
            let problemMerged = try await analytiker.submit(path, pairs: problemForm(hisPage, [("utsatta", "Unga på väg hem")]))
            #expect(problemMerged.text.contains("Problemet är sparat. Medan du skrev ändrade någon annan i ”Platsen”"))
            let saved = try #require(try await LagesbildStore(scope).find(id: draft.id)?.problems.first)
            #expect(saved.place == "Gångvägen vid Ryds centrum" && saved.victims == "Unga på väg hem")
            let placeClash = try await analytiker.post(path, pairs: problemForm(hisPage, [("plats", "Busshållplatsen")]))
            #expect(placeClash.status == .conflict && placeClash.text.contains(">Busshållplatsen</textarea>"))
            #expect(placeClash.text.contains("Sparat av någon annan medan du skrev") && placeClash.text.contains("Gångvägen vid Ryds centrum"))
        }
    }

    @Test("Två skriver i samma avsnitt men i olika stycken: båda styckena sparas")
    func paragraphs() async throws {
        try await Harness.run { harness, client in
            let (scope, samordnare, analytiker, draft, base) = try await Self.draft(harness, client, analysis: "Läget i Skäggetorp.\n\nLäget i Ryd.")

            let hers = try await samordnare.get(base).text, his = try await analytiker.get(base).text
            let alone = try await samordnare.submit(
                base + "/text", Self.texts(in: hers, ["analys": "Läget i Skäggetorp: lugnare än i fjol.\r\n\r\nLäget i Ryd.\r\n"]))
            #expect(alone.text.contains("Texterna är sparade.") && !alone.text.contains("Medan du skrev"), "ingen annan hade ändrat något")
            let merged = try await analytiker.submit(base + "/text", Self.texts(in: his, ["analys": "Läget i Skäggetorp.\r\n\r\nLäget i Ryd: fler rån."]))
            #expect(merged.text.contains("Texterna är sparade. Medan du skrev ändrade någon annan i ”Analys”; de ändringarna står kvar tillsammans med dina."))
            let analysis = try #require(try await LagesbildStore(scope).find(id: draft.id)).text.analysis
            #expect(analysis == "Läget i Skäggetorp: lugnare än i fjol.\n\nLäget i Ryd: fler rån.", "båda styckena står kvar")
        }
    }

    @Test("Ett nekat utkast behåller det inskrivna: perioden fel, texterna står kvar")
    func refusedDraftKeepsText() async throws {
        try await Harness.run { harness, client in
            let scope = harness.scope(try await harness.kommun("linkoping"))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            _ = try await samordnare.submit("/lagesbild/dokument", ["fran": "2024-01-01", "till": "2024-12-31"])
            let draft = try #require(try await LagesbildStore(scope).all().first { $0.status == .utkast })
            let base = "/lagesbild/dokument/\(draft.id.uuidString)"
            let page = try await samordnare.get(base).text
            let refused = try await samordnare.post(
                base + "/text", pairs: Self.pairs(Self.texts(in: page, ["till": "2023-01-01", "analys": "En timmes arbete."])))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(">En timmes arbete.</textarea>") && refused.text.contains(#"value="2023-01-01""#))
            #expect(try await LagesbildStore(scope).find(id: draft.id)?.text.analysis == "")

            let problem = try await samordnare.post(base + "/problem", pairs: [("titel", "Rån i Ryd"), ("plats", "Gångvägen vid skolan")])
            #expect(problem.status == .badRequest && problem.text.contains("Ange varför problemet prioriteras"))
            #expect(problem.text.contains(#"value="Rån i Ryd""#) && problem.text.contains(">Gångvägen vid skolan</textarea>"))
        }
    }

    @Test("En nekad insats på veckosidan och ett nekat uppföljningssvar behåller det inskrivna")
    func refusedWeekAndAnswerKeepText() async throws {
        try await Harness.run { harness, client in
            let scope = harness.scope(try await harness.kommun("linkoping"))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let insats = try await samordnare.post(
                "/est/vecka/2026-W10/insatser",
                [
                    "typ": "situational", "vad": "Nattvandring vid torget", "plats": "Skäggetorps centrum", "start": "2026-03-10", "klart": "2026-03-01",
                    "dagar": "fre–lör",
                ])
            #expect(insats.status == .badRequest)
            #expect(insats.text.contains(#"value="Nattvandring vid torget""#) && insats.text.contains(#"value="2026-03-01""#))
            #expect(insats.text.contains(#"value="fre–lör""#) && insats.text.contains("<details open><summary>Besluta en insats"))

            let plan = try #require(try await PlanStore(scope).plan(year: 2023))
            let round = try #require(try await samordnare.post("/uppfoljning", ["plan": plan.id.uuidString, "deadline": "2026-04-30"]).location)
            let measure = try #require(try await PlanStore(scope).measures(planID: plan.id).first { $0.reference == "9.2" })
            let sf = Browser(client)
            try await sf.login("ansvarig.sf@linkoping.demo")
            let answer = try await sf.post(round + "/svar/\(measure.id)", ["description": "Gruppen är bildad men skolorna saknas."])
            #expect(answer.status == .badRequest && answer.text.contains("Välj status"))
            #expect(answer.text.contains(">Gruppen är bildad men skolorna saknas.</textarea>") && answer.text.contains(" autofocus>"))
            #expect(answer.text.contains(#"<p class="error" id="fel-\#(measure.id.uuidString)">Välj status"#), "skälet står också vid svaret")
        }
    }

    @Test("Veckans bedömning, årets bedömning, ett uppföljningssvar, ett protokoll och ett svar på ett tips: den som skulle skriva över får båda texterna")
    func singleTexts() async throws {
        try await Harness.run { harness, client in
            let scope = harness.scope(try await harness.kommun("linkoping"))
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("samordnare@linkoping.demo")
            try await Self.clash(first, second, page: "/est/vecka/2026-W10", post: "/est/vecka/2026-W10/bedomning", field: "bedomning")

            let plan = try #require(try await PlanStore(scope).plan(year: 2023))
            let opened = try await first.post("/uppfoljning", ["plan": plan.id.uuidString, "deadline": "2026-04-30"])
            let round = try #require(opened.location)
            try await Self.clash(first, second, page: round, post: round + "/bedomning", field: "bedomning")

            let measure = try #require(try await PlanStore(scope).measures(planID: plan.id).first { $0.reference == "9.2" })
            let sf = Browser(client), colleague = Browser(client)
            try await sf.login("ansvarig.sf@linkoping.demo")
            try await colleague.login("ansvarig.sf@linkoping.demo")
            try await Self.clash(
                sf, colleague, page: round + "/mina", post: round + "/svar/\(measure.id)", field: "description", extra: ["status": "Påbörjad"])

            let forum = try #require(try await ForumStore(scope).all().first)
            let planned = try await first.post(
                "/samverkan/forum/\(forum.id)/moten", ["datum": "2026-03-10", "fran": "13:00", "till": "14:00", "plats": "Stadshuset"])
            let meeting = try #require(planned.location)
            try await Self.clash(first, second, page: meeting, post: meeting + "/protokoll", field: "protokoll")

            // Two reviewers answering the same resident's tip.
            _ = try await CitizenReportTests.submitTip(client)
            let tip = try #require(try await CitizenReportTests.reports(harness).first)
            try await Self.clash(first, second, page: "/medborgare/\(tip.id)", post: "/medborgare/\(tip.id)/svara", field: "svar")
        }
    }

    /// Both open `page`; the first saves `field`, then the second saves hers from the page she had:
    /// 409, her text kept in the field, the first's shown beside it, and the first's still stored.
    static func clash(
        _ first: Browser, _ second: Browser, page: String, post: String, field: String, extra: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let hers = try await first.get(page).text, mine = try await second.get(page).text
        let firstText = "Först sparat i \(field).", secondText = "Sedan skrivet i \(field)."
        _ = try await first.submit(post, extra.merging([field: firstText, "sett_\(field)": hidden("sett_\(field)", in: hers)]) { $1 })
        let clash = try await second.post(post, extra.merging([field: secondText, "sett_\(field)": hidden("sett_\(field)", in: mine)]) { $1 })
        #expect(clash.status == .conflict, "\(post): \(clash.status)", sourceLocation: sourceLocation)
        #expect(clash.text.contains(">\(secondText)</textarea>"), "\(post): den andras text står kvar", sourceLocation: sourceLocation)
        #expect(clash.text.contains("Sparat av någon annan medan du skrev"), sourceLocation: sourceLocation)
        #expect(clash.text.contains(firstText), "\(post): den sparade texten visas", sourceLocation: sourceLocation)
        #expect(try await first.get(page).text.contains(firstText), "\(post): inget skrevs över", sourceLocation: sourceLocation)
    }

    @Test("Sammanslagningen: radbrytningar från webbläsaren är ingen ändring; bara den som båda ändrat stoppas")
    func mergeRules() {
        let seen = ConcurrentEdit.fingerprint("rad ett\nrad två")
        #expect(ConcurrentEdit.merge(EditedText("rad ett\r\nrad två", seen: seen), stored: "rad ett\nrad två") == "rad ett\r\nrad två")
        #expect(ConcurrentEdit.merge(EditedText("ny", seen: seen), stored: "rad ett\nrad två") == "ny", "bara avsändaren ändrade")
        #expect(ConcurrentEdit.merge(EditedText("rad ett\r\nrad två", seen: seen), stored: "annans") == "annans", "bara den andra ändrade")
        #expect(ConcurrentEdit.merge(EditedText("ny", seen: seen), stored: "annans") == nil, "båda ändrade")
        #expect(ConcurrentEdit.merge(EditedText("ny", seen: ""), stored: "annans") == "ny", "utan fingeravtryck sparas som förr")
    }

    @Test("Sammanslagning per rad: olika stycken behålls båda, samma eller angränsande rader stoppas")
    func lineMerge() {
        let base = "Första stycket.\n\nAndra stycket.\n\nTredje stycket."
        let seen = ConcurrentEdit.shown(base)
        let hers = "Första stycket, omskrivet.\n\nAndra stycket.\n\nTredje stycket."
        let his = "Första stycket.\r\n\r\nAndra stycket.\r\n\r\nTredje stycket.\r\n\r\nEtt fjärde stycke."
        #expect(
            ConcurrentEdit.merge(EditedText(his, seen: seen), stored: hers)
                == "Första stycket, omskrivet.\n\nAndra stycket.\n\nTredje stycket.\n\nEtt fjärde stycke.")
        #expect(
            ConcurrentEdit.merge(EditedText("Första stycket, annorlunda.\n\nAndra stycket.\n\nTredje stycket.", seen: seen), stored: hers) == nil,
            "samma stycke")
        let inserted = "Första stycket.\nInskjuten rad.\n\nAndra stycket.\n\nTredje stycket."
        #expect(ConcurrentEdit.merge(EditedText(inserted, seen: seen), stored: hers) == nil, "raden intill den andras ändring")
        #expect(ConcurrentEdit.merge(EditedText(hers, seen: seen), stored: hers) == hers, "samma ändring av båda")
        let forged = ConcurrentEdit.fingerprint(base) + "." + Data("Något helt annat".utf8).base64EncodedString()
        #expect(ConcurrentEdit.merge(EditedText(his, seen: forged), stored: hers) == nil, "en text som inte hör till fingeravtrycket används inte")
        let long = Array(repeating: "rad", count: LineMerge.maxLines + 1).joined(separator: "\n")
        #expect(LineMerge.merge(base: long, mine: long + "\nny", theirs: "ny\n" + long) == nil, "för långa texter jämförs inte rad för rad")
    }

    /// The samordnare and the analyst signed in, and a draft lägesbild for 2024 whose analysis is `analysis`.
    static func draft(
        _ harness: Harness, _ client: any TestClientProtocol, analysis: String
    ) async throws -> (KommunScope, Browser, Browser, LagesbildDocument, String) {
        let scope = harness.scope(try await harness.kommun("linkoping"))
        let samordnare = Browser(client), analytiker = Browser(client)
        try await samordnare.login("samordnare@linkoping.demo")
        try await analytiker.login("analytiker@linkoping.demo")
        _ = try await samordnare.submit("/lagesbild/dokument", ["fran": "2024-01-01", "till": "2024-12-31"])
        let draft = try #require(try await LagesbildStore(scope).all().first { $0.status == .utkast })
        let base = "/lagesbild/dokument/\(draft.id.uuidString)"
        _ = try await samordnare.submit(base + "/text", ["fran": "2024-01-01", "till": "2024-12-31", "analys": analysis])
        return (scope, samordnare, analytiker, draft, base)
    }

    /// The draft form's fields as the page shows them (with its fingerprints), with `changes` typed over them.
    static func texts(in page: String, _ changes: [String: String]) -> [String: String] {
        var fields: [String: String] = ["fran": "2024-01-01", "till": "2024-12-31"]
        for name in ["kartlaggning", "annan_information", "analys", "kriminell_paverkan"] {
            fields[name] = textarea(name, in: page)
            fields["sett_\(name)"] = hidden("sett_\(name)", in: page)
        }
        return fields.merging(changes) { $1 }
    }

    static func pairs(_ fields: [String: String]) -> [(String, String)] { fields.map { ($0.key, $0.value) } }

    static func hidden(_ name: String, in page: String) -> String {
        guard let range = page.range(of: #"name="\#(name)" value=""#) else { return "" }
        let rest = page[range.upperBound...]
        return String(rest.prefix { $0 != "\"" })
    }

    static func textarea(_ name: String, in page: String) -> String {
        guard let start = page.range(of: #"name="\#(name)""#), let open = page[start.upperBound...].firstIndex(of: ">"),
            let close = page[open...].range(of: "</textarea>")
        else { return "" }
        // Mustache escapes &, <, >, " and '; the texts here are plain Swedish.
        return String(page[page.index(after: open)..<close.lowerBound]).replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
