import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The police's decisions on public gatherings in the kommun: the coming ones for the EST group to
/// plan by, the earlier ones beside the weeks they fell in. The police's list is national; the
/// import keeps the rows whose point lies in the kommun (the rectangle residents' tips must lie in).
struct GatheringRoutes {
    let deps: AppDependencies

    struct Row {
        let date: String
        let place: String
        let outcome: String
        /// The police's text when it says more than the outcome ("Avslag Växjö, Bifall Koppargården").
        let decision: String
        let weekHref: String
        let weekLabel: String
    }

    /// The coming gatherings, then the earlier ones: one table each.
    struct Section {
        let title: String
        let rows: [Row]
        let empty: String?
    }

    struct View {
        let sections: [Section]
        let canImport: Bool
        let columns = GatheringDecisionsCSV.columns.joined(separator: "; ")
        let importAction = SiteRoutes.gatheringImport.path
        let addAction = SiteRoutes.gatheringAdd.path
        /// The form as sent, when it is shown again with its problems (Mustache reads plain
        /// stored properties, not the form's wrapped ones).
        let date: String
        let place: String
        let decision: String
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.gatherings) { _, context in try await page(context: context) }
        routes.staff(SiteRoutes.gatheringAdd) { _, context in try await add(context: context) }
        routes.staff(SiteRoutes.gatheringImport) { _, context in
            _ = try context.requireUser(allowedTo: .leadEST)
            do {
                let upload = try context.uploadedTable(choose: "Välj polisens lista som CSV-fil.")
                let settings = try await CitizenSettingsStore(context.kommun).settings()
                let shapes = try await AreaStore(context.kommun).all().compactMap(\.shape)
                let bounds = settings.bounds ?? KommunBounds.around(shapes)
                let read = try GatheringDecisionsCSV.read(upload.table, within: bounds)
                let stored = try await GatheringStore(context.kommun).importDecisions(read.gatherings, source: upload.filename, by: context.actor)
                var notice =
                    "Läste \(SwedishGrammar.count(read.gatherings.count, "beslut", "beslut")) i kommunen: \(stored.added) nya, \(stored.updated) uppdaterade."
                if read.skippedRows > 0 {
                    notice += " \(SwedishGrammar.count(read.skippedRows, "rad", "rader")) gällde platser utanför kommunen och hoppades över."
                }
                return Response.seeOther(SiteRoutes.gatherings.path, notice: notice, context: context)
            } catch let refused as UploadRefused {
                return try await page(context: context, error: refused.message)
            } catch let failure as ImportFailure {
                return try await page(context: context, error: failure.description)
            }
        }
    }

    /// One decision as the police sent it by e-mail, between two lists.
    private func add(context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .leadEST)
        let form = try context.decodeForm(GatheringForm.self)
        let checked = Gathering.check(plannedOn: form.datum, place: form.plats, decision: form.beslut)
        guard checked.problems.isEmpty, let outcome = checked.outcome else {
            let labels = ["Datum", "Plats", "Polisens beslut"]
            return try await page(
                context: context, error: checked.problems.map { "\(labels[$0.0]): \($0.1)" }.joined(separator: " "), form: form)
        }
        let gathering = Gathering(plannedOn: form.datum, place: form.plats, decision: form.beslut, outcome: outcome, point: nil)
        let stored = try await GatheringStore(context.kommun).importDecisions([gathering], source: "webbformulär", by: context.actor)
        let day = SwedishTime.weekdayDate(form.datum)
        return Response.seeOther(
            SiteRoutes.gatherings.path,
            notice:
                "\(day.prefix(1).uppercased() + day.dropFirst()), \(form.plats): \(outcome.label.lowercased()), \(stored.added > 0 ? "sparat" : "uppdaterat").",
            context: context)
    }

    private func page(context: StaffContext, error: String? = nil, form: GatheringForm = GatheringForm()) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readAllIncidents)
        let today = SwedishTime.date(TryggClock.now)
        let all = try await GatheringStore(context.kommun).all()
        func row(_ gathering: Gathering) -> Row {
            let week = SwedishTime.startOfDay(gathering.plannedOn).map { ISOWeek.containing($0.addingTimeInterval(3600)) }
            return Row(
                date: SwedishTime.weekdayDate(gathering.plannedOn), place: gathering.place, outcome: gathering.outcome.label,
                decision: gathering.decision.lowercased() == gathering.outcome.label.lowercased() ? "" : gathering.decision,
                weekHref: week.map { SiteRoutes.week.path($0) } ?? "", weekLabel: week?.swedishName ?? "")
        }
        let coming = all.filter { $0.plannedOn >= today }.reversed().map(row), earlier = all.filter { $0.plannedOn < today }.map(row)
        let view = View(
            sections: [Section(title: "Kommande", rows: coming, empty: coming.isEmpty ? "Inga kommande sammankomster är inlästa." : nil)]
                + (earlier.isEmpty ? [] : [Section(title: "Tidigare", rows: earlier, empty: nil)]),
            canImport: user.role.allows(.leadEST), date: form.datum, place: form.plats, decision: form.beslut)
        return deps.renderer.page(
            .estGatherings, title: "Allmänna sammankomster", context: context, content: view, error: error,
            status: error == nil ? .ok : .badRequest)
    }
}

/// One decision on a gathering, typed in from the police's e-mail.
struct GatheringForm: Decodable {
    @FormText var datum: String
    @FormText var plats: String
    @FormText var beslut: String

    init() {}
}
