import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("Open311 GeoReport v2")
struct Open311Tests {
    static let base = "/open311/v2"

    static func key(_ harness: Harness, _ slug: String = "linkoping") async throws -> String {
        let kommun = try await harness.kommun(slug)
        return try await Open311KeyStore(harness.scope(kommun)).create(
            label: "Trygghetsappen", by: .commandLine(kommunID: kommun.id))
    }

    static func post(_ client: any TestClientProtocol, _ fields: [(String, String)], format: String = "json") async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(
            uri: "\(base)/requests.\(format)", method: .post, headers: headers,
            body: ByteBuffer(string: Browser.encode(pairs: fields)))
    }

    static func good(_ key: String) -> [(String, String)] {
        [
            ("jurisdiction_id", "linkoping"), ("api_key", key), ("service_code", "otrygg-plats"), ("lat", "58.4318"), ("long", "15.5790"),
            ("description", "Mörk gångväg utan belysning"), ("attribute[tid_pa_dygnet][]", "kvall"), ("attribute[tid_pa_dygnet][]", "natt"),
            ("attribute[kon]", "man"), ("email", "app@example.org"), ("first_name", "Anna"), ("last_name", "Andersson"),
        ]
    }

    @Test("discovery, services och service definition i både JSON och XML")
    func describe() async throws {
        try await Harness.run { _, client in
            let discovery = try await client.execute(uri: "\(Self.base)/discovery.json", method: .get)
            #expect(discovery.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(discovery.headers[.accessControlAllowOrigin] == "*")
            #expect(discovery.text.contains("\"specification\":\"http://wiki.open311.org/GeoReport_v2\""))
            let services = try await client.execute(uri: "\(Self.base)/services.xml?jurisdiction_id=linkoping", method: .get)
            #expect(services.headers[.contentType]?.hasPrefix("text/xml") == true)
            #expect(services.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?><services><service><service_code>skadegorelse</service_code>"))
            #expect(services.text.contains("<type>batch</type>") && !services.text.contains("narkotika"))
            let definition = try await client.execute(uri: "\(Self.base)/services/otrygg-plats.json?jurisdiction_id=linkoping", method: .get)
            #expect(definition.text.contains("\"code\":\"tid_pa_dygnet\"") && definition.text.contains("\"datatype\":\"multivaluelist\""))
            #expect(definition.text.contains("\"key\":\"kvinna\""))
            #expect(try await client.execute(uri: "\(Self.base)/services/narkotika.json?jurisdiction_id=linkoping", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "\(Self.base)/services/otrygg-plats.html?jurisdiction_id=linkoping", method: .get).status == .notFound)
        }
    }

    @Test("POST ger en token; efter granskning ger token ärendenumret och ärendet syns avrundat utan kontaktuppgifter")
    func postAndFollow() async throws {
        try await Harness.run { harness, client in
            let key = try await Self.key(harness)
            let posted = try await Self.post(client, Self.good(key))
            #expect(posted.status == .created)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(posted.text.utf8)) as? [[String: Any]])
            let token = try #require(json.first?["token"] as? String)
            let pending = try await client.execute(uri: "\(Self.base)/tokens/\(token).json?jurisdiction_id=linkoping", method: .get)
            #expect(pending.text == "[{\"service_request_id\":null,\"token\":\"\(token)\"}]")
            let kommun = try await harness.kommun("linkoping")
            let report = try #require(try await CitizenStore(harness.scope(kommun)).list(filter: .init()).first)
            #expect(report.channel == .open311 && report.contactName == "Anna Andersson" && report.timesOfDay == [.evening, .night])
            #expect(try await client.execute(uri: "\(Self.base)/requests/1.json?jurisdiction_id=linkoping", method: .get).status == .notFound)
            try await CitizenStore(harness.scope(kommun)).approve(id: report.id, edit: nil, by: .commandLine(kommunID: kommun.id))
            let ready = try await client.execute(uri: "\(Self.base)/tokens/\(token).xml?jurisdiction_id=linkoping", method: .get)
            #expect(
                ready.text.contains("<service_requests><request><service_request_id>1</service_request_id><token>\(token)</token></request></service_requests>")
            )
            let one = try await client.execute(uri: "\(Self.base)/requests/1.xml?jurisdiction_id=linkoping", method: .get)
            #expect(one.text.contains("<status>open</status>") && one.text.contains("<service_code>otrygg-plats</service_code>"))
            #expect(!one.text.contains("Anna") && !one.text.contains("app@example.org") && !one.text.contains("<lat>58.4318</lat>"))
            let filtered = try await client.execute(uri: "\(Self.base)/requests.json?jurisdiction_id=linkoping&service_code=skadegorelse", method: .get)
            #expect(filtered.text == "[]")
            let byStatus = try await client.execute(uri: "\(Self.base)/requests.json?jurisdiction_id=linkoping&status=open", method: .get)
            #expect(byStatus.text.contains("\"service_request_id\":\"1\""))
            // Norrköping's jurisdiction does not show Linköping's request.
            #expect(try await client.execute(uri: "\(Self.base)/requests.json?jurisdiction_id=norrkoping", method: .get).text == "[]")
        }
    }

    @Test("Fel i Open311-format med rätt HTTP-status, och inget sparas")
    func errors() async throws {
        try await Harness.run { harness, client in
            let key = try await Self.key(harness)
            let norrkopingKey = try await Self.key(harness, "norrkoping")
            func without(_ name: String) -> [(String, String)] { Self.good(key).filter { $0.0 != name } }
            func with(_ name: String, _ value: String) -> [(String, String)] { without(name) + [(name, value)] }
            let cases: [([(String, String)], HTTPResponse.Status, String)] = [
                (without("jurisdiction_id"), .badRequest, "jurisdiction_id saknas"),
                (with("jurisdiction_id", "atlantis"), .notFound, "är ingen kommun"),
                (without("api_key"), .forbidden, "api_key saknas"),
                (with("api_key", "fel"), .forbidden, "ogiltig"),
                (with("api_key", norrkopingKey), .forbidden, "ogiltig"),
                (without("service_code"), .badRequest, "service_code saknas"),
                (with("service_code", "narkotika"), .badRequest, "finns inte"),
                (with("lat", "200"), .badRequest, "ingen latitud"),
                (with("lat", "59.3293") + [("long", "18.0686")], .badRequest, "utanför kommunen"),
                (without("lat").filter { $0.0 != "long" }, .badRequest, "address_string"),
                (with("description", String(repeating: "<b>x</b>", count: 2_000)), .badRequest, "högst 1500 tecken"),
                (with("email", "nej"), .badRequest, "ingen e-postadress"),
                (with("media_url", "javascript:alert(1)"), .badRequest, "https://"),
                (with("attribute[hemligt]", "1"), .badRequest, "Okänt attribut"),
                (with("attribute[kon]", "robot"), .badRequest, "inget giltigt val"),
            ]
            for (fields, status, message) in cases {
                let response = try await Self.post(client, fields)
                #expect(response.status == status, "\(message)")
                #expect(response.text.hasPrefix("[{\"code\":\(status.code),\"description\":") && response.text.contains(message), "\(response.text)")
            }
            let xml = try await Self.post(client, without("api_key"), format: "xml")
            #expect(xml.text.contains("<errors><error><code>403</code><description>api_key saknas"))
            let kommun = try await harness.kommun("linkoping")
            #expect(try await CitizenStore(harness.scope(kommun)).list(filter: .init()).isEmpty)
            let queries: [(String, String)] = [
                ("requests.json?jurisdiction_id=linkoping&start_date=igår", "ingen tidpunkt"),
                ("requests.json?jurisdiction_id=linkoping&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "högst 90 dagar"),
                ("requests.json?jurisdiction_id=linkoping&start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z", "efter end_date"),
                ("requests.json?jurisdiction_id=linkoping&status=pending", "open eller closed"),
                ("requests.json?jurisdiction_id=linkoping&service_code=ufo", "finns inte"),
                ("requests.json?jurisdiction_id=linkoping&service_request_id=abc", "inget ärendenummer"),
            ]
            for (query, message) in queries {
                let response = try await client.execute(uri: "\(Self.base)/\(query)", method: .get)
                #expect(response.status == .badRequest && response.text.contains(message), "\(query): \(response.text)")
            }
        }
    }

    @Test("Admin skapar en nyckel som visas en gång och spärrar den; spärrad nyckel avvisas")
    func adminKeys() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let created = try await admin.submit("/admin/medborgare/nycklar", ["namn": "Trygghetsappen"])
            #expect(created.status == .ok && created.text.contains("visas bara den här gången"))
            let key = try #require(
                created.text.range(of: "<code class=\"key\">").map { range in
                    String(created.text[range.upperBound...].prefix { $0 != "<" })
                })
            #expect(try await Self.post(client, Self.good(key)).status == .created)
            #expect(!(try await admin.get("/admin/medborgare").text.contains(key)))
            let kommun = try await harness.kommun("linkoping")
            let stored = try #require(try await Open311KeyStore(harness.scope(kommun)).all().first)
            #expect(try await admin.submit("/admin/medborgare/nycklar/\(stored.id.uuidString)/sparra").status == .ok)
            #expect(try await Self.post(client, Self.good(key)).status == .forbidden)
            let settings = try await admin.submit(
                "/admin/medborgare/installningar",
                [
                    "dagar": "30", "min_lat": "58", "max_lat": "58.7",
                    "min_lon": "15", "max_lon": "16.2",
                ])
            #expect(settings.status == .ok)
            #expect(try await CitizenSettingsStore(harness.scope(kommun)).settings().retentionDays == 30)
            let bad = try await admin.post("/admin/medborgare/installningar", ["dagar": "0"])
            #expect(bad.status == .badRequest && bad.text.contains("Lagringstiden ska vara 1–730 dagar"))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/admin/medborgare").status == .forbidden)
        }
    }
}
