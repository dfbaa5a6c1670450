import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The analyses beyond the weekly lägesbild: tertial and year trends, Getis-Ord Gi* hotspots,
/// and the effect of an insats (difference-in-differences). For the EST group and analysts.
struct AnalysisRoutes {
    let deps: AppDependencies

    struct TrendRow {
        let label: String
        let counts: [Int]
        let total: Int
        let previousTotal: Int
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
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.trends) { request, context in
            _ = try context.requireUser(allowedTo: .readAllIncidents)
            let now = StockholmCalendar.local(TryggClock.now)
            let year = Int(request.uri.queryParameters["ar"] ?? "") ?? now.year
            let period = Int(request.uri.queryParameters["tertial"] ?? "") ?? 0
            guard (2000...2100).contains(year), (0...3).contains(period) else { throw HTTPError(.badRequest, message: "Ogiltigt år eller tertial.") }
            let months = period == 0 ? Array(1...12) : Array(((period - 1) * 4 + 1)...(period * 4))
            let keys = months.map { year * 100 + $0 }, previousKeys = months.map { (year - 1) * 100 + $0 }
            let counts = try await IncidentStore(context.kommun).monthCounts(fromMonth: previousKeys.first!, toMonth: keys.last!)
            let areas = try await AreaStore(context.kommun).all()
            let categories = try await CategoryStore(context.kommun).all()
            func row(_ label: String, _ matching: (IncidentStore.MonthCount) -> Bool) -> TrendRow {
                let selected = counts.filter(matching)
                let perMonth = keys.map { key in selected.filter { $0.month == key }.map(\.count).reduce(0, +) }
                let total = perMonth.reduce(0, +)
                let previous = selected.filter { previousKeys.contains($0.month) }.map(\.count).reduce(0, +)
                let change = previous > 0 ? "\(total >= previous ? "+" : "")\(Int((Double(total - previous) / Double(previous) * 100).rounded())) %" : "–"
                return TrendRow(label: label, counts: perMonth, total: total, previousTotal: previous, change: change)
            }
            let areaRows =
                areas.map { area in row(area.name) { $0.areaID == area.id } }
                + [
                    row(WeekSummary.restOfKommun) { count in count.areaID.map { id in !areas.contains { $0.id == id } } ?? true },
                    row("Hela kommunen") { _ in true },
                ]
            let categoryRows = categories.map { category in row(category.name) { $0.categoryID == category.id } }.filter { $0.total + $0.previousTotal > 0 }
            let periodName = period == 0 ? "år \(year)" : "tertial \(period) \(year)"
            let chartSeries = areaRows.dropLast(2).map { ($0.label, $0.counts) }
            let view = TrendView(
                years: (now.year - 5...now.year).reversed().map { SelectOption(value: "\($0)", label: "\($0)", selected: $0 == year) },
                periods: [SelectOption(value: "0", label: "Helår", selected: period == 0)]
                    + (1...3).map {
                        SelectOption(
                            value: "\($0)", label: "Tertial \($0) (\(SwedishTime.shortMonth(($0 - 1) * 4 + 1))–\(SwedishTime.shortMonth($0 * 4)))",
                            selected: $0 == period)
                    },
                months: keys.map(SwedishTime.shortMonth), areaRows: areaRows, categoryRows: categoryRows,
                chart: TrendChart.lines(chartSeries, labels: keys.map(SwedishTime.shortMonth), title: "Händelser per månad och område, \(periodName)"),
                periodName: periodName)
            return deps.renderer.page(.estTrends, title: "Trender", context: context, content: view)
        }
        HotspotPage(deps: deps).register(on: routes)
        InsatsPage(deps: deps).register(on: routes)
    }
}

/// A line chart as SVG, server-rendered so it prints and needs no script.
enum TrendChart {
    static func lines(_ series: [(String, [Int])], labels: [String], title: String, width: Double = 640, height: Double = 260) -> String {
        let maximum = Double(max(series.flatMap(\.1).max() ?? 0, 1))
        let left = 40.0, bottom = 30.0, top = 14.0, right = 150.0
        let step = labels.count > 1 ? (width - left - right) / Double(labels.count - 1) : 0
        func y(_ value: Int) -> Double { ((height - bottom - (height - bottom - top) * Double(value) / maximum) * 10).rounded() / 10 }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(title.htmlEscaped)\" class=\"chart\">"
        svg += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - right)\" y2=\"\(height - bottom)\"/>"
        svg += "<text x=\"4\" y=\"\(top + 4)\">\(Int(maximum))</text><text x=\"4\" y=\"\(height - bottom)\">0</text>"
        for (index, label) in labels.enumerated() {
            svg += "<text x=\"\(left + Double(index) * step)\" y=\"\(height - 8)\" text-anchor=\"middle\">\(label.htmlEscaped)</text>"
        }
        for (index, (name, values)) in series.enumerated() {
            let points = values.enumerated().map { "\(left + Double($0.offset) * step),\(y($0.element))" }.joined(separator: " ")
            svg += "<g class=\"series s\(index % 6)\"><title>\(name.htmlEscaped)</title><polyline points=\"\(points)\"/>"
            svg += "<text x=\"\(width - right + 8)\" y=\"\(top + 16 * Double(index) + 4)\">\(name.htmlEscaped)</text></g>"
        }
        return svg + "</svg>"
    }
}
