import Foundation
import Testing
import TryggCore

@testable import TryggWeb

/// The help page tells each role what it does in Trygg and links only to pages it may open.
@Suite("Hjälpsidan: arbetets kedja, rollens uppgifter och begreppen")
struct HelpTests {
    /// Tasks each role must see, and tasks it must not (it has a fuller one, or may not at all).
    static let expected: [Role: (sees: [String], not: [String])] = [
        .admin: (["Administrera", "Ditt konto"], ["Leda EST-veckan", "Skriva lägesbilden", "Svara på uppföljningen"]),
        .samordnare: (
            ["Åtgärdsplanen och uppföljningen", "Skriva lägesbilden", "Leda EST-veckan", "Granska invånarnas tips"],
            ["Svara på uppföljningen", "Läsa lägesbilden", "Administrera"]
        ),
        .analytiker: (["Skriva lägesbilden", "Trygghetsundersökningar"], ["Leda EST-veckan", "Administrera"]),
        .ansvarig: (["Svara på uppföljningen", "Läsa åtgärdsplanen"], ["Åtgärdsplanen och uppföljningen", "Granska invånarnas tips"]),
        .rapportor: (["Rapportera en händelse"], ["Svara på uppföljningen", "Skriva lägesbilden", "Administrera"]),
        .partner: (["Rapportera en händelse", "Läsa lägesbilden", "Samverkan"], ["Skriva lägesbilden", "Granska invånarnas tips"]),
    ]

    @Test("Varje roll ser sina uppgifter, och varje länk på sidan öppnas för den", arguments: Role.allCases)
    func tasksPerRole(role: Role) async throws {
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login(try #require(RoleMatrixTests.emails[role]))
            let start = try await browser.get("/")
            #expect(start.text.contains(#"<a href="/hjalp">Hjälp</a>"#), "länken finns i sidhuvudet")
            let page = try await browser.get("/hjalp")
            #expect(page.status == .ok && page.text.contains("Så hänger arbetet ihop") && page.text.contains("Kriminell påverkan"))
            let expected = try #require(Self.expected[role])
            for task in expected.sees { #expect(page.text.contains("<dt>\(task)</dt>"), "\(role) ser ”\(task)”") }
            for task in expected.not { #expect(!page.text.contains("<dt>\(task)</dt>"), "\(role) ser inte ”\(task)”") }
            let mainStart = try #require(page.text.range(of: "<main"))
            let main = String(page.text[mainStart.lowerBound...])
            let links = Set(try LinkWalkTests.links(in: main))
            #expect(links.count >= 2)
            for link in links {
                let response = try await browser.get(link)
                let opened = response.status == .ok || (response.status == .seeOther && response.location?.hasPrefix("/login") == false)
                #expect(opened, "\(role): \(link) svarar \(response.status)")
            }
        }
    }
}
