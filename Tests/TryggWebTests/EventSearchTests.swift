import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("EST: sök i händelsernas plats och beskrivning")
struct EventSearchTests {
    @Test("Sökningen bryr sig inte om versaler (inte heller Å), tar % som tecken och följer med till nästa sida och nedladdningen")
    func searchPlaceAndDescription() async throws {
        try await Harness.run { harness, client in
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            let reports = [
                ("Ånestadskolans entré", "Klotter på dörren"),
                ("Torget", "Papperskorgen 100% full, skräp runt"),
                ("Torget", "Nytt KLOTTER på fasaden"),
            ]
            for (place, description) in reports {
                let saved = try await rapportor.post(
                    "/est/rapportera",
                    ESTReportingTests.goodReport.merging(["platsnamn": place, "beskrivning": description, "datum": "2026-03-02"]) { _, new in new })
                #expect(saved.status == .seeOther)
            }
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let expected: [(String, Int)] = [
                ("ånestad", 1), ("ÅNESTADSKOLANS", 1), ("anestad", 0), ("klotter", 2), ("torget", 2), ("100%", 1), ("%", 1), ("_", 0), ("cykel", 0),
            ]
            for (words, count) in expected {
                let page = try await samordnare.get("/est/handelser?q=\(words.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)")
                #expect(page.status == .ok)
                #expect(page.text.contains(">\(count) \(count == 1 ? "händelse" : "händelser")."), "\(words): \(count)")
            }
            // A NUL in an address is a clear 400 for every route, on PostgreSQL too (which refuses
            // one in a text parameter: the tip list's e-mail filter and Open311's jurisdiction gave 500).
            for path in [
                "/est/handelser?q=%00torget", "/sok?q=%00klotter", "/medborgare?epost=a%00b", "/open311/v2/requests.json?jurisdiction_id=linkoping%00",
            ] {
                let answer = try await samordnare.get(path)
                #expect(answer.status == .badRequest && answer.text.contains("ogiltigt tecken (NUL)"), "\(path)")
            }
            // The API takes the same words; a NUL there is a 400 in JSON, as its document says.
            let userID = try #require(try await APITokenStore(harness.database).userID(email: "samordnare@linkoping.demo"))
            let token = try await APITokenStore(harness.database).create(userID: userID, label: "test", by: .commandLine())
            let nul = try await samordnare.get("/api/v1/incidents?q=%00", headers: [.authorization: "Bearer \(token)"])
            #expect(nul.status == .badRequest && nul.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(nul.text.contains("ogiltigt tecken (NUL)"))
            let api = try await samordnare.get("/api/v1/incidents?q=KLOTTER", headers: [.authorization: "Bearer \(token)"])
            #expect((try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [Any])?.count == 2)
            // The form shows the words again, and the download carries them.
            let page = try await samordnare.get("/est/handelser?q=%C3%A5nestad")
            #expect(page.text.contains(#"name="q" type="search" maxlength="100" value="ånestad""#))
            let csvLink = try #require(page.text.firstMatch(of: /href="(\/est\/handelser\/export\.csv[^"]*)"/)?.1)
            let csv = try await samordnare.get(String(csvLink).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(csv.status == .ok)
            let lines = csv.text.split(whereSeparator: \.isNewline)
            #expect(lines.count == 2 && lines[1].contains("Ånestadskolans entré"))
            // The rapportör searches only among the reports of her own.
            #expect(try await rapportor.get("/est/handelser?q=torget").text.contains(">2 händelser som du har rapporterat."))
            // The site search lists the year's events that hold the words, for those who read them all.
            let found = try await samordnare.get("/sok?q=klotter").text
            #expect(found.contains("<h2 id=\"sok-handelser\">EST-händelser sedan 2025-03-11</h2>") && found.contains("Ånestadskolans entré"))
            #expect(found.components(separatedBy: "href=\"/est/handelser/").count - 1 == 2)
            #expect(found.contains("href=\"/est/handelser?fran=2025-03-11&amp;q=klotter\""))
            #expect(!(try await rapportor.get("/sok?q=klotter").text.contains("sok-handelser")))
            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            #expect(!(try await norrkoping.get("/sok?q=klotter").text.contains("sok-handelser")))
            // The audit log's search folds the Swedish capitals the same way.
            let audit = try await AuditLog.search(AuditQuery(text: "RAPPORTERADE HÄNDELSE", limit: 10), in: try await harness.scope("linkoping"))
            #expect(audit.count == 3)
        }
    }
}
