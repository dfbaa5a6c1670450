import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The kommun's public page (§4.4 of the programme: tell residents about the work): published
/// tips on a map, figures per area, the status of the åtgärdsplan.
struct PublicHomeRoutes {
    let deps: AppDependencies

    struct AreaLine {
        let name: String
        let total: Int
        let closed: Int
        let top: String
    }

    struct RecentLine {
        let number: String
        let category: String
        let area: String
        let when: String
        let status: String
        let answer: String
    }

    struct FollowUpLine {
        let year: Int
        let pagaende: Int, paborjad: Int, ejPaborjad: Int
        let pagaendeShare: Int, paborjadShare: Int, ejPaborjadShare: Int
    }

    func register(on routes: RouteRegistry) {
        routes.publicPage(SiteRoutes.publicHome) { _, context in try await home(context: context) }
    }

    private func home(context: TryggRequestContext) async throws -> Response {
        let kommun = try await PublicReportRoutes.kommun(context, deps: deps)
        let reference = try await deps.referenceCache.lookups(for: deps.scope(of: kommun))
        let categories = Dictionary(reference.categories.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let reports = try await CitizenStore(deps.scope(of: kommun)).list(
            filter: .init(
                statuses: [.approved, .closed], from: TryggClock.now.addingTimeInterval(-365 * 86_400), limit: 5_000))
        var view: [String: Any] = ["areas": Self.areaLines(reports, areas: reference.areas, categories: categories)]
        let dots = reports.compactMap { report in
            report.publicPoint.map { AreaMapSVG.Dot(point: $0, title: categories[report.categoryID] ?? "") }
        }
        // The map draws the areas in use; the table below still names a retired one its tips were placed in.
        let drawn = reference.areas.current
        if let map = AreaMapSVG.render(drawn, dots: dots, label: "Karta med \(SwedishNumber.integer(dots.count)) publicerade tips") {
            view["map"] = map
            view["mapCaption"] = "\(SwedishNumber.integer(dots.count)) publicerade tips med plats. Färgade ytor: kommunens prioriterade områden."
        }
        if deps.configuration.map.leafletAvailable, drawn.contains(where: { $0.shape != nil }) {
            let points = dots.map { InteractiveMapData.Point(lat: $0.point.latitude, lon: $0.point.longitude, title: $0.title) }
            view["mapJSON"] = try InteractiveMapData(areas: drawn, points: points, settings: deps.configuration.map).scriptJSON()
        }
        let areaNames = Dictionary(reference.areas.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        view["recent"] = reports.prefix(20).map { report in
            RecentLine(
                number: report.publicNumber.map(String.init) ?? "", category: categories[report.categoryID] ?? "",
                area: report.areaID.flatMap { areaNames[$0] } ?? WeekSummary.restOfKommun, when: PublicTime.week(report.submittedAt),
                status: report.status == .closed ? "Avslutat" : "Öppet", answer: report.answer)
        }
        if let plan = try await PlanStore(deps.scope(of: kommun)).planInForce() {
            view["plan"] = ["year": plan.year, "measures": try await PlanStore(deps.scope(of: kommun)).measures(planID: plan.id).count]
        }
        if let round = try await FollowUpStore(deps.scope(of: kommun)).rounds().first(where: { $0.state == .closed }),
            let report = try await FollowUpReport.load(roundID: round.id, kommun: kommun, database: deps.database, withComparison: false)
        {
            let counts = report.summary.overall
            view["followUp"] = FollowUpLine(
                year: round.year, pagaende: counts.pagaende, paborjad: counts.paborjad, ejPaborjad: counts.ejPaborjad,
                pagaendeShare: counts.share(.pagaende), paborjadShare: counts.share(.paborjad),
                ejPaborjadShare: counts.share(.ejPaborjad))
        }
        // Open surveys of residents are offered here; those of employees go out with their invitation.
        let now = TryggClock.now
        view["surveys"] = try await SurveyStore(deps.scope(of: kommun)).all().map(\.survey)
            .filter { $0.population == .boende && $0.isOpen(at: now) }
            .map { ["title": $0.title, "closesOn": $0.closesOn, "href": SiteRoutes.surveyForm.path(kommun.slug, $0.code)] }
        view["promises"] = try await PublicPromises.lines(scope: deps.scope(of: kommun))
        view["walks"] = try await WalkStore(deps.scope(of: kommun)).all().filter { $0.protocolPublishedAt != nil }.map {
            ["title": $0.title, "date": $0.date, "href": SiteRoutes.publicWalk.path(kommun.slug, $0.id)]
        }
        view["hasWalks"] = !((view["walks"] as? [Any])?.isEmpty ?? true)
        return deps.renderer.publicPage(.publicHome, title: "Trygghet i \(kommun.name)", kommun: kommun, context: context, content: view)
    }

    /// Per area (and the rest of the kommun): how many tips, how many closed, the commonest category.
    static func areaLines(_ reports: [CitizenReport], areas: [Area], categories: [UUID: String]) -> [AreaLine] {
        reports.byArea(areas).map { name, inArea in
            let byCategory = Dictionary(grouping: inArea, by: \.categoryID).mapValues(\.count)
            let top = byCategory.max { $0.value < $1.value || ($0.value == $1.value && (categories[$0.key] ?? "") > (categories[$1.key] ?? "")) }
            return AreaLine(
                name: name, total: inArea.count, closed: inArea.filter { $0.status == .closed }.count,
                top: top.map { "\(categories[$0.key] ?? "") (\($0.value))" } ?? "–")
        }
    }
}
