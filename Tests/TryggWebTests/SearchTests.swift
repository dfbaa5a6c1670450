import Foundation
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// The search finds what a user works with, and only what she may open.
@Suite("Sök")
struct SearchTests {
    @Test("Samordnaren hittar åtgärder, lägesbildens problem, forum, beslut, löften och områden; varje träff öppnar sin sida")
    func samordnareFinds() async throws {
        try await Harness.run(statistics: true) { _, client in
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/").text.contains("action=\"/sok\""), "sökfältet finns i sidhuvudet")
            let plan = try await samordnare.get("/sok?q=kamerabevakning")
            #expect(plan.status == .ok && plan.text.contains("Åtgärder i åtgärdsplanen 2023") && plan.text.contains("träffar i "))
            #expect(plan.text.components(separatedBy: "href=\"/plan/atgard/").count - 1 == 2, "samma två åtgärder som planens filter")

            let page = try await samordnare.get("/sok?q=sk%C3%A4ggetorp")
            for text in [
                "<h2 id=\"sok-forum\">Forum</h2>", "Områdesgrupp Skäggetorp", "<h2 id=\"sok-beslut\">Beslut</h2>",
                "Fastställa inriktningen för medborgarlöftet i Skäggetorp", "<h2 id=\"sok-loften\">Medborgarlöften</h2>",
                "Tryggare kvällar i Skäggetorps centrum", "<h2 id=\"sok-omraden\">Områden</h2>",
                "Skadegörelse och otrygghet i Skäggetorps centrum",
            ] {
                #expect(page.text.contains(text), "saknar \(text)")
            }
            let links = page.text.components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                .filter { $0.hasPrefix("/samverkan/") || $0.hasPrefix("/omraden/") || $0.hasPrefix("/lagesbild/dokument/") }
            #expect(!links.isEmpty)
            for link in Set(links) { #expect(try await samordnare.get(link).status == .ok, "\(link)") }
            // A walk by what was seen on it, a promise by what it promises.
            let seen = try await samordnare.get("/sok?q=armaturer").text
            #expect(seen.contains("<h2 id=\"sok-vandringar\">Trygghetsvandringar</h2>") && seen.contains("Berga"))
            #expect(try await samordnare.get("/sok?q=belysningen%20i%20g%C3%A5ngtunnlarna").text.contains("Tryggare kvällar i Skäggetorps centrum"))
            let survey = try await samordnare.get("/sok?q=trygghetsunders%C3%B6kning").text
            #expect(survey.contains("<h2 id=\"sok-enkater\">Enkäter</h2>") && survey.contains("href=\"/enkater/"))
            // Users are the admin's: the samordnare finds none, the admin finds them with their page.
            #expect(!(try await samordnare.get("/sok?q=ansvarig.sf").text.contains("sok-anvandare")))
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let users = try await admin.get("/sok?q=ansvarig.sf").text
            #expect(users.contains("<h2 id=\"sok-anvandare\">Användare</h2>") && users.contains("href=\"/admin/anvandare/"))
            // LOS objects are searched in their register, where each view is an audited read.
            #expect(try await samordnare.get("/sok?q=kiosk").text.contains("<a href=\"/los/objekt?q=kiosk\">objektregistret</a>"))
            let housing = Browser(client)
            try await housing.login("stangastaden@linkoping.demo")
            #expect(!(try await housing.get("/sok?q=kiosk").text.contains("/los/objekt")), "bostadsbolaget ser inget av LOS")
            #expect(try await samordnare.get("/sok?q=a").text.contains("Skriv minst 2 tecken."))
            #expect(try await samordnare.get("/sok?q=xyzzyq").text.contains("Inget matchar ”xyzzyq”."))
        }
    }

    @Test("Polisen hittar inte beslut ur forum de inte sitter i och inga tips; den andra kommunen ingenting")
    func othersFindTheirPart() async throws {
        try await Harness.run(citizen: true) { harness, client in
            let decision = "Samordna förvaltningarnas svar"
            let query = decision.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let tip = try #require(try await CitizenStore(try await harness.scope("linkoping")).list(filter: .init()).first)
            let tipWords = String(tip.description.prefix(14))
            let tipQuery = tipWords.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""

            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/sok?q=\(query)").text.contains("<h2 id=\"sok-beslut\">Beslut</h2>"))
            let tips = try await samordnare.get("/sok?q=\(tipQuery)").text
            #expect(tips.contains("<h2 id=\"sok-tips\">Medborgartips</h2>") && tips.contains("href=\"/medborgare/\(tip.id)\""))

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let policePage = try await police.get("/sok?q=\(query)")
            #expect(policePage.status == .ok && !policePage.text.contains("sok-beslut"), "polisen sitter inte i beredningsgruppen")
            #expect(!(try await police.get("/sok?q=\(tipQuery)").text.contains("sok-tips")))
            #expect(try await police.get("/sok?q=Sk%C3%A4ggetorp").text.contains("Områdesgrupp Skäggetorp"), "ett forum polisen sitter i")

            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            let other = try await norrkoping.get("/sok?q=Sk%C3%A4ggetorp").text
            #expect(other.contains("Inget matchar ”Skäggetorp”.") && !other.contains("Områdesgrupp Skäggetorp"))
        }
    }
}
