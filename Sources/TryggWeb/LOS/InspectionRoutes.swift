import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// LOS: the planning calendar of insatser (the kommun's own and the ROS insatser it shares), a
/// new insats, and one insats with this kommun's participants. Company data is shown only to the
/// roles the kommun names and the participating organisations' users (`InspectionAccess`).
struct InspectionRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.inspections) { request, context in
            let year = request.uri.queryParameters.get("ar", as: Int.self) ?? StockholmCalendar.local(TryggClock.now).year
            return try await calendar(year: year, context: context)
        }
        routes.staff(SiteRoutes.inspectionCreate) { _, context in
            _ = try await Self.access(context)
            let form = try context.decodeForm(InspectionForm.self)
            let draft = form.inspection(id: UUID(), kommunID: context.kommunID)
            do {
                let saved = try await InspectionStore(context.kommun).save(draft, participants: form.participantIDs, id: nil, by: context.actor)
                return Response.seeOther(SiteRoutes.inspection.path(saved.id), notice: "Insatsen är planerad.", context: context)
            } catch let error as StoreError {
                let year = Int(draft.date.prefix(4)) ?? StockholmCalendar.local(TryggClock.now).year
                return try await calendar(year: year, context: context, form: (draft, form.participantIDs), error: error.description, status: .badRequest)
            }
        }
        routes.staff(SiteRoutes.inspection) { _, context in
            let access = try await Self.access(context)
            return try await InspectionPage(deps: deps).render(try await Self.inspection(context), access: access, context: context)
        }
        routes.staff(SiteRoutes.inspectionSave) { _, context in
            let access = try await Self.access(context)
            let form = try context.decodeForm(InspectionForm.self)
            let id = try context.parameters.require("id", as: UUID.self)
            return try await deps.recordLocks.serially(id) {
                let existing = try await Self.inspection(context)
                let participants = try await InspectionStore(context.kommun).participants(inspectionID: existing.id)
                return try await EditedRecord.save(form, over: InspectionForm(shown: existing, participants: participants)) { error, status, conflict in
                    try await InspectionPage(deps: deps).render(
                        existing, access: access, context: context, edit: (form, conflict), error: error, status: status)
                } _: { merged in
                    var changed = merged.inspection(id: existing.id, kommunID: context.kommunID)
                    changed.partnerKommunID = existing.partnerKommunID
                    try await InspectionStore(context.kommun).save(changed, participants: merged.participantIDs, id: existing.id, by: context.actor)
                    return Response.seeOther(
                        SiteRoutes.inspection.path(existing.id), notice: EditedRecord.notice("Insatsen är sparad.", typed: form, merged: merged),
                        context: context)
                }
            }
        }
        routes.staff(SiteRoutes.inspectionParticipants) { _, context in
            _ = try await Self.access(context)
            let inspection = try await Self.inspection(context)
            let chosen = Set(try context.decodeForm(ParticipantsForm.self).participants.compactMap { UUID(uuidString: $0) })
            do {
                try await InspectionStore(context.kommun).saveParticipants(inspectionID: inspection.id, chosen, by: context.actor)
            } catch let error as StoreError {
                return Response.seeOther(SiteRoutes.inspection.path(inspection.id), error: error.description, context: context)
            }
            return Response.seeOther(SiteRoutes.inspection.path(inspection.id), notice: "Deltagarna är sparade.", context: context)
        }
    }

    /// The kommun's LOS settings, or 403 for a user they do not name.
    static func access(_ context: StaffContext) async throws -> InspectionAccess {
        let access = try await InspectionStore(context.kommun).access()
        guard access.maySee(context.user) else {
            throw HTTPError(.forbidden, message: "LOS-uppgifterna visas bara för de roller och organisationer som kommunen har gett tillgång.")
        }
        return access
    }

    static func inspection(_ context: StaffContext) async throws -> JointInspection {
        guard let inspection = try await InspectionStore(context.kommun).find(id: try context.parameters.require("id", as: UUID.self)) else {
            throw HTTPError(.notFound, message: "Insatsen finns inte.")
        }
        return inspection
    }

    struct Row {
        let date: String
        let title: String
        let href: String
        let status: String
        let ros: String?
        let lead: String
        let participants: Int
    }

    struct Month {
        let name: String
        let rows: [Row]
    }

    struct CalendarView {
        let year: Int
        let previous: String
        let next: String
        let months: [Month]
        let canPlan: Bool
        let form: InspectionFormView?
        let revisitsHref = SiteRoutes.revisits.path
        let objectsHref = SiteRoutes.inspectedObjects.path
        let statisticsHref: String
        let settingsHref = SiteRoutes.inspectionSettings.path
    }

    func calendar(
        year: Int, context: StaffContext, form: (JointInspection, Set<UUID>)? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let access = try await Self.access(context)
        let store = InspectionStore(context.kommun)
        let inspections = try await store.inspections(year: year)
        let names = try await InspectionNames.load(context)
        let participants = try await store.participantsByInspection(inspections.map(\.id))
        let byMonth = Dictionary(grouping: inspections) { Int($0.date.dropFirst(5).prefix(2)) ?? 1 }
        var months: [Month] = []
        for month in byMonth.keys.sorted() {
            let rows = (byMonth[month] ?? []).map { inspection -> Row in
                let ros: String? = inspection.isShared ? "ROS med " + names.kommunName(of: inspection) : nil
                return Row(
                    date: inspection.date, title: inspection.title, href: SiteRoutes.inspection.path(inspection.id), status: inspection.status.displayName,
                    ros: ros, lead: names.lead(of: inspection), participants: participants[inspection.id]?.count ?? 0)
            }
            months.append(Month(name: SwedishTime.months[min(max(month, 1), 12) - 1].capitalized + " \(year)", rows: rows))
        }
        let canPlan = context.user.role.allows(.planInspections)
        let formView =
            canPlan
            ? try await InspectionFormView.build(
                form?.0, participants: form?.1, access: access, context: context, names: names, action: SiteRoutes.inspectionCreate.path, allowPartner: true)
            : nil
        let view = CalendarView(
            year: year, previous: SiteRoutes.inspections.path(query: [("ar", "\(year - 1)")]),
            next: SiteRoutes.inspections.path(query: [("ar", "\(year + 1)")]), months: months, canPlan: canPlan, form: formView,
            statisticsHref: SiteRoutes.inspectionStatistics.path(query: [("ar", "\(year)")]))
        return deps.renderer.page(
            .inspections, title: "LOS – myndighetsgemensamma kontroller \(year)", context: context, content: view, error: error, status: status)
    }
}

/// Names of the kommun's organisations and of the kommuner an insats is shared with.
struct InspectionNames {
    let organisations: [Organisation]
    let kommuner: [Kommun]
    let kommunID: UUID

    static func load(_ context: StaffContext) async throws -> InspectionNames {
        InspectionNames(
            organisations: try await OrganisationStore(context.kommun).organisations(), kommuner: try await KommunStore(context.kommun.database).all(),
            kommunID: context.kommunID)
    }

    func organisation(_ id: UUID) -> String { organisations.first { $0.id == id }?.name ?? "Partnerkommunens organisation" }
    /// Who leads an insats: one of this kommun's organisations, or — on a ROS insats the other
    /// kommun leads — that kommun, named without reading its organisations for a list.
    func lead(of inspection: JointInspection) -> String {
        organisations.first { $0.id == inspection.leadID }?.name ?? kommunName(of: inspection)
    }
    func kommun(_ id: UUID?) -> String { kommuner.first { $0.id == id }?.name ?? "okänd kommun" }
    /// The other kommun of a shared insats, seen from this one.
    func kommunName(of inspection: JointInspection) -> String {
        kommun(inspection.kommunID == kommunID ? inspection.partnerKommunID : inspection.kommunID)
    }
}

/// The planning form: title, date, status, lead, area, ROS partner, this kommun's participants.
struct InspectionFormView {
    typealias Choice = CheckboxOption

    let action: String
    let title: String
    let date: String
    let note: String
    let statuses: [SelectOption]
    let leads: [SelectOption]
    let areas: [SelectOption]
    let partners: [SelectOption]
    let participants: [Choice]
    /// Only a kommun with an ROS agreement in force is offered a joint insats.
    let hasPartners: Bool
    /// On the form of a stored insats: the fingerprints it was shown with and what collided.
    var edited: EditedRecordView?
    /// Open when it comes back refused, so what was typed is in sight.
    var open = false

    static func build(
        _ inspection: JointInspection?, participants chosen: Set<UUID>?, access: InspectionAccess, context: StaffContext, names: InspectionNames,
        action: String, allowPartner: Bool
    ) async throws -> InspectionFormView {
        let chosen = chosen ?? access.participants
        let areas = try await AreaStore(context.kommun).all()
        let rosPartners = allowPartner ? try await InspectionStore(context.kommun).rosPartners() : []
        let lead = inspection?.leadID ?? names.organisations.first { $0.abbreviation == "Polisen" }?.id
        // The participating organisations first, then the rest of the kommun's; a retired one only
        // where the insats already has it.
        let offered = names.organisations.offered(keeping: chosen.union([lead].compactMap { $0 }))
        let ordered = offered.filter { access.participants.contains($0.id) } + offered.filter { !access.participants.contains($0.id) }
        return InspectionFormView(
            action: action, title: inspection?.title ?? "", date: inspection?.date ?? "", note: inspection?.note ?? "",
            statuses: JointInspection.Status.allCases.map {
                .init(value: $0.rawValue, label: $0.displayName, selected: $0 == (inspection?.status ?? .planned))
            },
            leads: offered.map { .init(value: $0.id.uuidString, label: $0.marked($0.name), selected: $0.id == lead) },
            areas: [.init(value: "", label: "Hela kommunen", selected: inspection?.areaID == nil)]
                + areas.offered(keeping: inspection?.areaID).map {
                    .init(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == inspection?.areaID)
                },
            partners: allowPartner
                ? [.init(value: "", label: "Ingen (LOS i den egna kommunen)", selected: inspection?.partnerKommunID == nil)]
                    + names.kommuner.filter { rosPartners.contains($0.id) }.map {
                        .init(value: $0.id.uuidString, label: "ROS med \($0.name)", selected: $0.id == inspection?.partnerKommunID)
                    } : [],
            participants: ordered.map {
                Choice(id: "deltagare-\($0.id.uuidString)", value: $0.id.uuidString, label: $0.name, checked: chosen.contains($0.id))
            }, hasPartners: !rosPartners.isEmpty)
    }
}
