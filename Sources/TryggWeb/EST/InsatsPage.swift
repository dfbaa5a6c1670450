import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Insatser: the list, one insats with its follow-up history and, for insatser at a point, the
/// estimated effect (difference-in-differences against the rest of the area).
struct InsatsPage {
    let deps: AppDependencies

    struct FollowUpRow {
        let week: String
        let status: String
        let note: String
        let actor: String
    }

    struct EffectView {
        let radius: Int
        let weeks: Int
        let treatedBefore: Int
        let treatedAfter: Int
        let comparisonBefore: Int
        let comparisonAfter: Int
        let ringBefore: Int
        let ringAfter: Int
        let ratio: String
        let interval: String
        let conclusion: String
    }

    struct View {
        let insats: WeekView.InsatsRow
        let followUps: [FollowUpRow]
        let effect: EffectView?
        let hasPoint: Bool
        let area: String
        /// The plan's measure the insats carries out: "3.2 Trygghetsvandringar …" and its page.
        let measure: String?
        let measureHref: String?
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.insatser) { _, context in
            _ = try context.requireUser(allowedTo: .readAllIncidents)
            let organisations = try await OrganisationStore(context.kommun).organisations()
            let rows = try await InsatsStore(context.kommun).all().map { WeekView.InsatsRow($0, organisations: organisations) }
            return deps.renderer.page(.estInsatser, title: "Insatser", context: context, content: ["rows": rows])
        }
        routes.staff(SiteRoutes.insats) { request, context in
            _ = try context.requireUser(allowedTo: .readAllIncidents)
            let id = try context.parameters.require("id", as: UUID.self)
            guard let insats = try await InsatsStore(context.kommun).find(id: id) else { throw HTTPError(.notFound) }
            let organisations = try await OrganisationStore(context.kommun).organisations()
            let radius = min(max(Int(request.uri.queryParameters["radie"] ?? "") ?? 200, 25), 2_000)
            let weeks = min(max(Int(request.uri.queryParameters["veckor"] ?? "") ?? 8, 1), 52)
            var area: Area?
            if let areaID = insats.areaID { area = try await AreaStore(context.kommun).find(id: areaID) }
            var effect: EffectView?
            if let point = insats.point, let start = SwedishTime.startOfDay(insats.startsOn) {
                let span = Double(weeks) * 7 * 86_400
                let events = try await IncidentStore(context.kommun).points(
                    from: start.addingTimeInterval(-span),
                    until: start.addingTimeInterval(span), areaID: area?.id)
                let estimate = EffectEstimate.estimate(events: events, centre: point, radius: Double(radius), start: start, weeks: weeks) { _ in true }
                effect = EffectView(
                    radius: radius, weeks: weeks, treatedBefore: estimate.treatedBefore, treatedAfter: estimate.treatedAfter,
                    comparisonBefore: estimate.comparisonBefore, comparisonAfter: estimate.comparisonAfter,
                    ringBefore: estimate.ringBefore, ringAfter: estimate.ringAfter,
                    ratio: estimate.ratio.map { SwedishNumber.decimal($0, places: 2) } ?? "–",
                    interval: estimate.interval.map { "\(SwedishNumber.decimal($0.low, places: 2))–\(SwedishNumber.decimal($0.high, places: 2))" } ?? "–",
                    conclusion: estimate.conclusion)
            }
            let people = try await PeopleNames.load(context.kommun)
            let followUps = try await InsatsStore(context.kommun).followUps(insatsID: id).map {
                FollowUpRow(
                    week: $0.week.swedishName, status: $0.status.displayName, note: $0.note,
                    actor: "\(people.name($0.actor)), \(SwedishTime.minute($0.at))")
            }
            var measure: (measure: Measure, plan: ActionPlan)?
            if let measureID = insats.measureID { measure = try await PlanStore(context.kommun).measure(id: measureID) }
            let view = View(
                insats: WeekView.InsatsRow(insats, organisations: organisations), followUps: followUps, effect: effect,
                hasPoint: insats.point != nil, area: area?.name ?? "hela kommunen",
                measure: measure.map { "\($0.measure.label(limit: 120)) (åtgärdsplan \($0.plan.year))" },
                measureHref: measure.map { SiteRoutes.measure.path($0.measure.id) })
            return deps.renderer.page(.estInsats, title: insats.what, context: context, content: view)
        }
    }
}
