import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
@testable import TryggStore
@testable import TryggWeb

@Suite("Säkerhet: rubriker, CSRF, felsidor, stora förfrågningar, escaping")
struct SecurityTests {
    @Test("Alla svar har CSP med frame-ancestors 'none', nosniff och Referrer-Policy, även felsidor")
    func securityHeaders() async throws {
        try await Harness.run { _, client in
            for path in ["/health", "/login", "/finns-inte", "/static/trygg.css"] {
                let response = try await client.execute(uri: path, method: .get)
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'"), "\(path)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(path)")
                #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "same-origin", "\(path)")
            }
        }
    }

    @Test("/health svarar ok när databasen svarar")
    func health() async throws {
        try await Harness.run { _, client in
            let response = try await client.execute(uri: "/health", method: .get)
            #expect(response.status == .ok && response.text == "ok")
        }
    }

    @Test("Ett förfalskat eller saknat CSRF-token avvisas och inget sparas")
    func forgedCSRF() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("admin@linkoping.demo")
            let kommun = try await harness.kommun("linkoping")
            let before = try await OrganisationStore(harness.scope(kommun)).organisations().count
            let forged = try await browser.post("/organisationer", ["_csrf": "förfalskat", "abbreviation": "NY", "name": "Ny enhet", "kind": "enhet"])
            #expect(forged.status == .forbidden && forged.text.contains("Formuläret har gått ut"))
            let missing = try await browser.post("/organisationer", ["_csrf": "", "abbreviation": "NY", "name": "Ny enhet", "kind": "enhet"])
            #expect(missing.status == .forbidden)
            #expect(try await OrganisationStore(harness.scope(kommun)).organisations().count == before)
            // The login form is protected too.
            let anonymous = Browser(client)
            let login = try await anonymous.post("/login", ["_csrf": "x", "email": "admin@linkoping.demo", "password": Harness.password])
            #expect(login.status == .forbidden && anonymous.cookies["trygg_session"] == nil)
        }
    }

    @Test("Felsidor är på svenska och visar ingen stackspårning")
    func errorPages() async throws {
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("rapportor@linkoping.demo")
            let missing = try await browser.get("/finns-inte")
            #expect(missing.status == .notFound && missing.text.contains("Sidan finns inte"))
            let forbidden = try await browser.get("/admin/anvandare")
            #expect(forbidden.status == .forbidden && forbidden.text.contains("Åtkomst nekad"))
            let badID = try await browser.get("/omraden/inte-ett-id")
            #expect(badID.status == .badRequest)
            for response in [missing, forbidden, badID] {
                #expect(!response.text.contains("Error(") && !response.text.contains(".swift"))
            }
        }
    }

    @Test("En för stor förfrågan avvisas med 413 och servern fortsätter svara")
    func oversizedBody() async throws {
        try await Harness.run(configure: { $0.maxBodyBytes = 64 * 1024 }) { harness, client in
            let browser = Browser(client)
            try await browser.login("admin@linkoping.demo")
            let huge = String(repeating: "x", count: 200 * 1024)
            let response = try await browser.post("/omraden", ["name": "Stort", "geojson": huge])
            #expect(response.status == .contentTooLarge)
            #expect(try await AreaStore(try await harness.scope("linkoping")).all().count == 4)
            #expect(try await browser.get("/omraden").status == .ok)
        }
    }

    @Test("HTML i inmatade namn visas som text, aldrig som kod")
    func escaping() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("admin@linkoping.demo")
            let response = try await browser.submit("/omraden", ["name": "<script>alert(1)</script>", "deso": "0580C1160"])
            #expect(response.status == .ok)
            let page = try await browser.get("/omraden").text
            #expect(!page.contains("<script>alert(1)</script>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }
}
