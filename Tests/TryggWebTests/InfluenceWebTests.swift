import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("Kriminell påverkan per område: bedöms årligen med polisen på kommunens skala och hamnar i lägesbilden")
struct InfluenceWebTests {
    @Test(
        "Samordnaren och polisen bedömer; fel år eller saknad motivering sparar inget; bostadsbolaget läser men skriver inte; skalan kan ändras utan att historiken skrivs om"
    )
    func assessments() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let skaggetorp = try #require(try await AreaStore(scope).all().first { $0.name == "Skäggetorp" }).id.uuidString
            func fields(year: String, stage: String, on date: String, motivation: String) -> [(String, String)] {
                [
                    ("omrade", skaggetorp), ("ar", year), ("steg", stage), ("datum", date), ("bedomare", "Kommunpolis och säkerhetssamordnare"),
                    ("motivering", motivation),
                ]
            }
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let early = try await samordnare.post(
                "/lagesbild/kriminell-paverkan", pairs: fields(year: "2025", stage: "3", on: "2024-12-01", motivation: "Öppen handel"))
            #expect(early.status == .badRequest && early.text.contains("Ett år kan inte bedömas innan det har börjat"))
            let empty = try await samordnare.post("/lagesbild/kriminell-paverkan", pairs: fields(year: "2025", stage: "3", on: "2026-02-01", motivation: " "))
            #expect(empty.status == .badRequest && empty.text.contains("Motivera bedömningen"))
            #expect(try await InfluenceStore(scope).all().isEmpty)
            try await samordnare.submit(
                "/lagesbild/kriminell-paverkan", pairs: fields(year: "2025", stage: "3", on: "2026-02-01", motivation: "Öppen handel vid torget"))

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            try await police.submit(
                "/lagesbild/kriminell-paverkan", pairs: fields(year: "2025", stage: "2", on: "2026-02-10", motivation: "Handeln har minskat"))
            let saved = try await InfluenceStore(scope).all()
            #expect(saved.count == 1 && saved.first?.stageLabel == "Påtaglig påverkan", "samma område och år ersätts")

            let twice = try await samordnare.post("/lagesbild/kriminell-paverkan/skala", pairs: [("skala", "Ingen\nViss\nViss")])
            #expect(twice.status == .badRequest && twice.text.contains("Två steg har samma namn."))
            #expect(twice.text.contains("<details open>") && twice.text.contains(">Ingen\nViss\nViss</textarea>"), "skalan står kvar att rätta")
            try await samordnare.submit("/lagesbild/kriminell-paverkan/skala", pairs: [("skala", "Ingen\nViss\nStark")])
            let page = try await samordnare.get("/lagesbild/kriminell-paverkan")
            #expect(page.text.contains("<td>Påtaglig påverkan</td>"), "den gjorda bedömningen behåller sitt steg")
            #expect(page.text.contains("<option value=\"2\">Stark</option>"))

            let housing = Browser(client)
            try await housing.login("stangastaden@linkoping.demo")
            #expect(try await housing.get("/lagesbild/kriminell-paverkan").text.contains("Påtaglig påverkan"))
            #expect(
                try await housing.post("/lagesbild/kriminell-paverkan", pairs: fields(year: "2024", stage: "1", on: "2025-01-10", motivation: "x")).status
                    == .forbidden)
            #expect(try await police.post("/lagesbild/kriminell-paverkan/skala", pairs: [("skala", "A\nB")]).status == .forbidden)

            let draft = try await LagesbildStore(scope).createDraft(
                periodFrom: "2025-01-01", periodTo: "2025-12-31", by: .commandLine(kommunID: scope.kommunID))
            let report = try await samordnare.get("/lagesbild/dokument/\(draft.id.uuidString)/rapport")
            #expect(
                report.text.contains("Bedömd kriminell påverkan per område")
                    && report.text.contains("<th scope=\"row\">Skäggetorp</th><td>2025</td><td>Påtaglig påverkan</td>"))
        }
    }
}
