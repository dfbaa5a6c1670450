import Foundation
import TryggCore
import TryggReports
import TryggStore

/// The kartläggning's map and chart as they go into the lägesbild document: reported crimes per
/// 1,000 inhabitants per area (all codes, by brottsdatum) for the period's last year, and the
/// kommun beside län and riket over the years. Both hide what is hidden elsewhere: an area with
/// 1–4 crimes shows no rate.
struct LagesbildFigures: Sendable {
    struct AreaLine: Sendable {
        let number: Int
        let name: String
        let count: String
        let population: String
        let rate: String
    }

    let year: Int
    let map: ChoroplethMap?
    let areas: [AreaLine]
    let comparison: RegionalComparison?
    /// Every covered year per area, all codes, small counts hidden (the document is shared).
    let trend: CrimeTrend?

    /// `figures`: the year's figures per area, before small counts are hidden.
    static func load(_ figures: CrimeFigures, kommun: Kommun, scope: KommunScope) async throws -> LagesbildFigures {
        let year = figures.year
        var totals: [String: (count: Int, population: Int?)] = [:]
        for row in figures.rows {
            totals[row.area, default: (0, row.population)].count += row.count ?? 0
        }
        let shapes = Dictionary(try await AreaStore(scope).all().compactMap { area in area.shape.map { (area.name, $0) } }, uniquingKeysWith: { a, _ in a })
        var lines: [AreaLine] = []
        var regions: [ChoroplethMap.Region] = []
        for (index, name) in totals.keys.sorted().enumerated() {
            let total = totals[name]!
            // 1–4 is a small count: neither the count nor a rate from it leaves Trygg.
            let shown = total.count == 0 || total.count >= CrimeFigures.smallestShownCount ? total.count : nil
            let rate = shown.flatMap { count in total.population.flatMap { $0 > 0 ? Double(count) * 1000 / Double($0) : nil } }
            lines.append(
                AreaLine(
                    number: index + 1, name: name, count: shown.map(SwedishNumber.integer) ?? "1–4",
                    population: total.population.map(SwedishNumber.integer) ?? "–", rate: rate.map { SwedishNumber.decimal($0, places: 2) } ?? "–"))
            if let shape = shapes[name] { regions.append(.init(number: index + 1, name: name, shape: shape, value: rate)) }
        }
        let map = regions.isEmpty ? nil : ChoroplethMap(title: "Anmälda brott per 1 000 invånare \(year) per område", regions: regions)
        let comparison = try await RegionalStatisticsStore(scope).comparison(kommunName: kommun.name, kommunCode: kommun.code)
        let trend = try await CrimeStore(scope).trend(basis: figures.basis, code: nil, hideSmall: true, coverage: figures.coverage)
        return LagesbildFigures(year: year, map: map, areas: lines, comparison: comparison, trend: trend.years.count >= 2 ? trend : nil)
    }

    var comparisonChart: LineChart? { comparison.map(RegionalComparisonPage.chart) }

    var trendChart: LineChart? {
        trend.map { LineChart(trend: $0.busiestAreas(CrimeTrendSection.chartedAreas), title: "Anmälda brott per år och område") }
    }

    var trendCaption: String {
        "Alla anmälda brott per område och år, \(trend?.hasRates == true ? "per 1 000 invånare" : "antal"), "
            + "enligt polisens uttag. Antal 1–4 visas inte."
            + (trend.map { CrimeTrendSection.notes($0, charted: $0.busiestAreas(CrimeTrendSection.chartedAreas), table: false) } ?? [])
            .map { " " + $0 }.joined()
    }

    var comparisonCaption: String {
        guard let comparison else { return "" }
        return
            (["\(comparison.crimeType) enligt Brå; kommunen enligt polisens uttag efter inskrivningsdatum. Index: varje series första år med uppgift = 100."]
            + comparison.notes).joined(separator: " ")
    }
}
