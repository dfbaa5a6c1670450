import Foundation
import Testing
import TryggCore
import TryggStore
import TryggDemo
@testable import TryggWeb

@Suite("En insats genomför en åtgärd i planen")
struct InsatsMeasureTests {
    @Test("EST-gruppen kopplar insatsen till en åtgärd; åtgärdssidan visar insatsen, insatsen länkar åtgärden, Norrköpings åtgärd avvisas")
    func insatsOnTheMeasurePage() async throws {
        try await Harness.run { harness, client in
            let linkoping = try await harness.scope("linkoping")
            let plan = try #require(try await PlanStore(linkoping).plan(year: 2023))
            let measure = try #require(try await PlanStore(linkoping).measures(planID: plan.id).first { $0.reference == "9.2" })
            let mos = try #require(try await OrganisationStore(linkoping).organisation(abbreviation: "MOS"))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let form = try await samordnare.get("/est/vecka/2024-W13")
            #expect(form.text.contains("Genomför åtgärd i åtgärdsplanen (valfritt)") && form.text.contains("value=\"\(measure.id.uuidString)\""))
            let fields = [
                "typ": "narvaro", "vad": "Fältassistenter vid skolan fredagskvällar", "plats": "Skäggetorps centrum",
                "organisation": mos.id.uuidString, "start": "2024-03-29", "klart": "2024-05-31", "atgard": measure.id.uuidString,
            ]
            #expect(try await samordnare.submit("/est/vecka/2024-W13/insatser", fields).text.contains("Insatsen är beslutad"))
            let insats = try #require(try await InsatsStore(linkoping).all().first)
            #expect(insats.measureID == measure.id)

            let measurePage = try await samordnare.get("/plan/atgard/\(measure.id)").text
            #expect(measurePage.contains("Fältassistenter vid skolan fredagskvällar") && measurePage.contains("/est/insatser/\(insats.id)"))
            #expect(try await samordnare.get("/est/insatser/\(insats.id)").text.contains("/plan/atgard/\(measure.id)"))
            // An officer sees the insats on the measure page, without a link to the EST page she may not open.
            let officer = Browser(client)
            try await officer.login("ansvarig.sf@linkoping.demo")
            let officerView = try await officer.get("/plan/atgard/\(measure.id)").text
            #expect(officerView.contains("Fältassistenter vid skolan fredagskvällar") && !officerView.contains("/est/insatser/\(insats.id)"))

            let norrkoping = try await harness.scope("norrkoping")
            var row = try #require(try PlanCSV.parse(try Data(contentsOf: DemoSeed.linkopingPlan2023)).first)
            row.responsible = ["KLF"]
            row.partners = []
            let imported = try await PlanStore(norrkoping).importRows(
                [row], metadata: PlanMetadata(title: "Norrköpings plan"),
                source: "test.csv", by: .commandLine(kommunID: norrkoping.kommunID))
            let foreign = try #require(try await PlanStore(norrkoping).measures(planID: imported.plan.id).first)
            var other = fields
            other["atgard"] = foreign.id.uuidString
            let refused = try await samordnare.post("/est/vecka/2024-W13/insatser", other)
            #expect(refused.status == .badRequest && refused.text.contains("Välj en åtgärd ur kommunens plan."))
            #expect(try await InsatsStore(linkoping).all().count == 1)
        }
    }
}
