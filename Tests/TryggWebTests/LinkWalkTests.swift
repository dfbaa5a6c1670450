import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// Each role walks its pages from the start page the way a user clicks through them: every link a
/// page shows opens. The menu is checked by `RoleMatrixTests`; this finds the links inside pages
/// (a plan linking a lägesbild the rapportör may not open, a week's pager leading the police to a
/// week that is not published).
@Suite("Varje länk en roll ser öppnar en sida")
struct LinkWalkTests {
    /// Downloads are checked where they are made; the walk reads pages.
    static let downloads = [".docx", ".xlsx", ".csv", ".json", ".ics", ".pdf", ".svg", ".png", ".zip"]

    @Test("Rollen följer länkarna från startsidan och möts aldrig av 403 eller 404", arguments: [Role.rapportor, .partner, .ansvarig, .analytiker])
    func everyLinkOpens(role: Role) async throws {
        try await Harness.run(followUp: true, est: true, citizen: true, statistics: true, openRound: true) { _, client in
            let browser = Browser(client)
            try await browser.login(try #require(RoleMatrixTests.emails[role]))
            var queue: [(page: String, from: String)] = [("/", "inloggningen")]
            var seen: Set<String> = []
            var visitsPerRoute: [String: Int] = [:]
            var opened = 0
            while !queue.isEmpty, opened < 300 {
                let (page, from) = queue.removeFirst()
                let path = String(page.prefix { $0 != "?" })
                guard seen.insert(page).inserted, !Self.downloads.contains(where: path.hasSuffix),
                    let route = SiteRoutes.routes(matching: path).first(where: { $0.method == .get }), case .staff = route.zone
                else { continue }
                // Two pages of each kind are enough: the third measure's page links what the first did.
                visitsPerRoute[route.pattern, default: 0] += 1
                guard visitsPerRoute[route.pattern]! <= 2 else { continue }
                let response = try await browser.get(page)
                opened += 1
                #expect(response.status == .ok || response.status == .seeOther, "\(role): \(page), länkad från \(from), svarar \(response.status)")
                if let location = response.location { queue.append((String(location.prefix { $0 != "#" }), page)) }
                guard response.status == .ok else { continue }
                queue += try Self.links(in: response.text).map { ($0, page) }
            }
            #expect(opened > 25, "\(role) öppnade \(opened) sidor")
        }
    }

    @Test("Veckans bläddring leder den som bara läser publicerade veckor till publicerade veckor")
    func weekPagerLeadsToPublishedWeeks() async throws {
        try await Harness.run(est: true) { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let published = try await ESTStore(harness.scope(kommun)).publishedWeeks().map(\.week)
            #expect(published.count >= 2, "demon har publicerade veckor")
            let latest = try #require(published.first)
            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let page = try await police.get("/est/vecka/\(latest)").text
            #expect(!page.contains("Nästa vecka"), "ingen senare vecka är publicerad")
            #expect(page.contains("href=\"/est/vecka/\(published[1])\">← Föregående vecka"))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/est/vecka/\(latest)").text.contains("href=\"/est/vecka/\(latest.adding(1))\">Nästa vecka"))

            // Years of published weeks: one far back still leads to its neighbours, both ways.
            let store = ESTStore(harness.scope(kommun))
            let oldest = try #require(published.last)
            let (older, longAgo, laterRun) = (oldest.adding(-200), oldest.adding(-150), (41...100).map { oldest.adding(-$0) })
            for week in [older, longAgo] + laterRun { try await store.setPublished(true, week: week, by: .commandLine(kommunID: kommun.id)) }
            let old = try await police.get("/est/vecka/\(longAgo)").text
            #expect(old.contains("href=\"/est/vecka/\(older)\">← Föregående vecka"))
            #expect(old.contains("href=\"/est/vecka/\(oldest.adding(-100))\">Nästa vecka"))
        }
    }

    /// The local links of a page with their queries (the filters and versions a user clicks).
    static func links(in html: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: ##"href="(/[^"#]*)""##)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]).replacingOccurrences(of: "&amp;", with: "&") }
        }
    }
}
