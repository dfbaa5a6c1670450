import Foundation
import Testing
import TryggCore
import TryggStore
import ZIPFoundation

@testable import TryggWeb

/// The kartläggning's comparison with län and riket, and the lägesbild document that carries it
/// with the map, in the browser and in Word.
@Suite("Jämförelse med län och riket, karta och diagram i lägesbilden")
struct RegionalComparisonTests {
    static let page = """
        <html><body><table>
        <tr><th axis="manader">2022</th><th axis="manader">2023</th><th axis="manader">2024 prel.</th></tr>
        <tr><th axis="region">Östergötlands län</th><td></td><td></td><td></td></tr>
        <tr><th>Totalt antal brott</th><td>58&nbsp;764</td><td>..</td><td>60&nbsp;101</td></tr>
        <tr><th axis="region">Hela landet</th><td></td><td></td><td></td></tr>
        <tr><th>Totalt antal brott</th><td>1&nbsp;443&nbsp;753</td><td>1&nbsp;503&nbsp;399</td><td>1&nbsp;502&nbsp;023</td></tr>
        </table></body></html>
        """

    @Test("Samordnaren importerar Brås resultatsida och ser index och antal; en felaktig fil sparar inget; partnern kan inte importera")
    func importAndCompare() async throws {
        try await Harness.run { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/lagesbild/jamforelse").text.contains("Ingen statistik från Brå är importerad."))
            let broken = try await samordnare.upload(
                "/lagesbild/jamforelse/import", file: Data("region,period,brottstyp,antal\nRiket,2015,Totalt,tolv\n".utf8), filename: "fel.csv")
            #expect(broken.status == .badRequest && broken.text.contains("”tolv”") == false && broken.text.contains("är inget antal"))
            #expect(try await RegionalStatisticsStore(harness.scope(kommun)).all().isEmpty)

            let imported = try await samordnare.upload("/lagesbild/jamforelse/import", file: Data(Self.page.utf8), filename: "sol.html")
            #expect(imported.status == .seeOther)
            let shown = try await samordnare.get("/lagesbild/jamforelse")
            #expect(shown.text.contains("Importerade 6 värden för 2 regioner, 2022–2024."))
            #expect(shown.text.contains("<svg") && shown.text.contains("Östergötlands län") && shown.text.contains("Hela landet"))
            #expect(
                shown.text.contains(SwedishNumber.integer(58_764)) && shown.text.contains("uppgift saknas")
                    && shown.text.contains(SwedishNumber.integer(1_502_023) + " (prel.)"))
            #expect(shown.text.contains("Östergötlands län: uppgift saknas för 2023."))

            let partner = Browser(client)
            try await partner.login("stangastaden@linkoping.demo")
            let read = try await partner.get("/lagesbild/jamforelse")
            #expect(read.status == .ok && read.text.contains(SwedishNumber.integer(58_764)) && !read.text.contains("Importera statistik från Brå"))
            #expect(try await partner.upload("/lagesbild/jamforelse/import", file: Data(Self.page.utf8), filename: "sol.html").status == .forbidden)
        }
    }

    @Test("Polisen skriver sin bedömning i utkastet; författaren väljer figurer; Word-filen har karta och diagram")
    func policeFiguresAndWord() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let scope = harness.scope(kommun)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let created = try await samordnare.submit("/lagesbild/dokument", ["fran": "2024-01-01", "till": "2024-12-31"])
            #expect(created.text.contains("skapad som utkast"))
            let draft = try #require(try await LagesbildStore(scope).find(version: 2))
            let base = "/lagesbild/dokument/\(draft.id.uuidString)"

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let page = try await police.get(base)
            #expect(page.status == .ok && page.text.contains("Spara polisens bedömning") && !page.text.contains("Spara texterna"))
            let saved = try await police.submit(base + "/polisen", ["polisens_bedomning": "Nätverk påverkar Skäggetorp."])
            #expect(saved.text.contains("Polisens bedömning är sparad.") && saved.text.contains("Nätverk påverkar Skäggetorp."))
            let housing = Browser(client)
            try await housing.login("stangastaden@linkoping.demo")
            #expect(try await housing.post(base + "/polisen", ["polisens_bedomning": "x"]).status == .forbidden)
            #expect(try await housing.get(base).status == .notFound, "andra partner ser inte utkastet")

            // All figures by default: the map and the chart are in the print version and in Word.
            let report = try await samordnare.get(base + "/rapport")
            #expect(report.text.contains("per 1 000 invånare 2024 per område") && report.text.contains("Jämförelse med län och riket"))
            #expect(report.text.contains("Polisens bedömning") && report.text.contains("Nätverk påverkar Skäggetorp."))
            #expect(report.text.contains("Kommunens egna uppgifter i Trygg 2024-01-01 – 2024-12-31") && report.text.contains("Beslutade insatser"))
            let docx = try await samordnare.get(base + "/rapport.docx")
            let archive = try Archive(data: Data(docx.body.readableBytesView), accessMode: .read)
            #expect(archive["word/charts/chart1.xml"] != nil && archive["word/media/bild1.png"] != nil)

            // The author leaves the map and the chart out: only the table remains.
            _ = try await samordnare.post(
                base + "/text", pairs: [("fran", "2024-01-01"), ("till", "2024-12-31"), ("figur[]", "brott")])
            let trimmed = try await samordnare.get(base + "/rapport")
            #expect(!trimmed.text.contains("Jämförelse med län och riket") && !trimmed.text.contains("per 1 000 invånare 2024 per område"))
            #expect(trimmed.text.contains("Anmälda brott 2024 i kommunen"))
        }
    }
}

@Suite("Nästa åtgärdsplan ur lägesbilden")
struct NextPlanFromLagesbildTests {
    @Test("Ur den beslutade lägesbilden blir nästa års plan ett utkast med problemen som rubriker; kopierade åtgärder svarar mot samma problem")
    func nextPlanDraft() async throws {
        try await Harness.run(statistics: true) { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let scope = harness.scope(kommun)
            let decided = try #require(try await LagesbildStore(scope).find(version: nil))
            let ansvarig = Browser(client)
            try await ansvarig.login("ansvarig.sf@linkoping.demo")
            let refused = try await ansvarig.post("/lagesbild/dokument/\(decided.id)/nasta-plan")
            #expect(refused.status == .forbidden, "\(refused.status)")

            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/lagesbild/dokument/\(decided.id)").text.contains("Skapa utkast till nästa åtgärdsplan"))
            let plan = try await samordnare.submit("/lagesbild/dokument/\(decided.id)/nasta-plan")
            #expect(plan.text.contains("Utkastet till åtgärdsplan 2024 har") && plan.text.contains("under lägesbildens 3 prioriterade problem"))
            #expect(plan.text.contains("Lägesbildens prioriterade problem och planens åtgärder"))
            #expect(plan.text.contains("Skadegörelse och otrygghet i Skäggetorps centrum"))
            let draft = try #require(try await PlanStore(scope).plan(year: 2024))
            let copied = try await PlanStore(scope).measures(planID: draft.id)
            let carried = try #require(copied.first { $0.reference == "3.1" })
            #expect(plan.text.contains("/plan/atgard/\(carried.id.uuidString)"), "problemet leder till den överförda åtgärden")
            let measurePage = try await samordnare.get("/plan/atgard/\(carried.id.uuidString)")
            #expect(measurePage.text.contains("Möter problem i lägesbilden") && measurePage.text.contains("Skadegörelse och otrygghet i Skäggetorps centrum"))

            let again = try await samordnare.post("/lagesbild/dokument/\(decided.id)/nasta-plan")
            #expect(
                again.status == .badRequest && again.text.contains("Ett utkast för 2024 (version 1) finns redan."), "\(again.status) \(again.text.prefix(200))")
        }
    }
}
