import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// A user of one kommun can never read or change another kommun's data, and gets 404 (not 403)
/// for another kommun's objects so that their existence does not leak.
@Suite("Kommuner är åtskilda")
struct TenancyTests {
    @Test("Norrköpings admin får 404 för Linköpings områden, organisationer och användare, och inget ändras")
    func objectRoutes() async throws {
        try await Harness.run { harness, client in
            let linkoping = try await harness.kommun("linkoping")
            let area = try #require(try await AreaStore(harness.scope(linkoping)).all().first)
            let organisation = try #require(try await OrganisationStore(harness.scope(linkoping)).organisation(abbreviation: "SF"))
            let user = try #require(try await UserStore(harness.scope(linkoping)).accounts().first { $0.role == .rapportor })

            let browser = Browser(client)
            try await browser.login("admin@norrkoping.demo")
            #expect(try await browser.get("/omraden/\(area.id)").status == .notFound)
            let rename = try await browser.post("/organisationer/\(organisation.id)", ["name": "Kapad", "kind": "extern"])
            #expect(rename.status == .notFound)
            #expect(try await browser.post("/admin/anvandare/\(user.id)/inaktivera").status == .notFound)
            #expect(try await browser.post("/admin/anvandare/\(user.id)/aktivera").status == .notFound)

            #expect(
                try await OrganisationStore(harness.scope(linkoping)).organisation(id: organisation.id)?.name
                    == "Socialförvaltningen")
            #expect(try await AccountStore(harness.database).account(id: user.id)?.disabled == false)
            // A user may not be created in another kommun's organisation either.
            let add = try await browser.post(
                "/admin/anvandare",
                [
                    "email": "smyg@example.se", "name": "Smyg", "role": "admin",
                    "organisation": organisation.id.uuidString, "password": "ett långt lösenord",
                ])
            #expect(add.status == .badRequest)
            #expect(try await APITokenStore(harness.database).userID(email: "smyg@example.se") == nil)
        }
    }

    @Test("Listor visar bara den egna kommunens data")
    func listRoutes() async throws {
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("admin@norrkoping.demo")
            let areas = try await browser.get("/omraden").text
            #expect(areas.contains("Navestad") && !areas.contains("Skäggetorp"))
            let users = try await browser.get("/admin/anvandare").text
            #expect(users.contains("samordnare@norrkoping.demo") && !users.contains("linkoping.demo"))
            let log = try await browser.get("/admin/logg").text
            #expect(log.contains("Navestad") && !log.contains("Skäggetorp") && !log.contains("linkoping.demo"))
            let home = try await browser.get("/").text
            #expect(home.contains("Norrköpings kommun") && !home.contains("Linköpings kommun"))
            let organisations = try await browser.get("/organisationer")
            #expect(organisations.status == .ok && organisations.text.contains("Socialförvaltningen"))
        }
    }

    @Test("API:t avgränsar till nyckelns kommun")
    func api() async throws {
        try await Harness.run { harness, client in
            let userID = try #require(try await APITokenStore(harness.database).userID(email: "samordnare@norrkoping.demo"))
            let token = try await APITokenStore(harness.database).create(userID: userID, label: "test", by: .commandLine())
            var headers = HTTPFields()
            headers[.authorization] = "Bearer \(token)"
            let areas = try await client.execute(uri: "/api/v1/areas", method: .get, headers: headers)
            #expect(areas.text.contains("Navestad") && !areas.text.contains("Skäggetorp"))
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: headers)
            #expect(me.text.contains("\"kommun\":\"norrkoping\""))
        }
    }
}
