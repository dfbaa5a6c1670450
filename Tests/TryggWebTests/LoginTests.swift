import FluentKit
import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import TryggCore
@testable import TryggStore
@testable import TryggWeb

@Suite("Inloggning, sessioner och utloggning")
struct LoginTests {
    @Test("Inloggning ger en HttpOnly-kaka med SameSite=Lax, startsidan visar användaren, utloggning stänger sessionen")
    func loginAndLogout() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            let start = try await browser.get("/")
            #expect(start.status == .seeOther && start.location == "/login")
            let login = try await browser.get("/login")
            #expect(login.text.contains("<html lang=\"sv\">") && login.text.contains("Logga in"))

            let response = try await browser.login("samordnare@linkoping.demo")
            #expect(response.status == .seeOther && response.location == "/")
            let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("trygg_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))

            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.text.contains("Välkommen, Demo samordnare"))
            #expect(home.text.contains("Linköpings kommun"))
            let sessionCookie = try #require(browser.cookies["trygg_session"])

            let logout = try await browser.post("/logout")
            #expect(logout.location == "/login?utloggad=1")
            // The old cookie is dead on the server, not just forgotten by the browser.
            browser.setCookie("trygg_session", sessionCookie)
            #expect(try await browser.get("/").location == "/login")
            #expect(try await harness.auditActions("linkoping").contains("loggade ut"))
        }
    }

    @Test("Bakom TLS märks kakorna Secure och HSTS skickas")
    func secureCookies() async throws {
        try await Harness.run(configure: { $0.secureCookies = true }) { _, client in
            let browser = Browser(client)
            let login = try await browser.login("admin@linkoping.demo")
            #expect(login.headers[values: .setCookie].first { $0.hasPrefix("trygg_session=") }?.contains("; Secure") == true)
            #expect(try await browser.get("/").headers[.strictTransportSecurity] != nil)
        }
    }

    @Test("Fel lösenord ger ett tydligt fel utan session, och försöket loggas")
    func wrongPassword() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            let response = try await browser.login("admin@linkoping.demo", password: "fel lösenord")
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("Fel e-postadress eller lösenord."))
            #expect(browser.cookies["trygg_session"] == nil)
            let unknown = try await browser.login("finns.inte@example.se")
            #expect(unknown.status == .unauthorized && unknown.text.contains("Fel e-postadress eller lösenord."))
            #expect(try await harness.auditActions("linkoping").contains("misslyckad inloggning"))
        }
    }

    @Test("Efter upprepade fel låses kontot tillfälligt, även för rätt lösenord")
    func lockout() async throws {
        try await Harness.run(configure: { $0.lockout = .init(maxFailures: 3, seconds: 600) }) { harness, client in
            let browser = Browser(client)
            for _ in 0..<2 { try await browser.login("analytiker@linkoping.demo", password: "fel lösenord") }
            let third = try await browser.login("analytiker@linkoping.demo", password: "fel lösenord")
            #expect(third.status == .tooManyRequests && third.text.contains("kontot är låst till"))
            let correct = try await browser.login("analytiker@linkoping.demo")
            #expect(correct.status == .tooManyRequests && correct.text.contains("tillfälligt låst"))
            #expect(browser.cookies["trygg_session"] == nil)
            #expect(try await harness.auditActions("linkoping").contains("konto tillfälligt låst"))
            // Other accounts are not affected.
            #expect(try await Browser(client).login("admin@linkoping.demo").location == "/")
        }
    }

    @Test("För många misslyckade inloggningsförsök från samma adress ger 429")
    func rateLimit() async throws {
        try await Harness.run(configure: { $0.loginAttemptsPerMinute = 3 }) { _, client in
            let browser = Browser(client)
            // Successful logins from a shared office address do not use up the limit.
            for _ in 0..<5 { #expect(try await Browser(client).login("admin@linkoping.demo").location == "/") }
            for _ in 0..<3 { try await browser.login("x@example.se", password: "fel lösenord 123") }
            let blocked = try await browser.login("admin@linkoping.demo")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.text.contains("För många inloggningsförsök"))
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test("En utgången session skickar användaren till inloggningen")
    func expiredSession() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("admin@linkoping.demo")
            #expect(try await browser.get("/organisationer").status == .ok)
            try await SessionModel.query(on: harness.database.db).set(\.$expiresAt, to: Date().addingTimeInterval(-60)).update()
            let response = try await browser.get("/organisationer")
            #expect(response.status == .seeOther && response.location == "/login?next=/organisationer")
            #expect(try await SessionModel.query(on: harness.database.db).count() == 0)
        }
    }

    @Test("Två appinstanser på samma databas delar inloggningar")
    func sessionsAreSharedBetweenInstances() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("admin@linkoping.demo")
            let cookie = try #require(browser.cookies["trygg_session"])
            // A second process: its own connection pool and router on the same database.
            let other = try TryggDatabase(location: harness.configuration.database)
            let router = try await buildRouter(configuration: harness.configuration, database: other)
            try await Application(router: router).test(.router) { secondClient in
                let second = Browser(secondClient)
                second.setCookie("trygg_session", cookie)
                let home = try await second.get("/")
                #expect(home.status == .ok && home.text.contains("Demo administratör"))
            }
            await other.shutdown()
        }
    }

    @Test("Efter inloggning skickas man bara vidare till sidor inom Trygg")
    func nextIsLocalOnly() async throws {
        #expect(LoginRoutes.safeNext("/omraden") == "/omraden")
        #expect(LoginRoutes.safeNext("//evil.example") == "/")
        #expect(LoginRoutes.safeNext("https://evil.example") == "/")
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.get("/login")
            let response = try await browser.post(
                "/login",
                [
                    "email": "admin@linkoping.demo", "password": Harness.password,
                    "next": "https://evil.example/",
                ])
            #expect(response.location == "/")
        }
    }
}
