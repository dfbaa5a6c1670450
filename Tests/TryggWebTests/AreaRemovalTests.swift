import Foundation
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// An area imported by mistake can be removed; one with history cannot, and the page says why;
/// it can be retired instead.
@Suite("Ta bort ett område")
struct AreaRemovalTests {
    @Test("Ett område som inget hänvisar till tas bort och loggas; ett med trygghetsvandringar och forum står kvar med skälet")
    func removeUnused() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let imported = try await admin.upload("/omraden/import", file: Data(AreaImportTests.regso.utf8), filename: "fel-fil.csv")
            #expect(imported.status == .seeOther)
            let scope = try await harness.scope("linkoping")
            let tornby = try #require(try await AreaStore(scope).all().first { $0.name == "Tornby" })
            let page = try await admin.get("/omraden/\(tornby.id)")
            #expect(page.text.contains("Inget i Trygg hänvisar till området") && page.text.contains("Ta bort Tornby"))
            let removed = try await admin.submit("/omraden/\(tornby.id)/ta-bort")
            #expect(removed.text.contains("Området Tornby är borttaget.") && !removed.text.contains(">Tornby<"))
            #expect(try await AreaStore(scope).find(id: tornby.id) == nil)
            #expect(try await harness.auditActions("linkoping").contains("tog bort område"))
            #expect(try await admin.post("/omraden/\(tornby.id)/ta-bort").status == .notFound)

            // Berga has the demo's walks and its områdesgrupp: it stays, and the page says why.
            let berga = try #require(try await AreaStore(scope).all().first { $0.name == "Berga" })
            let bergaPage = try await admin.get("/omraden/\(berga.id)")
            #expect(bergaPage.text.contains("Området används av ") && bergaPage.text.contains("trygghetsvandringar"))
            #expect(!bergaPage.text.contains("Ta bort Berga"))
            let refused = try await admin.post("/omraden/\(berga.id)/ta-bort")
            #expect(refused.status == .badRequest && refused.text.contains("Berga kan inte tas bort: området används av "))
            #expect(try await AreaStore(scope).find(id: berga.id) != nil)

            // Only the admin, and only in her own kommun.
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.post("/omraden/\(berga.id)/ta-bort").status == .forbidden)
            #expect(!(try await samordnare.get("/omraden/\(berga.id)").text.contains("Ta bort området")))
            let norrkoping = Browser(client)
            try await norrkoping.login("admin@norrkoping.demo")
            #expect(try await norrkoping.post("/omraden/\(berga.id)/ta-bort").status == .notFound)
        }
    }

    @Test("Ett område med historik avvecklas: historiken står kvar, men nya händelser, tips och formulär hamnar inte där; det går att återinföra")
    func retire() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let skaggetorp = try #require(try await AreaStore(scope).all().first { $0.name == "Skäggetorp" })
            let usesBefore = try await AreaStore(scope).uses(of: skaggetorp.id)
            #expect(!usesBefore.isEmpty, "områdesgruppen och löftet hör till området")
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            #expect(try await admin.get("/omraden/\(skaggetorp.id)").text.contains("Avveckla Skäggetorp"))
            let retired = try await admin.submit("/omraden/\(skaggetorp.id)/avveckla")
            #expect(retired.text.contains("Området Skäggetorp är avvecklat.") && retired.text.contains("Avvecklat 2026-03-11"))
            #expect(retired.text.contains("Återinför Skäggetorp") && !retired.text.contains("Avveckla Skäggetorp"))
            let list = try await admin.get("/omraden").text
            #expect(list.contains("Avvecklade områden") && list.contains("Skäggetorp</a> (Avvecklat 2026-03-11)"))
            #expect(try await AreaStore(scope).uses(of: skaggetorp.id) == usesBefore, "inget flyttas från området")

            // The rapportör is not offered it, and a point inside it no longer lands in it.
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            let form = try await rapportor.get("/est/rapportera").text
            #expect(form.contains(">Ryd</option>") && !form.contains(">Skäggetorp</option>"))
            #expect(try await rapportor.post("/est/rapportera", ESTReportingTests.goodReport).status == .seeOther)
            let event = try #require(try await IncidentStore(scope).list(filter: .init()).first)
            #expect(skaggetorp.shape?.contains(try #require(event.point)) == true && event.areaID == nil)
            // Nor the resident, nor the forms for new forums.
            let resident = Browser(client)
            let tip = try await resident.get("/k/linkoping/tipsa").text
            #expect(tip.contains(">Ryd</option>") && !tip.contains(">Skäggetorp</option>"))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let forumForm = try await samordnare.get("/samverkan").text
            #expect(forumForm.contains(">Ryd</option>") && !forumForm.contains(">Skäggetorp</option>"))
            // The week's tables and map leave it out when none of the five weeks' events lie in it.
            let week = try await samordnare.get("/est/vecka/2024-W13").text
            #expect(week.contains(">Ryd<") && week.contains("Nytt klotter på fasaden") && !week.contains(">Skäggetorp<"))
            // The event list still filters on it, for its history, and says that it is retired.
            #expect(try await samordnare.get("/est/handelser").text.contains(">Skäggetorp (avvecklat)</option>"))

            // Only the admin retires; brought back, it is offered again.
            #expect(try await samordnare.post("/omraden/\(skaggetorp.id)/aterinfor").status == .forbidden)
            let back = try await admin.submit("/omraden/\(skaggetorp.id)/aterinfor")
            #expect(back.text.contains("Området Skäggetorp används igen.") && back.text.contains("Avveckla Skäggetorp"))
            #expect(try await rapportor.get("/est/rapportera").text.contains(">Skäggetorp</option>"))
            let actions = try await harness.auditActions("linkoping")
            #expect(actions.contains("avvecklade område") && actions.contains("återinförde område"))
        }
    }
}
