import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// "Glömt lösenordet?" as a user meets it: a link to their own address, a new password, the old
/// one and every session gone; and as an attacker meets it: the same answer for any address, a
/// link that works once and for an hour only.
@Suite("Glömt lösenordet: en länk via e-post")
struct PasswordResetTests {
    /// A relay nobody listens on: the message stays in the outbox, where the test reads the link.
    static func withRelay(_ configuration: inout AppConfiguration) {
        configuration.mail = MailSettings(
            smtp: SMTPSettings(host: "127.0.0.1", port: 9), fromAddress: "trygg@linkoping.se", publicURL: "https://trygg.linkoping.se")
    }

    static func link(_ harness: Harness) async throws -> String? {
        let messages = try await OutboxStore(try await harness.scope("linkoping")).recent(limit: 20).filter { $0.kind == OutboxStore.passwordLinkKind }
        guard let body = messages.first?.message.body, let start = body.range(of: "https://trygg.linkoping.se/login/aterstall/") else { return nil }
        return "/login/aterstall/" + body[start.upperBound...].prefix(43)
    }

    @Test("Länken väljer ett nytt lösenord en gång; sessionerna och det gamla lösenordet slutar gälla; okända adresser får samma svar")
    func resetsThroughTheLink() async throws {
        try await Harness.run(configure: Self.withRelay) { harness, client in
            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            let visitor = Browser(client)
            #expect(try await visitor.get("/login").text.contains("href=\"/login/glomt\">Glömt lösenordet?"))
            _ = try await visitor.get("/login/glomt")
            let unknown = try await visitor.post("/login/glomt", ["email": "ingen@example.se"])
            let known = try await visitor.post("/login/glomt", ["email": "Rapportor@Linkoping.demo"])
            #expect(unknown.status == .seeOther && known.status == .seeOther && unknown.location == known.location, "samma svar för alla adresser")
            #expect(try await visitor.get(try #require(known.location)).text.contains("Om adressen hör till ett konto i Trygg har vi skickat en länk dit."))
            let link = try #require(try await Self.link(harness))
            let message = try #require(
                try await OutboxStore(try await harness.scope("linkoping")).recent(limit: 20).first { $0.kind == OutboxStore.passwordLinkKind })
            #expect(message.message.to == "rapportor@linkoping.demo" && message.message.subject == "Välj ett nytt lösenord till Trygg")
            _ = try await visitor.post("/login/glomt", ["email": "rapportor@linkoping.demo"])
            #expect(
                try await OutboxStore(try await harness.scope("linkoping")).recent(limit: 20).filter { $0.kind == OutboxStore.passwordLinkKind }.count == 1,
                "inom två minuter skickas ingen ny länk")

            let page = try await visitor.get(link)
            #expect(page.status == .ok && page.text.contains("Nytt lösenord för <strong>rapportor@linkoping.demo</strong>"))
            let different = try await visitor.post(link, ["password": "ett nytt långt lösenord", "repeat": "ett annat långt lösenord"])
            #expect(different.status == .badRequest && different.text.contains("Lösenorden är inte lika."))
            let short = try await visitor.post(link, ["password": "kort", "repeat": "kort"])
            #expect(short.status == .badRequest && short.text.contains("minst 10 tecken"))
            let saved = try await visitor.post(link, ["password": "ett nytt långt lösenord", "repeat": "ett nytt långt lösenord"])
            #expect(saved.location == "/login?nytt-losenord=1")
            #expect(try await visitor.get("/login?nytt-losenord=1").text.contains("Lösenordet är bytt. Logga in med det nya."))
            #expect(try await reporter.get("/").location == "/login", "den öppna sessionen är avslutad")
            #expect(try await Browser(client).login("rapportor@linkoping.demo").location != "/", "det gamla lösenordet gäller inte")
            #expect(try await Browser(client).login("rapportor@linkoping.demo", password: "ett nytt långt lösenord").location == "/")
            let again = try await visitor.get(link)
            #expect(again.status == .notFound && again.text.contains("Länken är ogiltig"), "en länk fungerar en gång")
            #expect(try await visitor.post(link, ["password": "ett tredje långt lösenord", "repeat": "ett tredje långt lösenord"]).status == .notFound)
            #expect(try await visitor.get("/login/aterstall/" + String(repeating: "A", count: 43)).status == .notFound)
            let audit = try await AuditLog.search(AuditQuery(text: "länk", limit: 10), in: try await harness.scope("linkoping")).map(\.action)
            #expect(audit.contains("bytte lösenord med en länk från e-post") && audit.contains("bad om en länk för nytt lösenord"))
        }
    }

    @Test("En länk gäller en timme; en inaktiverad användare får ingen")
    func expiresAndSkipsDisabled() async throws {
        try await Harness.run(configure: Self.withRelay) { harness, _ in
            let store = PasswordResetStore(harness.database)
            let created = try #require(try await store.create(email: "polisen@linkoping.demo", address: "test", now: TryggClock.now.addingTimeInterval(-3700)))
            #expect(try await store.account(token: created.token) == nil, "efter en timme")
            #expect(try await store.redeem(token: created.token, newHash: "x", address: "test") == nil)
            let id = try #require(try await APITokenStore(harness.database).userID(email: "stangastaden@linkoping.demo"))
            try await UserStore(try await harness.scope("linkoping")).setDisabled(userID: id, disabled: true, by: .commandLine())
            #expect(try await store.create(email: "stangastaden@linkoping.demo", address: "test") == nil)
        }
    }

    @Test("Utan e-postserver erbjuds ingen länk: administratören ger ett nytt lösenord")
    func withoutRelay() async throws {
        try await Harness.run { harness, client in
            let visitor = Browser(client)
            let login = try await visitor.get("/login").text
            #expect(!login.contains("Glömt lösenordet?") && login.contains("Kontakta kommunens administratör om du har glömt lösenordet."))
            #expect(try await visitor.get("/login/glomt").text.contains("Trygg kan inte skicka e-post här."))
            _ = try await visitor.post("/login/glomt", ["email": "rapportor@linkoping.demo"])
            #expect(try await Self.link(harness) == nil)
        }
    }
}
