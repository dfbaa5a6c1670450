import Foundation
import Testing
import TryggCore
import TryggDemo

@testable import TryggStore

@Suite("Lägesbilden som beslutat dokument")
struct LagesbildStoreTests {
    static func linkoping(_ database: TryggDatabase) async throws -> (KommunScope, [Measure]) {
        try await DemoSeed.seedIfEmpty(database, passwordCost: 4, followUp: false, est: false, citizen: false, statistics: false)
        let kommun = try #require(try await KommunStore(database).find(slug: "linkoping"))
        let scope = KommunScope(database, kommunID: kommun.id)
        let plan = try #require(try await PlanStore(scope).plan(year: 2023))
        return (scope, try await PlanStore(scope).measures(planID: plan.id))
    }

    static let decision = LagesbildDocument.Decision(
        decidedBy: "Trygghetsrådet", decidedOn: "2024-11-20", diarienummer: "KS 2024-101", nextDue: "2026-11-20")

    @Test("Ett utkast beslutas först med analys och med åtgärd eller skäl för varje problem; nästa beslut ersätter det")
    func draftDecideReplace() async throws {
        try await withMigratedDatabase { database in
            let (scope, measures) = try await Self.linkoping(database)
            let store = LagesbildStore(scope)
            let actor = Actor.commandLine(kommunID: scope.kommunID)
            let draft = try await store.createDraft(periodFrom: "2023-01-01", periodTo: "2024-06-30", by: actor)
            #expect(draft.version == 1 && draft.status == .utkast)
            try await store.saveProblem(
                PrioritisedProblem(id: UUID(), title: "Skadegörelse i Skäggetorps centrum", area: "Skäggetorp", reasons: [.vanligast, .okar]),
                in: draft.id, by: actor)
            await #expect(throws: StoreError.self) { try await store.decide(draft.id, decision: Self.decision, by: actor) }
            do {
                try await store.decide(draft.id, decision: Self.decision, by: actor)
            } catch StoreError.invalid(let message) {
                #expect(message.contains("Analysen saknas"))
                #expect(message.contains("”Skadegörelse i Skäggetorps centrum” har ingen åtgärd"))
            }
            #expect(try await store.find(id: draft.id)?.status == .utkast, "inget beslut sparades")

            let problem = try #require(try await store.find(id: draft.id)?.problems.first)
            var linked = problem
            linked.measureIDs = [measures[0].id, measures[1].id]
            try await store.saveProblem(linked, in: draft.id, by: actor)
            try await store.saveTexts(
                .init(mapping: "Anmälda brott per område.", analysis: "Skadegörelsen ökar kring torget kvällstid."), periodFrom: "2023-01-01",
                periodTo: "2024-06-30", of: draft.id, by: actor)
            try await store.decide(draft.id, decision: Self.decision, by: actor)
            let decided = try #require(try await store.find(version: nil))
            #expect(decided.version == 1 && decided.status == .beslutad && decided.decision == Self.decision)
            #expect(decided.problems.map(\.measureIDs) == [[measures[0].id, measures[1].id]])
            await #expect(throws: StoreError.self) {
                try await store.saveTexts(.init(), periodFrom: "2023-01-01", periodTo: "2024-06-30", of: draft.id, by: actor)
            }

            // The next version starts from the decided one; deciding it replaces version 1.
            let next = try await store.createDraft(periodFrom: "2024-07-01", periodTo: "2025-06-30", by: actor)
            #expect(next.version == 2 && next.problems.map(\.title) == ["Skadegörelse i Skäggetorps centrum"] && next.text.analysis.contains("torget"))
            await #expect(throws: StoreError.self) { try await store.createDraft(periodFrom: "2024-07-01", periodTo: "2025-06-30", by: actor) }
            // Two versions cannot overlap: the next is not decided before the one in force.
            let earlier = LagesbildDocument.Decision(decidedBy: "Kommunstyrelsen", decidedOn: "2023-01-10", diarienummer: "", nextDue: "2025-01-10")
            await #expect(throws: StoreError.invalid("Version 1 gäller sedan \(Self.decision.decidedOn); en senare version kan inte beslutas före den.")) {
                try await store.decide(next.id, decision: earlier, by: actor)
            }
            try await store.decide(
                next.id, decision: .init(decidedBy: "Kommunstyrelsen", decidedOn: "2025-09-01", diarienummer: "", nextDue: "2027-09-01"), by: actor)
            #expect(try await store.all().map(\.status) == [.beslutad, .ersatt])
            #expect(try await store.find(version: nil)?.version == 2)
            let audit = try await AuditLog.search(AuditQuery(limit: 50), in: scope).map(\.action)
            #expect(audit.filter { $0 == "beslutade lägesbild" }.count == 2)
        }
    }

    @Test("Fel datum, framtida beslut, annan kommuns åtgärd och annan kommuns lägesbild avvisas")
    func badInput() async throws {
        try await withMigratedDatabase { database in
            let (scope, _) = try await Self.linkoping(database)
            let store = LagesbildStore(scope)
            let actor = Actor.commandLine(kommunID: scope.kommunID)
            await #expect(throws: StoreError.invalid("Periodens början ligger efter dess slut.")) {
                try await store.createDraft(periodFrom: "2024-12-31", periodTo: "2024-01-01", by: actor)
            }
            await #expect(throws: StoreError.invalid("Perioden skrivs som två datum ÅÅÅÅ-MM-DD.")) {
                try await store.createDraft(periodFrom: "2024-02-30", periodTo: "2024-12-31", by: actor)
            }
            let draft = try await store.createDraft(periodFrom: "2024-01-01", periodTo: "2024-12-31", by: actor)
            await #expect(throws: StoreError.invalid("En vald åtgärd finns inte i kommunens planer.")) {
                try await store.saveProblem(
                    PrioritisedProblem(id: UUID(), title: "Rån", area: "", reasons: [.okar], measureIDs: [UUID()]), in: draft.id, by: actor)
            }
            try await store.saveProblem(
                PrioritisedProblem(id: UUID(), title: "Rån", area: "", reasons: [.okar], noMeasureReason: "Polisens ansvar"), in: draft.id, by: actor)
            try await store.saveTexts(.init(analysis: "Analys."), periodFrom: "2024-01-01", periodTo: "2024-12-31", of: draft.id, by: actor)
            let future = LagesbildDocument.Decision(decidedBy: "KS", decidedOn: "2999-01-01", diarienummer: "", nextDue: "3001-01-01")
            await #expect(throws: StoreError.invalid("Beslutsdatumet ligger i framtiden.")) { try await store.decide(draft.id, decision: future, by: actor) }

            let norrkoping = try #require(try await KommunStore(database).find(slug: "norrkoping"))
            let other = LagesbildStore(KommunScope(database, kommunID: norrkoping.id))
            #expect(try await other.find(id: draft.id) == nil)
            await #expect(throws: StoreError.notFound("Lägesbilden")) {
                try await other.decide(draft.id, decision: Self.decision, by: .commandLine(kommunID: norrkoping.id))
            }
            #expect(try await store.find(id: draft.id)?.status == .utkast)
        }
    }

    @Test("Nästa lägesbild senast 24 månader efter beslutet")
    func nextDue() {
        #expect(LagesbildRules.nextDue(after: "2024-11-20") == "2026-11-20")
        #expect(LagesbildRules.nextDue(after: "2024-02-29") == "2026-02-28")
        #expect(LagesbildRules.nextDue(after: "20 nov") == nil)
        #expect(LagesbildRules.due(nextDue: "2026-11-20", today: "2026-03-11")?.message == nil)
        #expect(LagesbildRules.due(nextDue: "2026-05-20", today: "2026-03-11")?.message == "Nästa lägesbild ska vara beslutad senast 2026-05-20, om 70 dagar.")
        #expect(LagesbildRules.due(nextDue: "2026-03-10", today: "2026-03-11")?.message.hasPrefix("Lägesbilden skulle ha förnyats senast 2026-03-10") == true)
        #expect(LagesbildRules.due(nextDue: nil, today: "2026-03-11")?.message.hasPrefix("Ingen lägesbild är beslutad") == true)
    }
}
