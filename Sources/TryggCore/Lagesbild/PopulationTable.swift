import Foundation

/// Inhabitants of one DeSO in one year, in total (`kon` and `alder` "alla") or for one gender
/// and/or age band, as SCB publishes them (31 December of the year).
public struct PopulationCount: Sendable, Equatable, Hashable {
    public let deso: String
    public let year: Int
    /// "alla", "kvinna" or "man".
    public let gender: String
    /// "alla" or an age band such as "0-4", "20-24" or "65+".
    public let age: String
    public let count: Int

    public init(deso: String, year: Int, gender: String = "alla", age: String = "alla", count: Int) {
        self.deso = deso
        self.year = year
        self.gender = gender
        self.age = age
        self.count = count
    }
}

/// Reads SCB's population per DeSO, the denominators of rates per 1,000 inhabitants, in either
/// of its two shapes:
/// - wide, as the Statistikdatabasen exports are joined: `deso` and one `folkmangd_YYYY` column per
///   year, optionally `alder_A_B_YYYY` age bands and a `kommunkod`;
/// - long: `deso,year,kon,alder,antal`, one row per DeSO, year, gender and age band.
/// Rows of other kommuner are skipped and counted; `..` or an empty cell is a missing figure,
/// never 0.
public enum PopulationTable {
    public struct Result: Sendable, Equatable {
        public var counts: [PopulationCount]
        public var skippedRows: Int
        public var years: [Int]
        public var desoCount: Int

        public init(counts: [PopulationCount], skippedRows: Int, years: [Int], desoCount: Int) {
            self.counts = counts
            self.skippedRows = skippedRows
            self.years = years
            self.desoCount = desoCount
        }

        /// What the import did, as the CLI and the web page both tell it.
        public var sentences: [String] {
            var out = ["Importerade befolkningen i \(desoCount) DeSO för år \(SwedishGrammar.list(years.map(String.init)))."]
            if skippedRows > 0 { out.append("\(SwedishGrammar.count(skippedRows, "rad", "rader")) gällde andra kommuner och hoppades över.") }
            return out
        }
    }

    static let genders: [String: String] = [
        "alla": "alla", "totalt": "alla", "båda könen": "alla", "": "alla",
        "kvinna": "kvinna", "kvinnor": "kvinna", "k": "kvinna", "2": "kvinna",
        "man": "man", "män": "man", "m": "man", "1": "man",
    ]

    public static func read(_ table: CSVTable, kommun: Kommun) throws(ImportFailure) -> Result {
        let header = table.header.map { $0.lowercased() }
        guard let desoColumn = header.firstIndex(of: "deso") else {
            throw ImportFailure([
                ImportProblem(
                    line: 1, column: nil,
                    message: "Kolumnen deso saknas. Befolkningen läses antingen brett (deso, folkmangd_2023, …) eller långt (deso,year,kon,alder,antal).")
            ])
        }
        var problems: [ImportProblem] = []
        var counts: [PopulationCount] = []
        var skipped = 0
        var seen = Set<String>()
        let long = ["year", "kon", "alder", "antal"].allSatisfy(header.contains)
        let wideColumns = long ? [] : header.enumerated().compactMap { position, name in wideColumn(name).map { (position, $0) } }
        guard long || !wideColumns.isEmpty else {
            throw ImportFailure([
                ImportProblem(line: 1, column: nil, message: "Inga befolkningskolumner: ange folkmangd_ÅÅÅÅ per år eller kolumnerna year, kon, alder, antal.")
            ])
        }
        for row in table.rows {
            func field(_ position: Int) -> String {
                position < row.fields.count ? row.fields[position].trimmingCharacters(in: .whitespaces) : ""
            }
            func problem(_ column: String, _ message: String) {
                if problems.count < 500 { problems.append(ImportProblem(line: row.line, column: column, message: message)) }
            }
            let deso = field(desoColumn).uppercased()
            guard DesoCode.isWellFormed(deso) else {
                problem("deso", "\"\(deso.prefix(40))\" är ingen DeSO-kod (form: 0580C1160).")
                continue
            }
            guard deso.hasPrefix(kommun.code) else {
                skipped += 1
                continue
            }
            func number(_ text: String, column: String) -> Int?? {
                if text.isEmpty || text == ".." { return .some(nil) }
                let digits = text.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
                guard let value = Int(digits), value >= 0, value <= 10_000_000 else {
                    problem(column, "\"\(text.prefix(40))\" är inget antal invånare (ett heltal, 0 eller mer).")
                    return nil
                }
                return .some(value)
            }
            func add(_ count: PopulationCount, column: String) {
                let key = "\(count.deso)|\(count.year)|\(count.gender)|\(count.age)"
                guard seen.insert(key).inserted else {
                    return problem(column, "\(count.deso) år \(count.year) (\(count.gender), \(count.age)) finns redan på en tidigare rad.")
                }
                counts.append(count)
            }
            if long {
                let yearText = field(header.firstIndex(of: "year")!)
                let genderText = field(header.firstIndex(of: "kon")!).lowercased()
                let ageText = field(header.firstIndex(of: "alder")!).lowercased()
                let year = Int(yearText)
                if year == nil || !(1900...2199).contains(year!) { problem("year", "\"\(yearText.prefix(40))\" är inget år.") }
                let gender = genders[genderText]
                if gender == nil { problem("kon", "\"\(genderText.prefix(40))\" är inget kön (kvinna, man eller alla).") }
                let age = ageBand(ageText)
                if age == nil { problem("alder", "\"\(ageText.prefix(40))\" är ingen åldersgrupp (t.ex. 0-4, 65+ eller alla).") }
                guard let parsed = number(field(header.firstIndex(of: "antal")!), column: "antal"), let year, let gender, let age else { continue }
                if let count = parsed { add(PopulationCount(deso: deso, year: year, gender: gender, age: age, count: count), column: "antal") }
            } else {
                for (position, column) in wideColumns {
                    guard let parsed = number(field(position), column: table.header[position]) else { continue }
                    if let count = parsed {
                        add(PopulationCount(deso: deso, year: column.year, age: column.age, count: count), column: table.header[position])
                    }
                }
            }
        }
        if problems.isEmpty && counts.isEmpty {
            problems.append(
                ImportProblem(
                    line: nil, column: nil,
                    message: skipped > 0
                        ? "Ingen DeSO i filen hör till \(kommun.name) (kommunkod \(kommun.code)); \(skipped) rader gäller andra kommuner."
                        : "Filen har inga befolkningssiffror."))
        }
        guard problems.isEmpty else { throw ImportFailure(problems) }
        return Result(
            counts: counts, skippedRows: skipped, years: Set(counts.map(\.year)).sorted(), desoCount: Set(counts.map(\.deso)).count)
    }

    /// `folkmangd_2023` → (2023, "alla"); `alder_20_24_2022` → (2022, "20-24"); others are not population columns.
    static func wideColumn(_ name: String) -> (year: Int, age: String)? {
        let parts = name.split(separator: "_")
        guard let last = parts.last, let year = Int(last), (1900...2199).contains(year) else { return nil }
        if parts.count == 2 && parts[0] == "folkmangd" { return (year, "alla") }
        if parts.count == 4 && parts[0] == "alder", let low = Int(parts[1]), let high = Int(parts[2]), low <= high { return (year, "\(low)-\(high)") }
        return nil
    }

    /// "alla"/"totalt" → "alla"; "0-4", "0–4", "20 - 24" → "0-4"/"20-24"; "65+" and "65-w" → "65+".
    static func ageBand(_ text: String) -> String? {
        if ["", "alla", "totalt", "samtliga"].contains(text) { return "alla" }
        let normalized = text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "år", with: "")
        if normalized.hasSuffix("+") || normalized.hasSuffix("-w") {
            let low = normalized.prefix { $0.isNumber }
            return Int(low).map { "\($0)+" }
        }
        let bounds = normalized.split(separator: "-").map { Int($0) }
        if bounds.count == 2, let low = bounds[0], let high = bounds[1], low <= high, high < 150 { return "\(low)-\(high)" }
        if bounds.count == 1, let age = bounds[0], age < 150 { return "\(age)" }
        return nil
    }
}
