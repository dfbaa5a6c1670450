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
            for organisationID in measure.responsibleOrganisations {
                guard let organisation = answering[organisationID] else { continue }
                let contact = Actor(
                    userID: nil, kommunID: kommun.id, label: contactAddress(organisation, kommun: kommun) ?? Actor.commandLineLabel, address: "demo")
                try await store.submit(
                    roundID: round.id, measureID: measure.id, organisationID: organisationID, status: .pagaende,
                    description: "Demosvar 2024: arbetet fortsätter enligt plan; se förvaltningens verksamhetsberättelse.", by: contact)
            }
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
