import Foundation

/// Which date of a reported crime places it in a year.
public enum CrimeDateBasis: String, Sendable, CaseIterable, Codable {
    /// Brottsdatum: when the crime was committed (the default: what happened in the year).
    case brott
    /// Inskrivningsdatum: when the police registered it (how Brå's official statistics count).
    case inskrivning

    public var label: String {
        switch self {
        case .brott: "brottsdatum (när brottet begicks)"
        case .inskrivning: "inskrivningsdatum (när polisen registrerade anmälan, som Brås officiella statistik)"
        }
    }
}

/// Reported crimes of one DeSO (nil: not placed in a DeSO), code and year.
public struct CrimeCount: Sendable, Equatable {
    public let deso: String?
    public let code: Int
    public let year: Int
    public let count: Int

    public init(deso: String?, code: Int, year: Int, count: Int) {
        self.deso = deso
        self.code = code
        self.year = year
        self.count = count
    }
}

/// The kartläggning's table for one year: per area and crime code the count, the rate per 1,000
/// inhabitants, the change against the year before and the three years before, and the area's
/// share of the kommun. Crimes without a DeSO count for the kommun and in `unknownArea`, never in
/// an area.
public struct CrimeFigures: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var area: String
        public var code: Int
        public var name: String
        /// nil when hidden as a small count (1–4) in something shared.
        public var count: Int?
        /// The same area and code the year before; nil when the data do not cover that year.
        public var previousCount: Int?
        /// Mean of the three years before; nil unless the data cover all three.
        public var threeYearAverage: Double?
        public var population: Int?
        public var populationYear: Int?
        public var ratePer1000: Double?
        /// The area's part of the kommun's count of the code, 0–1.
        public var shareOfKommun: Double?
        public var hidden = false

        public var change: Double? {
            guard let count, let previousCount, previousCount > 0 else { return nil }
            return Double(count - previousCount) / Double(previousCount)
        }
    }

    public struct Area: Sendable, Equatable {
        public let name: String
        public let deso: [String]
        public init(name: String, deso: [String]) {
            self.name = name
            self.deso = deso
        }
    }

    public var year: Int
    public var basis: CrimeDateBasis
    public var rows: [Row]
    public var unknownArea: [Row]
    public var totals: [Row]
    /// Years the extract covers (any crime of the kommun dated in it).
    public var coveredYears: [Int]
    /// The registration dates the imported extracts span; nil before the first import.
    public var coverage: CrimeCoverage?
    /// Whether `year` is only partly covered: its counts are not compared with other years.
    public var isPartialYear: Bool { coverage.map { !$0.isComplete(year) } ?? false }
    /// Whether any population per DeSO is stored, for whichever years.
    public var hasPopulation = false
    public var smallCountsHidden = false

    /// The smallest count shown in anything public or shared with partners.
    public static let smallestShownCount = 5

    /// - Parameters:
    ///   - counts: the kommun's counts for `year` and the three years before.
    ///   - population: inhabitants per DeSO and year (totals).
    ///   - coverage: the extracts' span; a year only partly in it is compared with no other.
    public static func compute(
        year: Int, basis: CrimeDateBasis, counts: [CrimeCount], population: [String: [Int: Int]], areas: [Area], names: [Int: String],
        coverage: CrimeCoverage? = nil
    ) -> CrimeFigures {
        let yearsWithData = Set(counts.map(\.year))
        // The years a comparison may use: with data, and whole.
        let comparable = coverage.map { yearsWithData.subtracting($0.partialYears(yearsWithData)) } ?? yearsWithData
        let compares = comparable.contains(year)
        let populationYears = Set(population.values.flatMap(\.keys))
        let populationYear = populationYears.filter { $0 <= year }.max()
        func inhabitants(_ deso: [String]) -> Int? {
            guard let populationYear else { return nil }
            let values = deso.compactMap { population[$0]?[populationYear] }
            return values.isEmpty ? nil : values.reduce(0, +)
        }
        // Sums per (deso or nil, code, year) folded into areas below.
        var byDeso: [String?: [Int: [Int: Int]]] = [:]
        var kommunTotal: [Int: [Int: Int]] = [:]
        for count in counts {
            byDeso[count.deso, default: [:]][count.code, default: [:]][count.year, default: 0] += count.count
            kommunTotal[count.code, default: [:]][count.year, default: 0] += count.count
        }
        let codes = kommunTotal.keys.sorted()
        func row(area: String, code: Int, years: [Int: Int], population: Int?) -> Row {
            let count = years[year] ?? 0
            let previous = compares && comparable.contains(year - 1) ? years[year - 1] ?? 0 : nil
            let earlier = (1...3).map { year - $0 }
            let average = compares && earlier.allSatisfy(comparable.contains) ? Double(earlier.map { years[$0] ?? 0 }.reduce(0, +)) / 3 : nil
            let kommunCount = kommunTotal[code]?[year] ?? 0
            return Row(
                area: area, code: code, name: names[code] ?? "Brottskod \(code)", count: count, previousCount: previous,
                threeYearAverage: average, population: population, populationYear: population == nil ? nil : populationYear,
                ratePer1000: population.flatMap { $0 > 0 ? Double(count) * 1000 / Double($0) : nil },
                shareOfKommun: kommunCount > 0 ? Double(count) / Double(kommunCount) : nil)
        }
        var rows: [Row] = []
        for area in areas {
            var years: [Int: [Int: Int]] = [:]
            for deso in area.deso {
                for (code, perYear) in byDeso[deso] ?? [:] {
                    for (y, n) in perYear { years[code, default: [:]][y, default: 0] += n }
                }
            }
            let people = inhabitants(area.deso)
            for code in codes { rows.append(row(area: area.name, code: code, years: years[code] ?? [:], population: people)) }
        }
        let allDeso = Array(population.keys)
        let kommunPeople = inhabitants(allDeso)
        let unknown = codes.compactMap { code -> Row? in
            guard let years = byDeso[nil]?[code] else { return nil }
            return row(area: "Okänt område", code: code, years: years, population: nil)
        }
        let totals = codes.map { row(area: "Hela kommunen", code: $0, years: kommunTotal[$0] ?? [:], population: kommunPeople) }
        return CrimeFigures(
            year: year, basis: basis, rows: rows, unknownArea: unknown, totals: totals, coveredYears: yearsWithData.sorted(), coverage: coverage,
            hasPopulation: !population.isEmpty)
    }

    /// The same figures with every count of 1–4 hidden, and what could reveal it (its rate, its
    /// share), for anything public or shared with partners. When a code has exactly one hidden
    /// row, the next smallest is hidden too (secondary suppression), so the kommun's total minus
    /// the rows shown does not give the hidden count back.
    public func hidingSmallCounts() -> CrimeFigures {
        func isSmall(_ count: Int?) -> Bool { count.map { (1..<Self.smallestShownCount).contains($0) } ?? false }
        func hide(_ row: inout Row) {
            row.count = nil
            row.ratePer1000 = nil
            row.shareOfKommun = nil
            row.hidden = true
        }
        var copy = self
        var parts = rows + unknownArea
        for index in parts.indices where isSmall(parts[index].count) { hide(&parts[index]) }
        for code in Set(parts.map(\.code)) {
            let ofCode = parts.indices.filter { parts[$0].code == code }
            guard ofCode.filter({ parts[$0].hidden }).count == 1 else { continue }
            let shown = ofCode.filter { !parts[$0].hidden && (parts[$0].count ?? 0) > 0 }
            if let next = shown.min(by: { parts[$0].count! < parts[$1].count! }) { hide(&parts[next]) }
        }
        for index in parts.indices where isSmall(parts[index].previousCount) { parts[index].previousCount = nil }
        copy.rows = Array(parts.prefix(rows.count))
        copy.unknownArea = Array(parts.dropFirst(rows.count))
        copy.totals = totals.map { total in
            var total = total
            if isSmall(total.count) { hide(&total) }
            if isSmall(total.previousCount) { total.previousCount = nil }
            return total
        }
        copy.smallCountsHidden = true
        return copy
    }
}
