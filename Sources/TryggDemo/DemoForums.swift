import Foundation
import TryggCore
import TryggStore

/// Linköping's forums as the seeds describe them (Trygghetsrådet, the beredningsgrupp, the
/// samverkansråd, the EST group, områdesgrupper, the LOS network) with four months of meetings:
/// approved minutes, decisions linked to the plan's measures and the EST insatser, the minutes of
/// the last week's meetings still drafts, and the next meetings planned.
enum DemoForums {
    struct Definition {
        let name: String
        let kind: Forum.Kind
        let area: String?
        let mandate: String
        let users: [String]
        let organisations: [String]
        /// Days between meetings, and the weekday hour the meetings start.
        let everyDays: Int
        let hour: Int

        /// Who the forum's decisions fall on, in turn: the convener and the administrations
        /// and parties at the table.
        var responsible: [String] {
            let userOrganisations = users.compactMap { ["ansvarig.sf": "SF", "ansvarig.utb": "UTB"][$0] }
            return ["KLF (SÄK)"] + userOrganisations + organisations
        }
    }

    static let definitions: [Definition] = [
        .init(
            name: "Trygghetsrådet", kind: .styrgrupp, area: nil,
            mandate: "Styrgrupp: fastställer inriktning, lägesbild och åtgärdsplan för det brottsförebyggande och trygghetsskapande arbetet.",
            users: ["samordnare", "analytiker"], organisations: ["Polisen"], everyDays: 42, hour: 13),
        .init(
            name: "Samordnings- och beredningsgruppen", kind: .beredningsgrupp, area: nil,
            mandate: "Bereder ärenden till Trygghetsrådet och samordnar förvaltningarnas genomförande av åtgärdsplanen.",
            users: ["samordnare", "analytiker", "ansvarig.sf", "ansvarig.utb"], organisations: [], everyDays: 28, hour: 9),
        .init(
            name: "Samverkansrådet", kind: .samverkansrad, area: nil, mandate: "Samverkan med externa aktörer om lägesbild och gemensamma insatser.",
            users: ["samordnare"], organisations: ["Polisen", "Stångåstaden"], everyDays: 56, hour: 10),
        .init(
            name: "EST-gruppen", kind: .estGrupp, area: nil, mandate: "Läser veckans lägesbild, beslutar situationella åtgärder och samordnad närvaro.",
            users: ["samordnare", "rapportor", "polisen", "stangastaden"], organisations: [], everyDays: 7, hour: 9),
        .init(
            name: "Områdesgrupp Skäggetorp", kind: .omradesgrupp, area: "Skäggetorp", mandate: "Lokal samverkan i Skäggetorp.",
            users: ["samordnare", "ansvarig.sf"], organisations: ["Polisen", "Stångåstaden"], everyDays: 28, hour: 14),
        .init(
            name: "Områdesgrupp Berga", kind: .omradesgrupp, area: "Berga", mandate: "Lokal samverkan i Berga.", users: ["samordnare", "ansvarig.utb"],
            organisations: ["Polisen", "Stångåstaden"], everyDays: 28, hour: 14),
        .init(
            name: "Områdesgrupp Ryd", kind: .omradesgrupp, area: "Ryd", mandate: "Lokal samverkan i Ryd.", users: ["samordnare"],
            organisations: ["Polisen", "Stångåstaden"], everyDays: 28, hour: 14),
        .init(
            name: "Områdesgrupp City", kind: .omradesgrupp, area: "City", mandate: "Lokal samverkan i City.", users: ["samordnare"],
            organisations: ["Polisen"], everyDays: 28, hour: 14),
        .init(
            name: "LOS-nätverket", kind: .natverk, area: nil, mandate: "Lokal operativ myndighetssamverkan: planerar gemensamma kontroller.",
            users: ["samordnare"], organisations: ["Polisen"], everyDays: 42, hour: 10),
    ]

    /// A decision of the kind the forum takes, and what its follow-up said when under way and when done.
    static func decision(_ forum: Definition, measure: String?, index: Int) -> (text: String, ongoing: String, done: String) {
        let measure = measure.map { "åtgärd \($0)" } ?? "åtgärdsplanen"
        let area = forum.area ?? "kommunen"
        let choices: [(String, String, String)] =
            switch forum.kind {
            case .styrgrupp:
                [
                    (
                        "Ge beredningsgruppen i uppdrag att redovisa genomförandet av \(measure) till nästa möte (demo).",
                        "Underlaget bereds; förvaltningarnas svar samlas in.", "Redovisat för rådet; inga avvikelser."
                    ),
                    (
                        "Fastställa inriktningen för medborgarlöftet i Skäggetorp tillsammans med polisen (demo).",
                        "Utkast skickat till lokalpolisområdet.", "Inriktningen fastställd och publicerad."
                    ),
                ]
            case .beredningsgrupp:
                [
                    (
                        "Samordna förvaltningarnas svar i uppföljningen av \(measure) inför Trygghetsrådet (demo).",
                        "Två av tre förvaltningar har svarat.", "Sammanställningen skickad till Trygghetsrådet."
                    ),
                    (
                        "Ta fram ett förslag till prioriteringar ur lägesbilden för nästa års åtgärdsplan (demo).",
                        "Första utkastet diskuterat; analytikern kompletterar.", "Förslaget överlämnat till Trygghetsrådet."
                    ),
                ]
            case .samverkansrad:
                [
                    ("Redovisa hur respektive part genomför \(measure) (demo).", "Polisen och Stångåstaden har redovisat.", "Alla parter har redovisat."),
                    ("Ta fram en gemensam kommunikationsplan inför sommarlovet (demo).", "Utkast cirkulerat till parterna.", "Planen antagen."),
                ]
            case .natverk:
                [
                    (
                        "Planera en myndighetsgemensam kontroll av restauranger och kiosker i centrum (demo).",
                        "Datum bokat med Skatteverket och Arbetsmiljöverket.", "Kontrollen genomförd; resultatet redovisat."
                    ),
                    (
                        "Sammanställa erfarenheterna från höstens kontroller och föreslå nästa halvårs inriktning (demo).",
                        "Myndigheternas underlag inkommet.", "Sammanställningen redovisad för nätverket."
                    ),
                ]
            default:
                [
                    (
                        "Genomföra en trygghetsvandring i \(area) med boende och fastighetsägare (demo).",
                        "Förmöte hållet; datum för vandringen bokat.", "Vandringen genomförd; protokollet skickat till deltagarna."
                    ),
                    (
                        "Kartlägga belysningen längs gång- och cykelvägarna i \(area) och beställa åtgärder (demo).",
                        "Inventeringen klar; beställning lagd hos gatukontoret.", "Belysningen åtgärdad på fyra platser."
                    ),
                    (
                        "Följa upp \(measure) i \(area) och redovisa läget vid nästa möte (demo).", "Läget redovisat muntligt; skriftlig redovisning kommer.",
                        "Redovisat; arbetet löper enligt plan."
                    ),
                ]
            }
        let chosen = choices[index % choices.count]
        return (chosen.0, chosen.1, chosen.2)
    }

    static func seed(_ database: TryggDatabase, kommun: Kommun) async throws {
        let scope = KommunScope(database, kommunID: kommun.id)
        let users = try await UserStore(scope).accounts()
        let organisations = try await OrganisationStore(scope).organisations()
        let areas = try await AreaStore(scope).all()
        guard let samordnare = users.first(where: { $0.role == .samordnare }) else { return }
        let actor = Actor(user: samordnare, address: "demo")
        func organisation(_ abbreviation: String) -> UUID? { organisations.first { $0.abbreviation == abbreviation }?.id }
        var measures: [Measure] = []
        let plans = PlanStore(scope)
        if let plan = try await plans.planInForce() { measures = try await plans.measures(planID: plan.id) }
        let insatser = try await InsatsStore(scope).all()
        let now = TryggClock.now
        for (number, definition) in definitions.enumerated() {
            var members = definition.users.compactMap { prefix in
                users.first { $0.email.hasPrefix(prefix + "@") }.map { Forum.Member(userID: $0.id, secretary: $0.id == samordnare.id) }
            }
            members += definition.organisations.compactMap(organisation).map { Forum.Member(organisationID: $0) }
            let forum = try await ForumStore(scope).create(
                Forum(
                    id: UUID(), name: definition.name, kind: definition.kind, areaID: definition.area.flatMap { name in areas.first { $0.name == name }?.id },
                    convenerID: organisation("KLF (SÄK)"), mandate: definition.mandate, members: members), by: actor)
            // Meetings on a Tuesday, from four months back to the next one ahead; the forums that
            // meet every few weeks do so in different weeks, as a real calendar spreads them.
            let weeksApart = max(1, definition.everyDays / 7)
            let anchor = ISOWeek.containing(now).start.addingTimeInterval(86_400 - Double(number % weeksApart) * 7 * 86_400)
            var starts: [Date] = []
            var day = anchor.addingTimeInterval(Double(definition.everyDays) * 86_400)
            while day > now.addingTimeInterval(-122 * 86_400) {
                starts.append(day)
                day.addTimeInterval(-Double(definition.everyDays) * 86_400)
            }
            let instants = try starts.reversed().map { tuesday in
                let local = StockholmCalendar.local(tuesday)
                return try StockholmCalendar.instant(year: local.year, month: local.month, day: local.day, hour: definition.hour, minute: 0)
            }
            let latestPast = instants.filter { $0 < now }.max()
            for (index, start) in instants.enumerated() {
                let meeting = try await MeetingStore(scope).create(
                    Meeting(
                        id: UUID(), forumID: forum.id, startsAt: start, endsAt: start.addingTimeInterval(90 * 60),
                        place: definition.kind == .omradesgrupp ? "Träffpunkt \(definition.area ?? "")" : "Stadshuset, sammanträdesrum Tinnerbäcken",
                        agenda: "1. Mötets öppnande\n2. Uppföljning av tidigare beslut\n3. Lägesbild\n4. Beslut\n5. Övriga frågor\n6. Nästa möte"),
                    in: forum, by: actor)
                guard start < now else { continue }
                var changed = meeting
                changed.attendance =
                    members.compactMap { member in
                        member.userID.flatMap { id in users.first { $0.id == id } }.map {
                            Meeting.Attendee(name: $0.name, organisation: $0.organisation.name, present: true)
                        }
                    } + definition.organisations.map { Meeting.Attendee(name: "Representant", organisation: $0, present: true) }
                try await MeetingStore(scope).save(changed, by: actor)
                try await MeetingStore(scope).saveMinutes(
                    meetingID: meeting.id,
                    text:
                        "§ 1 Mötet öppnades.\n§ 2 Tidigare beslut gicks igenom.\n§ 3 Lägesbilden för perioden redovisades; läget i stort oförändrat (demo).\n§ 4 Se beslutslistan.",
                    by: actor)
                if definition.kind != .estGrupp {
                    let measure = measures.isEmpty ? nil : measures[(index * 7 + definition.name.count) % measures.count]
                    let insats = definition.kind == .omradesgrupp ? insatser.first : nil
                    let links = [measure.map { Decision.Link(kind: .measure, id: $0.id) }, insats.map { Decision.Link(kind: .insats, id: $0.id) }]
                        .compactMap { $0 }
                    let decided = decision(definition, measure: measure?.reference, index: index)
                    // The responsible organisation sits in the forum, so its people see what they answer for.
                    let responsible = definition.responsible[index % definition.responsible.count]
                    let decision = try await DecisionStore(scope).add(
                        to: meeting, text: decided.text, responsibleID: organisation(responsible) ?? samordnare.organisation.id,
                        dueOn: StockholmCalendar.local(start.addingTimeInterval(60 * 86_400)).dateText, links: links, by: actor)
                    // Older decisions are done; of the open ones, every other has come some way.
                    if start < now.addingTimeInterval(-70 * 86_400) {
                        try await DecisionStore(scope).follow(id: decision.id, status: .done, note: decided.done, by: actor)
                    } else if index % 2 == 1 {
                        try await DecisionStore(scope).follow(id: decision.id, status: .ongoing, note: decided.ongoing, by: actor)
                    }
                }
                // Minutes are approved within a week or so: only a meeting of the last eight days waits.
                if start != latestPast || start < now.addingTimeInterval(-8 * 86_400) {
                    try await MeetingStore(scope).approve(meetingID: meeting.id, by: actor)
                }
            }
        }
    }

    /// Linköping's medborgarlöfte with the police for Skäggetorp this year, published, followed up
    /// every quarter but the latest finished one (which the page flags as missing).
    static func seedPromise(_ database: TryggDatabase, kommun: Kommun) async throws {
        let scope = KommunScope(database, kommunID: kommun.id)
        let organisations = try await OrganisationStore(scope).organisations()
        guard let samordnare = try await UserStore(scope).accounts().first(where: { $0.role == .samordnare }),
            let polisen = organisations.first(where: { $0.abbreviation == "Polisen" }), let mos = organisations.first(where: { $0.abbreviation == "MOS" }),
            let stangastaden = organisations.first(where: { $0.abbreviation == "Stångåstaden" })
        else { return }
        let actor = Actor(user: samordnare, address: "demo")
        let today = StockholmCalendar.local(TryggClock.now)
        let year = today.year.padded(4)
        let problem = try await LagesbildStore(scope).find(version: nil)?.problems.first { $0.area == "Skäggetorp" }
        let promise = try await PromiseStore(scope).save(
            CitizenPromise(
                id: UUID(), title: "Tryggare kvällar i Skäggetorps centrum",
                areaID: try await AreaStore(scope).all().first { $0.name == "Skäggetorp" }?.id, fromMonth: "\(year)-01", toMonth: "\(year)-12",
                cadence: .quarter,
                problem: "Boende upplever otrygghet i och kring centrum kvällstid, med skadegörelse och grupper som stör (demo).",
                lagesbildProblemID: problem?.id,
                activities: [
                    .init(text: "Polisen patrullerar till fots i centrum fredag och lördag kväll.", responsibleID: polisen.id),
                    .init(text: "Kommunen förbättrar belysningen i gångtunnlarna mot centrum.", responsibleID: mos.id),
                    .init(text: "Stångåstaden tar bort klotter inom ett dygn.", responsibleID: stangastaden.id),
                ], indicators: ["Andel boende som känner sig otrygga ute sent en kväll (trygghetsundersökningen)", "Anmäld skadegörelse i centrum"]),
            id: nil, by: actor)
        try await PromiseStore(scope).setPublished(true, id: promise.id, by: actor)
        let texts = [
            "Fotpatrull 22 av 26 helgkvällar. Belysningen i den norra tunneln är bytt (demo).",
            "Fotpatrull alla helgkvällar. Klotter borttaget inom ett dygn i 9 fall av 10 (demo).",
        ]
        let current = promise.period(containing: today.dateText)
        let finished = promise.periods.filter { $0 < current }
        for (period, text) in zip(finished.dropLast(), texts) {
            try await PromiseStore(scope).followUp(promise, period: period, status: period.hasSuffix("K1") ? .partly : .asPlanned, text: text, by: actor)
        }
    }
}
