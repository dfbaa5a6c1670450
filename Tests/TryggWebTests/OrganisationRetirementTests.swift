import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// A förvaltning merged into another: retired, it keeps its history and is offered for nothing new.
@Suite("Organisationer: avveckla och återinföra")
struct OrganisationRetirementTests {
    @Test("Admin avvecklar KOF: åtgärderna behåller KOF, formulären erbjuder den inte, API:t visar dagen; återinförd finns den igen")
    func retireAndReinstate() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let kof = try #require(try await OrganisationStore(scope).organisation(abbreviation: "KOF"))
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let option = "value=\"\(kof.id.uuidString)\""
            #expect(try await admin.get("/admin/anvandare").text.contains(option))
            #expect(try await samordnare.get("/samverkan").text.contains(option))

            #expect(try await samordnare.post("/organisationer/\(kof.id)/avveckla").status == .forbidden)
            let retired = try await admin.post("/organisationer/\(kof.id)/avveckla")
            #expect(retired.status == .seeOther)
            let list = try await admin.get("/organisationer").text
            #expect(list.contains("KOF är avvecklad."))
            #expect(list.contains("KOF står som ansvarig för ") && list.contains(": ge dem en ny ansvarig i en ny version av planen."))
            #expect(list.contains("ansvarig=\(kof.id)\">") && list.contains("(ges en ny ansvarig i planens nästa version)"))
            #expect(list.contains("<h2 id=\"retired-orgs\">Avvecklade organisationer</h2>") && list.contains("<td data-label=\"Avvecklad\">2026-03-11</td>"))
            #expect(list.contains("Återinför KOF") && !list.contains("Avveckla KOF"))

            // Not offered for a new user, forum or decision; a hand-made POST is refused with a reason.
            #expect(!(try await admin.get("/admin/anvandare").text.contains(option)))
            #expect(!(try await samordnare.get("/samverkan").text.contains(option)))
            let refused = try await admin.post(
                "/admin/anvandare",
                [
                    "email": "ny@linkoping.demo", "name": "Ny Person", "role": "ansvarig", "organisation": kof.id.uuidString,
                    "password": "ett långt lösenord 2026",
                ])
            #expect(refused.status == .badRequest && refused.text.contains("KOF är avvecklad sedan 2026-03-11 och får inga nya användare."))
            #expect(try await UserStore(scope).accounts().allSatisfy { $0.email != "ny@linkoping.demo" })
            // A form loaded before the retirement: the forum is not created, and the reason is given.
            let forum = try await samordnare.post(
                "/samverkan",
                pairs: [("namn", "Kulturgruppen"), ("typ", "natverk"), ("mandat", "Samordnar."), ("organisationer[]", kof.id.uuidString)])
            #expect(forum.status == .badRequest && forum.text.contains("KOF är avvecklad och kan inte väljas."))
            #expect(try await ForumStore(scope).all().allSatisfy { $0.name != "Kulturgruppen" })

            // The plan's measures keep KOF, and the plan's filter still finds them.
            let year = try #require(try await PlanStore(scope).plans().first?.year)
            let plan = try await samordnare.get("/plan/\(year)?ansvarig=\(kof.id)").text
            #expect(plan.contains("KOF – \(kof.name) (avvecklad)") && plan.contains("href=\"/plan/atgard/"))

            // The API says since when.
            let userID = try #require(try await APITokenStore(harness.database).userID(email: "analytiker@linkoping.demo"))
            let token = try await APITokenStore(harness.database).create(userID: userID, label: "test", by: .commandLine())
            let api = try await admin.get("/api/v1/organisations", headers: [.authorization: "Bearer \(token)"])
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [[String: Any]])
            #expect(rows.first { $0["abbreviation"] as? String == "KOF" }?["retired_on"] as? String == "2026-03-11")
            #expect(rows.first { $0["abbreviation"] as? String == "SF" }?["retired_on"] == nil)

            // Another kommun's admin cannot touch it.
            let norrkoping = Browser(client)
            try await norrkoping.login("admin@norrkoping.demo")
            #expect(try await norrkoping.post("/organisationer/\(kof.id)/aterinfor").status == .notFound)

            #expect(try await admin.post("/organisationer/\(kof.id)/aterinfor").status == .seeOther)
            #expect(try await admin.get("/admin/anvandare").text.contains(option))
            #expect(try await OrganisationStore(scope).organisation(id: kof.id)?.isRetired == false)
            let actions = try await harness.auditActions("linkoping")
            #expect(actions.contains("avvecklade organisation") && actions.contains("återinförde organisation"))
        }
    }

    @Test("En organisation med användare avvecklas inte: felet säger vad som ska göras och inget ändras")
    func refusedWhileUsersBelong() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let sf = try #require(try await OrganisationStore(scope).organisation(abbreviation: "SF"))
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let list = try await admin.get("/organisationer").text
            #expect(list.contains("1 användare: flytta dem till en annan organisation eller stäng av dem för att kunna avveckla SF."))
            let refused = try await admin.post("/organisationer/\(sf.id)/avveckla")
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("SF har 1 användare som inte är avstängda. Flytta dem till en annan organisation eller stäng av dem först."))
            #expect(try await OrganisationStore(scope).organisation(id: sf.id)?.isRetired == false)

            // Once its one user is turned off it can go; its open decision says so in the register.
            let user = try #require(try await UserStore(scope).accounts().first { $0.organisation.id == sf.id })
            #expect(try await admin.post("/admin/anvandare/\(user.id)/inaktivera").status == .seeOther)
            #expect(try await admin.post("/organisationer/\(sf.id)/avveckla").status == .seeOther)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/samverkan/beslut?ansvarig=\(sf.id)&visa=alla").text.contains("SF (avvecklad)"))
        }
    }

    @Test("En sammanslagning: admin flyttar SF:s användare till UTB på en gång, sedan avvecklas SF; fel mål nekas med skäl")
    func moveUsersThenRetire() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let sf = try #require(try await OrganisationStore(scope).organisation(abbreviation: "SF"))
            let utb = try #require(try await OrganisationStore(scope).organisation(abbreviation: "UTB"))
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let same = try await admin.post("/organisationer/\(sf.id)/flytta-anvandare", ["till": sf.id.uuidString])
            #expect(same.status == .badRequest && same.text.contains("Välj en annan organisation att flytta användarna till."))
            let none = try await admin.post("/organisationer/\(sf.id)/flytta-anvandare", ["till": ""])
            #expect(none.status == .badRequest)

            let moved = try await admin.post("/organisationer/\(sf.id)/flytta-anvandare", ["till": utb.id.uuidString])
            #expect(moved.status == .seeOther)
            #expect(try await admin.get("/organisationer").text.contains("1 användare flyttade från SF till UTB. Nu kan SF avvecklas."))
            let officer = try #require(try await UserStore(scope).accounts().first { $0.email == "ansvarig.sf@linkoping.demo" })
            #expect(officer.organisation.id == utb.id)
            #expect(try await admin.post("/organisationer/\(sf.id)/avveckla").status == .seeOther)
            // Nobody moves into a retired organisation.
            let intoRetired = try await admin.post("/organisationer/\(utb.id)/flytta-anvandare", ["till": sf.id.uuidString])
            #expect(intoRetired.status == .badRequest && intoRetired.text.contains("SF är avvecklad sedan 2026-03-11 och får inga nya användare."))
            let audit = try await AuditLog.search(AuditQuery(text: "organisation: SF → UTB", limit: 10), in: scope)
            #expect(audit.map(\.objectID) == ["ansvarig.sf@linkoping.demo"])
        }
    }
}
