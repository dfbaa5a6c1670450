import Foundation
import TryggCore
import TryggStore

/// The demo installation: Linköping and Norrköping with their organisations, priority areas and
/// one user per role. Everything here is synthetic except the names of places and organisations.
public enum DemoSeed {
    public struct Account: Sendable {
        public let email: String
        public let role: Role
        public let organisation: String
        public let kommun: String
    }

    /// Shared by every demo account and printed by `trygg demo`; a demo is not a production system.
    public static let password = "trygg-demo-2026"

    public static let accounts: [Account] = [
        .init(email: "admin@linkoping.demo", role: .admin, organisation: "KLF", kommun: "linkoping"),
        .init(email: "samordnare@linkoping.demo", role: .samordnare, organisation: "KLF (SÄK)", kommun: "linkoping"),
        .init(email: "analytiker@linkoping.demo", role: .analytiker, organisation: "KLF (SÄK)", kommun: "linkoping"),
        .init(email: "ansvarig.sf@linkoping.demo", role: .ansvarig, organisation: "SF", kommun: "linkoping"),
        .init(email: "ansvarig.utb@linkoping.demo", role: .ansvarig, organisation: "UTB", kommun: "linkoping"),
        .init(email: "rapportor@linkoping.demo", role: .rapportor, organisation: "MOS", kommun: "linkoping"),
        .init(email: "polisen@linkoping.demo", role: .partner, organisation: "Polisen", kommun: "linkoping"),
        .init(email: "stangastaden@linkoping.demo", role: .partner, organisation: "Stångåstaden", kommun: "linkoping"),
        .init(email: "admin@norrkoping.demo", role: .admin, organisation: "KLF", kommun: "norrkoping"),
        .init(email: "samordnare@norrkoping.demo", role: .samordnare, organisation: "KLF (SÄK)", kommun: "norrkoping"),
    ]

    static let kommuner = [("linkoping", "Linköpings kommun", "0580"), ("norrkoping", "Norrköpings kommun", "0581")]

    /// Seeds an empty, migrated database. Returns false (and changes nothing) when the demo
    /// kommuner already exist, so `trygg demo` can be run again on the same file.
    @discardableResult
    public static func seedIfEmpty(
        _ database: TryggDatabase, passwordCost: UInt8 = 10, followUp: Bool = true, est: Bool = true,
        citizen: Bool = true, statistics: Bool = true, openRound: Bool = true
    ) async throws -> Bool {
        let kommunStore = KommunStore(database)
        if try await kommunStore.find(slug: "linkoping") != nil { return false }
        let actor = Actor.commandLine()
        var created: [String: Kommun] = [:]
        for (slug, name, code) in kommuner {
            created[slug] = try await kommunStore.add(slug: slug, name: name, code: code, by: actor)
        }
        for definition in DemoAreas.all {
            guard let kommun = created[definition.kommunSlug] else { continue }
            try await AreaStore(KommunScope(database, kommunID: kommun.id)).add(
                name: definition.name, shape: DemoAreas.shape(of: definition),
                desoCodes: definition.desoCodes, source: "demo (ungefärlig gräns)",
                by: Actor.commandLine(kommunID: kommun.id))
        }
        if let linkoping = created["linkoping"] {
            let organisations = OrganisationStore(KommunScope(database, kommunID: linkoping.id))
            for group in LinkopingGroups.all {
                _ = try await organisations.addOrganisation(
                    abbreviation: group.abbreviation, name: group.name,
                    kind: group.kind, by: Actor.commandLine(kommunID: linkoping.id))
            }
            try await seedPlan2023(database, kommun: linkoping, followUp: followUp)
            for (kind, title, diarienummer, adoptedBy, adoptedOn, validity) in GoverningDocument.linkoping {
                let document = GoverningDocument(
                    id: UUID(), kind: kind, title: title, diarienummer: diarienummer, adoptedBy: adoptedBy,
                    adoptedOn: adoptedOn, validity: validity, reviewOn: "", links: [])
                try await GoverningDocumentStore(KommunScope(database, kommunID: linkoping.id)).save(
                    document, id: nil, by: Actor.commandLine(kommunID: linkoping.id))
            }
        }
        let hash = try await Passwords.hash(password, cost: passwordCost)
        for account in Self.accounts {
            guard let kommun = created[account.kommun] else { continue }
            try await UserStore(KommunScope(database, kommunID: kommun.id)).add(
                organisationAbbreviation: account.organisation, email: account.email,
                name: displayName(account), role: account.role, passwordHash: hash,
                by: Actor.commandLine(kommunID: kommun.id))
        }
        for kommun in created.values { try await DemoFollowUp.seedContactAddresses(database, kommun: kommun) }
        if openRound, let linkoping = created["linkoping"],
            let plan2023 = try await PlanStore(KommunScope(database, kommunID: linkoping.id)).plan(year: 2023)
        {
            try await DemoFollowUp.seedOpenRound2024(database, kommun: linkoping, plan2023: plan2023.id)
        }
        if est { for kommun in created.values { try await DemoEST.seed(database, kommun: kommun) } }
        if citizen { for kommun in created.values { try await DemoCitizen.seed(database, kommun: kommun) } }
        if let linkoping = created["linkoping"] {
            try await DemoForums.seed(database, kommun: linkoping)
            try await DemoWalks.seed(database, kommun: linkoping)
        }
        if statistics, let linkoping = created["linkoping"] {
            try await DemoStatistics.seed(database, kommun: linkoping)
            try await DemoLagesbild.seed(database, kommun: linkoping)
            try await DemoLOS.seed(database, linkoping: linkoping, norrkoping: created["norrkoping"])
        }
        if let linkoping = created["linkoping"] { try await DemoForums.seedPromise(database, kommun: linkoping) }
        if statistics { for kommun in created.values.sorted(by: { $0.slug < $1.slug }) { try await DemoSurveys.seed(database, kommun: kommun) } }
        return true
    }

    /// Linköping's real Åtgärdsplan 2023 (KS 2023-638), from our transcription, as adopted.
    static func seedPlan2023(_ database: TryggDatabase, kommun: Kommun, followUp: Bool) async throws {
        let rows = try PlanCSV.parse(try Data(contentsOf: linkopingPlan2023))
        let actor = Actor.commandLine(kommunID: kommun.id)
        let metadata = PlanMetadata(
            title: "Åtgärdsplan för det brottsförebyggande och trygghetsskapande arbetet i Linköpings kommun 2023",
            diarienummer: "KS 2023-638", adoptedBy: "Kommundirektör", adoptedOn: "2023-12-14")
        let summary = try await PlanStore(KommunScope(database, kommunID: kommun.id)).importRows(
            rows, metadata: metadata,
            source: "linkoping-atgardsplan-2023.csv", by: actor)
        try await PlanStore(KommunScope(database, kommunID: kommun.id)).adopt(planID: summary.plan.id, metadata: metadata, by: actor)
        if followUp { try await seedFollowUp2023(database, kommun: kommun, planID: summary.plan.id) }
    }

    /// A closed 2023 round with plausible but clearly synthetic answers ("Demosvar"), so the
    /// report to kommunfullmäktige can be seen at once.
    static func seedFollowUp2023(_ database: TryggDatabase, kommun: Kommun, planID: UUID) async throws {
        let actor = Actor.commandLine(kommunID: kommun.id)
        let store = FollowUpStore(KommunScope(database, kommunID: kommun.id))
        let round = try await store.open(planID: planID, deadline: "2024-01-31", by: actor)
        let texts: [FollowUpStatus: String] = [
            .pagaende: "Demosvar: arbetet fortlöper enligt plan och ingår i förvaltningens verksamhetsplan. Avstämning sker i samverkansgruppen.",
            .paborjad: "Demosvar: arbetet är inlett men behöver utvecklas; rutiner och ansvarsfördelning tas fram under året.",
            .ejPaborjad:
                "Demosvar: åtgärden har inte kunnat inledas. Förutsättningar som saknas: avsatt tid, finansiering och en utsedd kontaktperson hos samverkansparten.",
        ]
        for measure in try await PlanStore(KommunScope(database, kommunID: kommun.id)).measures(planID: planID) {
            for (index, organisationID) in measure.responsibleOrganisations.enumerated() {
                let status = status2023(measure, responsible: index)
                try await store.submit(
                    roundID: round.id, measureID: measure.id, organisationID: organisationID,
                    status: status, description: texts[status]!, by: actor)
            }
        }
        try await store.close(roundID: round.id, by: actor)
    }

    /// The demo's 2023 answer of the measure's `responsible`-th organisation. Deterministic spread:
    /// about six in ten pågående, three påbörjade, one ej påbörjad.
    static func status2023(_ measure: Measure, responsible index: Int) -> FollowUpStatus {
        let bucket = (measure.row.groupNumber * 31 + measure.row.position * 7 + index * 3) % 10
        return bucket < 6 ? .pagaende : bucket < 9 ? .paborjad : .ejPaborjad
    }

    /// The transcription shipped with Trygg (Resources/plans).
    public static var linkopingPlan2023: URL {
        Bundle.module.url(forResource: "Resources", withExtension: nil)!
            .appendingPathComponent("plans/linkoping-atgardsplan-2023.csv")
    }

    static func displayName(_ account: Account) -> String {
        "Demo \(account.role.displayName.lowercased()) (\(account.organisation))"
    }
}
