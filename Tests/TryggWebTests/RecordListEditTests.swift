import Foundation
import Hummingbird
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// Record forms on pages with several forms (the lägesbild's sources, the governing documents,
/// a survey's page): the right form's fingerprints, and only it opens again.
@Suite("Samtidiga ändringar på sidor med flera formulär")
struct RecordListEditTests {
    @Test("Två ändrar samma källa: period och begränsningar sparas båda, samma metod stoppas och just den källan står öppen")
    func source() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("analytiker@linkoping.demo")
            let stored = ["name": "Skolenkät", "owner": "UBN", "period": "2024", "method": "Enkät i åk 9", "limitations": "", "used": "ja", "reason": ""]
            _ = try await first.submit("/lagesbild/kallor", ["name": "Polisens anmälda brott", "owner": "Polisen", "used": "ja"])
            _ = try await first.submit("/lagesbild/kallor", stored)
            let entry = try #require(try await SourceStore(scope).all().first { $0.name == "Skolenkät" })
            let path = "/lagesbild/kallor/\(entry.id)"
            func form(_ page: String, _ changes: [String: String]) -> [String: String] {
                stored.merging(changes) { $1 }.merging(["sett": Self.hidden("sett", in: page, after: #"action="\#(path)""#)]) { $1 }
            }

            let hers = try await first.get("/lagesbild/kallor").text, his = try await second.get("/lagesbild/kallor").text
            _ = try await first.submit(path, form(hers, ["period": "2024–2025"]))
            let merged = try await second.submit(path, form(his, ["limitations": "Bara de som var i skolan den dagen"]))
            #expect(merged.text.contains("Källan ”Skolenkät” är sparad"))
            let both = try #require(try await SourceStore(scope).all().first { $0.id == entry.id })
            #expect(both.period == "2024–2025" && both.limitations == "Bara de som var i skolan den dagen")

            _ = try await first.submit(path, form(try await first.get("/lagesbild/kallor").text, ["method": "Webbenkät i åk 9 och gymnasiet år 2"]))
            let clash = try await second.post(path, form(merged.text, ["method": "Pappersenkät i åk 9"]))
            #expect(clash.status == .conflict)
            #expect(clash.text.contains(">Pappersenkät i åk 9</textarea>"))
            #expect(clash.text.contains("<dt>Metod</dt><dd class=\"prewrap\">Webbenkät i åk 9 och gymnasiet år 2</dd>"))
            #expect(clash.text.components(separatedBy: "<details open>").count == 2, "bara den krockade källan står öppen")
        }
    }

    @Test("Två ändrar samma enkäts inställningar: rubrik och urval sparas båda, samma syfte stoppas")
    func surveySettings() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("analytiker@linkoping.demo")
            _ = try await first.submit(
                "/enkater", ["formular": "trygghet", "kod": "ryd-2026", "population": "boende", "fran": "2026-03-01", "till": "2026-03-31"])
            let survey = try #require(try await SurveyStore(scope).find(code: "ryd-2026"))
            let path = "/enkater/\(survey.id)"
            let stored = RecordEditTests.fields(SurveyForm(shown: survey))
            func form(_ page: String, _ changes: [String: String]) -> [String: String] {
                stored.merging(changes) { $1 }.merging(["sett": Self.hidden("sett", in: page, after: #"action="\#(path)""#)]) { $1 }
            }

            let hers = try await first.get(path).text, his = try await second.get(path).text
            _ = try await first.submit(path, form(hers, ["rubrik": "Trygghetsundersökning 2025, prioriterade områden"]))
            let merged = try await second.submit(path, form(his, ["urval": "4000"]))
            #expect(merged.text.contains("Inställningarna är sparade"))
            let both = try #require(try await SurveyStore(scope).find(id: survey.id))
            #expect(both.title == "Trygghetsundersökning 2025, prioriterade områden" && both.sampleSize == 4000)

            _ = try await first.submit(path, form(try await first.get(path).text, ["syfte": "Följa upp åtgärdsplanen"]))
            let clash = try await second.post(path, form(merged.text, ["syfte": "Underlag till lägesbilden"]))
            #expect(clash.status == .conflict && clash.text.contains(">Underlag till lägesbilden</textarea>"))
            #expect(clash.text.contains("<dt>Syfte</dt><dd class=\"prewrap\">Följa upp åtgärdsplanen</dd>"))
        }
    }

    @Test("Polisen och samordnaren fyller i polisens del av samma besök: olika fält sparas båda, samma iakttagelser stoppas")
    func inspectionFinding() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let samordnare = Browser(client), police = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            try await police.login("polisen@linkoping.demo")
            let policeID = try await InspectionWebTests.organisation("Polisen", scope), tax = try await InspectionWebTests.organisation("Skatteverket", scope)
            let page = try #require(
                try await samordnare.post(
                    "/los", pairs: InspectionWebTests.plan(title: "Kontroll av kiosker", date: "2026-03-10", lead: policeID, participants: [policeID, tax])
                ).location)
            try await samordnare.submit(
                page + "/objekt",
                pairs: [
                    ("objekt", ""), ("namn", "Kiosken vid torget AB"), ("orgnr", "5560360793"), ("adress", "Skäggetorps centrum 1"), ("bransch", "kiosk-tobak"),
                ])
            let inspection = try #require(try await InspectionStore(scope).inspections().first)
            let visit = try #require(
                try await InspectedObjectStore(scope).visits(inspectionID: inspection.id, by: .commandLine(kommunID: scope.kommunID)).first)
            let path = page + "/besok/\(visit.id.uuidString)"
            func form(_ page: String, _ fields: [(String, String)]) -> [(String, String)] {
                [("organisation", policeID)] + fields + [("sett", Self.hidden("sett", in: page, after: #"name="organisation" value="\#(policeID)""#))]
            }

            let theirs = try await police.get(page).text, mine = try await samordnare.get(page).text
            _ = try await police.submit(path, pairs: form(theirs, [("iakttagelser", "Kassaregister saknas")]))
            let merged = try await samordnare.submit(path, pairs: form(mine, [("diarienummer", "5000-K123-26")]))
            #expect(merged.text.contains("Iakttagelserna är sparade. Medan du hade formuläret öppet ändrade någon annan ”Iakttagelser”"))
            let policeUUID = try #require(UUID(uuidString: policeID))
            let both = try #require(try await InspectedObjectStore(scope).finding(visitID: visit.id, organisationID: policeUUID))
            #expect(both.finding == "Kassaregister saknas" && both.caseNumber == "5000-K123-26")

            let clash = try await samordnare.post(path, pairs: form(mine, [("iakttagelser", "Inga brister")]))
            #expect(clash.status == .conflict && clash.text.contains(">Inga brister</textarea>"))
            #expect(clash.text.contains("<dt>Iakttagelser</dt><dd class=\"prewrap\">Kassaregister saknas</dd>"))
        }
    }

    @Test("Två granskare redigerar samma publicerade tips: platsnamn och beskrivning sparas båda, samma beskrivning stoppas")
    func tipEdit() async throws {
        try await Harness.run { harness, client in
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("samordnare@linkoping.demo")
            _ = try await CitizenReportTests.submitTip(client)
            let tip = try #require(try await CitizenReportTests.reports(harness).first)
            let page = "/medborgare/\(tip.id)"
            _ = try await first.submit(
                page + "/godkann", ["beskrivning": "Lamporna i tunneln är trasiga.", "kategori": tip.categoryID.uuidString, "platsnamn": tip.place])
            let stored = ["kategori": tip.categoryID.uuidString, "platsnamn": tip.place, "beskrivning": "Lamporna i tunneln är trasiga."]
            func form(_ html: String, _ changes: [String: String]) -> [String: String] {
                stored.merging(changes) { $1 }.merging(["sett": Self.hidden("sett", in: html, after: #"action="\#(page)/redigera""#)]) { $1 }
            }

            let hers = try await first.get(page).text, his = try await second.get(page).text
            _ = try await first.submit(page + "/redigera", form(hers, ["beskrivning": "Lamporna i gångtunneln är trasiga sedan en vecka."]))
            _ = try await second.submit(page + "/redigera", form(his, ["platsnamn": "Gångtunneln under Skäggetorpsvägen"]))
            let both = try #require(try await CitizenReportTests.reports(harness).first { $0.id == tip.id })
            #expect(both.description == "Lamporna i gångtunneln är trasiga sedan en vecka." && both.place == "Gångtunneln under Skäggetorpsvägen")

            let clash = try await second.post(page + "/redigera", form(his, ["beskrivning": "Trasig belysning i tunneln."]))
            #expect(clash.status == .conflict && clash.text.contains(">Trasig belysning i tunneln.</textarea>"))
            #expect(clash.text.contains("<dt>Beskrivning</dt><dd class=\"prewrap\">Lamporna i gångtunneln är trasiga sedan en vecka.</dd>"))
        }
    }

    /// The value of the hidden field `name` in the first form after `marker` (a page with several forms).
    static func hidden(_ name: String, in page: String, after marker: String) -> String {
        guard let start = page.range(of: marker) else { return "" }
        return ConcurrentEditTests.hidden(name, in: String(page[start.upperBound...]))
    }

    @Test("Två ändrar samma styrdokument: diarienummer och länkar sparas båda, samma titel stoppas")
    func governingDocument() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let first = Browser(client), second = Browser(client)
            try await first.login("samordnare@linkoping.demo")
            try await second.login("samordnare@linkoping.demo")
            let program = try #require(try await GoverningDocumentStore(scope).all().first { $0.kind == .program })
            let path = "/plan/styrdokument/\(program.id)"
            let stored = RecordEditTests.fields(GoverningDocumentForm(shown: program))
            func form(_ page: String, _ changes: [String: String]) -> [String: String] {
                stored.merging(changes) { $1 }.merging(["sett": Self.hidden("sett", in: page, after: #"action="\#(path)""#)]) { $1 }
            }

            let hers = try await first.get("/plan/styrdokument").text, his = try await second.get("/plan/styrdokument").text
            _ = try await first.submit(path, form(hers, ["diarienummer": "KS 2021-178 (rev)"]))
            let merged = try await second.submit(path, form(his, ["links": "https://www.linkoping.se/program"]))
            #expect(merged.text.contains("är sparat"))
            let both = try #require(try await GoverningDocumentStore(scope).all().first { $0.id == program.id })
            #expect(both.diarienummer == "KS 2021-178 (rev)" && both.links == ["https://www.linkoping.se/program"])

            _ = try await first.submit(path, form(try await first.get("/plan/styrdokument").text, ["title": "Program för trygghet 2024–2027"]))
            let clash = try await second.post(path, form(merged.text, ["title": "Trygghetsprogrammet"]))
            #expect(clash.status == .conflict && clash.text.contains(#"value="Trygghetsprogrammet""#))
            #expect(clash.text.contains("<dt>Titel</dt><dd class=\"prewrap\">Program för trygghet 2024–2027</dd>"))
        }
    }
}
