import Foundation
import TryggCore
import TryggStore

/// The demo's follow-up of 2024: the plan copied and adopted, a round open with ten days to go,
/// about half the organisations answered, so the start pages show work and reminders are due.
enum DemoFollowUp {
    static func seedOpenRound2024(_ database: TryggDatabase, kommun: Kommun, plan2023: UUID) async throws {
        let scope = KommunScope(database, kommunID: kommun.id)
        let actor = Actor.commandLine(kommunID: kommun.id)
        let plans = PlanStore(scope)
        let plan = try await plans.copy(planID: plan2023, toYear: 2024, by: actor)
        try await plans.adopt(
            planID: plan.id,
            metadata: PlanMetadata(
                title: "Åtgärdsplan för det brottsförebyggande och trygghetsskapande arbetet i Linköpings kommun 2024 (demo: 2023 års åtgärder)",
                diarienummer: "Demo", adoptedBy: "Kommundirektör", adoptedOn: "2024-01-25"),
            by: actor)
        let deadline = StockholmCalendar.local(TryggClock.now.addingTimeInterval(10 * 86_400)).dateText
        let store = FollowUpStore(scope)
        let round = try await store.open(planID: plan.id, deadline: deadline, by: actor)
        let organisations = try await OrganisationStore(scope).organisations()
        // Every other organisation has answered, each through its contact; the rest are the ones
        // the reminders go to.
        let answering = Dictionary(
            uniqueKeysWithValues: organisations.enumerated().filter { $0.offset % 2 == 0 }.map { ($0.element.id, $0.element) })
        for measure in try await plans.measures(planID: plan.id) {
            for (index, organisationID) in measure.responsibleOrganisations.enumerated() {
                guard let organisation = answering[organisationID] else { continue }
                let contact = Actor(
                    userID: nil, kommunID: kommun.id, label: contactAddress(organisation, kommun: kommun) ?? Actor.commandLineLabel, address: "demo")
                let answer = answer2024(after: DemoSeed.status2023(measure, responsible: index), variant: measure.row.position + index)
                try await store.submit(
                    roundID: round.id, measureID: measure.id, organisationID: organisationID, status: answer.status,
                    description: answer.text, by: contact)
            }
        }
    }

    /// A year on from the 2023 answer: what had not started has started, half of what had started
    /// is now under way, and the wording varies, so the round reads like a real one.
    static func answer2024(after status2023: FollowUpStatus, variant: Int) -> (status: FollowUpStatus, text: String) {
        switch status2023 {
        case .ejPaborjad:
            return (
                .paborjad, "Demosvar 2024: arbetet inleddes under våren sedan en kontaktperson utsetts; en första avstämning med samverkansparten är gjord."
            )
        case .paborjad where variant % 2 == 0:
            return (.pagaende, "Demosvar 2024: rutinerna som togs fram förra året är på plats och arbetet pågår nu i hela förvaltningen.")
        case .paborjad:
            return (.paborjad, "Demosvar 2024: arbetet är inlett men har försenats av personalomsättning; det väntas vara i full gång under nästa år.")
        case .pagaende:
            let texts = [
                "Demosvar 2024: arbetet fortsätter enligt plan och redovisas i förvaltningens verksamhetsberättelse.",
                "Demosvar 2024: åtgärden ingår i det ordinarie arbetet; under hösten följdes den upp i områdesgruppen.",
                "Demosvar 2024: genomfört som planerat under året. Samverkan med polisen och Stångåstaden har fungerat väl.",
            ]
            return (.pagaende, texts[variant % texts.count])
        }
    }

    /// A contact address per organisation (kontakt.<förkortning>@<kommun>.demo), where reminders go.
    static func seedContactAddresses(_ database: TryggDatabase, kommun: Kommun) async throws {
        let scope = KommunScope(database, kommunID: kommun.id)
        for organisation in try await OrganisationStore(scope).organisations() {
            guard let address = contactAddress(organisation, kommun: kommun) else { continue }
            try await NoticeRecipientStore(scope).setContactAddress(address, organisationID: organisation.id, by: Actor.commandLine(kommunID: kommun.id))
        }
    }

    static func contactAddress(_ organisation: Organisation, kommun: Kommun) -> String? {
        let local = organisation.abbreviation.lowercased().folding(options: .diacriticInsensitive, locale: Locale(identifier: "sv_SE"))
            .filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return local.isEmpty ? nil : "kontakt.\(local)@\(kommun.slug).demo"
    }
}
