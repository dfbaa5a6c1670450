import Foundation

/// A CSV file as Swedish offices produce it: UTF-8 (with or without BOM), RFC 4180 quoting,
/// `,` or `;` as delimiter (Excel in Sweden writes `;`), CRLF or LF line ends.
public struct CSVTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        /// The line in the file where the row starts (the header is line 1), for error messages.
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public let header: [String]
    public let rows: [Row]
    public let delimiter: Character

    public init(header: [String], rows: [Row], delimiter: Character) {
        self.header = header
        self.rows = rows
        self.delimiter = delimiter
    }
}

public enum CSVReader {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let line: Int?
        public let message: String
        public var description: String { line.map { "Rad \($0): \(message)" } ?? message }
    }

    public static func read(_ data: Data) throws(Problem) -> CSVTable {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(data: Data(bytes), encoding: .utf8) else {
            throw Problem(line: nil, message: "Filen är inte kodad i UTF-8. Spara den som \"CSV UTF-8\" i Excel.")
        }
        let delimiter = detectDelimiter(text)
        let records = try split(text, delimiter: delimiter)
        guard let header = records.first, !(header.fields.count == 1 && header.fields[0].isEmpty) else {
            throw Problem(line: nil, message: "Filen är tom: rubrikraden saknas.")
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        // Excel pads rows with empty trailing columns and ends files with an empty line.
        let rows = records.dropFirst().filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        return CSVTable(header: names, rows: Array(rows), delimiter: delimiter)
    }

    /// The delimiter that occurs more often outside quotes in the first line.
    static func detectDelimiter(_ text: String) -> Character {
        var commas = 0, semicolons = 0, quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if quoted { continue }
            if character == "\n" || character == "\r" { break }
            if character == "," { commas += 1 }
            if character == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    static func split(_ text: String, delimiter: Character) throws(Problem) -> [CSVTable.Row] {
        var records: [CSVTable.Row] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, afterClosingQuote = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }
        while let character = next() {
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; afterClosingQuote = true; pending = following }
                    } else {
                        inQuotes = false; afterClosingQuote = true
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case delimiter:
                fields.append(field); field = ""; afterClosingQuote = false
            case "\n", "\r\n", "\r":
                fields.append(field); field = ""; afterClosingQuote = false
                records.append(.init(line: recordLine, fields: fields)); fields = []
                line += 1; recordLine = line
            case "\"":
                guard field.isEmpty, !afterClosingQuote else {
                    throw Problem(line: line, message: "citattecken mitt i ett fält; ett fält med citattecken måste omges helt av \"…\" och inre citattecken dubbleras (\"\").")
                }
                inQuotes = true
            default:
                guard !afterClosingQuote else {
                    throw Problem(line: line, message: "text efter ett avslutande citattecken i samma fält.")
                }
                field.append(character)
            }
        }
        if inQuotes { throw Problem(line: recordLine, message: "ett citattecken öppnas men stängs aldrig (trasig citering).") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(.init(line: recordLine, fields: fields))
        }
        return records
    }
}

/// Writes RFC 4180 CSV with CRLF line ends; fields are quoted only when they must be.
public enum CSVWriter {
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            // Scalars, not Characters: "\r\n" is one Character and would slip past a check for "\n".
            if field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",") + "\r\n"
    }
}
