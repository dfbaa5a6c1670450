import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The weekly lägesbild: the EST group's working page (assessment, priority places, insatser,
/// publishing) and the published report in HTML, Word and JSON.
struct WeekRoutes {
    let deps: AppDependencies

    struct OverviewView {
        let currentHref: String
        let currentLabel: String
        let lastHref: String
        let lastLabel: String
        let seesDrafts: Bool
        let leads: Bool
        let published: [WeekLink]
        let myCount: Int
    }

    struct WeekLink {
        let label: String
        let href: String
        let reportHref: String
        let reportDocxHref: String

        init(_ week: ISOWeek) {
            label = week.swedishName
            href = SiteRoutes.week.path(week)
            reportHref = SiteRoutes.weekReport.path(week)
            reportDocxHref = SiteRoutes.weekReportDocx.path(week)
        }
    }

    struct PageView {
        let report: WeekView
        /// The pager's weeks: only weeks the user can open (see `neighbours`).
        let previousWeek: String?
        let nextWeek: String?
        /// The interactive map's data, when Leaflet is installed; the SVG map stays the fallback.
        let mapJSON: String?
        let leads: Bool
        /// A map to click in the priority-place and insats forms (fills in latitude and longitude).
        let pickMap: String?
        let assessmentField: EditedTextField
        let place: PlaceFields
        /// The insats form, whose measures are those of the plan in force ("Genomför åtgärd i planen").
        let insats: InsatsFields
        let hasMeasures: Bool
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.est) { _, context in
            let user = try context.requireUser(allowedTo: .reportIncident)
            let current = ISOWeek.containing(TryggClock.now)
            let published = try await ESTStore(context.kommun).publishedWeeks()
            let mine = try await IncidentStore(context.kommun).count(filter: .init(reporterID: user.id))
            let view = OverviewView(
                currentHref: SiteRoutes.week.path(current), currentLabel: current.swedishName, lastHref: SiteRoutes.week.path(current.adding(-1)),
                lastLabel: current.adding(-1).swedishName, seesDrafts: user.role.allows(.readAllIncidents),
                leads: user.role.allows(.leadEST),
                published: published.map { WeekLink($0.week) }, myCount: mine)
            return deps.renderer.page(.est, title: "EST – Effektiv samordning för trygghet", context: context, content: view)
        }
        routes.staff(SiteRoutes.week) { request, context in
            let (user, week) = try await weekAccess(context)
            return try await page(
                user: user, week: week, context: context,
                includeCitizen: request.uri.queryParameters["medborgare"] != "dolj")
        }
        routes.staff(SiteRoutes.weekReport) { _, context in
            let (user, week) = try await weekAccess(context)
            let report = try await WeekReport.load(kommun: user.kommun, week: week, database: deps.database)
            return deps.renderer.html(.reportWeek, ["page": WeekView(report, linksInsatser: user.role.allows(.readAllIncidents))])
        }
        routes.staff(SiteRoutes.weekReportDocx) { _, context in
            let (user, week) = try await weekAccess(context)
            let report = try await WeekReport.load(kommun: user.kommun, week: week, database: deps.database)
            return Response.download(try report.docx(), contentType: Response.docxType, filename: "lagesbild-\(week).docx")
        }
        routes.staff(SiteRoutes.weekReportJSON) { _, context in
            let (user, week) = try await weekAccess(context)
            return APIRoutes.json(try await WeekReport.load(kommun: user.kommun, week: week, database: deps.database).json)
        }
        routes.staff(SiteRoutes.weekAssess) { _, context in
            let form = try context.decodeForm(AssessmentForm.self)
            var notice = "Bedömningen är sparad."
            return try await lead(context, done: notice, typed: .init(assessment: form)) { store, week, actor in
                try await store.saveAssessment(form.text, week: week, seen: form.seen, by: actor)
                let saved = try await store.week(week).assessment
                notice = EditedTextField.notice(notice, typed: [("Veckans bedömning", form.text)], stored: [saved])
            }
        }
        routes.staff(SiteRoutes.weekPublish) { _, context in
            let publish = try context.decodeForm(PublishForm.self).publish == "ja"
            return try await lead(
                context,
                done: publish
                    ? "Lägesbilden är publicerad för de samverkande organisationerna och rapportörerna."
                    : "Lägesbilden är tillbakadragen."
            ) { store, week, actor in
                try await store.setPublished(publish, week: week, by: actor)
                if publish { await deps.notify(context.user.kommun) { try await $0.weekPublished(week) } }
            }
        }
        routes.staff(SiteRoutes.weekPlaceAdd) { _, context in
            let form = try context.decodeForm(PriorityPlaceForm.self)
            return try await lead(context, done: "Platsen är markerad som prioriterad.", typed: .init(place: form)) { store, week, actor in
                let point = try await WeekRoutes.point(
                    latitude: form.latitude, longitude: form.longitude, orHotPlace: form.name, week: week, kommun: context.kommun)
                try await store.addPriorityPlace(name: form.name, point: point, note: form.note, week: week, by: actor)
            }
        }
        routes.staff(SiteRoutes.weekPlaceRemove) { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            return try await lead(context, done: "Platsen är borttagen.") { store, _, actor in
                try await store.removePriorityPlace(id: id, by: actor)
            }
        }
        routes.staff(SiteRoutes.weekInsatsAdd) { _, context in
            let form = try context.decodeForm(InsatsForm.self)
            return try await lead(context, done: "Insatsen är beslutad.", typed: .init(insats: form)) { _, week, actor in
                let point = try await WeekRoutes.point(
                    latitude: form.latitude, longitude: form.longitude, orHotPlace: form.place, week: week, kommun: context.kommun)
                try await InsatsStore(context.kommun).decide(try form.decision(at: point), week: week, by: actor)
            }
        }
        routes.staff(SiteRoutes.weekInsatsFollowUp) { _, context in
            let id = try context.parameters.require("id", as: UUID.self)
            let form = try context.decodeForm(InsatsFollowUpForm.self)
            return try await lead(context, done: "Uppföljningen är sparad.", typed: .init(followUp: (id, form))) { _, week, actor in
                guard try await InsatsStore(context.kommun).find(id: id) != nil else { throw StoreError.notFound("Insatsen") }
                guard let status = Insats.Status(rawValue: form.status) else { throw StoreError.invalid("Välj en status.") }
                try await InsatsStore(context.kommun).followUp(insatsID: id, week: week, status: status, note: form.note, by: actor)
            }
        }
    }

    /// The week from the path, and the user when they may see it (`mayOpen`).
    private func weekAccess(_ context: StaffContext) async throws -> (UserAccount, ISOWeek) {
        let user = try context.requireUser(allowedTo: .reportIncident)
        guard let week = ISOWeek(parsing: try context.parameters.require("week")),
            try await Self.mayOpen(week, user: user, kommun: context.kommun)
        else { throw HTTPError(.notFound) }
        return (user, week)
    }

    /// Whether the user may open the week's page: the EST group and analysts always, everyone
    /// else once it is published. Pages that link to a week ask the same.
    static func mayOpen(_ week: ISOWeek, user: UserAccount, kommun: KommunScope) async throws -> Bool {
        if user.role.allows(.readAllIncidents) { return true }
        return try await ESTStore(kommun).week(week).isPublished
    }

    /// The weeks before and after that the pager offers: the adjacent weeks for the EST group and
    /// analysts; for everyone else the nearest published ones, since the others answer 404 to them.
    private func neighbours(of week: ISOWeek, user: UserAccount, context: StaffContext) async throws -> (ISOWeek?, ISOWeek?) {
        if user.role.allows(.readAllIncidents) { return (week.adding(-1), week.adding(1)) }
        return try await ESTStore(context.kommun).publishedNeighbours(of: week)
    }

    private func lead(
        _ context: StaffContext, done: @autoclosure () -> String, typed: WeekTyped = .init(),
        _ change: (ESTStore, ISOWeek, Actor) async throws -> Void
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .leadEST)
        guard let week = ISOWeek(parsing: try context.parameters.require("week")) else { throw HTTPError(.notFound) }
        do {
            try await change(ESTStore(context.kommun), week, context.actor)
        } catch StoreError.notFound {
            throw HTTPError(.notFound)
        } catch let error as StoreError {
            return try await page(user: user, week: week, context: context, error: error.description, typed: typed)
        } catch let conflict as EditConflict {
            var typed = typed
            typed.conflict = conflict
            return try await page(user: user, week: week, context: context, error: conflict.description, typed: typed, status: .conflict)
        }
        return Response.seeOther(SiteRoutes.week.path(week), notice: done(), context: context)
    }

    /// A point typed as latitude and longitude, with a decimal comma or point; nil unless both parse.
    /// The typed or map-picked position; without one, a place named like one of the week's hot
    /// places (picked from the list) gets its centre, so the insats can be evaluated later.
    static func point(latitude: String, longitude: String, orHotPlace name: String, week: ISOWeek, kommun: KommunScope) async throws -> GeoPoint? {
        if let typed = point(latitude: latitude, longitude: longitude) { return typed }
        let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return nil }
        let events = try await IncidentStore(kommun).points(from: week.start, until: week.end)
        return HotPlaces.find(week: events, earlier: []).first { $0.name.lowercased() == wanted }?.centre
    }

    static func point(latitude: String, longitude: String) -> GeoPoint? {
        guard let lat = Double(latitude.replacingOccurrences(of: ",", with: ".")),
            let lon = Double(longitude.replacingOccurrences(of: ",", with: "."))
        else { return nil }
        return GeoPoint(latitude: lat, longitude: lon)
    }

    private func page(
        user: UserAccount, week: ISOWeek, context: StaffContext, includeCitizen: Bool = true,
        notice: String? = nil, error: String? = nil, typed: WeekTyped = .init(), status: HTTPResponse.Status? = nil
    ) async throws -> Response {
        let report = try await WeekReport.load(kommun: user.kommun, week: week, database: deps.database, includeCitizenReports: includeCitizen)
        var measures: [Measure] = []
        if user.role.allows(.leadEST) {
            // The plan adopted for the week's year, or the latest adopted before it.
            if let plan = try await PlanStore(context.kommun).planInForce(upTo: week.year) {
                measures = try await PlanStore(context.kommun).measures(planID: plan.id).filter { !$0.retired }
            }
        }
        let (previous, next) = try await neighbours(of: week, user: user, context: context)
        var weekView = WeekView(report, linksInsatser: user.role.allows(.readAllIncidents))
        for index in weekView.insatser.indices {
            let refused = typed.followUp.flatMap { $0.insatsID.uuidString == weekView.insatser[index].id ? $0.form : nil }
            let status = refused?.status ?? Insats.Status.ongoing.rawValue
            weekView.insatser[index].followUpStatuses = Insats.Status.allCases.map {
                SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == status)
            }
            weekView.insatser[index].followUpNote = refused?.note ?? ""
        }
        let view = PageView(
            report: weekView,
            previousWeek: previous.map { SiteRoutes.week.path($0) }, nextWeek: next.map { SiteRoutes.week.path($0) },
            mapJSON: deps.configuration.map.leafletAvailable ? try InteractiveMapData(report, settings: deps.configuration.map).scriptJSON() : nil,
            leads: user.role.allows(.leadEST),
            pickMap: user.role.allows(.leadEST) ? AreaMapSVG.render(report.areas.current, label: "Karta: klicka för att markera platsen", pickable: true) : nil,
            assessmentField: EditedTextField(
                name: "bedomning", id: "bedomning-text", label: "Bedömning av veckan (högst 4 000 tecken)", stored: report.estWeek.assessment,
                rows: 5, maxLength: ESTStore.assessmentLimit, typed: typed.assessment?.text, typedSeen: typed.assessment?.seen,
                conflictKey: "assessment", conflict: typed.conflict),
            place: PlaceFields(typed.place),
            insats: InsatsFields(
                typed.insats, today: StockholmCalendar.local(TryggClock.now).dateText, organisations: report.organisations.current,
                measures: measures),
            hasMeasures: !measures.isEmpty)
        return deps.renderer.page(
            .estWeek, title: report.title, context: context, content: view, notice: notice, error: error,
            status: status ?? (error == nil ? .ok : .badRequest))
    }
}
