import Foundation
import Testing
@testable import TryggWeb

@Suite("Bekräftade nycklar hålls en kort stund")
struct CredentialCacheTests {
    /// Counts how often the "database" is asked, and answers as it is told.
    final class Source: @unchecked Sendable {
        var valid = true
        var expires: Date?
        var asked = 0

        func load(_ hash: String) -> (value: String, expires: Date?)? {
            asked += 1
            return valid ? ("anna", expires) : nil
        }
    }

    @Test("En nyckel som spärras någon annanstans slutar gälla inom livslängden; fel nycklar frågas alltid")
    func lifetime() async throws {
        let cache = CredentialCache<String>(lifetime: 2)
        let source = Source()
        let start = Date()
        #expect(try await cache.value(for: "tr_a", now: start) { source.load($0) } == "anna")
        #expect(try await cache.value(for: "tr_a", now: start.addingTimeInterval(1)) { source.load($0) } == "anna")
        #expect(source.asked == 1)
        source.valid = false
        #expect(try await cache.value(for: "tr_a", now: start.addingTimeInterval(2.5)) { source.load($0) } == nil)
        #expect(try await cache.value(for: "tr_fel", now: start) { source.load($0) } == nil)
        #expect(try await cache.value(for: "tr_fel", now: start) { source.load($0) } == nil)
        #expect(source.asked == 4)
    }

    @Test("En nyckel som löper ut gäller inte längre i cachen än i databasen")
    func expiry() async throws {
        let cache = CredentialCache<String>(lifetime: 60)
        let source = Source()
        let start = Date()
        source.expires = start.addingTimeInterval(1)
        #expect(try await cache.value(for: "tr_a", now: start) { source.load($0) } == "anna")
        source.valid = false
        #expect(try await cache.value(for: "tr_a", now: start.addingTimeInterval(1.5)) { source.load($0) } == nil)
    }

    @Test("En nyckel som visas en gång tas ut en gång, bara av sin session och högst fem minuter")
    func oneTimeNotes() {
        let notes = OneTimeNotes()
        let (mine, other) = (UUID(), UUID())
        let start = Date()
        notes.put("nyckel-1", for: mine, now: start)
        #expect(notes.take(for: other, now: start) == nil)
        #expect(notes.take(for: mine, now: start.addingTimeInterval(10)) == "nyckel-1")
        #expect(notes.take(for: mine, now: start.addingTimeInterval(11)) == nil, "en omladdning visar den inte igen")
        notes.put("nyckel-2", for: mine, now: start)
        #expect(notes.take(for: mine, now: start.addingTimeInterval(OneTimeNotes.lifetime + 1)) == nil)
    }
}
