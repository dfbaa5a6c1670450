import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// An edit of a stored record that breaks a rule is refused the same way on every record form:
/// 400, the reason at the top, what she typed still in the form, and the record as it was.
@Suite("Ett ändrat formulär som bryter en regel sparas inte", .serialized)
struct RecordRefusalTests {
    @Test("Personnummer i vandringens förmöte: 400, texten står kvar och vandringen är oförändrad")
    func walk() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let walk = try #require(try await WalkStore(scope).all().first)
            let path = "/samverkan/vandringar/\(walk.id)"
            var typed = WalkForm(shown: walk)
            typed.premeeting = "Förmöte hos 121212-1212."
            let refused = try await browser.post(path, pairs: RecordEditTests.walkPairs(typed, page: try await browser.get(path).text))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Planeringen ser ut att innehålla personnummer"))
            #expect(refused.text.contains(">Förmöte hos 121212-1212.</textarea>"))
            #expect(try await WalkStore(scope).find(id: walk.id)?.premeeting == walk.premeeting)
        }
    }

    @Test("Ett medborgarlöfte med en aktivitet utan ansvarig: 400 och löftet är oförändrat")
    func promise() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let promise = try #require(try await PromiseStore(scope).all().first)
            let path = "/samverkan/medborgarloften/\(promise.id)"
            var typed = PromiseForm(shown: promise)
            typed.title = "Ny rubrik som inte får sparas"
            typed.activities.append("Fler vuxna på torget på fredagskvällar")
            typed.responsible.append("")
            let refused = try await browser.post(path, pairs: RecordEditTests.promisePairs(typed, page: try await browser.get(path).text))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains(PromiseRoutes.missingResponsible))
            #expect(refused.text.contains("Fler vuxna på torget på fredagskvällar"))
            #expect(try await PromiseStore(scope).find(id: promise.id)?.title == promise.title)
        }
    }

    @Test("Ett möte som slutar innan det börjar: 400 med orsaken och mötet är oförändrat")
    func meeting() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let forum = try #require(try await ForumStore(try await harness.scope("linkoping")).all().first)
            let stored = ["datum": "2026-03-10", "fran": "13:00", "till": "14:00", "plats": "Stadshuset", "dagordning": "1. Öppnande"]
            let path = try #require(try await browser.post("/samverkan/forum/\(forum.id)/moten", stored).location)
            let page = try await browser.get(path).text
            let refused = try await browser.post(path, RecordEditTests.form(stored, page: page, ["till": "12:00", "plats": "Ryds bibliotek"]))
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Mötet måste sluta efter att det börjar."))
            #expect(refused.text.contains(#"value="Ryds bibliotek""#), "det hon skrev står kvar")
            let after = try await browser.get(path).text
            #expect(after.contains(#"value="Stadshuset""#) && !after.contains("Ryds bibliotek"))
        }
    }
}
