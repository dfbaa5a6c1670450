import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// Templates print no address themselves: every link, form action and source comes from the
/// route table, through the page's view model (`href`, `action`, `paths`) or `site` (the
/// addresses without parameters). The pages as rendered are then checked against the table with
/// the right method: a form posts to a POST route, a link opens a GET route.
@Suite("Mallarnas länkar och formulär kommer från vägtabellen")
struct TemplateLinkTests {
    static func templates() throws -> [(name: String, text: String)] {
        let url = try #require(Renderer.templatesDirectory)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().map {
            ($0, try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// Local links and form actions of an HTML text, with the method each must have.
    static func targets(in html: String) throws -> [(path: String, method: String)] {
        let regex = try NSRegularExpression(pattern: ##"<form\b([^>]*)\baction="([^"#]*)"|(?:href|src)="([^"#]*)""##)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            let group = { (index: Int) in Range(match.range(at: index), in: html).map { String(html[$0]) } }
            let isForm = group(2) != nil
            var path = (group(2) ?? group(3) ?? "").replacingOccurrences(of: "&amp;", with: "&")
            guard path.hasPrefix("/") else { return nil }
            if let question = path.firstIndex(of: "?") { path = String(path[..<question]) }
            if path.count > 1, path.hasSuffix("/") { path.removeLast() }
            let isGetForm = group(1)?.contains(#"method="get""#) == true
            return (path, isForm && !isGetForm ? "POST" : "GET")
        }
    }

    static func routes(_ path: String) -> [RouteDescription] { SiteRoutes.routes(matching: path) }

    @Test("Ingen mall skriver en adress själv")
    func templatesPrintNoPaths() throws {
        var fromModels = 0
        for (name, text) in try Self.templates() {
            let literal = try NSRegularExpression(pattern: #"\b(?:href|action|src)="/"#)
            let found = literal.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
            #expect(found == 0, "\(name) skriver \(found) adress(er) själv; ta dem från vymodellen eller {{site.…}}")
            fromModels += try NSRegularExpression(pattern: #"\b(?:href|action|src)="\{\{"#)
                .numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
        }
        #expect(fromModels > 100, "mallarnas adresser kommer från vymodellerna")
    }

    @Test("Varje länk och formulär på sidorna pekar på en väg i tabellen med rätt metod")
    func renderedLinksAreRoutes() async throws {
        try await Harness.run(followUp: true, est: true, citizen: true, statistics: true) { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let scope = harness.scope(kommun)
            let round = try #require(try await FollowUpStore(scope).rounds().first)
            let plan = try #require(try await PlanStore(scope).plan(year: 2023))
            let measure = try #require(try await PlanStore(scope).measures(planID: plan.id).first)
            let lagesbild = try #require(try await LagesbildStore(scope).find(version: nil))
            let tip = try #require(try await CitizenStore(scope).list(filter: .init(limit: 1)).first)
            let insats = try #require(try await InsatsStore(scope).all().first)
            let week = ISOWeek.containing(TryggClock.now).adding(-1)
            var checked = 0
            func check(_ browser: Browser, _ pages: [String]) async throws {
                for page in pages {
                    let response = try await browser.get(page)
                    #expect(response.status == .ok, "\(page): \(response.status)")
                    for target in try Self.targets(in: response.text) {
                        let found = Self.routes(target.path).contains { "\($0.method)" == target.method }
                        #expect(found, "\(page): \(target.method) \(target.path) finns inte i SiteRoutes")
                        checked += 1
                    }
                }
            }
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            try await check(
                samordnare,
                [
                    "/", "/plan/2023", "/plan/atgard/\(measure.id)", "/plan/styrdokument", "/uppfoljning", "/uppfoljning/\(round.id)",
                    "/uppfoljning/\(round.id)/mina", "/uppfoljning/\(round.id)/rapport", "/est", "/est/vecka/\(week)", "/est/vecka/\(week)/rapport",
                    "/est/handelser", "/est/insatser", "/est/insatser/\(insats.id)", "/est/kategorier", "/est/trender", "/est/hotspots",
                    "/est/rapportera", "/medborgare", "/medborgare/\(tip.id)", "/lagesbild/dokument", "/lagesbild/dokument/\(lagesbild.id)",
                    "/lagesbild/dokument/\(lagesbild.id)/rapport", "/lagesbild/brott", "/lagesbild/jamforelse", "/lagesbild/kallor", "/omraden",
                    "/organisationer", "/konto",
                ])
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            try await check(admin, ["/admin/anvandare", "/admin/logg", "/admin/medborgare", "/organisationer"])
            let resident = Browser(client)
            try await check(resident, ["/k/linkoping/", "/k/linkoping/tipsa", "/login"])
            #expect(checked > 300, "sidorna har länkar att kontrollera")
        }
    }

    @Test("Kontrollen känner igen en länk som inte finns")
    func positiveControl() throws {
        #expect(Self.routes("/plan/2023/kopiera").map(\.pattern) == ["/plan/{year}/kopiera"])
        #expect(Self.routes("/planer").isEmpty)
        #expect(Self.routes("/plan/atgard/x/utga").isEmpty, "ett felstavat segment är ingen väg")
        let targets = try Self.targets(in: #"<a href="/plan/2023?version=1">x</a><form method="post" action="/plan/2023/anta"></form>"#)
        #expect(targets.map(\.path) == ["/plan/2023", "/plan/2023/anta"] && targets.map(\.method) == ["GET", "POST"])
    }
}
