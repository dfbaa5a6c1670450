import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("EST: rapportera, rätta, API")
struct ESTReportingTests {
    static let goodReport = [
        "kategori": "skadegorelse|Klotter", "datum": "2024-03-27", "tid": "21:40", "precision": "exakt",
        "lat": "58.4320", "lon": "15.5800", "omrade": "", "platsnamn": "Torget",
        "beskrivning": "Nytt klotter på fasaden vid torget",
    ]

    static func count(_ harness: Harness) async throws -> Int {
        try await IncidentStore(try await harness.scope("linkoping")).count()
    }

    @Test("Rapportören rapporterar; området hittas från punkten; rapporten syns under Mina rapporter")
    func report() async throws {
        try await Harness.run { harness, client in
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            let form = try await rapportor.get("/est/rapportera")
            #expect(form.status == .ok && form.text.contains("Otrygghetsskapande samling av personer") && form.text.contains("Skadegörelse – Klotter"))
            let saved = try await rapportor.post("/est/rapportera", Self.goodReport)
            #expect(saved.status == .seeOther)
            let mine = try await rapportor.get("/est/handelser")
            #expect(mine.text.contains("1 händelse som du har rapporterat") && mine.text.contains("Skäggetorp"))
            #expect(mine.text.contains("Skadegörelse – Klotter") && mine.text.contains("2024-03-27 21:40"))
            let stored = try #require(
                try await IncidentStore(try await harness.scope("linkoping")).list(filter: .init()).first)
            #expect(ISOWeek.containing(stored.occurredAt).description == "2024-W13")
            #expect(try await harness.auditActions("linkoping").contains("rapporterade händelse"))
        }
    }

    @Test("Fel kategori, latitud 200, framtid, klockslag som inte finns, personnummer: tydliga fel och inget sparas")
    func badInput() async throws {
        try await Harness.run { harness, client in
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            let cases: [([String: String], String)] = [
                (["kategori": "ufo"], "är ingen kategori"),
                (["lat": "200"], "är ingen latitud"),
                (["lat": "48.85", "lon": "2.35"], "utanför Sverige"),
                (["datum": "2099-01-01"], "ligger i framtiden"),
                (["datum": "2024-03-31", "tid": "02:30"], "klockan ställdes fram"),
                (["beskrivning": "Pojken 121212-1212 klottrade"], "personnummer"),
                (["beskrivning": "Ring mig på 070-123 45 67"], "telefonnummer"),
                (["beskrivning": String(repeating: "x", count: 3_000)], "högst 2000 tecken"),
                (["beskrivning": "<script>alert(1)</script> 121212-1212"], "personnummer"),
            ]
            for (change, message) in cases {
                let response = try await rapportor.post("/est/rapportera", Self.goodReport.merging(change) { _, new in new })
                #expect(response.status == .badRequest, "\(change)")
                #expect(response.text.contains(message), "\(change): \(message)")
                #expect(!response.text.contains("<script>alert"))
            }
            #expect(try await Self.count(harness) == 0)
        }
    }

    @Test("Den egna rapporten kan rättas och ändringen loggas; andras rapporter syns inte")
    func correctOwn() async throws {
        try await Harness.run { harness, client in
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            try await rapportor.post("/est/rapportera", Self.goodReport)
            let kommun = try await harness.kommun("linkoping")
            let id = try #require(try await IncidentStore(harness.scope(kommun)).list(filter: .init()).first).id
            let corrected = try await rapportor.submit(
                "/est/handelser/\(id)", Self.goodReport.merging(["beskrivning": "Klotter på två fasader"]) { _, new in new })
            #expect(corrected.status == .ok && corrected.text.contains("Ändringen är sparad"))
            #expect(try await IncidentStore(harness.scope(kommun)).find(id: id)?.description == "Klotter på två fasader")
            let audit = try await AuditLog.search(AuditQuery(limit: 10), in: harness.scope(kommun))
            #expect(audit.contains { $0.action == "ändrade händelse" && $0.detail.contains("Nytt klotter på fasaden") && $0.detail.contains("två fasader") })

            // The week of 2024-03-27 is not published: the reporter sees its name, not a link she would get 404 from.
            let own = try await rapportor.get("/est/handelser/\(id)")
            #expect(own.text.contains("vecka 13") && !own.text.contains("href=\"/est/vecka/2024-W13\""))
            #expect(try await rapportor.get("/est/vecka/2024-W13").status == .notFound)
            let lead = Browser(client)
            try await lead.login("samordnare@linkoping.demo")
            #expect(try await lead.get("/est/handelser/\(id)").text.contains("href=\"/est/vecka/2024-W13\""))

            let ansvarig = Browser(client)
            try await ansvarig.login("ansvarig.sf@linkoping.demo")
            #expect(try await ansvarig.get("/est/handelser/\(id)").status == .notFound)
            #expect(try await ansvarig.post("/est/handelser/\(id)", Self.goodReport).status == .notFound)
            #expect(!(try await ansvarig.get("/est/handelser").text.contains("två fasader")))
        }
    }

    @Test("API: skapa ger 201, fel ger 422 per fält och sparar inget, listan filtreras")
    func api() async throws {
        try await Harness.run { harness, client in
            let userID = try #require(try await APITokenStore(harness.database).userID(email: "samordnare@linkoping.demo"))
            let token = try await APITokenStore(harness.database).create(userID: userID, label: "test", by: .commandLine())
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            headers[.contentType] = "application/json"
            let good =
                #"{"category":"Nedskräpning","occurred_at":"2024-03-27T21:40:00+01:00","latitude":58.392,"longitude":15.645,"description":"Skräp vid \"entrén\" <script>x</script>\nrad två"}"#
            let created = try await client.execute(uri: "/api/v1/incidents", method: .post, headers: headers, body: ByteBuffer(string: good))
            #expect(created.status == .created)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(created.text.utf8)) as? [String: Any])
            #expect(json["area"] as? String == "Berga" && json["week"] as? String == "2024-W13" && json["category"] as? String == "nedskrapning")
            #expect(json["category_name"] as? String == "Nedskräpning" && json["latitude"] as? Double == 58.392 && json["longitude"] as? Double == 15.645)
            #expect(json["description"] as? String == "Skräp vid \"entrén\" <script>x</script>\nrad två" && json["ended_at"] == nil)
            #expect(created.headers[.location] == "/api/v1/incidents/\(json["id"] as? String ?? "-")" && json["source"] as? String == "api")
            let bad = #"{"category":"Nedskräpning","occurred_at":"2024-03-31 02:30","latitude":200,"longitude":15.6,"description":"x"}"#
            let rejected = try await client.execute(uri: "/api/v1/incidents", method: .post, headers: headers, body: ByteBuffer(string: bad))
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.text.contains("\"field\":\"tidpunkt\"") && rejected.text.contains("\"field\":\"latitud\""))
            let notJSON = try await client.execute(uri: "/api/v1/incidents", method: .post, headers: headers, body: ByteBuffer(string: "[1,2"))
            #expect(notJSON.status == .badRequest)
            #expect(try await Self.count(harness) == 1)
            let list = try await client.execute(uri: "/api/v1/incidents?from=2024-03-25&to=2024-04-01&area=Berga", method: .get, headers: headers)
            #expect((try JSONSerialization.jsonObject(with: Data(list.text.utf8)) as? [Any])?.count == 1)
            let empty = try await client.execute(uri: "/api/v1/incidents?area=Ryd", method: .get, headers: headers)
            #expect(empty.text == "[]")
            #expect(try await client.execute(uri: "/api/v1/incidents?category=ufo", method: .get, headers: headers).status == .badRequest)
        }
    }
}
