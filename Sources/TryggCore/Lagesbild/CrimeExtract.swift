import Foundation

/// One row of the police's extract of reported crimes per DeSO: one reported crime (`Antal` is
/// almost always 1) with its police id, crime code, the dates it was registered and committed,
/// and the DeSO where it happened, when known.
public struct CrimeRecord: Sendable, Equatable {
    public let policeID: Int64
    public let code: Int
    public let name: String
    /// Inskrivningsdatum, `YYYY-MM-DD`: the day the police registered the report (how Brå's
    /// official statistics count).
    public let reportedOn: String
    /// Brottsdatum, `YYYY-MM-DD`; the registration day when the extract leaves it empty.
    public let occurredOn: String
    /// The DeSO code, or nil when the police could not place the crime in one.
    public let deso: String?
    public let count: Int

    public init(policeID: Int64, code: Int, name: String, reportedOn: String, occurredOn: String, deso: String?, count: Int) {
        self.policeID = policeID
        self.code = code
        self.name = name
        self.reportedOn = reportedOn
        self.occurredOn = occurredOn
        self.deso = deso
        self.count = count
    }
}

/// Reads the extract the police deliver to a kommun for its lägesbild (columns `Id, Brottskod,
/// Brottskod.klartext, Inskrivningsdatum, Brottsdatum, Kommun, Län, DeSO.område, Antal`). Rows of
/// other kommuner are skipped and counted, since extracts often cover a whole län or several
/// kommuner. Every problem is reported with its line and column, and a file with any problem
/// gives no rows at all.
public enum CrimeExtract {
    public struct Result: Sendable, Equatable {
        public var records: [CrimeRecord]
        /// Rows of other kommuner, by the name the file gives them.
        public var skipped: [String: Int]
        public var skippedCount: Int { skipped.values.reduce(0, +) }
        /// The first and last Inskrivningsdatum of the kommun's rows.
        public var reportedFrom: String?
        public var reportedTo: String?

        public init(records: [CrimeRecord], skipped: [String: Int], reportedFrom: String? = nil, reportedTo: String? = nil) {
            self.records = records
            self.skipped = skipped
            self.reportedFrom = reportedFrom
            self.reportedTo = reportedTo
        }
    }

    /// Columns by their name in the police's files; a header is matched without regard to case,
    /// dots, spaces or underscores, so `DeSO.område`, `DeSO område` and `deso_omrade` all work.
    enum Column: String, CaseIterable {
        case id = "Id", code = "Brottskod", name = "Brottskod.klartext", reported = "Inskrivningsdatum"
        case occurred = "Brottsdatum", kommun = "Kommun", lan = "Län", deso = "DeSO.område", count = "Antal"

        static let required: [Column] = [.id, .code, .reported, .kommun, .deso, .count]

        static func key(_ header: String) -> String {
            String(header.lowercased().filter { !".-_ ".contains($0) }).replacingOccurrences(of: "omrade", with: "område")
        }
    }

    public static var columns: [String] { Column.allCases.map(\.rawValue) }

    /// The largest `Antal` believed on one row; the police's rows count single crimes.
    static let maxCount = 100_000

    public static func looksLikeExtract(_ header: [String]) -> Bool {
        let keys = Set(header.map(Column.key))
        return Column.required.allSatisfy { keys.contains(Column.key($0.rawValue)) }
    }

    public static func read(_ table: CSVTable, kommun: Kommun, knownDeso: Set<String>? = nil) throws(ImportFailure) -> Result {
        var index: [Column: Int] = [:]
        for (position, name) in table.header.enumerated() {
            if let column = Column.allCases.first(where: { Column.key($0.rawValue) == Column.key(name) }), index[column] == nil {
                index[column] = position
            }
        }
        let missing = Column.required.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw ImportFailure([.missingColumns(missing.map(\.rawValue), of: columns, in: "Polisens uttag")])
        }
        let kommunNames = namesInFiles(of: kommun)
        var result = Result(records: [], skipped: [:])
        result.records.reserveCapacity(table.rows.count)
        var problems: [ImportProblem] = []
        var seen = Set<Int64>()
        seen.reserveCapacity(table.rows.count)
        var matchedKommun: String?
        for row in table.rows {
            func field(_ column: Column) -> String {
                guard let position = index[column], position < row.fields.count else { return "" }
                return trimmed(row.fields[position])
            }
            func problem(_ column: Column, _ message: String) {
                if problems.count < 500 { problems.append(ImportProblem(line: row.line, column: column.rawValue, message: message)) }
            }
            // Extracts repeat one spelling of the kommun on every row: compare with the last one seen first.
            let rowKommun = field(.kommun)
            if rowKommun != matchedKommun {
                guard kommunNames.contains(rowKommun.lowercased()) else {
                    if rowKommun.isEmpty { problem(.kommun, "Kommun saknas.") } else { result.skipped[rowKommun, default: 0] += 1 }
                    continue
                }
                matchedKommun = rowKommun
            }
            let idText = field(.id), codeText = field(.code), countText = field(.count)
            let id = Int64(idText), code = Int(codeText), count = Int(countText)
            if id == nil || id! < 0 { problem(.id, "\"\(idText.prefix(40))\" är inget löpnummer (ett heltal).") }
            if let id, !seen.insert(id).inserted { problem(.id, "Id \(id) finns redan på en tidigare rad.") }
            if code == nil || !(1...99_999).contains(code!) { problem(.code, "\"\(codeText.prefix(40))\" är ingen brottskod (ett heltal, t.ex. 1211).") }
            if count == nil || !(0...maxCount).contains(count!) {
                problem(.count, "\"\(countText.prefix(40))\" är inget antal (ett heltal från 0 till \(maxCount)).")
            }
            let reported = field(.reported), occurredText = field(.occurred)
            if !isDate(reported) { problem(.reported, "\"\(reported.prefix(40))\" är inget datum (ÅÅÅÅ-MM-DD).") }
            if !occurredText.isEmpty && !isDate(occurredText) { problem(.occurred, "\"\(occurredText.prefix(40))\" är inget datum (ÅÅÅÅ-MM-DD).") }
            let rawDeso = field(.deso)
            let deso = DesoCode.isWellFormed(rawDeso) ? rawDeso : rawDeso.uppercased()
            if !deso.isEmpty {
                if !DesoCode.isWellFormed(deso) {
                    problem(.deso, "\"\(deso.prefix(40))\" är ingen DeSO-kod (form: 0580C1160).")
                } else if !deso.hasPrefix(kommun.code) {
                    problem(.deso, "DeSO \(deso) hör inte till \(kommun.name) (kommunkod \(kommun.code)).")
                } else if let knownDeso, !knownDeso.contains(deso) {
                    problem(.deso, "DeSO \(deso) är okänd: den finns inte i kommunens befolkningstabell (importera befolkningen per DeSO först).")
                }
            }
            guard problems.isEmpty, let id, let code, let count else { continue }
            result.records.append(
                CrimeRecord(
                    policeID: id, code: code, name: field(.name), reportedOn: reported, occurredOn: occurredText.isEmpty ? reported : occurredText,
                    deso: deso.isEmpty ? nil : deso, count: count))
            if result.reportedFrom.map({ reported < $0 }) ?? true { result.reportedFrom = reported }
            if result.reportedTo.map({ reported > $0 }) ?? true { result.reportedTo = reported }
        }
        if problems.isEmpty && result.records.isEmpty {
            let others = result.skipped.keys.sorted().joined(separator: ", ")
            problems.append(
                ImportProblem(
                    line: nil, column: nil,
                    message: "Filen har inga rader för \(kommun.name)" + (others.isEmpty ? "." : ", bara för \(others).")))
        }
        guard problems.isEmpty else { throw ImportFailure(problems) }
        return result
    }

    /// What a police file may call the kommun, lowercased: "Linköpings kommun" is "linköping" in
    /// the police's files; its code is accepted too.
    public static func namesInFiles(of kommun: Kommun) -> Set<String> {
        var base = kommun.name.lowercased()
        if base.hasSuffix(" kommun") { base = String(base.dropLast(" kommun".count)) }
        var names: Set<String> = [base, kommun.code, base + " kommun"]
        if base.hasSuffix("s") { names.insert(String(base.dropLast())) } else { names.insert(base + "s kommun") }
        return names
    }

    /// Spaces and tabs around a field, removed without Foundation when there are none (the usual case).
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first != 32 && first != 9 && last != 32 && last != 9 { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `YYYY-MM-DD` with a real month and day (years 1900–2199).
    public static func isDate(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isDate(bytes: $0) }
    }

    static func isDate(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45 else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard (48...57).contains(bytes[i]) else { return nil }
                value = value * 10 + Int(bytes[i] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1900...2199).contains(year), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }
}
