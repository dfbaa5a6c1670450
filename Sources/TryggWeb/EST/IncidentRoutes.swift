import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Reporting EST events: the form, one's own reports (and all of them for the EST group and
/// analysts), correcting a report.
struct IncidentRoutes {
    let deps: AppDependencies

    struct ListView {
        let rows: [WeekView.EventRow]
        let count: Int
        let seesAll: Bool
        let weeks: [SelectOption]
        let areas: [SelectOption]
        let categories: [SelectOption]
        let nextPage: String?
        /// The EST group's leads may import events from a file.
        let canImport: Bool
        let columns = IncidentCSV.columns.joined(separator: ", ")
        let importAction = SiteRoutes.incidentImport.path
    }

    struct DetailView {
        let event: WeekView.EventRow
        let weekHref: String
        let weekLabel: String
        let precision: String
        let coordinates: String
        let editable: Bool
        let form: IncidentForm.View?
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.incidentForm) { request, context in
            let user = try context.requireUser(allowedTo: .reportIncident)
            return try await form(
                IncidentForm(), user: user, context: context,
                notice: request.uri.queryParameters["sparad"] != nil ? "Tack! Händelsen är rapporterad." : nil)
        }
        routes.staff(SiteRoutes.incidentReport) { _, context in
            let user = try context.requireUser(allowedTo: .reportIncident)
            let input = try context.decodeForm(IncidentForm.self)
            let categories = try await CategoryStore(context.kommun).all()
            switch IncidentRules.check(input.draft, categories: categories) {
            case .failure(let failure):
                return try await form(input, user: user, context: context, problems: failure.problems)
            case .success(let checked):
                do {
                    try await IncidentStore(context.kommun).add(
                        checked, organisationID: user.organisation.id,
                        reporterID: user.id, source: .est, by: context.actor)
                } catch let error as StoreError {
                    return try await form(input, user: user, context: context, problems: [IncidentProblem(field: "område", message: error.description)])
                }
                return Response.seeOther(SiteRoutes.incidentForm.path(query: [("sparad", "1")]))
            }
        }
        routes.staff(SiteRoutes.incidents) { request, context in
            let user = try context.requireUser(allowedTo: .reportIncident)
            return try await list(request: request, user: user, context: context)
        }
        routes.staff(SiteRoutes.incident) { _, context in try await detail(context: context) }
        IncidentImportRoutes(incidents: self).register(on: routes)
        routes.staff(SiteRoutes.incidentCorrect) { _, context in
            let user = try context.requireUser(allowedTo: .reportIncident)
            let id = try context.parameters.require("id", as: UUID.self)
            let reporter = user.role.allows(.leadEST) ? nil : user.id
            guard let existing = try await IncidentStore(context.kommun).find(id: id),
                reporter == nil || existing.reporterID == reporter
            else { throw HTTPError(.notFound) }
            let input = try context.decodeForm(IncidentForm.self)
            let categories = try await CategoryStore(context.kommun).all()
            switch IncidentRules.check(input.draft, categories: categories) {
            case .failure(let failure):
                return try await detail(context: context, input: input, problems: failure.problems)
            case .success(let checked):
                do {
                    try await IncidentStore(context.kommun).update(
                        id: id, with: checked, onlyReporter: reporter,
                        by: context.actor)
                } catch let error as StoreError {
                    return try await detail(context: context, input: input, problems: [IncidentProblem(field: "område", message: error.description)])
                }
                return Response.seeOther(SiteRoutes.incident.path(id), notice: "Ändringen är sparad.", context: context)
            }
        }
    }

    private func form(
        _ input: IncidentForm, user: UserAccount, context: StaffContext, problems: [IncidentProblem] = [],
        notice: String? = nil
    ) async throws -> Response {
        let categories = try await CategoryStore(context.kommun).all()
        let areas = try await AreaStore(context.kommun).all()
        let view = input.view(
            action: SiteRoutes.incidentReport.path, submitLabel: "Skicka rapporten", categories: categories, areas: areas, problems: problems,
            mapJSON: InteractiveMapData.pickJSON(areas: areas, settings: deps.configuration.map))
        return deps.renderer.page(
            .estReportForm, title: "Rapportera en händelse", context: context, content: view, notice: notice,
            status: problems.isEmpty ? .ok : .badRequest)
    }

    /// The events; `error` shows a failed import's problems (nothing stored).
    func list(request: Request, user: UserAccount, context: StaffContext, error: String? = nil) async throws -> Response {
        let query = request.uri.queryParameters
        let seesAll = user.role.allows(.readAllIncidents)
        var filter = IncidentStore.Filter(limit: 100)
        let week = query["vecka"].flatMap { ISOWeek(parsing: String($0)) }
        if let week {
            filter.from = week.start
            filter.until = week.end
        }
        let areas = try await AreaStore(context.kommun).all()
        let categories = try await CategoryStore(context.kommun).all()
        let areaText = query["omrade"].map(String.init) ?? ""
        if areaText == "ovriga" { filter.restOfKommun = true } else { filter.areaID = UUID(uuidString: areaText) }
        filter.categoryID = query["kategori"].flatMap { UUID(uuidString: String($0)) }
        if !seesAll { filter.reporterID = user.id }
        let page = max(0, Int(query["sida"] ?? "0") ?? 0)
        filter.offset = page * filter.limit
        let store = IncidentStore(context.kommun)
        let events = try await store.list(filter: filter)
        let count = try await store.count(filter: filter)
        let organisations = try await OrganisationStore(context.kommun).organisations()
        let current = ISOWeek.containing(TryggClock.now)
        let view = ListView(
            rows: events.map { WeekView.EventRow($0, areas: areas, categories: categories, organisations: organisations) }, count: count, seesAll: seesAll,
            weeks: [SelectOption(value: "", label: "Alla veckor", selected: week == nil)]
                + (0..<12).map { current.adding(-$0) }.map { SelectOption(value: $0.description, label: $0.swedishName, selected: $0 == week) },
            areas: [SelectOption(value: "", label: "Alla områden", selected: areaText.isEmpty)]
                + areas.map { SelectOption(value: $0.id.uuidString, label: $0.name, selected: $0.id == filter.areaID) }
                + [SelectOption(value: "ovriga", label: WeekSummary.restOfKommun, selected: filter.restOfKommun)],
            categories: [SelectOption(value: "", label: "Alla kategorier", selected: filter.categoryID == nil)]
                + categories.map { SelectOption(value: $0.id.uuidString, label: $0.name, selected: $0.id == filter.categoryID) },
            nextPage: count > filter.offset + events.count
                ? SiteRoutes.incidents.path(query: [
                    ("vecka", week?.description ?? ""), ("omrade", areaText), ("kategori", filter.categoryID?.uuidString ?? ""), ("sida", "\(page + 1)"),
                ]) : nil, canImport: user.role.allows(.leadEST))
        return deps.renderer.page(
            .estEvents, title: seesAll ? "Händelser" : "Mina rapporter", context: context, content: view, error: error,
            status: error == nil ? .ok : .badRequest)
    }

    private func detail(
        context: StaffContext, input: IncidentForm? = nil, problems: [IncidentProblem] = [],
        notice: String? = nil
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .reportIncident)
        let id = try context.parameters.require("id", as: UUID.self)
        guard let event = try await IncidentStore(context.kommun).find(id: id),
            user.role.allows(.readAllIncidents) || event.reporterID == user.id
        else { throw HTTPError(.notFound) }
        let areas = try await AreaStore(context.kommun).all()
        let categories = try await CategoryStore(context.kommun).all()
        let organisations = try await OrganisationStore(context.kommun).organisations()
        let editable = user.role.allows(.leadEST) || event.reporterID == user.id
        let form = (input ?? IncidentForm(incident: event, categories: categories, areas: areas))
        let week = ISOWeek.containing(event.occurredAt)
        let view = DetailView(
            event: WeekView.EventRow(event, areas: areas, categories: categories, organisations: organisations), weekHref: SiteRoutes.week.path(week),
            weekLabel: week.swedishName, precision: event.precision.displayName + (event.endedAt.map { ", till \(SwedishTime.minute($0))" } ?? ""),
            coordinates: event.point.map { SwedishNumber.coordinate(latitude: $0.latitude, longitude: $0.longitude) } ?? "ingen punkt angiven",
            editable: editable,
            form: editable
                ? form.view(
                    action: SiteRoutes.incidentCorrect.path(id), submitLabel: "Spara ändringen", categories: categories, areas: areas,
                    problems: problems) : nil)
        return deps.renderer.page(
            .estEvent, title: "Händelse \(SwedishTime.minute(event.occurredAt))", context: context, content: view,
            notice: notice, status: problems.isEmpty ? .ok : .badRequest)
    }
}
