import Foundation
import Testing
@testable import TryggWeb

/// Every link and form action written in a template must be a route of the table, with the right
/// method: a form posts to a POST route, a link opens a GET route. Mustache parts (`{{…}}`) stand
/// for one path segment; links built whole by a view model (`{{href}}`) come from `SiteRoutes`.
@Suite("Mallarnas länkar och formulär finns i vägtabellen")
struct TemplateLinkTests {
    static func templates() throws -> [(name: String, text: String)] {
        let url = try #require(Renderer.templatesDirectory)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().map {
            ($0, try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// The routes a template path fits, whatever the method: a segment that is one Mustache value
    /// (`{{weekKey}}`) stands for any value, as a route's `{week}` does.
    static func routes(_ path: String) -> [RouteDescription] {
        SiteRoutes.routes(matching: path.replacingOccurrences(of: #"(?<=/)\{\{[^}]*\}\}(\{\{[^}]*\}\})*(?=/|$)"#, with: "x", options: .regularExpression))
    }

    @Test("Varje href och action i mallarna pekar på en väg i tabellen med rätt metod")
    func everyLinkIsARoute() throws {
        var checked = 0
        for (name, text) in try Self.templates() {
            // A form's action with the form's method (GET for filters, else POST); links and sources as GET.
            let regex = try NSRegularExpression(pattern: ##"<form\b([^>]*)\baction="(/[^"#]*)"|(?:href|src)="(/[^"#]*)""##)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let group = { (index: Int) in Range(match.range(at: index), in: text).map { String(text[$0]) } }
                let isForm = group(2) != nil
                let isGetForm = group(1)?.contains(#"method="get""#) == true
                let attribute = isForm ? "action" : "href"
                var path = group(2) ?? group(3) ?? ""
                // The query part, and a "{{…}}" glued to the end of a segment (a query the view
                // model writes), are not part of the route.
                if let question = path.firstIndex(of: "?") { path = String(path[..<question]) }
                path = path.replacingOccurrences(of: #"([^/])\{\{[^}]*\}\}$"#, with: "$1", options: .regularExpression)
                if path.count > 1, path.hasSuffix("/") { path.removeLast() }
                let method = isForm && !isGetForm ? "POST" : "GET"
                let found = Self.routes(path).contains { "\($0.method)" == method }
                #expect(found, "\(name): \(attribute)=\"\(path)\" finns inte som \(method) i SiteRoutes")
                checked += 1
            }
        }
        #expect(checked > 90, "mallarna har länkar att kontrollera")
    }

    @Test("Kontrollen känner igen en länk som inte finns")
    func positiveControl() {
        #expect(Self.routes("/plan/{{year}}/kopiera").map(\.pattern) == ["/plan/{year}/kopiera"])
        #expect(Self.routes("/est/vecka/{{weekKey}}{{toggle}}").map(\.pattern) == ["/est/vecka/{week}"])
        #expect(Self.routes("/planer").isEmpty)
        #expect(Self.routes("/plan/atgard/{{id}}/utga").isEmpty, "ett felstavat segment är ingen väg")
    }
}
