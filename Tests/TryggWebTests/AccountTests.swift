import Foundation
import HummingbirdOTP
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("Mitt konto: lösenordsbyte och tvåstegsverifiering")
struct AccountTests {
    @Test("Lösenordsbyte kräver rätt nuvarande lösenord, och det gamla slutar gälla")
    func changePassword() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            let elsewhere = Browser(client)
            try await browser.login("ansvarig.sf@linkoping.demo")
            try await elsewhere.login("ansvarig.sf@linkoping.demo")

            let wrong = try await browser.post("/konto/losenord", ["current": "fel", "new": "ett nytt långt lösenord", "repeat": "ett nytt långt lösenord"])
            #expect(wrong.status == .badRequest && wrong.text.contains("Nuvarande lösenord är fel."))
            let short = try await browser.post("/konto/losenord", ["current": Harness.password, "new": "kort", "repeat": "kort"])
            #expect(short.status == .badRequest && short.text.contains("minst 10 tecken"))
            let mismatch = try await browser.post("/konto/losenord", ["current": Harness.password, "new": "ett nytt långt lösenord", "repeat": "annat"])
            #expect(mismatch.text.contains("inte lika"))
            // The first guesses: a season and a year, and the account's own address.
            let season = try await browser.post("/konto/losenord", ["current": Harness.password, "new": "Sommar2024!", "repeat": "Sommar2024!"])
            #expect(season.status == .badRequest && season.text.contains("för lätt att gissa"))
            let own = try await browser.post("/konto/losenord", ["current": Harness.password, "new": "Ansvarig-2026!", "repeat": "Ansvarig-2026!"])
            #expect(own.status == .badRequest && own.text.contains("får inte innehålla ditt namn"))

            let ok = try await browser.submit(
                "/konto/losenord", ["current": Harness.password, "new": "ett nytt långt lösenord", "repeat": "ett nytt långt lösenord"])
            #expect(ok.status == .ok && ok.text.contains("Lösenordet är bytt"))
            #expect(try await browser.get("/").status == .ok)
            #expect(try await elsewhere.get("/").location == "/login", "andra sessioner loggas ut")
            #expect(try await Browser(client).login("ansvarig.sf@linkoping.demo").status == .unauthorized)
            #expect(try await Browser(client).login("ansvarig.sf@linkoping.demo", password: "ett nytt långt lösenord").location == "/")
            #expect(try await harness.auditActions("linkoping").contains("bytte lösenord"))
        }
    }

    @Test("Tvåstegsverifiering: aktiveras med en kod, och därefter krävs koden vid inloggning")
    func secondFactor() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let setup = try await browser.submit("/konto/tvastegs/starta")
            #expect(setup.text.contains("otpauth://totp/") && setup.text.contains("Lägg in nyckeln i din autentiseringsapp"))
            #expect(try await browser.get("/konto").text.contains("otpauth://totp/"), "en omladdning visar samma nyckel tills den aktiveras")
            let userID = try #require(try await APITokenStore(harness.database).userID(email: "samordnare@linkoping.demo"))
            let secret = try #require(try await AccountStore(harness.database).totpSecret(userID: userID))
            let wrongCode = try await browser.post(
                "/konto/tvastegs/aktivera", ["code": String(format: "%06d", (TOTP(secret: secret).compute() + 500_000) % 1_000_000)])
            #expect(wrongCode.status == .badRequest)
            let enabled = try await browser.submit("/konto/tvastegs/aktivera", ["code": String(format: "%06d", TOTP(secret: secret).compute())])
            #expect(enabled.text.contains("Tvåstegsverifiering är aktiverad"))
            try await browser.post("/logout")

            let next = Browser(client)
            let afterPassword = try await next.login("samordnare@linkoping.demo")
            #expect(afterPassword.location?.hasPrefix("/login/kod") == true)
            #expect(try await next.get("/").location == "/login/kod", "inget annat än kodsidan öppnas före koden")
            try await next.get("/login/kod")
            let bad = try await next.post("/login/kod", ["code": "12345"])
            #expect(bad.status == .unauthorized && bad.text.contains("Koden stämmer inte"))
            let code = String(format: "%06d", TOTP(secret: secret).compute())
            let good = try await next.post("/login/kod", ["code": code])
            #expect(good.location == "/")
            // The same code cannot be used again (someone who saw it over the shoulder).
            let replay = Browser(client)
            try await replay.login("samordnare@linkoping.demo")
            try await replay.get("/login/kod")
            #expect(try await replay.post("/login/kod", ["code": code]).status == .unauthorized)
            #expect(try await next.get("/").text.contains("Demo samordnare"))
            #expect(try await harness.auditActions("linkoping").contains("aktiverade tvåstegsverifiering"))
        }
    }

    @Test("Roller utan tvåstegsverifiering kan inte aktivera den")
    func secondFactorOnlyForAdminAndSamordnare() async throws {
        try await Harness.run { _, client in
            let browser = Browser(client)
            try await browser.login("rapportor@linkoping.demo")
            #expect(!(try await browser.get("/konto").text.contains("Aktivera tvåstegsverifiering")))
            #expect(try await browser.post("/konto/tvastegs/starta").status == .forbidden)
        }
    }

    @Test("Användaren ser var hon är inloggad och loggar ut de andra inloggningarna; en annan användares påverkas inte")
    func endOtherLogins() async throws {
        try await Harness.run { harness, client in
            let desk = Browser(client)
            try await desk.login("ansvarig.sf@linkoping.demo")
            let laptop = Browser(client)
            try await laptop.login("ansvarig.sf@linkoping.demo")
            let colleague = Browser(client)
            try await colleague.login("samordnare@linkoping.demo")
            let page = try await desk.get("/konto")
            #expect(page.text.components(separatedBy: "<td data-label=\"Inloggad\">").count - 1 == 2, "två inloggningar")
            #expect(page.text.components(separatedBy: "Den här inloggningen").count - 1 == 1)
            let ended = try await desk.submit("/konto/inloggningar/logga-ut-andra")
            #expect(ended.text.contains("Den andra inloggningen är utloggad."))
            #expect(!ended.text.contains("Logga ut alla andra inloggningar"), "ingen annan inloggning kvar")
            // The laptop is logged out; the desk and the colleague are not.
            let laptopPage = try await laptop.get("/konto")
            #expect(laptopPage.status == .seeOther && (laptopPage.location ?? "").hasPrefix("/login"))
            #expect(try await desk.get("/konto").status == .ok)
            #expect(try await colleague.get("/konto").status == .ok)
            #expect(try await harness.auditActions("linkoping").contains("loggade ut sina andra inloggningar"))
            let again = try await desk.submit("/konto/inloggningar/logga-ut-andra")
            #expect(again.text.contains("Du var inte inloggad någon annanstans."))
        }
    }
}
