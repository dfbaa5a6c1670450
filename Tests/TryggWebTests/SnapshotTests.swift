import Foundation
import Testing
import TryggCore
@testable import TryggWeb

/// The HTML of central pages, compared with a reviewed copy in `Snapshots/`: a change to a
/// template or a view model shows up as a diff someone has to look at, and the escaping of the
/// pages is pinned. Only what differs between runs is masked: the CSRF token, the random ids of
/// the demo's rows, and today's date (forms suggest it). Set
/// `TRYGG_RECORD_SNAPSHOTS=1` to write new copies after a deliberate change, then review the diff.
@Suite("Ögonblicksbilder av centrala sidor")
struct SnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// The web tests run at a fixed instant (`Harness.now`), so dates stay as they are; only what
    /// is random per run is masked, and the static files' fingerprints, which change with every
    /// edit of a stylesheet or script.
    static func masked(_ html: String) -> String {
        return html.replacingOccurrences(of: #"name="_csrf" value="[A-Za-z0-9_-]+""#, with: #"name="_csrf" value="CSRF""#, options: .regularExpression)
            .replacingOccurrences(of: #"\?v=[0-9a-f]{12}""#, with: #"?v=FINGERPRINT""#, options: .regularExpression)
            .replacingOccurrences(
                of: #"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"#, with: "UUID", options: .regularExpression
            )
    }

    static func assertSnapshot(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = directory.appendingPathComponent(name + ".html")
        let actual = masked(html)
        if ProcessInfo.processInfo.environment["TRYGG_RECORD_SNAPSHOTS"] != nil {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        guard actual != expected else { return }
        let a = actual.components(separatedBy: "\n"), b = expected.components(separatedBy: "\n")
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record(
            "\(name).html skiljer sig från rad \(line + 1): fick ”\(a.indices.contains(line) ? a[line] : "")”, väntade ”\(b.indices.contains(line) ? b[line] : "")”",
            sourceLocation: sourceLocation)
    }

    @Test("Åtgärdsplanen 2023 som samordnaren ser den")
    func plan() async throws {
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let page = try await browser.get("/plan/2023")
            #expect(page.status == .ok)
            try Self.assertSnapshot(page.text, named: "plan-2023")
        }
    }

    @Test("Invånarens tipsformulär")
    func tipForm() async throws {
        // Without Leaflet, as the week below: the reviewed page does not depend on the machine.
        try await Harness.run(configure: { $0.map.leafletDirectory = "/finns-inte" }) { _, client in
            let page = try await Browser(client).get("/k/linkoping/tipsa")
            #expect(page.status == .ok)
            try Self.assertSnapshot(page.text, named: "tipsa-linkoping")
        }
    }

    @Test("Veckans lägesbild med en rapporterad händelse (vecka 2024-W13)")
    func week() async throws {
        // Without Leaflet: the reviewed page is the same whether or not the machine has libjs-leaflet.
        try await Harness.run(configure: { $0.map.leafletDirectory = "/finns-inte" }) { _, client in
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            #expect(try await rapportor.post("/est/rapportera", ESTReportingTests.goodReport).status == .seeOther)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let page = try await samordnare.get("/est/vecka/2024-W13")
            #expect(page.status == .ok && page.text.contains("Nytt klotter på fasaden vid torget"))
            try Self.assertSnapshot(page.text, named: "est-vecka-2024-W13")
        }
    }

    @Test("En ändrad sida upptäcks")
    func positiveControl() {
        #expect(Self.masked(#"<input name="_csrf" value="abc_DEF-123">"#) == #"<input name="_csrf" value="CSRF">"#)
        #expect(Self.masked("/plan/atgard/11EAB518-DB93-4F9E-B2D1-81FD2B1439CA") == "/plan/atgard/UUID")
        #expect(Self.masked(#"<link href="/static/trygg.css?v=0123456789ab">"#) == #"<link href="/static/trygg.css?v=FINGERPRINT">"#)
        #expect(Self.masked("<p>Åtgärd 3.2</p>") == "<p>Åtgärd 3.2</p>", "resten lämnas orört")
    }
}
