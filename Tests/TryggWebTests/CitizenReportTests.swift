import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("Medborgartips: e-tjänst, granskning, publik sida")
struct CitizenReportTests {
    static let goodTip: [(String, String)] = [
        ("kategori", "otrygg-plats"), ("lat", "58.43231"), ("lon", "15.58012"), ("omrade", ""), ("platsnamn", "Gångtunneln vid centrum"),
        ("beskrivning", "Lamporna i tunneln är trasiga, Kalle Svensson brukar stå där"), ("tid[]", "kvall"), ("tid[]", "natt"),
        ("dag[]", "fre"), ("dag[]", "lor"), ("kon", "kvinna"), ("alder", "20-29"), ("epost", "tipsare@example.org"), ("hemsida", ""),
    ]

    static func tip(_ changes: [String: String] = [:]) -> [(String, String)] {
        var pairs = goodTip.filter { changes[$0.0] == nil }
        for (name, value) in changes { pairs.append((name, value)) }
        return pairs
    }

    static func reports(_ harness: Harness) async throws -> [CitizenReport] {
        try await CitizenStore(try await harness.scope("linkoping")).list(filter: .init())
    }

    /// Sends a tip as an anonymous resident; returns the follow-up path.
    static func submitTip(_ client: any TestClientProtocol, _ changes: [String: String] = [:]) async throws -> String {
        let resident = Browser(client)
        try await resident.get("/k/linkoping/tipsa")
        let sent = try await resident.post("/k/linkoping/tipsa", pairs: tip(changes))
        #expect(sent.status == .seeOther, "\(sent.text.prefix(300))")
        return try #require(sent.location)
    }

    @Test("Invånaren tipsar utan inloggning, anonymt som standard, och får en länk att följa tipset; inget blir publikt före granskning")
    func residentReports() async throws {
        try await Harness.run { harness, client in
            let resident = Browser(client)
            let form = try await resident.get("/k/linkoping/tipsa")
            #expect(form.status == .ok && form.text.contains("Tipsa om en otrygg plats") && form.text.contains("Otrygg plats"))
            // Only the public categories are offered.
            #expect(!form.text.contains("Misstänkt narkotikahantering"))
            #expect(form.text.contains("raderas automatiskt efter 183 dagar") && form.text.contains("Vill inte ange"))
            let sent = try await resident.post("/k/linkoping/tipsa", pairs: Self.tip())
            #expect(sent.status == .seeOther)
            let link = try #require(sent.location)
            #expect(link.hasPrefix("/k/linkoping/arende/") && link.hasSuffix("?tack=1"))
            let receipt = try await resident.get(link)
            #expect(receipt.status == .ok && receipt.text.contains("Tack!") && receipt.text.contains("Inkommen, väntar på granskning"))
            #expect(!receipt.text.contains("tipsare@example.org"))
            #expect(!receipt.text.contains("Därför publiceras tipset inte"), "bara ett avvisat tips har ett skäl")
            let stored = try #require(try await Self.reports(harness).first)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let staffPage = try await samordnare.get("/medborgare/\(stored.id)")
            #expect(staffPage.status == .ok && !staffPage.text.contains("(nr )"), "ett tips utan nummer visar inget nummer")
            #expect(!staffPage.text.contains("href=\"/est/handelser/\"") && !staffPage.text.contains("href=\"/est/insatser/\""))
            #expect(stored.status == .received && stored.email == "tipsare@example.org" && stored.timesOfDay == [.evening, .night])
            #expect(stored.weekdays == [5, 6] && stored.gender == .woman && stored.ageBand == .from20to29)
            let areaID = try #require(stored.areaID)
            #expect(try await AreaStore(harness.scope(id: stored.kommunID)).find(id: areaID)?.name == "Skäggetorp")
            // Nothing public before review.
            let home = try await Browser(client).get("/k/linkoping/")
            #expect(home.status == .ok && !home.text.contains("Kalle Svensson"))
            let open311 = try await Browser(client).get("/open311/v2/requests.json?jurisdiction_id=linkoping")
            #expect(open311.text == "[]")
            // The audit log has the tip but neither the e-mail address nor where it was sent from.
            let audit = try await AuditLog.search(AuditQuery(limit: 50), in: harness.scope(id: stored.kommunID))
            let entry = try #require(audit.first { $0.action == "tog emot medborgarrapport" })
            #expect(!entry.detail.contains("tipsare@example.org") && entry.actor == "medborgare (webb)")
            #expect(entry.address == "ej sparad")
        }
    }

    @Test("Felaktiga tips: tydligt fel vid fältet och inget sparas; HTML lagras som text och visas escapad")
    func badInput() async throws {
        try await Harness.run { harness, client in
            let cases: [([String: String], String)] = [
                (["kategori": ""], "välj vad det gäller"),
                (["kategori": "narkotika"], "finns inte att välja"),
                (["lat": "200"], "är ingen latitud"),
                (["lat": "59.3293", "lon": "18.0686"], "utanför kommunen"),
                (["lat": "", "lon": "", "omrade": "", "platsnamn": ""], "markera platsen"),
                (["beskrivning": ""], "beskriv vad som gör platsen otrygg"),
                (["beskrivning": "Ring 070-123 45 67"], "telefonnummer"),
                (["beskrivning": "Han har personnummer 121212-1212"], "personnummer"),
                (["beskrivning": String(repeating: "x", count: 10_000)], "högst 1500 tecken"),
                (["platsnamn": String(repeating: "y", count: 300)], "högst 200 tecken"),
                (["epost": "inte-en-adress"], "är ingen e-postadress"),
                (["kon": "robot"], "inget giltigt val"),
                (["tid[]": "midnatt"], "inget giltigt val"),
                (["omrade": "Atlantis"], "inget område"),
            ]
            let resident = Browser(client)
            try await resident.get("/k/linkoping/tipsa")
            for (change, message) in cases {
                let response = try await resident.post("/k/linkoping/tipsa", pairs: Self.tip(change))
                #expect(response.status == .badRequest, "\(change.keys)")
                #expect(response.text.contains(message), "\(change.keys): \(message)")
                #expect(response.text.contains("role=\"alert\""), "felet meddelas skärmläsare")
            }
            let honeypot = try await resident.post("/k/linkoping/tipsa", pairs: Self.tip(["hemsida": "http://spam.example"]))
            #expect(honeypot.status == .badRequest && honeypot.text.contains("fyller i formulär automatiskt"))
            #expect(honeypot.text.contains("Lamporna i tunneln är trasiga"), "det skrivna står kvar")
            let forged = try await Browser(client).post("/k/linkoping/tipsa", pairs: Self.tip(["_csrf": "fel"]))
            #expect(forged.status == .forbidden)
            #expect(try await Self.reports(harness).isEmpty)
            #expect(try await Browser(client).get("/k/atlantis/tipsa").status == .notFound)

            let script = "<script>alert('x')</script> mörk tunnel"
            let link = try await Self.submitTip(client, ["beskrivning": script, "platsnamn": "<b>fet</b>"])
            let page = try await Browser(client).get(link)
            #expect(page.text.contains("&lt;script&gt;") && !page.text.contains("<script>alert") && !page.text.contains("<b>fet</b>"))
            #expect(try await Self.reports(harness).first?.description == script)
        }
    }

    @Test("Samordnaren redigerar bort namnet och publicerar: avrundad punkt på publika sidan, originalet bara i loggen, tipset i lägesbilden")
    func moderation() async throws {
        try await Harness.run { harness, client in
            let link = try await Self.submitTip(client)
            let report = try #require(try await Self.reports(harness).first)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let queue = try await samordnare.get("/medborgare")
            #expect(queue.status == .ok && queue.text.contains("Gångtunneln vid centrum") && queue.text.contains("Kvinnor"))
            let page = try await samordnare.get("/medborgare/\(report.id.uuidString)")
            #expect(page.text.contains("tipsare@example.org") && page.text.contains("Publicera"))
            #expect(try await harness.auditActions("linkoping").contains("läste kontaktuppgifter"))
            let category = try #require(
                try await CategoryStore(harness.scope(id: report.kommunID)).all().first { $0.code == "otrygg-plats" })
            let published = try await samordnare.submit(
                "/medborgare/\(report.id.uuidString)/godkann",
                [
                    "kategori": category.id.uuidString, "platsnamn": "Gångtunneln vid centrum", "beskrivning": "Lamporna i tunneln är trasiga",
                ])
            #expect(published.status == .ok && published.text.contains("Tipset är publicerat"))
            let approved = try #require(try await CitizenStore(harness.scope(id: report.kommunID)).find(id: report.id))
            #expect(approved.status == .approved && approved.publicNumber == 1 && approved.description == "Lamporna i tunneln är trasiga")
            let audit = try await AuditLog.search(AuditQuery(limit: 100), in: harness.scope(id: report.kommunID))
            #expect(audit.contains { $0.action == "publicerade medborgarrapport" && $0.detail.contains("Kalle Svensson") })

            let home = try await Browser(client).get("/k/linkoping/")
            #expect(home.text.contains("1 publicerade tips med plats") && !home.text.contains("Kalle Svensson"))
            #expect(!home.text.contains("tipsare@example.org") && !home.text.contains("58.43231"))
            let open311 = try await Browser(client).get("/open311/v2/requests.json?jurisdiction_id=linkoping")
            #expect(open311.text.contains("\"service_request_id\":\"1\"") && open311.text.contains("\"status\":\"open\""))
            #expect(!open311.text.contains("tipsare") && !open311.text.contains("58.43231") && !open311.text.contains("15.58012"))
            let exact = try #require(approved.point), shown = try #require(approved.publicPoint)
            #expect(shown != exact && abs(shown.latitude - exact.latitude) < 0.001 && abs(shown.longitude - exact.longitude) < 0.0015)

            // In the EST week as its own source, and hidden on request.
            let incidentID = try #require(approved.incidentID)
            let incident = try #require(try await IncidentStore(harness.scope(id: report.kommunID)).find(id: incidentID))
            #expect(incident.source == .citizen && incident.description == "Lamporna i tunneln är trasiga")
            let week = ISOWeek.containing(incident.occurredAt).description
            #expect(try await samordnare.get("/est/vecka/\(week)").text.contains("Lamporna i tunneln är trasiga"))
            #expect(!(try await samordnare.get("/est/vecka/\(week)?medborgare=dolj").text.contains("Lamporna i tunneln är trasiga")))

            // Answer, close, and hand over to EST.
            #expect(try await samordnare.submit("/medborgare/\(report.id.uuidString)/svara", ["svar": "Belysningen lagas nästa vecka."]).status == .ok)
            #expect(try await Browser(client).get(link).text.contains("Belysningen lagas nästa vecka."))
            #expect(try await samordnare.submit("/medborgare/\(report.id.uuidString)/avsluta").status == .ok)
            #expect(try await Browser(client).get("/open311/v2/requests/1.json?jurisdiction_id=linkoping").text.contains("\"status\":\"closed\""))
            #expect(try await samordnare.submit("/medborgare/\(report.id.uuidString)/est").status == .ok)
            let converted = try #require(try await IncidentStore(harness.scope(id: report.kommunID)).find(id: incident.id))
            #expect(converted.source == .est && converted.organisationID != nil)
            let organisationID = try #require(converted.organisationID)
            let insats = try await samordnare.submit(
                "/medborgare/\(report.id.uuidString)/insats",
                [
                    "typ": "situationell", "vad": "Byt belysning i tunneln", "plats": "Gångtunneln", "organisation": organisationID.uuidString,
                    "start": "2026-01-05", "klart": "2026-02-01",
                ])
            #expect(insats.status == .ok && insats.text.contains("Insatsen är beslutad"))
            #expect(try await CitizenStore(harness.scope(id: report.kommunID)).find(id: report.id)?.insatsID != nil)
        }
    }

    @Test("Avvisa med skäl, markera dubblett; bara samordnaren granskar")
    func rejectAndDuplicate() async throws {
        try await Harness.run { harness, client in
            let first = try await Self.submitTip(client, ["beskrivning": "Mörkt i tunneln"])
            _ = try await Self.submitTip(client, ["beskrivning": "Också mörkt i tunneln", "lat": "58.43235"])
            let reports = try await Self.reports(harness)
            let original = try #require(reports.first { $0.description == "Mörkt i tunneln" })
            let copy = try #require(reports.first { $0.description == "Också mörkt i tunneln" })
            for email in ["rapportor@linkoping.demo", "analytiker@linkoping.demo", "admin@linkoping.demo"] {
                let other = Browser(client)
                try await other.login(email)
                #expect(try await other.get("/medborgare").status == .forbidden, "\(email)")
                #expect(try await other.post("/medborgare/\(original.id.uuidString)/avvisa", ["skal": "x"]).status == .forbidden, "\(email)")
            }
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let page = try await samordnare.get("/medborgare/\(copy.id.uuidString)")
            #expect(page.text.contains("Markera som dubblett"))
            #expect(try await samordnare.submit("/medborgare/\(copy.id.uuidString)/dubblett", ["original": original.id.uuidString]).status == .ok)
            #expect(try await samordnare.post("/medborgare/\(original.id.uuidString)/avvisa", ["skal": ""]).status == .badRequest)
            #expect(try await samordnare.submit("/medborgare/\(original.id.uuidString)/avvisa", ["skal": "Gäller inte kommunens mark."]).status == .ok)
            #expect(try await Browser(client).get(first).text.contains("Gäller inte kommunens mark."))
            // A rejected tip cannot be published afterwards.
            let late = try await samordnare.post("/medborgare/\(original.id.uuidString)/avsluta")
            #expect(late.status == .badRequest && late.text.contains("kan inte avslutas"))
            let statuses = try await Self.reports(harness).map(\.status)
            #expect(Set(statuses) == [.rejected, .duplicate])
        }
    }

    @Test("Två granskare samtidigt: ett tips publiceras en gång, och samtidiga publiceringar får olika nummer")
    func concurrentReview() async throws {
        try await Harness.run { harness, client in
            for index in 0..<4 { _ = try await Self.submitTip(client, ["beskrivning": "Mörkt vid tunnel \(index)"]) }
            let reports = try await Self.reports(harness)
            let kommunID = try #require(reports.first?.kommunID)
            let store = CitizenStore(harness.scope(id: kommunID))
            let actor = Actor.commandLine(kommunID: kommunID)
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<2 {
                    group.addTask { (try? await store.approve(id: reports[0].id, edit: nil, by: actor)) != nil }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 }.count == 1)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for report in reports.dropFirst() {
                    group.addTask { _ = try await store.approve(id: report.id, edit: nil, by: actor) }
                }
                try await group.waitForAll()
            }
            let numbers = try await Self.reports(harness).compactMap(\.publicNumber).sorted()
            #expect(numbers == [1, 2, 3, 4])
            let events = try await IncidentStore(harness.scope(id: kommunID)).list(filter: .init()).filter { $0.source == .citizen }
            #expect(events.count == 4)
        }
    }

    @Test("Kontaktuppgifter raderas när lagringstiden gått ut; tipset finns kvar")
    func contactRetention() async throws {
        try await Harness.run { harness, client in
            _ = try await Self.submitTip(client)
            #expect(try await CitizenStore.purgeExpiredContacts(in: harness.database, now: TryggClock.now.addingTimeInterval(182 * 86_400)) == 0)
            #expect(try await CitizenStore.purgeExpiredContacts(in: harness.database, now: TryggClock.now.addingTimeInterval(184 * 86_400)) == 1)
            let report = try #require(try await Self.reports(harness).first)
            #expect(report.email == nil && report.contactDeleteAfter == nil && report.description.contains("tunneln"))
            #expect(try await harness.auditActions("linkoping").contains("raderade kontaktuppgifter"))
        }
    }

    @Test("En flod från en adress stoppas med 429; andra adresser och personalsidorna svarar")
    func flood() async throws {
        try await Harness.run(configure: {
            $0.trustForwardedFor = true
            $0.publicLimits = PublicLimits(requestsPerMinute: 30, reportsPerHour: 3)
        }) { harness, client in
            var attacker = HTTPFields()
            attacker[HTTPField.Name("X-Forwarded-For")!] = "203.0.113.9"
            let resident = Browser(client)
            try await resident.get("/k/linkoping/tipsa", headers: attacker)
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<5 { statuses.append(try await resident.post("/k/linkoping/tipsa", pairs: Self.tip(), headers: attacker).status) }
            #expect(statuses == [.seeOther, .seeOther, .seeOther, .tooManyRequests, .tooManyRequests])
            for _ in 0..<40 { try await resident.get("/k/linkoping/", headers: attacker) }
            #expect(try await resident.get("/k/linkoping/", headers: attacker).status == .tooManyRequests)
            #expect(try await Browser(client).get("/open311/v2/services.json?jurisdiction_id=linkoping", headers: attacker).status == .tooManyRequests)
            var neighbour = HTTPFields()
            neighbour[HTTPField.Name("X-Forwarded-For")!] = "198.51.100.7"
            #expect(try await Browser(client).get("/k/linkoping/", headers: neighbour).status == .ok)
            #expect(try await Browser(client).get("/login", headers: attacker).status == .ok)
            #expect(try await Self.reports(harness).count == 3)
        }
    }
}
