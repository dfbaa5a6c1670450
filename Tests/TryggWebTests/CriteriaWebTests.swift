import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("EU:s kriterier: bara samordnaren och polisen, varje läsning loggas")
struct CriteriaWebTests {
    static func fields(met: [Int], evidence: [Int: String] = [:]) -> [(String, String)] {
        [("rubrik", "Nätverk kring narkotikaförsäljning vid torget"), ("datum", "2026-03-01"), ("bedomare", "Kommunpolis och säkerhetssamordnare")]
            + met.map { ("uppfyllt[]", "\($0)") } + (1...11).map { ("underlag[]", evidence[$0] ?? (met.contains($0) ? "Polisens underrättelse" : "")) }
    }

    @Test("Samordnaren bedömer; utan underlag avvisas; polisen läser; bostadsbolaget och förvaltningen får 403; inställningen ändrar resultatet")
    func assessments() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let missing = try await samordnare.post("/lagesbild/eu-kriterier", pairs: Self.fields(met: [1, 2, 3, 4, 7, 11], evidence: [7: ""]))
            #expect(missing.status == .badRequest && missing.text.contains("Kriterium 7 är markerat som uppfyllt men saknar underlag."))
            #expect(missing.text.contains("value=\"Nätverk kring narkotikaförsäljning vid torget\""))
            let created = try await samordnare.post("/lagesbild/eu-kriterier", pairs: Self.fields(met: [1, 2, 3, 4, 7, 11]))
            #expect(created.status == .seeOther)
            let page = try await samordnare.get(try #require(created.location))
            #expect(page.text.contains("Uppfyller definitionen: 6 av 11 kriterier, alla obligatoriska."))
            #expect(page.text.contains("1, 2, 3, 4 (programmets läsning)"))
            // Read first: each criterion with its answer and evidence; the form is folded away.
            #expect(page.text.contains("<td data-label=\"Uppfyllt\">Ja</td><td class=\"prewrap\">Polisens underrättelse</td>"))
            #expect(page.text.contains("<td data-label=\"Uppfyllt\">Nej</td>") && page.text.contains("<details class=\"card\">"))
            let location = try #require(created.location)
            let id = try #require(location.split(separator: "/").last.flatMap { UUID(uuidString: String($0)) })
            let refused = try await samordnare.post(SiteRoutes.criteriaSave.path(id), pairs: Self.fields(met: [1, 2, 3, 4, 7, 11], evidence: [7: ""]))
            #expect(refused.status == .badRequest && refused.text.contains("<details class=\"card\" open>"), "a refused change shows its form open")

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            #expect(try await police.get(try #require(created.location)).text.contains("Uppfyller definitionen"))
            for email in ["stangastaden@linkoping.demo", "ansvarig.sf@linkoping.demo", "analytiker@linkoping.demo"] {
                let other = Browser(client)
                try await other.login(email)
                #expect(try await other.get(try #require(created.location)).status == .forbidden, "\(email)")
                #expect(try await other.get("/lagesbild/eu-kriterier").status == .forbidden, "\(email)")
            }
            let reads = try await AuditLog.search(AuditQuery(text: "EU-bedömning", limit: 100), in: scope).map(\.action)
            #expect(reads.filter { $0 == "läste EU-bedömning" }.count == 3, "samordnarens läsning, hennes avvisade ändring och polisens läsning")

            #expect(try await police.post("/lagesbild/eu-kriterier/installningar", pairs: [("obligatorisk[]", "1")]).status == .forbidden)
            try await samordnare.submit("/lagesbild/eu-kriterier/installningar", pairs: [1, 3, 5, 11].map { ("obligatorisk[]", "\($0)") })
            #expect(try await CriteriaStore(scope).mandatory() == EUCriteria.policeMandatory)
            #expect(try await samordnare.get(try #require(created.location)).text.contains("Uppfyller inte definitionen: obligatoriska kriterier saknas: 5."))
            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            #expect(try await norrkoping.get(try #require(created.location)).status == .notFound)
        }
    }
}
