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
        let text = try self.text(data)
        let delimiter = detectDelimiter(text)
        let records = try split(text, delimiter: delimiter)
        guard let header = records.first, !(header.fields.count == 1 && header.fields[0].isEmpty) else {
            throw Problem(line: nil, message: "Filen är tom: rubrikraden saknas.")
        }
        let names = header.fields.map { $0.trimmed }
        // Excel pads rows with empty trailing columns and ends files with an empty line.
        let rows = records.dropFirst().filter { !$0.fields.allSatisfy { $0.trimmed.isEmpty } }
        return CSVTable(header: names, rows: Array(rows), delimiter: delimiter)
    }

    /// The file's text: UTF-8 (BOM dropped), else Windows-1252, which Swedish Excel writes for
    /// "CSV (semikolonavgränsad)" — refusing that made the most common export a dead end. A
    /// binary file (an image, a PDF, an Excel workbook) is named as such instead of being read as
    /// garbled text.
    public static func text(_ data: Data) throws(Problem) -> String {
        if let kind = binaryKind(data) {
            throw Problem(line: nil, message: "\(kind) Spara tabellen som \"CSV UTF-8\" i Excel och välj den filen.")
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(data: Data(bytes), encoding: .utf8) ?? String(data: Data(bytes), encoding: .windowsCP1252) { return text }
        throw Problem(line: nil, message: "Filen är varken kodad i UTF-8 eller Windows-1252. Spara den som \"CSV UTF-8\" i Excel.")
    }

    /// A sentence saying what a binary file is, from its first bytes; nil for text (no NUL byte
    /// in the first 8 kB).
    static func binaryKind(_ data: Data) -> String? {
        let signatures: [([UInt8], String)] = [
            ([0x50, 0x4B, 0x03, 0x04], "Filen är ett Excel- eller Office-dokument, inte en CSV-fil."),
            ([0xD0, 0xCF, 0x11, 0xE0], "Filen är ett äldre Excel- eller Word-dokument, inte en CSV-fil."),
            ([0x25, 0x50, 0x44, 0x46], "Filen är ett PDF-dokument, inte en CSV-fil."), ([0x89, 0x50, 0x4E, 0x47], "Filen är en bild, inte en CSV-fil."),
            ([0xFF, 0xD8, 0xFF], "Filen är en bild, inte en CSV-fil."), ([0x47, 0x49, 0x46, 0x38], "Filen är en bild, inte en CSV-fil."),
            // Excel's "Unicode-text": UTF-16 with a byte-order mark, full of NUL bytes.
            ([0xFF, 0xFE], "Filen är kodad i UTF-16 (Excels \"Unicode-text\")."), ([0xFE, 0xFF], "Filen är kodad i UTF-16."),
        ]
        if let match = signatures.first(where: { data.starts(with: $0.0) }) { return match.1 }
        return data.prefix(8_192).contains(0) ? "Filen är ingen textfil." : nil
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

    /// Splits the text into records over its UTF-8 bytes (the delimiter, quote and line ends are
    /// ASCII, so no multi-byte character can be mistaken for them); a million-row import reads in
    /// about a second instead of ten when walking Characters. A large file is cut in two at a line
    /// end outside quotes and both halves are read at once, one per core.
    static func split(_ text: String, delimiter: Character) throws(Problem) -> [CSVTable.Row] {
        let separator = delimiter.asciiValue ?? 44
        var text = text
        let result = text.withUTF8 { bytes -> Result<[CSVTable.Row], Problem> in
            guard bytes.count >= parallelFrom, let (middle, linesBefore) = splitPoint(bytes) else {
                return Result { () throws(Problem) in try records(bytes, from: 0, to: bytes.count, separator: separator) }
            }
            var halves: [Result<[CSVTable.Row], Problem>?] = [nil, nil]
            halves.withUnsafeMutableBufferPointer { slots in
                let slots = UncheckedSendable(slots)
                let bytes = UncheckedSendable(bytes)
                DispatchQueue.concurrentPerform(iterations: 2) { half in
                    slots.value[half] = Result { () throws(Problem) in
                        try records(
                            bytes.value, from: half == 0 ? 0 : middle, to: half == 0 ? middle : bytes.value.count, separator: separator)
                    }
                }
            }
            // The second half counted its lines from 1.
            switch (halves[0]!, halves[1]!) {
            case (.failure(let problem), _): return .failure(problem)
            case (.success, .failure(let problem)): return .failure(Problem(line: problem.line.map { $0 + linesBefore }, message: problem.message))
            case (.success(let first), .success(let second)):
                return .success(first + second.map { CSVTable.Row(line: $0.line + linesBefore, fields: $0.fields) })
            }
        }
        return try result.get()
    }

    /// Files from this size are read in two halves at once.
    static let parallelFrom = 8 * 1024 * 1024

    /// The first line end after the middle that lies outside quotes (an even number of quote
    /// characters before it: RFC 4180 doubles quotes inside a quoted field), and how many lines
    /// `records` counts before it (LF, CR LF and a lone CR each end one), in one pass; nil when
    /// there is none.
    static func splitPoint(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, linesBefore: Int)? {
        let half = bytes.count / 2
        var quotes = 0, lines = 0, index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 34: quotes += 1
            case 10:
                lines += 1
                if index >= half, quotes % 2 == 0 { return index + 1 < bytes.count ? (index + 1, lines) : nil }
            case 13 where index + 1 >= bytes.count || bytes[index + 1] != 10: lines += 1
            default: break
            }
            index += 1
        }
        return nil
    }

    static func records(_ bytes: [UInt8], separator: UInt8) throws(Problem) -> [CSVTable.Row] {
        let result = bytes.withUnsafeBufferPointer { buffer in
            Result { () throws(Problem) in try records(buffer, from: 0, to: buffer.count, separator: separator) }
        }
        return try result.get()
    }

    static func records(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, separator: UInt8) throws(Problem) -> [CSVTable.Row] {
        let quote: UInt8 = 34, newline: UInt8 = 10, carriageReturn: UInt8 = 13
        var records: [CSVTable.Row] = []
        var fields: [String] = []
        var line = 1, recordLine = 1
        var index = start
        let count = end
        func endRecord() {
            records.append(.init(line: recordLine, fields: fields))
            fields = []
            recordLine = line
        }
        while index <= count {
            // At the start of a field.
            if index < count, bytes[index] == quote {
                var value: [UInt8] = []
                index += 1
                let opened = line
                while true {
                    guard index < count else {
                        throw Problem(line: opened, message: "ett citattecken öppnas men stängs aldrig (trasig citering).")
                    }
                    let byte = bytes[index]
                    if byte == quote {
                        if index + 1 < count, bytes[index + 1] == quote {
                            value.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if byte == newline { line += 1 }
                    value.append(byte)
                    index += 1
                }
                fields.append(String(decoding: value, as: UTF8.self))
                guard index >= count || bytes[index] == separator || bytes[index] == newline || bytes[index] == carriageReturn else {
                    throw Problem(line: line, message: "text efter ett avslutande citattecken i samma fält.")
                }
            } else {
                let fieldStart = index
                while index < count, bytes[index] != separator, bytes[index] != newline, bytes[index] != carriageReturn {
                    if bytes[index] == quote {
                        throw Problem(
                            line: line,
                            message:
                                "citattecken mitt i ett fält; ett fält med citattecken måste omges helt av \"…\" och inre citattecken dubbleras (\"\").")
                    }
                    index += 1
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
            }
            // After a field: a separator, a line end or the end of the text.
            if index >= count {
                if !(fields.count == 1 && fields[0].isEmpty) { endRecord() }
                break
            }
            let byte = bytes[index]
            index += 1
            if byte == separator { continue }
            if byte == carriageReturn, index < count, bytes[index] == newline { index += 1 }
            line += 1
            endRecord()
            if index >= count { break }
        }
        return records
    }
}

/// Hands a value the compiler cannot prove thread-safe to `concurrentPerform`, where each
/// iteration touches its own slot only.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Writes RFC 4180 CSV with CRLF line ends; fields are quoted only when they must be.
public enum CSVWriter {
    /// Free text as a CSV cell Excel will not run: a cell starting with `=`, `+`, `-`, `@` or a
    /// tab is read by spreadsheet programs as a formula (OWASP's CSV injection), so it gets a
    /// leading apostrophe, which Excel shows as text.
    public static func inertText(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

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
