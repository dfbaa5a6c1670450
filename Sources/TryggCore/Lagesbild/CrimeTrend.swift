import Foundation

/// The kartläggning's trend: per area (and the kommun as a whole) and year, the count of one
/// crime code (or of all) and its rate per 1,000 inhabitants, over every year the extract covers.
public struct CrimeTrend: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public let area: String
        /// Per year of `years`; nil when hidden as a small count (1–4) in something shared.
        public let counts: [Int?]
        /// Per 1,000 inhabitants of the same year (else the nearest earlier); nil without population.
        public let rates: [Double?]
    }

    public let years: [Int]
    /// The crime code, nil for all codes together.
    public let code: Int?
    /// The areas in their order, then the kommun as a whole.
    public private(set) var series: [Series]
    public let smallCountsHidden: Bool
    /// Years of `years` the extracts cover only in part: shown in the table, left out of the
    /// chart's lines so that a quarter does not read as a fall.
    public var partialYears: [Int] = []

    /// Years in which more than a tenth of the crimes have no DeSO (the real extract places 1 of
    /// 74 in 2019): the areas' figures of those years are too low to compare, the kommun's hold.
    public var poorlyPlacedYears: [Int] = []
    /// Share of crimes without a DeSO that still lets the areas' figures be compared.
    public static let placedEnough = 0.1

    /// The first year with a population: rates of earlier years use it.
    public var firstPopulationYear: Int?

    /// True when some area has a population to give rates: a chart then shows rates, else counts.
    public var hasRates: Bool { series.contains { $0.rates.contains { $0 != nil } } }

    public static func compute(
        counts: [CrimeCount], population: [String: [Int: Int]], areas: [CrimeFigures.Area], code: Int?, hideSmall: Bool,
        coverage: CrimeCoverage? = nil
    ) -> CrimeTrend {
        let years = Array(Set(counts.map(\.year))).sorted()
        var byDeso: [String: [Int: Int]] = [:]
        var kommun: [Int: Int] = [:]
        var unplaced: [Int: Int] = [:]
        for count in counts where code == nil || count.code == code {
            if let deso = count.deso {
                byDeso[deso, default: [:]][count.year, default: 0] += count.count
            } else {
                unplaced[count.year, default: 0] += count.count
            }
            kommun[count.year, default: 0] += count.count
        }
        let poorlyPlaced = years.filter { year in
            guard let total = kommun[year], total > 0 else { return false }
            return Double(unplaced[year] ?? 0) / Double(total) > placedEnough
        }
        // The latest year up to `year` for which the area's DeSO have a population; before the
        // first such year, the first (SCB's DeSO tables often start later than the extract).
        func inhabitants(_ deso: [String], year: Int) -> Int? {
            let known = Set(deso.flatMap { population[$0].map { Array($0.keys) } ?? [] })
            guard let used = known.filter({ $0 <= year }).max() ?? known.min() else { return nil }
            let values = deso.compactMap { population[$0]?[used] }
            return values.isEmpty ? nil : values.reduce(0, +)
        }
        func series(_ name: String, deso: [String], perYear: [Int: Int]) -> Series {
            let counts = years.map { perYear[$0] ?? 0 }
            let shown = counts.map { count -> Int? in
                hideSmall && (1..<CrimeFigures.smallestShownCount).contains(count) ? nil : count
            }
            let rates = zip(years, shown).map { year, count -> Double? in
                guard let count, let people = inhabitants(deso, year: year), people > 0 else { return nil }
                return Double(count) * 1000 / Double(people)
            }
            return Series(area: name, counts: shown, rates: rates)
        }
        var all = areas.map { area in
            var perYear: [Int: Int] = [:]
            for deso in area.deso { for (year, n) in byDeso[deso] ?? [:] { perYear[year, default: 0] += n } }
            return series(area.name, deso: area.deso, perYear: perYear)
        }
        all.append(series("Hela kommunen", deso: Array(population.keys), perYear: kommun))
        return CrimeTrend(
            years: years, code: code, series: all, smallCountsHidden: hideSmall, partialYears: coverage?.partialYears(years).sorted() ?? [],
            poorlyPlacedYears: poorlyPlaced, firstPopulationYear: population.values.flatMap(\.keys).min())
    }

    /// The `limit` areas with the highest figure in the latest whole year, and the kommun: forty
    /// lines on one chart read as none. The areas keep their order.
    public func busiestAreas(_ limit: Int) -> CrimeTrend {
        let areas = series.dropLast()
        guard areas.count > limit, let kommun = series.last, let year = years.last(where: { !partialYears.contains($0) }),
            let index = years.firstIndex(of: year)
        else { return self }
        func value(_ line: Series) -> Double { (hasRates ? line.rates[index] : line.counts[index].map(Double.init)) ?? -1 }
        let kept = Set(areas.sorted { value($0) > value($1) }.prefix(limit).map(\.area))
        var copy = self
        copy.series = areas.filter { kept.contains($0.area) } + [kommun]
        return copy
    }
}
