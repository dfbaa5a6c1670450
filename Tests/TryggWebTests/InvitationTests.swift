import Foundation
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// With a relay the admin never learns anyone's password: a new colleague gets an invitation to
/// choose one, and one who forgot gets a link from the user's page.
@Suite("Inbjudan: den nya användaren väljer själv sitt lösenord")
struct InvitationTests {
    static func messages(_ harness: Harness, to address: String) async throws -> [OutboxEntry] {
        try await OutboxStore(try await harness.scope("linkoping")).recent(limit: 50).filter { $0.message.to == address }
    }

    static func link(in body: String) -> String? {
        guard let start = body.range(of: "https://trygg.linkoping.se/login/aterstall/") else { return nil }
        return "/login/aterstall/" + body[start.upperBound...].prefix(43)
    }

    @Test("Admin lägger till en kollega utan lösenord; inbjudan når hennes adress och hon loggar in med det hon själv valt")
    func invitedColleague() async throws {
        try await Harness.run(configure: PasswordResetTests.withRelay) { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let form = try await admin.get("/admin/anvandare")
            #expect(form.text.contains("får en inbjudan till adressen") && !form.text.contains(#"name="password""#))
            let kommun = try await harness.kommun("linkoping")
            let police = try #require(try await OrganisationStore(harness.scope(kommun)).organisation(abbreviation: "Polisen"))
            let created = try await admin.submit(
                "/admin/anvandare", ["email": "Eva.Berg@Polisen.se", "name": "Eva Berg", "role": "partner", "organisation": police.id.uuidString])
            #expect(created.text.contains("eva.berg@polisen.se är tillagd som extern samverkanspart och har fått en inbjudan"))
            let message = try #require(try await Self.messages(harness, to: "eva.berg@polisen.se").first)
            #expect(message.message.subject == "Du har fått ett konto i Trygg")
            #expect(message.message.body.contains("Hej Eva Berg!") && message.message.body.contains("inom sju dagar"))
            #expect(message.message.body.contains("har lagt till dig i Trygg för Linköpings kommun: extern samverkanspart, "))
            #expect(message.message.body.contains("loggar du in på https://trygg.linkoping.se/login med din e-postadress eva.berg@polisen.se"))
            let link = try #require(Self.link(in: message.message.body))
            #expect(try await harness.auditActions("linkoping").contains("skickade en inbjudan"))

            // Nobody knows the first password; the link opens the account.
            let eva = Browser(client)
            #expect(try await eva.login("eva.berg@polisen.se", password: "").location != "/")
            let page = try await eva.get(link)
            #expect(page.status == .ok && page.text.contains("Välj ditt lösenord") && page.text.contains("Lösenord för <strong>eva.berg@polisen.se</strong>"))
            let chosen = try await eva.post(link, ["password": "grön cykel vid ån", "repeat": "grön cykel vid ån"])
            #expect(chosen.location == "/login?valt-losenord=1")
            #expect(try await eva.get("/login?valt-losenord=1").text.contains("Välkommen till Trygg! Logga in med ditt lösenord."))
            #expect(try await Browser(client).login("eva.berg@polisen.se", password: "grön cykel vid ån").location == "/")

            // Seven days, not an hour; then no more.
            let token = String(link.suffix(43))
            let account = try #require(try await UserStore(harness.scope(kommun)).accounts().first { $0.email == "eva.berg@polisen.se" })
            let resend = try await PasswordResetStore(harness.database).invite(account, newAccount: true, by: .commandLine(kommunID: kommun.id))
            #expect(try await PasswordResetStore(harness.database).account(token: token) == nil, "en ny inbjudan gör den förra ogiltig")
            let sixDays = Harness.now.addingTimeInterval(6 * 86_400), eightDays = Harness.now.addingTimeInterval(8 * 86_400)
            #expect(try await PasswordResetStore(harness.database).account(token: resend, now: sixDays) != nil)
            #expect(try await PasswordResetStore(harness.database).account(token: resend, now: eightDays) == nil)
        }
    }

    @Test("Från användarens sida: en ny inbjudan till den som inte loggat in, annars en länk för nytt lösenord")
    func linksFromTheUserPage() async throws {
        try await Harness.run(configure: PasswordResetTests.withRelay) { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let account = try #require(try await UserStore(harness.scope("linkoping")).accounts().first { $0.email == "rapportor@linkoping.demo" })
            _ = try await Browser(client).login("rapportor@linkoping.demo")
            let page = try await admin.get("/admin/anvandare/\(account.id)")
            #expect(page.text.contains("Länk för nytt lösenord") && page.text.contains("Skicka länken"))
            let sent = try await admin.submit("/admin/anvandare/\(account.id)/lank")
            #expect(sent.text.contains("En länk för nytt lösenord är skickad till rapportor@linkoping.demo."))
            let message = try #require(try await Self.messages(harness, to: "rapportor@linkoping.demo").first)
            #expect(message.message.subject == "Välj ett nytt lösenord till Trygg" && message.message.body.contains("inom ett dygn"))
            #expect(try await Browser(client).login("rapportor@linkoping.demo").location == "/", "det gamla lösenordet gäller tills ett nytt är valt")
            // Others may not send links.
            let officer = Browser(client)
            try await officer.login("samordnare@linkoping.demo")
            #expect(try await officer.post("/admin/anvandare/\(account.id)/lank").status == .forbidden)
        }
        // Without a relay there is no link to send: the admin sets a first password as before.
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            #expect(try await admin.get("/admin/anvandare").text.contains(#"name="password""#))
            let account = try #require(try await UserStore(harness.scope("linkoping")).accounts().first { $0.email == "rapportor@linkoping.demo" })
            #expect(!(try await admin.get("/admin/anvandare/\(account.id)").text.contains("Skicka länken")))
            #expect(try await admin.post("/admin/anvandare/\(account.id)/lank").status == .notFound)
        }
    }
}
