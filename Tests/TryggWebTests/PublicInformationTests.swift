import Foundation
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// The statements on personal data and accessibility residents reach from every public page,
/// and the admin's form that says who answers for them.
@Suite("Personuppgifter och tillgänglighet på de offentliga sidorna")
struct PublicInformationTests {
    @Test("Invånaren läser vem som ansvarar, vad som sparas och hur länge, vilka kakor som används och vart hon klagar")
    func privacyPage() async throws {
        try await Harness.run(configure: { $0.map.tiles = nil }) { _, client in
            let resident = Browser(client)
            let home = try await resident.get("/k/linkoping/")
            #expect(home.text.contains("href=\"/k/linkoping/personuppgifter\"") && home.text.contains("href=\"/k/linkoping/tillganglighet\""))
            #expect(try await resident.get("/k/linkoping/tipsa").text.contains("Så behandlar kommunen dina uppgifter"))
            let page = try await resident.get("/k/linkoping/personuppgifter")
            #expect(page.status == .ok)
            for text in [
                "Kommunstyrelsen i Linköpings kommun är personuppgiftsansvarig", "raderas automatiskt 183 dagar efter",
                "Din IP-adress, alltså varifrån tipset skickades, sparas inte.",
                "kontakta Linköpings kommun och be att få tala med dataskyddsombudet", "allmän handling", "trygg_csrf", "trygg_flash", "lagen (2023:196)",
                "Integritetsskyddsmyndigheten",
            ] {
                #expect(page.text.contains(text), "saknar \(text)")
            }
            // Without map tiles no outside service sees residents' addresses, so nothing is said of one.
            #expect(!page.text.contains("Kartbilderna hämtas"))
            #expect(try await resident.get("/k/ingenstans/personuppgifter").status == .notFound)
        }
    }

    @Test("Tillgänglighetsredogörelsen säger ärligt att kartan är en brist och att kommunen inte bedömt sidorna än")
    func accessibilityDefaults() async throws {
        try await Harness.run { _, client in
            let page = try await Browser(client).get("/k/linkoping/tillganglighet")
            #expect(page.status == .ok)
            #expect(page.text.contains("Sidorna är delvis förenliga med lagen om tillgänglighet till digital offentlig service, på grund av bristerna nedan."))
            #expect(page.text.contains("bakgrundskartan saknar textalternativ, och en skärmläsare kan inte läsa var något ligger"))
            #expect(page.text.contains("skriva platsens namn") && page.text.contains("kontakta Linköpings kommun"))
            #expect(page.text.contains("har ännu inte gjort någon egen bedömning"))
            #expect(page.text.contains("https://www.digg.se/tdosanmalan"))
        }
    }

    @Test("Administratören påminns om adresserna, anger ansvarig, kontakter och bedömning; det syns på de offentliga sidorna och loggas")
    func adminSaves() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            #expect(try await admin.get("/").text.contains("Kontaktadresser saknas på de offentliga sidorna"))
            let form = try await admin.get("/admin/medborgare")
            #expect(
                form.text.contains("value=\"Kommunstyrelsen i Linköpings kommun\"")
                    && form.text.contains("id=\"forenlighet-delvis\" name=\"forenlighet\" value=\"delvis\" checked"))
            let saved = try await admin.submit(
                "/admin/medborgare/information",
                [
                    "ansvarig": "Kommunstyrelsen", "dataskydd_epost": "dso@linkoping.se", "tillganglighet_epost": "",
                    "forenlighet": "helt", "brister": "", "bedomd": "2026-11-30",
                ])
            #expect(saved.text.contains("Informationen om personuppgifter och tillgänglighet är sparad."))
            #expect(try await harness.auditActions("linkoping").contains("ändrade information om personuppgifter och tillgänglighet"))
            let resident = Browser(client)
            let privacy = try await resident.get("/k/linkoping/personuppgifter").text
            #expect(privacy.contains("Kommunstyrelsen är personuppgiftsansvarig") && privacy.contains("mailto:dso@linkoping.se"))
            // The map tiles come from OpenStreetMap here, and residents are told their browser asks it.
            #expect(privacy.contains("Kartbilderna hämtas från tile.openstreetmap.org"))
            let accessibility = try await resident.get("/k/linkoping/tillganglighet").text
            #expect(accessibility.contains("Sidorna är helt förenliga med lagen om tillgänglighet till digital offentlig service."))
            #expect(!accessibility.contains("Innehåll som inte är tillgängligt"))
            #expect(accessibility.contains("Linköpings kommun bedömde senast sidorna 2026-11-30."))
            // Without an address for barriers, residents are sent to the kommun, not to an empty link.
            #expect(!accessibility.contains("mailto:\"") && accessibility.contains("kontakta Linköpings kommun"))
            // One address is still missing, so the reminder stays until both are given.
            #expect(try await admin.get("/").text.contains("Kontaktadresser saknas på de offentliga sidorna"))
            try await admin.submit(
                "/admin/medborgare/information",
                ["ansvarig": "Kommunstyrelsen", "dataskydd_epost": "dso@linkoping.se", "tillganglighet_epost": "webb@linkoping.se", "forenlighet": "helt"])
            #expect(!(try await admin.get("/").text.contains("Kontaktadresser saknas")))
            // Norrköping's statements are its own.
            #expect(try await resident.get("/k/norrkoping/personuppgifter").text.contains("Kommunstyrelsen i Norrköpings kommun"))
        }
    }

    @Test("Fel i formuläret visas med det som skrevs kvar, och inget sparas")
    func adminMistakes() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let badAddress = try await admin.post(
                "/admin/medborgare/information",
                ["ansvarig": "Kommunstyrelsen", "dataskydd_epost": "inte en adress", "forenlighet": "delvis", "brister": "Kartan."])
            #expect(badAddress.status == .badRequest)
            #expect(badAddress.text.contains("E-postadressen för dataskyddsfrågor ser inte ut som en e-postadress."))
            #expect(badAddress.text.contains("value=\"inte en adress\""))
            let noBarriers = try await admin.post(
                "/admin/medborgare/information", ["ansvarig": "Kommunstyrelsen", "forenlighet": "delvis", "brister": " "])
            #expect(noBarriers.status == .badRequest && noBarriers.text.contains("Beskriv bristerna"))
            let badDay = try await admin.post(
                "/admin/medborgare/information", ["ansvarig": "Kommunstyrelsen", "forenlighet": "helt", "bedomd": "30/11"])
            #expect(badDay.status == .badRequest && badDay.text.contains("ÅÅÅÅ-MM-DD"))
            let kommun = try await harness.kommun("linkoping")
            #expect(try await PublicInformationStore(harness.scope(kommun)).saved() == nil)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.post("/admin/medborgare/information", ["ansvarig": "Någon"]).status == .forbidden)
        }
    }

    @Test("Lagringstiden på sidan följer kommunens inställning")
    func retentionFollowsSettings() async throws {
        try await Harness.run { _, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            try await admin.submit("/admin/medborgare/installningar", ["dagar": "30"])
            #expect(try await Browser(client).get("/k/linkoping/personuppgifter").text.contains("raderas automatiskt 30 dagar efter"))
        }
    }
}
