import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The kommun's organisations: everyone reads, admins edit names (abbreviations the documents do
/// not expand start unconfirmed) and add new ones.
struct OrganisationRoutes {
    let deps: AppDependencies

    struct Row {
        let id: String
        let saveAction: String
        let abbreviation: String
        let name: String
        /// Where the follow-up's reminders go (shown to admins, who set it).
        let contact: String
        let kindOptions: [SelectOption]
        let unconfirmed: Bool
        let retireAction: String
        /// Users who are not turned off: while there are any, the organisation cannot be retired.
        let activeUsers: String?
        let moveAction: String
    }

    struct RetiredRow {
        let abbreviation: String
        let name: String
        let retiredOn: String
        let reinstateAction: String
        /// Its measures in the latest plan ("38 åtgärder i åtgärdsplanen 2024"), linked to the plan's filter.
        let measures: Measures?
    }

    struct Measures {
        let text: String
        let href: String
    }

    struct Group {
        let title: String
        let rows: [Row]
    }

    struct ListView {
        let groups: [Group]
        let retired: [RetiredRow]
        let hasRetired: Bool
        /// Where an organisation's users can move (any organisation that exists).
        let moveTargets: [SelectOption]
        let canEdit: Bool
        let kindOptions: [SelectOption]
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.organisations) { _, context in try await list(context: context) }
        routes.staff(SiteRoutes.organisationAdd) { _, context in
            _ = try context.requireUser(allowedTo: .administerKommun)
            let form = try context.decodeForm(OrganisationForm.self)
            guard let kind = OrganisationKind(rawValue: form.kind) else { throw HTTPError(.badRequest) }
            do {
                let created = try await OrganisationStore(context.kommun).addOrganisation(
                    abbreviation: form.abbreviation, name: form.name,
                    kind: kind, by: context.actor)
                return Response.seeOther(SiteRoutes.organisations.path, notice: "\(created.abbreviation) är tillagd.", context: context)
            } catch let error as StoreError {
                return try await list(context: context, error: error.description, status: .badRequest)
            }
        }
        routes.staff(SiteRoutes.organisationRetire) { _, context in
            try await retire(context: context, on: StockholmCalendar.local(TryggClock.now).dateText)
        }
        routes.staff(SiteRoutes.organisationReinstate) { _, context in try await retire(context: context, on: nil) }
        routes.staff(SiteRoutes.organisationMoveUsers) { _, context in
            _ = try context.requireUser(allowedTo: .administerKommun)
            let id = try context.parameters.require("id", as: UUID.self)
            let store = OrganisationStore(context.kommun)
            guard let source = try await store.organisation(id: id) else { throw HTTPError(.notFound) }
            let form = try context.decodeForm(MoveUsersForm.self)
            do {
                let moved = try await store.moveUsers(from: source.id, to: UUID(uuidString: form.target), by: context.actor)
                let target = try await store.organisation(id: UUID(uuidString: form.target) ?? source.id)
                let notice =
                    "\(SwedishGrammar.count(moved, "användare", "användare")) flyttade från \(source.abbreviation) till \(target?.abbreviation ?? "")."
                    + " Nu kan \(source.abbreviation) avvecklas."
                return Response.seeOther(SiteRoutes.organisations.path, notice: notice, context: context)
            } catch let error as StoreError {
                return try await list(context: context, error: error.description, status: .badRequest)
            }
        }
        routes.staff(SiteRoutes.organisationSave) { _, context in
            _ = try context.requireUser(allowedTo: .administerKommun)
            let id = try context.parameters.require("id", as: UUID.self)
            guard let existing = try await OrganisationStore(context.kommun).organisation(id: id) else {
                throw HTTPError(.notFound)
            }
            let form = try context.decodeForm(OrganisationForm.self)
            guard let kind = OrganisationKind(rawValue: form.kind) else { throw HTTPError(.badRequest) }
            guard form.contact.isEmpty || MailAddress.isUsable(form.contact) else {
                return try await list(context: context, error: "”\(form.contact.prefix(60))” är ingen e-postadress.", status: .badRequest)
            }
            do {
                try await OrganisationStore(context.kommun).updateOrganisation(
                    id: existing.id, name: form.name, kind: kind, by: context.actor)
                try await NoticeRecipientStore(context.kommun).setContactAddress(form.contact, organisationID: existing.id, by: context.actor)
                return Response.seeOther(SiteRoutes.organisations.path, notice: "\(existing.abbreviation) är sparad.", context: context)
            } catch let error as StoreError {
                return try await list(context: context, error: error.description, status: .badRequest)
            }
        }
    }

    /// Retires (from `day`) or reinstates (nil) the organisation; the list says what happened or
    /// why not (users still belong to it).
    private func retire(context: StaffContext, on day: String?) async throws -> Response {
        _ = try context.requireUser(allowedTo: .administerKommun)
        let id = try context.parameters.require("id", as: UUID.self)
        let store = OrganisationStore(context.kommun)
        guard let existing = try await store.organisation(id: id) else { throw HTTPError(.notFound) }
        do {
            try await store.retire(id: existing.id, on: day, by: context.actor)
        } catch let error as StoreError {
            return try await list(context: context, error: error.description, status: .badRequest)
        }
        var notice =
            day == nil
            ? "\(existing.abbreviation) finns igen och kan väljas i formulären."
            : "\(existing.abbreviation) är avvecklad. Det organisationen rapporterat, beslutat och svarat för finns kvar; i formulären kan den inte längre väljas."
        if day != nil, let plan = try await PlanStore(context.kommun).plans().first,
            let measures = try await measuresLeft(existing.id, in: plan, context: context)
        {
            notice += " \(existing.abbreviation) står som ansvarig för \(measures.text): ge dem en ny ansvarig i en ny version av planen."
        }
        return Response.seeOther(SiteRoutes.organisations.path, notice: notice, context: context)
    }

    private func list(
        context: StaffContext, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readReferenceData)
        let organisations = try await OrganisationStore(context.kommun).organisations()
        let mayEdit = user.role.allows(.administerKommun)
        let contacts = mayEdit ? try await NoticeRecipientStore(context.kommun).contactAddresses() : [:]
        let users = mayEdit ? try await OrganisationStore(context.kommun).activeUserCounts() : [:]
        let current = organisations.current
        let groups = OrganisationKind.allCases.map { kind in
            Group(
                title: Self.pluralTitle(kind),
                rows: current.filter { $0.kind == kind }.map { organisation in
                    Row(
                        id: organisation.id.uuidString, saveAction: SiteRoutes.organisationSave.path(organisation.id), abbreviation: organisation.abbreviation,
                        name: organisation.name, contact: contacts[organisation.id] ?? "",
                        kindOptions: Self.options(selected: organisation.kind), unconfirmed: !organisation.nameConfirmed,
                        retireAction: SiteRoutes.organisationRetire.path(organisation.id),
                        activeUsers: users[organisation.id].map { SwedishGrammar.count($0, "användare", "användare") },
                        moveAction: SiteRoutes.organisationMoveUsers.path(organisation.id))
                })
        }.filter { !$0.rows.isEmpty }
        var retired: [RetiredRow] = []
        let retiredOnes = organisations.filter(\.isRetired)
        // The latest plan, read once for all the retired organisations (none retired: not at all).
        let plan = retiredOnes.isEmpty ? nil : try await PlanStore(context.kommun).plans().first
        for organisation in retiredOnes {
            var measures: Measures?
            if let plan { measures = try await measuresLeft(organisation.id, in: plan, context: context) }
            retired.append(
                RetiredRow(
                    abbreviation: organisation.abbreviation, name: organisation.name, retiredOn: organisation.retiredOn ?? "",
                    reinstateAction: SiteRoutes.organisationReinstate.path(organisation.id), measures: measures))
        }
        let view = ListView(
            groups: groups, retired: retired, hasRetired: !retired.isEmpty,
            moveTargets: [SelectOption(value: "", label: "Välj organisation", selected: true)]
                + current.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: false) },
            canEdit: mayEdit, kindOptions: Self.options(selected: .forvaltning))
        return deps.renderer.page(
            .organisations, title: "Organisationer", context: context, content: view,
            notice: notice, error: error, status: status)
    }

    /// What a retired organisation still stands responsible for in the latest plan. An adopted
    /// plan does not change, so its measures get a new responsible in the plan's next version.
    private func measuresLeft(_ organisationID: UUID, in plan: ActionPlan, context: StaffContext) async throws -> Measures? {
        let count = try await PlanStore(context.kommun).measures(planID: plan.id, filter: MeasureFilter(responsibleOrganisation: organisationID)).count
        guard count > 0 else { return nil }
        return Measures(
            text: "\(SwedishGrammar.count(count, "åtgärd", "åtgärder")) i åtgärdsplanen \(plan.year)",
            href: SiteRoutes.planYear.path(plan.year, query: [("version", "\(plan.version)"), ("ansvarig", organisationID.uuidString)]))
    }

    static func options(selected: OrganisationKind) -> [SelectOption] {
        OrganisationKind.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0 == selected) }
    }

    static func pluralTitle(_ kind: OrganisationKind) -> String {
        switch kind {
        case .forvaltning: "Förvaltningar"
        case .enhet: "Enheter"
        case .grupp: "Samverkansgrupper och funktioner"
        case .extern: "Externa samverkansparter"
        }
    }
}

/// Where an organisation's users move.
struct MoveUsersForm: Decodable {
    @FormText var target: String

    enum CodingKeys: String, CodingKey {
        case target = "till"
    }
}

/// A new organisation, or a new name and kind for one (the abbreviation does not change).
struct OrganisationForm: Decodable {
    @FormText var abbreviation: String
    @FormText var name: String
    @FormText var kind: String
    /// The organisation's contact address for the follow-up's notices; empty for none.
    @FormText var contact: String
}
