import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TryggStore
@testable import TryggWeb

@Suite("JSON-API med personliga nycklar")
struct APITests {
    @Test("Utan eller med fel nyckel: 401 som JSON")
    func unauthorized() async throws {
        try await Harness.run { _, client in
            let none = try await client.execute(uri: "/api/v1/me", method: .get)
            #expect(none.status == .unauthorized && none.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(none.text.contains("API-nyckel"))
            var headers = HTTPFields()
            headers[.authorization] = "Bearer tr_fel"
            #expect(try await client.execute(uri: "/api/v1/areas", method: .get, headers: headers).status == .unauthorized)
        }
    }

    @Test("Varje väg i OpenAPI-dokumentet svarar med JSON för en giltig nyckel")
    func documentedPathsAnswer() async throws {
        try await Harness.run(est: true) { harness, client in
            let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(document.text.utf8)) as? [String: Any])
            #expect(json["openapi"] as? String == "3.1.0")
            let paths = try #require(json["paths"] as? [String: Any]).keys.sorted()
            #expect(paths == ["/areas", "/incidents", "/incidents/{id}", "/me", "/organisations"])
            let linkoping = try await harness.kommun("linkoping")
            let incident = try #require(try await IncidentStore(harness.scope(linkoping)).list(filter: .init(limit: 1)).first)
            let userID = try #require(try await APITokenStore(harness.database).userID(email: "analytiker@linkoping.demo"))
            let token = try await APITokenStore(harness.database).create(userID: userID, label: "test", by: .commandLine())
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            for path in paths {
                let response = try await client.execute(
                    uri: "/api/v1" + path.replacingOccurrences(of: "{id}", with: incident.id.uuidString),
                    method: .get, headers: headers)
                #expect(response.status == .ok, "\(path)")
                #expect((try? JSONSerialization.jsonObject(with: Data(response.text.utf8))) != nil, "\(path)")
            }
            let areas = try await client.execute(uri: "/api/v1/areas", method: .get, headers: headers)
            let collection = try #require(try JSONSerialization.jsonObject(with: Data(areas.text.utf8)) as? [String: Any])
            #expect(collection["type"] as? String == "FeatureCollection")
            #expect((collection["features"] as? [Any])?.count == 4)
        }
    }

    @Test("En väg som finns men inte för metoden svarar 405 med Allow, i vägens egen form; en okänd händelse 404 på svenska")
    func wrongMethod() async throws {
        try await Harness.run { harness, client in
            let headers = try await harness.bearer("samordnare@linkoping.demo")
            let trace = try await client.execute(uri: "/api/v1/incidents", method: .trace, headers: headers)
            #expect(trace.status == .methodNotAllowed && trace.headers[.allow] == "GET, HEAD, POST")
            #expect(trace.headers[.contentType]?.hasPrefix("application/json") == true && trace.text.contains("stöds inte"))
            let page = try await client.execute(uri: "/plan", method: .delete)
            #expect(page.status == .methodNotAllowed && page.headers[.allow] == "GET, HEAD" && page.text.contains("Metoden stöds inte"))
            // HEAD wherever GET: an uptime check of the login page, a link checker on a stylesheet.
            let head = try await client.execute(uri: "/login", method: .head)
            #expect(head.status == .ok && head.body.readableBytes == 0 && head.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(try await client.execute(uri: "/static/trygg.css", method: .head).status == .ok)
            #expect(try await client.execute(uri: "/api/v1/incidents", method: .head, headers: headers).status == .ok)
            let onlyPost = try await client.execute(uri: "/logout", method: .head)
            #expect(onlyPost.status == .methodNotAllowed && onlyPost.headers[.allow] == "POST")
            #expect(try await client.execute(uri: "/finns-inte", method: .delete).status == .notFound)
            let notAnID = try await client.execute(uri: "/api/v1/incidents/null", method: .get, headers: headers)
            #expect(notAnID.status == .notFound && notAnID.text.contains("Händelsen finns inte."))
        }
    }

    @Test("Händelsens handskrivna JSON är byte för byte vad JSONEncoder skriver")
    func handWrittenJSONEqualsEncoder() throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let texts = ["Skräp vid \"entrén\" <script>x</script>\nrad två\t/\\ 🚲", "", "ctrl \u{1} \u{1F}"]
        for (index, text) in texts.enumerated() {
            let dto = IncidentAPIRoutes.IncidentDTO(
                id: UUID(), category: "nedskrapning", categoryName: "Nedskräpning", subcategory: text, occurredAt: "2024-03-27T21:40:00+01:00",
                endedAt: index == 0 ? "2024-03-28T06:00:00+01:00" : nil, precision: "exakt", week: "2024-W13",
                latitude: index == 1 ? nil : 58.392, longitude: index == 1 ? nil : 15.645, area: "Berga", place: text, description: text,
                organisation: index == 2 ? nil : "KLF", source: "api")
            #expect(String(decoding: dto.json, as: UTF8.self) == String(decoding: try encoder.encode(dto), as: UTF8.self))
        }
    }
}
