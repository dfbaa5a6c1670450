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
        /// "1 händelse", "2 händelser".
        let countText: String
        let seesAll: Bool
        let weeks: [SelectOption]
        let from: String
        let until: String
        let text: String
        let areas: [SelectOption]
        let categories: [SelectOption]
        let previousPage: String?
        let nextPage: String?
        let pageText: String?
        /// The EST group's leads may import events from a file.
        let canImport: Bool
        let columns = IncidentCSV.columns.joined(separator: ", ")
        let importAction = SiteRoutes.incidentImport.path
        /// The selection as Excel and CSV, for those who read every event.
        let downloads: Downloads?
        /// The selection's located events on the interactive map (when Leaflet is installed).
        let mapJSON: String?
        let mapNote: String?
    }

    /// The most events the list's map shows: the latest of the selection.
    static let mapLimit = 2_000

    struct Downloads {
        let xlsx: String
        let csv: String
    }

    struct DetailView {
        let event: WeekView.EventRow
        /// The week's page, for those who may open it (a reporter only once it is published).
        let weekHref: String?
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
        IncidentExportRoutes(deps: deps).register(on: routes)
        routes.staff(SiteRoutes.incidentCorrect) { _, context in
            let user = try context.requireUser(allowedTo: .reportIncident)
            let id = try context.parameters.require("id", as: UUID.self)
            let reporter = user.role.allows(.leadEST) ? nil : user.id
            let input = try context.decodeForm(IncidentForm.self)
            return try await deps.recordLocks.serially(id) {
                guard let existing = try await IncidentStore(context.kommun).find(id: id),
                    reporter == nil || existing.reporterID == reporter
                else { throw HTTPError(.notFound) }
                let categories = try await CategoryStore(context.kommun).all()
                let areas = try await AreaStore(context.kommun).all()
                return try await EditedRecord.save(input, over: IncidentForm(incident: existing, categories: categories, areas: areas)) {
                    error, _, conflict in
                    // A field's problem is shown at the field; what the store refuses is about the area.
                    try await detail(
                        context: context, input: input, problems: conflict == nil ? [IncidentProblem(field: "område", message: error)] : [],
                        conflict: conflict)
                } _: { merged in
                    switch IncidentRules.check(merged.draft, categories: categories) {
                    case .failure(let failure):
                        return try await detail(context: context, input: input, problems: failure.problems)
                    case .success(let checked):
                        try await IncidentStore(context.kommun).update(id: id, with: checked, onlyReporter: reporter, by: context.actor)
                        return Response.seeOther(
                            SiteRoutes.incident.path(id), notice: EditedRecord.notice("Ändringen är sparad.", typed: input, merged: merged), context: context)
                    }
                }
            }
        }
    }

    private func form(
        _ input: IncidentForm, user: UserAccount, context: StaffContext, problems: [IncidentProblem] = [],
        notice: String? = nil
    ) async throws -> Response {
        let categories = try await CategoryStore(context.kommun).all()
        let areas = try await AreaStore(context.kommun).all().current
        let view = input.view(
            action: SiteRoutes.incidentReport.path, submitLabel: "Skicka rapporten", categories: categories, areas: areas, problems: problems,
            mapJSON: InteractiveMapData.pickJSON(areas: areas, settings: deps.configuration.map))
        return deps.renderer.page(
            .estReportForm, title: "Rapportera en händelse", context: context, content: view, notice: notice,
            status: problems.isEmpty ? .ok : .badRequest)
    }

    /// The events; `error` shows a failed import's problems (nothing stored).
    func list(request: Request, user: UserAccount, context: StaffContext, error: String? = nil) async throws -> Response {
        let seesAll = user.role.allows(.readAllIncidents)
        var selection = EventSelection(request.uri.queryParameters, user: user)
        let page = max(0, Int(request.uri.queryParameters["sida"] ?? "0") ?? 0)
        selection.filter.offset = page * selection.filter.limit
        let filter = selection.filter
        let areas = try await AreaStore(context.kommun).all()
        let categories = try await CategoryStore(context.kommun).all()
        let store = IncidentStore(context.kommun)
        let events = try await store.list(filter: filter)
        let count = try await store.count(filter: filter)
        let organisations = try await OrganisationStore(context.kommun).organisations()
        let current = ISOWeek.containing(TryggClock.now)
        // The analysts' map; a reporter's own few reports read better as the list alone, nearer the top on a phone.
        let map = seesAll ? try await selectionMap(filter, total: count, store: store, areas: areas, categories: categories) : nil
        let view = ListView(
            rows: events.map { WeekView.EventRow($0, areas: areas, categories: categories, organisations: organisations) }, count: count,
            countText: SwedishGrammar.count(count, "händelse", "händelser"), seesAll: seesAll,
            weeks: [SelectOption(value: "", label: "Alla veckor", selected: selection.week == nil)]
                + (0..<12).map { current.adding(-$0) }.map { SelectOption(value: $0.description, label: $0.swedishName, selected: $0 == selection.week) },
            from: selection.from, until: selection.until, text: selection.text,
            areas: [SelectOption(value: "", label: "Alla områden", selected: selection.areaText.isEmpty)]
                + areas.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == filter.areaID) }
                + [SelectOption(value: "ovriga", label: WeekSummary.restOfKommun, selected: filter.restOfKommun)],
            categories: [SelectOption(value: "", label: "Alla kategorier", selected: filter.categoryID == nil)]
                + categories.map { SelectOption(value: $0.id.uuidString, label: $0.name, selected: $0.id == filter.categoryID) },
            previousPage: page > 0 ? SiteRoutes.incidents.path(query: selection.query + (page > 1 ? [("sida", "\(page - 1)")] : [])) : nil,
            nextPage: count > filter.offset + events.count ? SiteRoutes.incidents.path(query: selection.query + [("sida", "\(page + 1)")]) : nil,
            pageText: count > filter.limit ? "Sida \(page + 1) av \((count + filter.limit - 1) / filter.limit)" : nil,
            canImport: user.role.allows(.leadEST),
            downloads: seesAll && count > 0
                ? Downloads(xlsx: SiteRoutes.incidentExportXlsx.path(query: selection.query), csv: SiteRoutes.incidentExportCSV.path(query: selection.query))
                : nil, mapJSON: map?.json, mapNote: map?.note)
        return deps.renderer.page(
            .estEvents, title: seesAll ? "Händelser" : "Mina rapporter", context: context, content: view, error: error ?? selection.problem,
            status: error == nil ? .ok : .badRequest)
    }

    /// Where the selected events happened: the latest `mapLimit` with a point, as pins and density
    /// over the areas' outlines, so a search for a place shows where its reports lie.
    private func selectionMap(
        _ filter: IncidentStore.Filter, total: Int, store: IncidentStore, areas: [Area], categories: [IncidentCategory]
    ) async throws -> (json: String, note: String)? {
        guard deps.configuration.map.leafletAvailable, total > 0 else { return nil }
        let points = try await store.points(filter: filter, limit: Self.mapLimit)
        guard !points.isEmpty else { return nil }
        let names = Dictionary(uniqueKeysWithValues: categories.map { ($0.id, $0.name) })
        let json = try InteractiveMapData(
            areas: areas.current,
            points: points.map {
                InteractiveMapData.Point(
                    lat: $0.point.latitude, lon: $0.point.longitude,
                    title: [names[$0.categoryID] ?? "", SwedishTime.minute($0.occurredAt), $0.place].filter { !$0.isEmpty }.joined(separator: " · "))
            }, settings: deps.configuration.map, pointsLabel: "Händelser i urvalet"
        ).scriptJSON()
        let note =
            points.count == Self.mapLimit
            ? "Kartan visar de \(SwedishNumber.integer(Self.mapLimit)) senaste händelserna i urvalet som har en punkt."
            : "Kartan visar \(SwedishGrammar.count(points.count, "händelse", "händelser")) i urvalet som har en punkt."
        return (json, note)
    }

    private func detail(
        context: StaffContext, input: IncidentForm? = nil, problems: [IncidentProblem] = [], conflict: RecordConflict<IncidentForm>? = nil,
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
        let stored = IncidentForm(incident: event, categories: categories, areas: areas)
        let form = input ?? stored
        let week = ISOWeek.containing(event.occurredAt)
        var formView = form.view(
            action: SiteRoutes.incidentCorrect.path(id), submitLabel: "Spara ändringen", categories: categories, areas: areas.offered(keeping: event.areaID),
            problems: problems)
        // What collided, as the form names it: the category and precision by name, not code.
        let names = Dictionary((formView.categories + formView.precisions).map { ($0.value, $0.label) }) { a, _ in a }
        formView.edited = EditedRecordView(stored: stored, typed: input, conflict: conflict) { field, value in
            field == "kategori" || field == "precision" ? names[value] ?? value : value
        }
        let view = DetailView(
            event: WeekView.EventRow(event, areas: areas, categories: categories, organisations: organisations),
            weekHref: try await WeekRoutes.mayOpen(week, user: user, kommun: context.kommun) ? SiteRoutes.week.path(week) : nil,
            weekLabel: week.swedishName, precision: event.precision.displayName + (event.endedAt.map { ", till \(SwedishTime.minute($0))" } ?? ""),
            coordinates: event.point.map { SwedishNumber.coordinate(latitude: $0.latitude, longitude: $0.longitude) } ?? "ingen punkt angiven",
            editable: editable,
            form: editable ? formView : nil)
        return deps.renderer.page(
            .estEvent, title: "Händelse \(SwedishTime.minute(event.occurredAt))", context: context, content: view,
            notice: notice, error: conflict?.description, status: conflict != nil ? .conflict : problems.isEmpty ? .ok : .badRequest)
    }
}
