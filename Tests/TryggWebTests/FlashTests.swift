import Foundation
import Testing
@testable import TryggWeb

@Suite("Meddelanden efter ett formulär (Post/Redirect/Get)")
struct FlashTests {
    @Test("Meddelandet visas en gång på sidan formuläret leder till, och en omladdning skickar inget igen")
    func shownOnce() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let before = try await admin.get("/organisationer")
            #expect(!before.text.contains("är tillagd"))
            let posted = try await admin.post("/organisationer", ["name": "Kultur- och fritidsförvaltningen", "kind": "forvaltning", "abbreviation": "KFF"])
            #expect(posted.status == .seeOther && posted.location == "/organisationer")
            let page = try await admin.get("/organisationer")
            #expect(page.text.contains("KFF är tillagd."))
            let reload = try await admin.get("/organisationer")
            #expect(!reload.text.contains("KFF är tillagd."), "visas bara en gång")
            #expect(reload.text.contains("Kultur- och fritidsförvaltningen"))
        }
    }

    @Test("Ett meddelande som inte signerats med sessionens nyckel visas inte")
    func forgedCookie() {
        let flash = Flash(kind: .notice, text: "Ring 0701234567 för att bekräfta")
        let value = flash.cookieValue(key: "sessionens-nyckel")
        #expect(Flash(cookieValue: value, key: "sessionens-nyckel") == flash)
        #expect(Flash(cookieValue: value, key: "en-annan-nyckel") == nil)
        #expect(Flash(cookieValue: value, key: "") == nil)
        #expect(Flash(cookieValue: "bm90aWNlCkhlag.fel", key: "sessionens-nyckel") == nil)
    }
}
