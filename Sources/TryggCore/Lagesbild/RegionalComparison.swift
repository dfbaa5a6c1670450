/// The kommun's reported crimes over the years beside its län, police region and the whole
/// country, from Brå's figures. Regions differ in size by orders of magnitude, so the series are
/// compared as an index (each series' first year with a figure = 100); the counts stay beside it.
public struct RegionalComparison: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public let year: Int
        /// nil: no figure (Brå's `..`, or a year the series does not cover). Never 0 for missing.
        public let value: Int?
        public let preliminary: Bool
        /// `value` against the series' first figure in the comparison's years, times 100.
        public let index: Double?
    }

    public struct Series: Sendable, Equatable {
        public let name: String
        public let points: [Point]
    }

    public let crimeType: String
    /// Every crime type the figures hold, in their first order: the choice on the page.
    public let crimeTypes: [String]
    public let years: [Int]
    public let series: [Series]
    /// Where a series breaks or is uncertain, in words (missing years, preliminary figures).
    public var notes: [String]

    /// `kommunTotals`: the kommun's reported crimes per year of registration (as Brå counts).
    /// `regions`: the regions to show, in order; those without figures are left out.
    public static func build(
        kommunName: String, kommunTotals: [Int: Int], figures: [RegionalFigure], regions: [String], crimeType: String
    ) -> RegionalComparison {
        let chosen = figures.filter { $0.crimeType == crimeType && regions.contains($0.region) }
        let years = Set(chosen.map(\.year)).union(kommunTotals.keys).sorted()
        func series(_ name: String, _ values: [Int: (Int?, Bool)]) -> Series {
            let base = years.lazy.compactMap { values[$0]?.0 }.first { $0 > 0 }
            return Series(
                name: name,
                points: years.map { year in
                    let (value, preliminary) = values[year] ?? (nil, false)
                    return Point(
                        year: year, value: value, preliminary: preliminary, index: base.flatMap { base in value.map { Double($0) * 100 / Double(base) } })
                })
        }
        var all: [Series] = []
        if !kommunTotals.isEmpty { all.append(series(kommunName, kommunTotals.mapValues { ($0, false) })) }
        for region in regions {
            let rows = chosen.filter { $0.region == region }
            guard !rows.isEmpty else { continue }
            all.append(series(region, Dictionary(rows.map { ($0.year, ($0.value, $0.preliminary)) }, uniquingKeysWith: { first, _ in first })))
        }
        return RegionalComparison(crimeType: crimeType, crimeTypes: figures.map(\.crimeType).uniqued(), years: years, series: all, notes: notes(all))
    }

    static func notes(_ series: [Series]) -> [String] {
        var notes: [String] = []
        for line in series {
            let missing = line.points.filter { $0.value == nil }.map(\.year)
            if !missing.isEmpty, missing.count < line.points.count { notes.append("\(line.name): uppgift saknas för \(ranges(missing)).") }
            let preliminary = line.points.filter { $0.preliminary && $0.value != nil }.map(\.year)
            if !preliminary.isEmpty { notes.append("\(line.name): \(ranges(preliminary)) är preliminärt.") }
        }
        return notes
    }

    /// 2011, 2012, 2013, 2015 → "2011–2013 och 2015".
    static func ranges(_ years: [Int]) -> String {
        var parts: [String] = []
        var start = years.first ?? 0, previous = start
        for year in years.dropFirst() + [Int.max] {
            if year == previous + 1 {
                previous = year
                continue
            }
            parts.append(start == previous ? "\(start)" : "\(start)–\(previous)")
            start = year
            previous = year
        }
        return SwedishGrammar.list(parts)
    }
}
