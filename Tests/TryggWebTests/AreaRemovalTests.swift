import Foundation
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// An area imported by mistake can be removed; one with history cannot, and the page says why.
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
}
