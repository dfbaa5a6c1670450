import Foundation
import TryggCore
import TryggStore

/// Linköping's decided lägesbild 2024 in the demo: the kartläggning of 2022–2023 (the demo's
/// crime extract), the source register with one source left out, and three prioritised problems
/// that lead to measures of the 2023 plan.
enum DemoLagesbild {
    /// A problem and the plan's measures (group, position) that address it.
    static let problems: [(PrioritisedProblem, [(Int, Int)])] = [
        (
            PrioritisedProblem(
                id: UUID(), title: "Skadegörelse och otrygghet i Skäggetorps centrum", area: "Skäggetorp", reasons: [.vanligast, .okar],
                victims: "Boende och näringsidkare kring torget; kvinnor uppger oftare otrygghet kvällstid.",
                offenders: "Mestadels unga i grupp, ofta samma personer.",
                place: "Torget och gångtunneln mot Skäggetorps centrum, kvällar och helger; dålig belysning i tunneln."),
            [(3, 1), (3, 2)]
        ),
        (
            PrioritisedProblem(
                id: UUID(), title: "Unga som rekryteras in i kriminella nätverk", area: "Skäggetorp, Ryd, Berga",
                reasons: [.allvarligaKonsekvenser, .avviker],
                victims: "Unga som utnyttjas för brott och deras familjer.", offenders: "Kriminella nätverk med kontakter i flera stadsdelar.",
                place: "Skolor, fritidsgårdar och sociala medier."),
            [(9, 1), (9, 2), (9, 3)]
        ),
        (
            PrioritisedProblem(
                id: UUID(), title: "Narkotika och våld i krogmiljön", area: "City", reasons: [.mangaPaverkas, .allvarligaKonsekvenser],
                victims: "Besökare i nattlivet, personal på krogar.", offenders: "Berusade besökare; langning på och kring krogarna.",
                place: "Krogstråket i city fredag och lördag natt."),
            [(14, 6), (14, 7)]
        ),
    ]

    static func seed(_ database: TryggDatabase, kommun: Kommun) async throws {
        let scope = KommunScope(database, kommunID: kommun.id)
        let actor = Actor.commandLine(kommunID: kommun.id)
        guard let plan = try await PlanStore(scope).plan(year: 2023) else { return }
        let measures = try await PlanStore(scope).measures(planID: plan.id)
        for source in [
            SourceEntry(
                id: UUID(), name: "Polisens anmälda brott per DeSO", owner: "Polisen", period: "2019–2023", method: "Uttag ur polisens ärendesystem",
                limitations: "Anmälda brott, inte utsatthet; brott utan plats saknar DeSO.", included: true, reason: ""),
            SourceEntry(
                id: UUID(), name: "Befolkning per DeSO", owner: "SCB", period: "2019–2023", method: "Registerstatistik",
                limitations: "", included: true, reason: ""),
            SourceEntry(
                id: UUID(), name: "Polisens trygghetsmätning", owner: "Polisen", period: "2023", method: "Enkät till boende",
                limitations: "Låg svarsfrekvens i Skäggetorp.", included: true, reason: ""),
            SourceEntry(
                id: UUID(), name: "Skolenkät om trygghet", owner: "UBN", period: "2023", method: "", limitations: "", included: false,
                reason: "Skolenkäten genomfördes inte 2023."),
        ] {
            try await SourceStore(scope).save(source, id: nil, by: actor)
        }
        let store = LagesbildStore(scope)
        let draft = try await store.createDraft(periodFrom: "2022-01-01", periodTo: "2023-12-31", by: actor)
        try await store.saveTexts(
            .init(
                mapping: "Anmälda brott per område och brottskod 2022–2023 ur polisens uttag per DeSO, med brott per 1 000 invånare. "
                    + "Bränder och bilbränder är de vanligaste anmälda brotten, flest per invånare i Skäggetorp; upploppen i april 2022 syns som en topp.",
                otherInformation: "Polisens trygghetsmätning 2023 och EST-gruppens veckorapporter. Skolenkäten saknas för 2023.",
                analysis: "Skadegörelsen i Skäggetorp hänger samman med platsen: en mörk tunnel och ett torg utan kvällsverksamhet, där samma "
                    + "grupp unga återkommer. Rekryteringen av unga bärs av nätverk som verkar i flera stadsdelar och når unga via skolan och "
                    + "sociala medier. I city samlas våld och narkotika till krogstråket sena helgnätter.",
                criminalInfluence: "Skäggetorp bedöms tillsammans med polisen ha en hög kriminell påverkan (utsatt område 2023), Ryd en "
                    + "påtaglig och Berga en låg."),
            periodFrom: "2022-01-01", periodTo: "2023-12-31", of: draft.id, by: actor)
        try await store.savePoliceAssessment(
            "Lokalpolisområde Linköping bedömer att kriminella nätverk påverkar vardagen i Skäggetorp, där boende avstår från att vittna. "
                + "I Ryd och Berga syns påverkan främst som rekrytering av unga till narkotikaförsäljning.",
            of: draft.id, by: actor)
        try await seedRegionalComparison(scope, actor: actor)
        for (problem, numbers) in problems {
            var linked = problem
            linked.measureIDs = numbers.compactMap { number in
                measures.first { $0.row.groupNumber == number.0 && $0.row.position == number.1 }?.id
            }
            if linked.measureIDs.isEmpty { linked.noMeasureReason = "Planen saknar en åtgärd för problemet." }
            try await store.saveProblem(linked, in: draft.id, by: actor)
        }
        try await store.decide(
            draft.id, decision: .init(decidedBy: "Trygghetsrådet", decidedOn: "2024-03-14", diarienummer: "KS 2024-212", nextDue: "2026-03-14"),
            by: actor)
    }

    /// Example figures in the shape of Brå's statistics database for the comparison with län and
    /// riket (not Brå's real figures: the demo says so in the file name), the last year preliminary.
    static func seedRegionalComparison(_ scope: KommunScope, actor: Actor) async throws {
        var figures: [RegionalFigure] = []
        for (region, base, growth) in [("Östergötlands län", 56_800, 0.012), ("Hela landet", 1_480_000, 0.004)] {
            for year in 2019...2024 {
                let value = Int(Double(base) * (1 + growth * Double(year - 2019)) + (year == 2022 ? Double(base) * 0.03 : 0))
                figures.append(
                    RegionalFigure(
                        region: region, crimeType: "Totalt antal brott", year: year, period: year == 2024 ? "2024 prel." : "\(year)",
                        preliminary: year == 2024, value: value))
            }
        }
        try await RegionalStatisticsStore(scope).importFigures(figures, fileName: "exempelsiffror-i-bras-format.csv", by: actor)
    }
}
