import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// The analyses beyond the weekly lägesbild: tertial and year trends, Getis-Ord Gi* hotspots,
/// and the effect of an insats (difference-in-differences). For the EST group and analysts.
struct AnalysisRoutes {
    let deps: AppDependencies

    struct TrendRow {
        let label: String
        let counts: [String]
        let total: String
        let comparedTotal: String
        let comparedPrevious: String
        let change: String
    }

    struct TrendView {
        let years: [SelectOption]
        let periods: [SelectOption]
        let months: [String]
        let areaRows: [TrendRow]
        let categoryRows: [TrendRow]
        let chart: String
        let periodName: String
        let basisText: String
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.trends) { request, context in
            _ = try context.requireUser(allowedTo: .readAllIncidents)
            let now = StockholmCalendar.local(TryggClock.now)
            let year = Int(request.uri.queryParameters["ar"] ?? "") ?? now.year
            let period = Int(request.uri.queryParameters["tertial"] ?? "") ?? 0
            guard (2000...2100).contains(year), (0...3).contains(period) else { throw HTTPError(.badRequest, message: "Ogiltigt år eller tertial.") }
            let months = period == 0 ? Array(1...12) : Array(((period - 1) * 4 + 1)...(period * 4))
            let keys = months.map { year * 100 + $0 }
            let counts = try await IncidentStore(context.kommun).monthCounts(fromMonth: keys.first! - 100, toMonth: keys.last!)
            let areas = try await AreaStore(context.kommun).all()
            let categories = try await CategoryStore(context.kommun).all()
            var kommunTotals: [Int: Int] = [:]
            for count in counts { kommunTotals[count.month, default: 0] += count.count }
            let trend = MonthTrend(keys: keys, currentMonth: now.monthKey, kommunTotals: kommunTotals)
            func row(_ label: String, _ matching: (IncidentStore.MonthCount) -> Bool) -> MonthTrend.Row {
                var perMonth: [Int: Int] = [:]
                for count in counts where matching(count) { perMonth[count.month, default: 0] += count.count }
                return trend.row(label, counts: perMonth)
            }
            let areaRows =
                areas.map { area in row(area.name) { $0.areaID == area.id } }
                + [
                    row(WeekSummary.restOfKommun) { count in count.areaID.map { id in !areas.contains { $0.id == id } } ?? true },
                    row("Hela kommunen") { _ in true },
                ]
            let categoryRows = categories.map { category in row(category.name) { $0.categoryID == category.id } }
                .filter { $0.total + ($0.comparedPrevious ?? 0) > 0 }
            let periodName = period == 0 ? "år \(year)" : "tertial \(period) \(year)"
            let monthNames = keys.map { SwedishTime.shortMonth($0) + ($0 == now.monthKey ? " (hittills)" : "") }
            let chart = LineChart(
                title: "Händelser per månad och område, \(periodName)", categories: monthNames,
                series: areaRows.dropLast(2).map { row in
                    LineChart.Series(name: row.label, values: row.counts.map { $0.map(Double.init) }, hollow: keys.map { $0 == now.monthKey })
                }, valueLabel: "Händelser")
            let view = TrendView(
                years: (now.year - 5...now.year).reversed().map { SelectOption(value: "\($0)", label: "\($0)", selected: $0 == year) },
                periods: [SelectOption(value: "0", label: "Helår", selected: period == 0)]
                    + (1...3).map {
                        SelectOption(
                            value: "\($0)", label: "Tertial \($0) (\(SwedishTime.shortMonth(($0 - 1) * 4 + 1))–\(SwedishTime.shortMonth($0 * 4)))",
                            selected: $0 == period)
                    },
                months: monthNames, areaRows: areaRows.map(Self.trendRow), categoryRows: categoryRows.map(Self.trendRow), chart: chart.svg(),
                periodName: periodName, basisText: trend.basisText)
            return deps.renderer.page(.estTrends, title: "Trender", context: context, content: view)
        }
        HotspotPage(deps: deps).register(on: routes)
        InsatsPage(deps: deps).register(on: routes)
    }

    static func trendRow(_ row: MonthTrend.Row) -> TrendRow {
        TrendRow(
            label: row.label, counts: row.counts.map { $0.map(SwedishNumber.integer) ?? "–" }, total: SwedishNumber.integer(row.total),
            comparedTotal: row.comparedTotal.map(SwedishNumber.integer) ?? "–", comparedPrevious: row.comparedPrevious.map(SwedishNumber.integer) ?? "–",
            change: row.change.map { SwedishNumber.percent($0, places: 0, signed: true) } ?? "–")
    }
}
