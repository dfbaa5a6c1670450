import FluentKit
import Foundation
import Testing
import TryggCore
@testable import TryggStore
@testable import TryggWeb

/// What an admin is asked on a Monday morning: someone moved to another förvaltning, someone
/// forgot their password, someone lost the phone with their codes.
@Suite("Administratören hjälper en användare")
struct UserAdminTests {
    @Test("Ny roll och organisation gäller från användarens nästa klick; den egna rollen och fel val sparar inget")
    func changesRoleAndOrganisation() async throws {
        try await Harness.run { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let scope = harness.scope(kommun)
            let officer = Browser(client)
            try await officer.login("ansvarig.utb@linkoping.demo")
            #expect(try await officer.get("/est/trender").status == .forbidden)
            let id = try #require(try await APITokenStore(harness.database).userID(email: "ansvarig.utb@linkoping.demo"))
            let klf = try #require(try await OrganisationStore(scope).organisation(abbreviation: "KLF (SÄK)"))

            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let list = try await admin.get("/admin/anvandare").text
            #expect(list.contains("href=\"/admin/anvandare/\(id.uuidString)\""))
            let row = { (email: String) in list.components(separatedBy: email + "</a>").dropFirst().first?.components(separatedBy: "</tr>").first ?? "" }
            #expect(row("ansvarig.utb@linkoping.demo").contains("<td data-label=\"Senast inloggad\">\(SwedishTime.date(TryggClock.now))</td>"))
            #expect(row("stangastaden@linkoping.demo").contains("<td data-label=\"Senast inloggad\">Aldrig</td>"), "ett konto som ingen använt")
            let page = "/admin/anvandare/\(id.uuidString)"
            let unknown = try await admin.post(page, ["name": "Utbildning", "role": "chef", "organisation": klf.id.uuidString])
            #expect(unknown.status == .badRequest && unknown.text.contains("Välj en roll och en organisation."))
            let saved = try await admin.submit(page, ["name": "Eva Analys", "role": "analytiker", "organisation": klf.id.uuidString])
            #expect(saved.text.contains("ansvarig.utb@linkoping.demo är sparad: analytiker i KLF (SÄK)."))
            #expect(try await officer.get("/est/trender").status == .ok, "den nya rollen gäller utan ny inloggning")
            #expect(try await officer.get("/").text.contains("Eva Analys"))
            let audit = try await AuditLog.search(AuditQuery(text: "ändrade användare", limit: 5), in: scope)
            #expect(audit.first?.detail.contains("roll: ansvarig → analytiker") == true)

            let adminID = try #require(try await APITokenStore(harness.database).userID(email: "admin@linkoping.demo"))
            let own = try await admin.post(
                "/admin/anvandare/\(adminID.uuidString)", ["name": "Admin", "role": "samordnare", "organisation": klf.id.uuidString])
            #expect(own.status == .badRequest && own.text.contains("Du kan inte byta din egen roll."))
            await #expect(throws: StoreError.invalid("Kommunen måste ha minst en aktiv administratör.")) {
                try await UserStore(scope).update(userID: adminID, name: "Admin", role: .samordnare, organisationID: klf.id, by: .commandLine())
            }

            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get(page).status == .forbidden)
            let norrkoping = Browser(client)
            try await norrkoping.login("admin@norrkoping.demo")
            #expect(try await norrkoping.get(page).status == .notFound)
            #expect(try await norrkoping.post(page, ["name": "X", "role": "admin", "organisation": klf.id.uuidString]).status == .notFound)
        }
    }

    @Test("Ett nytt lösenord loggar ut användaren och lyfter spärren; det gamla slutar gälla")
    func setsANewPassword() async throws {
        try await Harness.run { harness, client in
            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            for _ in 0..<5 { _ = try await Browser(client).login("rapportor@linkoping.demo", password: "fel lösenord 123") }
            let id = try #require(try await APITokenStore(harness.database).userID(email: "rapportor@linkoping.demo"))
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let short = try await admin.post("/admin/anvandare/\(id.uuidString)/losenord", ["password": "kort"])
            #expect(short.status == .badRequest && short.text.contains("minst 10 tecken"))
            let set = try await admin.submit("/admin/anvandare/\(id.uuidString)/losenord", ["password": "ett nytt långt lösenord"])
            #expect(set.text.contains("rapportor@linkoping.demo har ett nytt lösenord och är utloggad."))
            #expect(try await reporter.get("/").location == "/login", "den öppna sessionen är avslutad")
            #expect(try await Browser(client).login("rapportor@linkoping.demo").location != "/", "det gamla lösenordet gäller inte")
            #expect(try await Browser(client).login("rapportor@linkoping.demo", password: "ett nytt långt lösenord").location == "/", "spärren är lyft")
            let audit = try await AuditLog.search(AuditQuery(text: "satte nytt lösenord", limit: 5), in: harness.scope(try await harness.kommun("linkoping")))
            #expect(audit.first?.objectID == "rapportor@linkoping.demo" && audit.first?.detail.contains("lösenord") != true)
        }
    }

    @Test("Den som tappat telefonen får tvåstegsverifieringen avstängd och loggar in med lösenordet")
    func turnsOffTheSecondFactor() async throws {
        try await Harness.run { harness, client in
            let id = try #require(try await APITokenStore(harness.database).userID(email: "polisen@linkoping.demo"))
            try await AccountStore(harness.database).storePendingTOTPSecret(userID: id, secret: "JBSWY3DPEHPK3PXP")
            try await AccountStore(harness.database).setSecondFactor(userID: id, enabled: true, by: .commandLine())
            #expect(try await Browser(client).login("polisen@linkoping.demo").location?.hasPrefix("/login/kod") == true)
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let page = try await admin.get("/admin/anvandare/\(id.uuidString)")
            #expect(page.text.contains("Stäng av tvåstegsverifiering"))
            let off = try await admin.submit("/admin/anvandare/\(id.uuidString)/tvasteg/stang-av")
            #expect(off.text.contains("Tvåstegsverifieringen för polisen@linkoping.demo är avstängd"))
            #expect(!off.text.contains("<button type=\"submit\" class=\"secondary\">Stäng av tvåstegsverifiering"))
            #expect(try await Browser(client).login("polisen@linkoping.demo").location == "/")
        }
    }

    @Test("Startsidan visar administratören konton som ingen använder: ett halvår utan inloggning, eller aldrig på en månad")
    func unusedAccounts() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let now = TryggClock.now
            for (email, lastLogin, passwordSet) in [
                ("stangastaden@linkoping.demo", nil, now.addingTimeInterval(-60 * 86_400)),
                ("polisen@linkoping.demo", now.addingTimeInterval(-200 * 86_400), now.addingTimeInterval(-400 * 86_400)),
                ("analytiker@linkoping.demo", now.addingTimeInterval(-20 * 86_400), now.addingTimeInterval(-400 * 86_400)),
            ] as [(String, Date?, Date)] {
                let user = try #require(try await UserModel.query(on: harness.database.db).filter(\.$email == email).first())
                user.lastLoginAt = lastLogin
                user.passwordChangedAt = passwordSet
                try await user.save(on: harness.database.db)
            }
            #expect(try await UserStore(scope).unused() == ["polisen@linkoping.demo", "stangastaden@linkoping.demo"])
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let start = try await admin.get("/").text
            #expect(start.contains("2 konton som ingen använder") && start.contains("polisen@linkoping.demo; stangastaden@linkoping.demo"))
            let id = try #require(try await APITokenStore(harness.database).userID(email: "polisen@linkoping.demo"))
            try await UserStore(scope).setDisabled(userID: id, disabled: true, by: .commandLine())
            #expect(try await UserStore(scope).unused() == ["stangastaden@linkoping.demo"], "ett inaktiverat konto är åtgärdat")
        }
    }
}
