import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// The lägesbild's source register: what is used and what is left out, with the reason.
@Suite("Lägesbildens källförteckning")
struct SourceRegisterTests {
    @Test("Samordnaren förtecknar en källa som används och en som inte används med skäl; partnern läser; andra kommunen ser inget")
    func register() async throws {
        try await Harness.run { harness, client in
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let added = try await samordnare.submit(
                "/lagesbild/kallor",
                [
                    "name": "Polisens anmälda brott per DeSO", "owner": "Polisen", "period": "2019–2024", "method": "Uttag ur polisens ärendesystem",
                    "limitations": "Anmälda brott, inte utsatthet", "used": "ja",
                ])
            #expect(added.text.contains("Källan ”Polisens anmälda brott per DeSO” är sparad."))
            let missingReason = try await samordnare.post("/lagesbild/kallor", ["name": "Skolenkät", "used": "nej"])
            #expect(missingReason.status == .badRequest && missingReason.text.contains("Ange varför källan inte används"))
            let leftOut = try await samordnare.submit("/lagesbild/kallor", ["name": "Skolenkät", "owner": "UBN", "used": "nej", "reason": "ej genomförd 2024"])
            #expect(leftOut.text.contains("Nej: ej genomförd 2024"))
            let kommun = try await harness.kommun("linkoping")
            let entries = try await SourceStore(harness.scope(kommun)).all()
            #expect(entries.map(\.name) == ["Polisens anmälda brott per DeSO", "Skolenkät"], "den som används först")
            // Corrected: the school survey was carried out after all.
            let school = try #require(entries.last)
            let saved = try await samordnare.submit(
                "/lagesbild/kallor/\(school.id.uuidString)", ["name": "Skolenkät", "owner": "UBN", "used": "ja", "reason": "ej genomförd 2024"])
            #expect(!saved.text.contains("Nej: ej genomförd 2024"), "skälet försvinner när källan används")

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let read = try await police.get("/lagesbild/kallor")
            #expect(read.status == .ok && read.text.contains("Polisens anmälda brott per DeSO") && !read.text.contains("Lägg till källa"))
            #expect(try await police.post("/lagesbild/kallor", ["name": "X", "used": "ja"]).status == .forbidden)

            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            #expect(try await norrkoping.get("/lagesbild/kallor").text.contains("Inga källor är förtecknade ännu."))
            #expect(try await norrkoping.post("/lagesbild/kallor/\(school.id.uuidString)", ["name": "Kapad", "used": "ja"]).status == .notFound)
            #expect(try await SourceStore(harness.scope(kommun)).all().map(\.name).contains("Kapad") == false)
        }
    }
}
