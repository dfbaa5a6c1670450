import Foundation
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// A resident's own contact details: the samordnare finds every tip sent from an address and
/// erases the address when asked, as the privacy page promises.
@Suite("Invånarens kontaktuppgifter")
struct CitizenContactTests {
    @Test("Samordnaren hittar tipsen från en adress oavsett versaler, raderar adressen på begäran och tipset finns kvar")
    func findAndErase() async throws {
        try await Harness.run { harness, client in
            _ = try await CitizenReportTests.submitTip(client, ["epost": "Anna.Andersson@Example.org"])
            _ = try await CitizenReportTests.submitTip(client, ["epost": "anna.andersson@example.org", "beskrivning": "Mörk gångtunnel vid skolan."])
            _ = try await CitizenReportTests.submitTip(client, ["epost": "någon.annan@example.org"])
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let found = try await samordnare.get("/medborgare?epost=ANNA.andersson%40example.org")
            #expect(found.status == .ok && found.text.contains("Tips från ANNA.andersson@example.org (2)"))
            #expect(found.text.contains("Mörk gångtunnel vid skolan."))
            let actions = try await harness.auditActions("linkoping")
            #expect(actions.contains("sökte tips på e-postadress"))
            let log = try await AuditLog.search(AuditQuery(text: "sökte tips", limit: 5), in: harness.scope("linkoping"))
            #expect(log.allSatisfy { !$0.detail.lowercased().contains("anna") }, "adressen stannar inte i loggen efter lagringstiden")

            let tips = try await CitizenStore(try await harness.scope("linkoping")).list(filter: .init(email: "anna.andersson@example.org"))
            let tip = try #require(tips.first)
            let page = try await samordnare.get("/medborgare/\(tip.id)")
            #expect(page.text.contains("Radera kontaktuppgifterna nu"))
            let erased = try await samordnare.submit("/medborgare/\(tip.id)/radera-kontakt")
            #expect(erased.text.contains("Kontaktuppgifterna är raderade. Tipset finns kvar utan dem."))
            #expect(!erased.text.contains("Radera kontaktuppgifterna nu") && !erased.text.contains(tip.email ?? "-"))
            let after = try #require(try await CitizenStore(try await harness.scope("linkoping")).find(id: tip.id))
            #expect(after.email == nil && after.contactDeleteAfter == nil && after.description == tip.description)
            #expect(try await samordnare.get("/medborgare?epost=anna.andersson%40example.org").text.contains("Tips från anna.andersson@example.org (1)"))
            // A second time there is nothing left to erase, and the page says so.
            let again = try await samordnare.post("/medborgare/\(tip.id)/radera-kontakt")
            #expect(again.status == .badRequest && again.text.contains("Tipset har inga kontaktuppgifter kvar."))
            // Only those who review tips may do it.
            let analyst = Browser(client)
            try await analyst.login("analytiker@linkoping.demo")
            #expect(try await analyst.post("/medborgare/\(tip.id)/radera-kontakt").status == .forbidden)
            #expect(try await analyst.get("/medborgare?epost=n%C3%A5gon.annan%40example.org").status == .forbidden)
        }
    }

    @Test("Invånaren raderar själv sin e-postadress via länken till tipset; utan adress syns ingen knapp")
    func residentErases() async throws {
        try await Harness.run { harness, client in
            let link = try await CitizenReportTests.submitTip(client)
            let resident = Browser(client)
            let page = try await resident.get(link)
            #expect(page.text.contains("Radera min e-postadress"))
            let path = String(link.prefix { $0 != "?" })
            let erased = try await resident.post(path + "/radera-epost")
            #expect(erased.status == .seeOther)
            let after = try await resident.get(try #require(erased.location))
            #expect(after.text.contains("Din e-postadress är raderad.") && !after.text.contains("Radera min e-postadress"))
            let stored = try #require(try await CitizenReportTests.reports(harness).first)
            #expect(stored.email == nil && stored.description.contains("Lamporna i tunneln"))
            let log = try await AuditLog.search(AuditQuery(text: "raderade kontaktuppgifter", limit: 5), in: harness.scope("linkoping"))
            #expect(log.first?.detail == "av den som tipsade, via länken till tipset" && log.first?.address == "ej sparad")
            // A wrong link erases nothing and says so.
            #expect(try await resident.post("/k/linkoping/arende/fel-lank/radera-epost").status == .notFound)
            // Without a CSRF token (a forged form on another site) nothing happens.
            #expect(try await resident.post(path + "/radera-epost", ["_csrf": "fel"]).status == .forbidden)
        }
    }
}
