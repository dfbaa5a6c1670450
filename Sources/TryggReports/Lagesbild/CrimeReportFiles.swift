import Foundation
import TryggCore

/// The crimes table as files: `trygg report crimes --format json|csv` and the web page's
/// downloads. Rates are rounded to two decimals; a hidden small count is `null` in JSON and
/// empty in CSV, with `hidden: true`.
public enum CrimeReportFiles {
    struct Document: Encodable {
        struct Row: Encodable {
            var area: String?
            var crimeCode: Int
            var crimeName: String?
            var count: Int?
            var hidden: Bool
            var previousCount: Int?
            var threeYearAverage: Double?
            var population: Int?
            var populationYear: Int?
            var ratePer1000: Double?
            var shareOfKommun: Double?

            enum CodingKeys: String, CodingKey {
                case area, crimeCode, crimeName, count, hidden, previousCount, threeYearAverage, population, populationYear, shareOfKommun
                case ratePer1000 = "rate_per_1000"
            }

            /// Every key in every row: a hidden or missing figure is `null`, not left out.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                if let area { try container.encode(area, forKey: .area) }
                try container.encode(crimeCode, forKey: .crimeCode)
                try container.encode(crimeName, forKey: .crimeName)
                try container.encode(count, forKey: .count)
                try container.encode(hidden, forKey: .hidden)
                try container.encode(previousCount, forKey: .previousCount)
                try container.encode(threeYearAverage, forKey: .threeYearAverage)
                try container.encode(population, forKey: .population)
                try container.encode(populationYear, forKey: .populationYear)
                try container.encode(ratePer1000, forKey: .ratePer1000)
                try container.encode(shareOfKommun, forKey: .shareOfKommun)
            }
        }
        var kommun: String
        var year: Int
        var dateBasis: String
        var smallCountsHidden: Bool
        var coveredYears: [Int]
        /// The registration dates the extracts span, and whether `year` lies only partly in it.
        var reportedFrom: String?
        var reportedTo: String?
        var partialYear: Bool
        var rows: [Row]
        var unknownArea: [Row]
        var totals: [Row]
    }

    static func rounded(_ value: Double?, _ places: Double = 100) -> Double? { value.map { ($0 * places).rounded() / places } }

    static func row(_ row: CrimeFigures.Row, area: Bool) -> Document.Row {
        Document.Row(
            area: area ? row.area : nil, crimeCode: row.code, crimeName: row.name, count: row.count, hidden: row.hidden,
            previousCount: row.previousCount, threeYearAverage: rounded(row.threeYearAverage), population: row.population,
            populationYear: row.populationYear, ratePer1000: rounded(row.ratePer1000), shareOfKommun: rounded(row.shareOfKommun, 1000))
    }

    public static func json(_ figures: CrimeFigures, kommun: Kommun) throws -> Data {
        let document = Document(
            kommun: kommun.name, year: figures.year, dateBasis: figures.basis.rawValue, smallCountsHidden: figures.smallCountsHidden,
            coveredYears: figures.coveredYears, reportedFrom: figures.coverage?.from, reportedTo: figures.coverage?.to,
            partialYear: figures.isPartialYear, rows: figures.rows.map { row($0, area: true) },
            unknownArea: figures.unknownArea.map { row($0, area: false) }, totals: figures.totals.map { row($0, area: false) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(document)
    }

    public static let csvColumns = [
        "area", "crime_code", "crime_name", "count", "previous_count", "three_year_average", "population", "population_year",
        "rate_per_1000", "share_of_kommun",
    ]

    /// One line per area and code, then the unknown area and the kommun's totals; decimal points,
    /// so that any program reads the numbers.
    public static func csv(_ figures: CrimeFigures) -> Data {
        func text(_ value: (some CustomStringConvertible)?) -> String { value.map(\.description) ?? "" }
        var lines = [CSVWriter.line(csvColumns)]
        for row in figures.rows + figures.unknownArea + figures.totals {
            lines.append(
                CSVWriter.line([
                    row.area, String(row.code), row.name, text(row.count), text(row.previousCount), text(rounded(row.threeYearAverage)),
                    text(row.population), text(row.populationYear), text(rounded(row.ratePer1000)), text(rounded(row.shareOfKommun, 1000)),
                ]))
        }
        return Data(lines.joined().utf8)
    }
}
