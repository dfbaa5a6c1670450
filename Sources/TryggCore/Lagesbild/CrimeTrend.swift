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
    public let series: [Series]
    public let smallCountsHidden: Bool

    /// True when some area has a population to give rates: a chart then shows rates, else counts.
    public var hasRates: Bool { series.contains { $0.rates.contains { $0 != nil } } }

    public static func compute(
        counts: [CrimeCount], population: [String: [Int: Int]], areas: [CrimeFigures.Area], code: Int?, hideSmall: Bool
    ) -> CrimeTrend {
        let years = Array(Set(counts.map(\.year))).sorted()
        var byDeso: [String: [Int: Int]] = [:]
        var kommun: [Int: Int] = [:]
        for count in counts where code == nil || count.code == code {
            if let deso = count.deso { byDeso[deso, default: [:]][count.year, default: 0] += count.count }
            kommun[count.year, default: 0] += count.count
        }
        // The latest year up to `year` for which the area's DeSO have a population.
        func inhabitants(_ deso: [String], year: Int) -> Int? {
            guard let used = Set(deso.flatMap { population[$0].map { Array($0.keys) } ?? [] }).filter({ $0 <= year }).max() else { return nil }
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
        return CrimeTrend(years: years, code: code, series: all, smallCountsHidden: hideSmall)
    }
}
