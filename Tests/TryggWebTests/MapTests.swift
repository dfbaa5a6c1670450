import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// The interactive maps' plumbing: the tile host in the CSP, Leaflet served from Debian's folder
/// and nothing else from it, and the week page's map data.
@Suite("Kartor: kartbakgrund, Leaflet och CSP")
struct MapTests {
    @Test("Kartbakgrundens värd står i CSP:n, och bara den; utan bakgrund ingen")
    func tileOriginInCSP() async throws {
        #expect(MapSettings().tileOrigin == "https://tile.openstreetmap.org")
        #expect(MapSettings(tilesOption: "https://{s}.karta.linkoping.se/wmts/{z}/{x}/{y}.png", attribution: nil).tileOrigin == "https://*.karta.linkoping.se")
        #expect(MapSettings(tilesOption: "none", attribution: nil).tileOrigin == nil)
        #expect(MapSettings(tilesOption: "javascript:alert(1)", attribution: nil).tileOrigin == nil)
        #expect(MapSettings(tilesOption: "https://a.se; script-src *", attribution: nil).tileOrigin == nil, "ingen egen regel kan smygas in")
        try await Harness.run(configure: { $0.map = MapSettings(tilesOption: "https://kartor.example.se/{z}/{x}/{y}.png", attribution: nil) }) { _, client in
            let csp = try await client.execute(uri: "/login", method: .get).headers[.contentSecurityPolicy] ?? ""
            #expect(csp.contains("img-src 'self' data: https://kartor.example.se;"))
        }
    }

    @Test("Leaflet lämnas ut från Debians mapp när paketet finns; inget annat i mappen nås", .enabled(if: MapSettings().leafletAvailable))
    func leafletServed() async throws {
        try await Harness.run { _, client in
            let script = try await client.execute(uri: "/vendor/leaflet/leaflet.js", method: .get)
            #expect(script.status == .ok && script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(script.body.readableBytes < 200_000, "Debians minifierade kopia (141 kB i stället för 431 kB)")
            #expect(try await client.execute(uri: "/vendor/leaflet/leaflet.esm.js", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/vendor/leaflet/..%2F..%2Fpasswd", method: .get).status == .notFound)
        }
    }

    @Test("Veckans sida bär kartans data som ett JSON-block som inte kan avsluta sitt script-element", .enabled(if: MapSettings().leafletAvailable))
    func weekMapData() async throws {
        try await Harness.run(est: true) { _, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let page = try await browser.get("/est/vecka/\(ISOWeek.containing(TryggClock.now).adding(-1))")
            #expect(page.text.contains("<script type=\"application/json\" id=\"veckokarta-data\">{"))
            #expect(page.text.contains("\"name\":\"Skäggetorp\"") && page.text.contains("<script src=\"/vendor/leaflet/leaflet.js\"></script>"))
            let block = try #require(page.text.components(separatedBy: "id=\"veckokarta-data\">").last?.components(separatedBy: "</script>").first)
            #expect(!block.contains("</"))
        }
    }

    @Test(
        "Tipsformuläret, rapportformuläret och den publika sidan får Leaflet-kartan med SVG-kartan kvar som reserv",
        .enabled(if: MapSettings().leafletAvailable))
    func formsAndPublicPage() async throws {
        try await Harness.run(citizen: true) { _, client in
            let tip = try await Browser(client).get("/k/linkoping/tipsa").text
            #expect(tip.contains("data-pick data-source=\"platskarta-data\"") && tip.contains("id=\"platskarta-data\">{") && tip.contains("svg"))
            let home = try await Browser(client).get("/k/linkoping/").text
            #expect(home.contains("id=\"tipskarta-data\">{") && home.contains("\"events\":[{") && home.contains("figure class=\"map tips-map\""))
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            #expect(try await rapportor.get("/est/rapportera").text.contains("id=\"platskarta-data\">{"))
        }
    }
}

@Suite("Platsväljare för insatser och prioriterade platser")
struct PlacePickerTests {
    @Test("En insats på en av veckans heta platser får platsens läge utan inskrivna koordinater, så effekten kan följas upp")
    func insatsAtHotPlace() async throws {
        try await Harness.run(est: true) { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let scope = harness.scope(kommun)
            let week = ISOWeek.containing(TryggClock.now).adding(-1)
            let events = try await IncidentStore(scope).points(from: week.start, until: week.end)
            let hot = try #require(HotPlaces.find(week: events, earlier: []).first { !$0.name.isEmpty })
            let mos = try #require(try await OrganisationStore(scope).organisation(abbreviation: "MOS"))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let page = try await samordnare.get("/est/vecka/\(week)")
            #expect(page.text.contains("svg") && page.text.contains("class=\"map pickable\""), "en karta att klicka i formuläret")
            _ = try await samordnare.submit(
                "/est/vecka/\(week)/insatser",
                [
                    "organisation": mos.id.uuidString, "typ": "narvaro", "vad": "Närvaro kvällstid", "plats": hot.name.uppercased(),
                    "start": "2026-03-02", "klart": "2026-04-30",
                ])
            let insats = try #require(try await InsatsStore(scope).all().first { $0.what == "Närvaro kvällstid" })
            let point = try #require(insats.point)
            #expect(abs(point.latitude - hot.centre.latitude) < 1e-9 && abs(point.longitude - hot.centre.longitude) < 1e-9)
        }
    }
}
