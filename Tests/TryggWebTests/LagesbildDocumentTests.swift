import Foundation
import Hummingbird
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// The strategic lägesbild as a decided document whose prioritised problems lead to the plan.
@Suite("Lägesbildsdokumentet")
struct LagesbildDocumentTests {
    @Test("Samordnaren skriver ett utkast, kopplar problem till planens åtgärder och beslutar; partnern läser det beslutade")
    func writeAndDecide() async throws {
        try await Harness.run { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let scope = harness.scope(kommun)
            let plan = try #require(try await PlanStore(scope).plan(year: 2023))
            let measures = try await PlanStore(scope).measures(planID: plan.id)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/").text.contains("Ingen lägesbild är beslutad."), "startsidan påminner")
            let created = try await samordnare.submit("/lagesbild/dokument", ["fran": "2023-01-01", "till": "2024-06-30"])
            #expect(created.text.contains("Version 1 är skapad som utkast."))
            let draft = try #require(try await LagesbildStore(scope).find(version: 1))
            let base = "/lagesbild/dokument/\(draft.id.uuidString)"

            let added = try await samordnare.post(
                base + "/problem",
                pairs: [
                    ("titel", "Skadegörelse vid Skäggetorps centrum"), ("omrade", "Skäggetorp"), ("skal[]", "vanligast"), ("skal[]", "okar"),
                    ("plats", "Torget och tunneln kvällstid"), ("atgarder[]", measures[0].id.uuidString), ("atgarder[]", measures[1].id.uuidString),
                ])
            #expect(added.status == .seeOther)
            let withoutReason = try await samordnare.post(base + "/problem", pairs: [("titel", "Rån"), ("omrade", "Ryd")])
            #expect(withoutReason.status == .badRequest && withoutReason.text.contains("Ange varför problemet prioriteras"))
            // Deciding without an analysis is refused, and says why; nothing changes.
            let early = try await samordnare.post(base + "/besluta", ["beslutat_av": "Trygghetsrådet", "beslutsdatum": "2024-11-20"])
            #expect(early.status == .badRequest && early.text.contains("Analysen saknas"))
            #expect(try await LagesbildStore(scope).find(id: draft.id)?.status == .utkast)

            _ = try await samordnare.submit(
                base + "/text",
                ["fran": "2023-01-01", "till": "2024-06-30", "kartlaggning": "Anmälda brott per område.", "analys": "Skadegörelsen ökar kvällstid."])
            let decided = try await samordnare.submit(
                base + "/besluta", ["beslutat_av": "Trygghetsrådet", "beslutsdatum": "2024-11-20", "diarienummer": "KS 2024-101"])
            #expect(decided.text.contains("Lägesbilden är beslutad"))
            #expect(decided.text.contains("Trygghetsrådet, 2024-11-20 (KS 2024-101)"))
            #expect(decided.text.contains("2026-11-20"), "nästa lägesbild 24 månader efter beslutet")
            let number = "\(measures[1].row.groupNumber).\(measures[1].row.position)"
            #expect(decided.text.contains(">\(number)</a>"))
            #expect(!decided.text.contains("Besluta lägesbilden") && !decided.text.contains("Skriv i utkastet"), "ett beslutat dokument ändras inte")
            #expect(try await samordnare.post(base + "/text", ["fran": "2023-01-01", "till": "2024-06-30"]).status == .badRequest)
            // Decided 2024-11-20, due 2026-11-20: the tests run on 2026-03-11, more than three months before.
            let home = try await samordnare.get("/")
            #expect(home.status == .ok && !home.text.contains("lägesbild är beslutad") && !home.text.contains("Nästa lägesbild ska"))

            // The plan's side of the traceability: the measure names the problem it addresses.
            let measurePage = try await samordnare.get("/plan/atgard/\(measures[1].id.uuidString)")
            #expect(measurePage.text.contains("Möter problem i lägesbilden") && measurePage.text.contains("Skadegörelse vid Skäggetorps centrum"))
            #expect(!(try await samordnare.get("/plan/atgard/\(measures[5].id.uuidString)")).text.contains("Möter problem i lägesbilden"))

            let printed = try await samordnare.get(base + "/rapport")
            #expect(printed.status == .ok && printed.text.contains("<h2>4. Prioriterade problem</h2>") && printed.text.contains("Åtgärd \(number):"))
            let word = try await samordnare.get(base + "/rapport.docx")
            #expect(word.status == .ok && word.headers[.contentType] == Response.docxType && word.text.hasPrefix("PK"))

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let read = try await police.get(base)
            #expect(read.status == .ok && read.text.contains("Skadegörelse vid Skäggetorps centrum") && !read.text.contains("Spara problemet"))
            #expect(try await police.post(base + "/problem", pairs: [("titel", "X")]).status == .forbidden)
        }
    }

    @Test("Analytikern skriver men beslutar inte; utkast syns inte för ansvariga; rapportören når inte lägesbilden")
    func roles() async throws {
        try await Harness.run { harness, client in
            let analytiker = Browser(client)
            try await analytiker.login("analytiker@linkoping.demo")
            _ = try await analytiker.submit("/lagesbild/dokument", ["fran": "2024-01-01", "till": "2024-12-31"])
            let kommun = try await harness.kommun("linkoping")
            let draft = try #require(try await LagesbildStore(harness.scope(kommun)).find(version: 1))
            let base = "/lagesbild/dokument/\(draft.id.uuidString)"
            let page = try await analytiker.get(base)
            #expect(page.text.contains("Skriv i utkastet") && !page.text.contains("Besluta lägesbilden"))
            #expect(try await analytiker.post(base + "/besluta", ["beslutat_av": "KS", "beslutsdatum": "2024-11-20"]).status == .forbidden)

            let ansvarig = Browser(client)
            try await ansvarig.login("ansvarig.sf@linkoping.demo")
            #expect(try await ansvarig.get(base).status == .notFound, "ett utkast visas bara för dem som skriver det")
            let list = try await ansvarig.get("/lagesbild/dokument")
            #expect(list.status == .ok && list.text.contains("Ingen lägesbild är skriven ännu."))
            let section = try await ansvarig.get("/lagesbild")
            #expect(section.location == "/lagesbild/dokument", "den som skriver /lagesbild kommer till lägesbilderna, inte till en 404")
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            #expect(try await rapportor.get("/lagesbild/dokument").status == .forbidden)
        }
    }
}
