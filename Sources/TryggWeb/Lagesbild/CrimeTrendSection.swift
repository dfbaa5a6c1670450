import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// The kartläggning's trend on the crimes page: one crime code (or all) per area over every
/// covered year, as a line chart of the rate per 1,000 inhabitants (counts without population)
/// with the same figures as a table beside it for those who do not read charts.
struct CrimeTrendSection {
    struct Row {
        let area: String
        let values: [String]
    }

    /// Areas drawn at most; the table has every area.
    static let chartedAreas = 7

    let chart: String
    let caption: String
    let codes: [SelectOption]
    let years: [String]
    let rows: [Row]

    /// `kod` from the query: a crime code, or empty for all codes together.
    static func load(
        _ request: Request, selection: CrimeFiguresPage.Selection, names: [Int: String], kommun: KommunScope, hideSmall: Bool
    ) async throws -> CrimeTrendSection? {
        let asked = request.uri.queryParameters["kod"].flatMap { Int(String($0)) }
        let code = asked.flatMap { names[$0] == nil ? nil : $0 }
        let trend = try await CrimeStore(kommun).trend(basis: selection.basis, code: code, hideSmall: hideSmall, coverage: selection.coverage)
        guard trend.years.count >= 2 else { return nil }
        let withRates = trend.hasRates
        let what = code.map { "\(names[$0] ?? "brottskod \($0)") (\($0))" } ?? "Alla anmälda brott"
        let charted = trend.busiestAreas(Self.chartedAreas)
        let chart = LineChart(trend: charted, title: "\(what) per år och område")
        let notes = Self.notes(trend, charted: charted, table: true)
        let dash = "–"
        return CrimeTrendSection(
            chart: chart.svg(),
            caption: "\(what), \(withRates ? "brott per 1 000 invånare" : "antal") per år efter \(selection.basis.label)."
                + (trend.smallCountsHidden ? " Antal 1–4 visas inte." : "") + notes.map { " " + $0 }.joined(),
            codes: [SelectOption(value: "", label: "Alla brott", selected: code == nil)]
                + names.keys.sorted().map { SelectOption(value: "\($0)", label: "\($0) \(names[$0] ?? "")", selected: $0 == code) },
            years: trend.years.map { trend.partialYears.contains($0) ? "\($0) (del av året)" : "\($0)" },
            rows: trend.series.map { series in
                Row(
                    area: series.area,
                    values: zip(series.counts, series.rates).map { count, rate in
                        guard let count else { return dash }
                        return SwedishNumber.integer(count) + (rate.map { " (\(SwedishNumber.decimal($0, places: 1)))" } ?? "")
                    })
            })
    }

    /// What the chart leaves out and why: the areas not drawn, the years rated on a later
    /// population, the years without DeSO and the parts of years. `table`: whether a table with
    /// every area and year stands beside the chart.
    static func notes(_ trend: CrimeTrend, charted: CrimeTrend, table: Bool) -> [String] {
        let withRates = trend.hasRates
        var notes: [String] = []
        if charted.series.count < trend.series.count, let year = trend.years.last(where: { !trend.partialYears.contains($0) }) {
            notes.append(
                "Diagrammet visar de \(Self.chartedAreas) områden som hade \(withRates ? "flest brott per invånare" : "flest brott") \(year) och hela kommunen"
                    + (table ? "; tabellen har alla \(trend.series.count - 1)." : ", av kommunens \(trend.series.count - 1) områden."))
        }
        if withRates, let first = trend.firstPopulationYear, let start = trend.years.first, start < first {
            notes.append("Åren före \(first) räknas på befolkningen \(first), det första året med uppgift.")
        }
        let poorlyPlaced = trend.poorlyPlacedYears.filter { !trend.partialYears.contains($0) }
        if !poorlyPlaced.isEmpty {
            notes.append(
                "Under \(SwedishGrammar.list(poorlyPlaced.map(String.init))) saknar mer än vart tionde brott DeSO: områdenas linjer visar inte \(poorlyPlaced.count == 1 ? "det året" : "de åren"), hela kommunens gör det."
            )
        }
        if !trend.partialYears.isEmpty {
            notes.append(
                "\(SwedishGrammar.list(trend.partialYears.map(String.init))) täcks bara delvis av uttaget: de "
                    + (table ? "står i tabellen men inte i diagrammet." : "visas inte i diagrammet."))
        }
        return notes
    }
}
