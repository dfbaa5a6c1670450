import Foundation

/// One figure of Brå's statistics database (SOL): a region's count of one crime type in one
/// period. `value` nil is Brå's `..` (uppgift saknas), which is never 0.
public struct RegionalFigure: Sendable, Equatable, Hashable {
    public let region: String
    public let crimeType: String
    public let year: Int
    /// The period as Brå prints it, e.g. "2016 prel.".
    public let period: String
    public let preliminary: Bool
    public let value: Int?

    public init(region: String, crimeType: String, year: Int, period: String, preliminary: Bool, value: Int?) {
        self.region = region
        self.crimeType = crimeType
        self.year = year
        self.period = period
        self.preliminary = preliminary
        self.value = value
    }
}

/// Reads the regional comparison of the kartläggning (kommun vs län vs riket) from Brå's SOL, in
/// either of the shapes a user has at hand:
/// - the result page itself, saved as HTML (regions as row headings, crime types below them,
///   one column per period);
/// - a long CSV `region,period,brottstyp,antal` (an `antal_raw` column is read when `antal` is
///   missing, as in a table parsed from the page).
/// Numbers may carry (non-breaking) spaces as thousands separators; `..` is missing and `-` is
/// Brå's zero. Periods are years, optionally marked "prel.".
public enum RegionalStatistics {
    /// A result page is a few hundred kilobytes; anything far larger is not one.
    public static let maxBytes = 20 * 1024 * 1024

    /// "Importerade 6 värden för 2 regioner, 2022–2024.": what an import read, for the CLI and the page.
    public static func importedSentence(_ figures: [RegionalFigure]) -> String {
        let years = figures.map(\.year)
        return "Importerade \(SwedishGrammar.count(figures.count, "värde", "värden")) för "
            + "\(SwedishGrammar.count(Set(figures.map(\.region)).count, "region", "regioner")), \(years.min() ?? 0)–\(years.max() ?? 0)."
    }

    public static func read(_ data: Data) throws(ImportFailure) -> [RegionalFigure] {
        guard data.count <= maxBytes else { throw failure("Filen är för stor för en resultatsida från Brå (högst 20 MB).") }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw failure("Filen är varken en HTML-sida eller en CSV-fil från Brå.")
        }
        let figures: [RegionalFigure]
        if text.range(of: "<table", options: .caseInsensitive) != nil {
            figures = try page(text)
        } else {
            let table: CSVTable
            do { table = try CSVReader.read(data) } catch { throw failure("Filen kunde inte läsas som CSV: \(error.description)") }
            figures = try long(table)
        }
        guard !figures.isEmpty else { throw failure("Filen innehåller inga siffror från Brå.") }
        var seen = Set<String>()
        for figure in figures where !seen.insert("\(figure.region)|\(figure.crimeType)|\(figure.year)").inserted {
            throw failure("\(figure.region), \(figure.crimeType), \(figure.year) finns två gånger i filen.")
        }
        return figures
    }

    static func failure(_ message: String, line: Int? = nil) -> ImportFailure {
        ImportFailure([ImportProblem(line: line, column: nil, message: message)])
    }

    /// "2016", "2016 prel." → (2016, true); nil for anything else.
    static func period(_ text: String) -> (year: Int, preliminary: Bool)? {
        let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), (1950...2100).contains(year) else { return nil }
        guard parts.count == 1 || parts[1].lowercased().hasPrefix("prel") else { return nil }
        return (year, parts.count == 2)
    }

    enum Value: Equatable {
        case missing
        case number(Int)

        var count: Int? { if case .number(let count) = self { count } else { nil } }
    }

    /// "1 416 280" with any kind of space, `..` missing, `-` zero; nil when it is not a count.
    static func value(_ raw: String) -> Value? {
        let text = raw.filter { !$0.isWhitespace && $0 != "\u{00A0}" && $0 != "\u{202F}" }
        if text == ".." || text.isEmpty { return .missing }
        if text == "-" || text == "–" { return .number(0) }
        guard text.count <= 12, text.allSatisfy(\.isASCII), let number = Int(text), number >= 0 else { return nil }
        return .number(number)
    }

    // MARK: The long CSV

    static func long(_ table: CSVTable) throws(ImportFailure) -> [RegionalFigure] {
        let header = table.header.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        guard let region = header.firstIndex(of: "region"), let period = header.firstIndex(of: "period"),
            let type = header.firstIndex(of: "brottstyp"),
            let count = header.firstIndex(of: "antal_raw") ?? header.firstIndex(of: "antal")
        else {
            throw failure("Kolumnerna region, period, brottstyp och antal behövs (eller Brås resultatsida sparad som HTML).", line: 1)
        }
        var figures: [RegionalFigure] = []
        var problems: [ImportProblem] = []
        for row in table.rows {
            func field(_ index: Int) -> String { index < row.fields.count ? row.fields[index].trimmingCharacters(in: .whitespaces) : "" }
            guard let (year, preliminary) = Self.period(field(period)) else {
                problems.append(ImportProblem(line: row.line, column: "period", message: "\"\(field(period))\" är inget år (t.ex. 2016 eller 2016 prel.)."))
                continue
            }
            guard !field(region).isEmpty, !field(type).isEmpty else {
                problems.append(ImportProblem(line: row.line, column: "region", message: "Region och brottstyp behövs på varje rad."))
                continue
            }
            guard let value = Self.value(field(count)) else {
                problems.append(ImportProblem(line: row.line, column: "antal", message: "\"\(field(count))\" är inget antal (.. betyder uppgift saknas)."))
                continue
            }
            figures.append(
                RegionalFigure(
                    region: field(region), crimeType: field(type), year: year, period: field(period), preliminary: preliminary,
                    value: value.count))
        }
        guard problems.isEmpty else { throw ImportFailure(Array(problems.prefix(200))) }
        return figures
    }
}
