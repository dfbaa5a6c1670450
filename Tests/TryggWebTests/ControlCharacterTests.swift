import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// U+0000 was stored by SQLite and cut off on reading ("a\0b" came back as "a"), and answered 500
/// on PostgreSQL. Every way in now refuses it with a clear message and stores nothing.
@Suite("Styrtecken i fritext avvisas på alla vägar in")
struct ControlCharacterTests {
    static let nul = "Klotter\u{0000} på fasaden"

    @Test("Text inklistrad från Word: radbrytning (U+000B) och sidbrytning (U+000C) sparas som radbrytningar")
    func wordBreaks() async throws {
        try await Harness.run { harness, client in
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            let pasted = "Klotter på fasaden\u{000B}och vid porten\u{000C}Sida två"
            let saved = try await rapportor.submit("/est/rapportera", ESTReportingTests.goodReport.merging(["beskrivning": pasted]) { _, new in new })
            #expect(saved.status == .ok)
            let stored = try await IncidentStore(try await harness.scope("linkoping")).list(filter: .init()).map(\.description)
            #expect(stored.contains("Klotter på fasaden\noch vid porten\nSida två"))
        }
    }

    @Test("EST-formuläret, API:t, e-tjänsten och Open311 avvisar U+0000 och sparar inget")
    func everyIntakePath() async throws {
        try await Harness.run { harness, client in
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            let form = try await rapportor.post("/est/rapportera", ESTReportingTests.goodReport.merging(["beskrivning": Self.nul]) { _, new in new })
            #expect(form.status == .badRequest)
            #expect(form.text.contains("osynligt styrtecken (U+0000)"))

            var headers = try await harness.bearer("samordnare@linkoping.demo")
            headers[.contentType] = "application/json"
            let body = #"{"category":"Nedskräpning","occurred_at":"2024-03-27T21:40:00+01:00","latitude":58.392,"longitude":15.645,"description":"a\u0000b"}"#
            let api = try await client.execute(uri: "/api/v1/incidents", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(api.status == .unprocessableContent)
            #expect(api.text.contains("\"field\":\"beskrivning\"") && api.text.contains("U+0000"))
            #expect(try await ESTReportingTests.count(harness) == 0)

            let resident = Browser(client)
            try await resident.get("/k/linkoping/tipsa")
            for field in ["beskrivning", "platsnamn"] {
                let tip = try await resident.post("/k/linkoping/tipsa", pairs: CitizenReportTests.tip([field: Self.nul]))
                #expect(tip.status == .badRequest, "\(field)")
                #expect(tip.text.contains("osynligt styrtecken"), "\(field)")
            }
            let key = try await Open311Tests.key(harness)
            let open311 = try await Open311Tests.post(client, Open311Tests.good(key).filter { $0.0 != "description" } + [("description", Self.nul)])
            #expect(open311.status == .badRequest)
            #expect(open311.text.contains("U+0000"))
            #expect(try await CitizenReportTests.reports(harness).isEmpty)

            // Positive control: the same paths accept the text without the character.
            let clean = try await resident.post("/k/linkoping/tipsa", pairs: CitizenReportTests.tip(["beskrivning": "Klotter på fasaden"]))
            #expect(clean.status == .seeOther)
            #expect(try await CitizenReportTests.reports(harness).first?.description == "Klotter på fasaden")
        }
    }

    @Test("Ett administratörsformulär utan egna textregler avvisar också U+0000 med 400")
    func formsWithoutOwnRules() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let kommun = try await harness.kommun("linkoping")
            let before = try await OrganisationStore(harness.scope(kommun)).organisations().count
            let response = try await admin.post("/organisationer", ["name": "Nya\u{0000}förvaltningen", "kind": "forvaltning", "abbreviation": "NYF"])
            #expect(response.status == .badRequest)
            #expect(response.text.contains("osynligt styrtecken (U+0000)"))
            #expect(try await OrganisationStore(harness.scope(kommun)).organisations().count == before)
        }
    }

    @Test("Ett formulär som inte går att läsa (samma fält två gånger, trasig hakparentes, lista i ett textfält) ger 400 och sparar inget")
    func unreadableForms() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let kommun = try await harness.kommun("linkoping")
            let organisations = OrganisationStore(harness.scope(kommun))
            let before = try await organisations.organisations().count
            for pairs in [
                [("name", "Nya förvaltningen"), ("name", "Andra namnet")], [("name[", "Nya förvaltningen")],
                [("name[]", "Nya förvaltningen")],
            ] {
                let response = try await admin.post(
                    "/organisationer", pairs: pairs + [("kind", "forvaltning"), ("abbreviation", "NYF")])
                #expect(response.status == .badRequest, "\(pairs)")
                #expect(response.text.contains("Formuläret kunde inte läsas"), "\(pairs)")
            }
            #expect(try await organisations.organisations().count == before)
            // Positive control: the same form, well formed, adds the organisation.
            let good = try await admin.post("/organisationer", pairs: [("name", "Nya förvaltningen"), ("kind", "forvaltning"), ("abbreviation", "NYF")])
            #expect(good.status == .seeOther)
            #expect(try await organisations.organisations().count == before + 1)
        }
    }

    @Test("Tab och radbrytningar är text; andra styrtecken hittas")
    func rules() {
        #expect(TextInput.forbiddenCharacter(in: "rad ett\r\nrad\ttvå") == nil)
        #expect(TextInput.forbiddenCharacter(in: "a\u{0000}b") == "\u{0000}")
        #expect(TextInput.forbiddenCharacter(in: "ring\u{0007}") == "\u{0007}")
        #expect(
            TextInput.message(for: "a\u{001B}b", field: "Namnet")
                == "Namnet innehåller ett osynligt styrtecken (U+001B) som inte kan sparas. Ta bort det och försök igen.")
    }
}
