import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import TryggCore

/// Reads the first sheet of an .xlsx file into the same table a CSV gives, so one set of rules
/// checks both. Handles what Excel and LibreOffice write: shared strings, inline strings,
/// numbers, booleans, formula results.
///
/// The file comes from outside (an upload, a command-line argument), so everything it declares is
/// bounded before it is believed: Excel's own grid (columns A–XFD, 1 048 576 rows), the unzipped
/// size of each part (a zip bomb stops at the limit, it is never inflated whole), the number of
/// shared strings and of cells. A DTD is refused outright: Excel never writes one, and entity
/// expansion is the classic way to make a small XML file large.
public enum XlsxReader {
    public struct Problem: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    public struct Limits: Sendable {
        /// Unzipped bytes of any one part (sheet, shared strings, workbook).
        public var partBytes = 64 * 1024 * 1024
        public var sharedStrings = 1_000_000
        /// Cells held in memory, counting the empty ones a row is padded with up to its last cell.
        public var cells = 5_000_000
        /// Off only in FuzzXlsx: a checksum mismatch would stop almost every mutated input before
        /// the XML readers, which are what the fuzzer should reach.
        public var checksums = true
        public static let standard = Limits()

        public init() {}
    }

    /// Excel's grid: the last column is XFD, the last row 1 048 576.
    public static let maxColumns = 16_384
    public static let maxRows = 1_048_576

    public static func isXlsx(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    public static func columnName(_ index: Int) -> String {
        var name = "", n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(65 + remainder)!) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// The zero-based column of a cell reference ("AB12" → 27), or nil when it has no letters or
    /// lies beyond XFD (at most three letters, so the arithmetic cannot overflow).
    public static func columnIndex(_ reference: String) -> Int? {
        let letters = reference.unicodeScalars.prefix { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
        guard (1...3).contains(letters.count) else { return nil }
        let index = letters.reduce(0) { $0 * 26 + Int(String($1).uppercased().unicodeScalars.first!.value) - 64 } - 1
        return index < maxColumns ? index : nil
    }

    public static func read(_ data: Data, limits: Limits = .standard) throws -> CSVTable {
        let bytes = [UInt8](data)
        guard isXlsx(data), let entries = try? ZipStructure.entries(bytes) else {
            throw Problem(description: "Filen är ingen giltig Excel-fil (.xlsx).")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = entries.first(where: { $0.name == path }) else { return nil }
            let result: Data
            do {
                // The declared size can lie; the bytes actually inflated are counted as they come.
                result = try ZipStructure.contents(of: entry, in: bytes, limit: limits.partBytes, checksums: limits.checksums)
            } catch is ZipStructure.TooLarge {
                throw Problem(description: "Excel-filens del \(path) är större än \(limits.partBytes / 1_048_576) MB uppackad och läses inte.")
            } catch {
                throw Problem(description: "Excel-filens del \(path) är skadad och kan inte packas upp.")
            }
            // Excel and LibreOffice write UTF-8; FoundationXML's parser stopped the process on an
            // element name with broken UTF-8 (found by FuzzXlsx), so such a part is never parsed.
            guard String(validating: result, as: UTF8.self) != nil else {
                throw Problem(description: "Excel-filens del \(path) är inte giltig UTF-8 och kan inte läsas.")
            }
            // Nor a processing instruction after the XML declaration: Excel writes none, and
            // FoundationXML's parser stopped the process on one without data (`<?x?>`, FuzzXlsx).
            let declaration = result.starts(with: Data("<?xml".utf8)) ? (result.range(of: Data("?>".utf8))?.upperBound ?? result.endIndex) : result.startIndex
            if result[declaration...].range(of: Data("<?".utf8)) != nil {
                throw Problem(description: "Excel-filens del \(path) innehåller en bearbetningsinstruktion, vilket Excel aldrig skriver; filen läses inte.")
            }
            if result.range(of: Data("<!DOCTYPE".utf8)) != nil || result.range(of: Data("<!ENTITY".utf8)) != nil {
                throw Problem(description: "Excel-filens del \(path) innehåller en DTD, vilket Excel aldrig skriver; filen läses inte.")
            }
            return result
        }
        let shared = try part("xl/sharedStrings.xml").map { try SharedStrings.parse($0, limit: limits.sharedStrings) } ?? []
        let sheetPath = try firstSheetPath(workbook: part("xl/workbook.xml"), relationships: part("xl/_rels/workbook.xml.rels"))
        guard let sheet = try part(sheetPath) else { throw Problem(description: "Excel-filen saknar kalkylblad.") }
        let rows = try SheetRows.parse(sheet, shared: shared, cellLimit: limits.cells)
        guard let header = rows.first else { throw Problem(description: "Kalkylbladet är tomt: rubrikraden saknas.") }
        let body = rows.dropFirst().filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        return CSVTable(
            header: header.cells.map { $0.trimmingCharacters(in: .whitespaces) },
            rows: body.map { CSVTable.Row(line: $0.number, fields: $0.cells) }, delimiter: ",")
    }

    private static func firstSheetPath(workbook: Data?, relationships: Data?) throws -> String {
        let standard = "xl/worksheets/sheet1.xml"
        guard let workbook, let relationships else { return standard }
        let sheetID = AttributeFinder.first(element: "sheet", attribute: "r:id", in: workbook)
        let targets = AttributeFinder.all(element: "Relationship", attributes: ["Id", "Target"], in: relationships)
        guard let target = targets.first(where: { $0["Id"] == sheetID })?["Target"] else { return standard }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
}

/// Runs a SAX parser; a delegate that finds a limit exceeded stops it and leaves its problem.
private protocol BoundedXMLDelegate: XMLParserDelegate {
    var problem: XlsxReader.Problem? { get }
}

private func runParser(_ data: Data, delegate: some BoundedXMLDelegate, broken: String) throws {
    let parser = XMLParser(data: data)
    parser.shouldResolveExternalEntities = false
    parser.delegate = delegate
    let finished = parser.parse()
    if let problem = delegate.problem { throw problem }
    guard finished, parser.parserError == nil else { throw XlsxReader.Problem(description: broken) }
}

/// XML readers for the few parts of a workbook that matter.
private final class SharedStrings: NSObject, BoundedXMLDelegate {
    var strings: [String] = []
    var problem: XlsxReader.Problem?
    private let limit: Int
    private var current = "", inText = false

    init(limit: Int) { self.limit = limit }

    static func parse(_ data: Data, limit: Int) throws -> [String] {
        let delegate = SharedStrings(limit: limit)
        try runParser(data, delegate: delegate, broken: "Excel-filens textdel är trasig (xl/sharedStrings.xml).")
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        guard name == "si" else { return }
        guard strings.count < limit else {
            problem = .init(description: "Excel-filen har fler än \(limit) olika texter och läses inte.")
            return parser.abortParsing()
        }
        strings.append(current)
    }
}

private final class SheetRows: NSObject, BoundedXMLDelegate {
    struct Row {
        let number: Int
        var cells: [String]
    }

    let shared: [String]
    let cellLimit: Int
    var rows: [Row] = []
    var problem: XlsxReader.Problem?
    private var cellCount = 0
    private var rowNumber = 0, column = 0, type = "", value = "", inValue = false

    init(shared: [String], cellLimit: Int) {
        self.shared = shared
        self.cellLimit = cellLimit
    }

    static func parse(_ data: Data, shared: [String], cellLimit: Int) throws -> [Row] {
        let delegate = SheetRows(shared: shared, cellLimit: cellLimit)
        try runParser(data, delegate: delegate, broken: "Excel-filens kalkylblad är trasigt och kan inte läsas.")
        return delegate.rows
    }

    private func stop(_ parser: XMLParser, _ message: String) {
        if problem == nil { problem = .init(description: message) }
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard problem == nil else { return }
        switch name {
        case "row":
            let number = attributes["r"].map { Int($0) } ?? (rowNumber + 1)
            guard let number, (1...XlsxReader.maxRows).contains(number) else {
                return stop(parser, "Excel-filen har en rad utanför Excels rader 1–\(XlsxReader.maxRows) (”\(attributes["r"] ?? "")”).")
            }
            rowNumber = number
            rows.append(Row(number: rowNumber, cells: []))
            column = 0
        case "c":
            if let reference = attributes["r"] {
                guard let index = XlsxReader.columnIndex(reference) else {
                    return stop(parser, "Excel-filen har en cell utanför Excels kolumner A–XFD (”\(reference.prefix(20))”).")
                }
                column = index
            }
            guard column < XlsxReader.maxColumns else { return stop(parser, "Excel-filen har en cell efter Excels sista kolumn XFD.") }
            type = attributes["t"] ?? "n"
            value = ""
        case "v", "t": inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v" || name == "t" { inValue = false }
        guard name == "c", problem == nil, !rows.isEmpty else { return }
        var text = value
        if type == "s", let index = Int(value), shared.indices.contains(index) { text = shared[index] }
        if type == "b" { text = value == "1" ? "TRUE" : "FALSE" }
        // Whole numbers come back as "2023" even when Excel stored "2023.0".
        if type == "n", let number = Double(value), number == number.rounded(), abs(number) < 1e15 { text = String(Int(number)) }
        let last = rows.count - 1
        let added = max(0, column + 1 - rows[last].cells.count)
        guard cellCount + added <= cellLimit else { return stop(parser, "Excel-filen har fler än \(cellLimit) celler och läses inte.") }
        cellCount += added
        while rows[last].cells.count < column { rows[last].cells.append("") }
        if rows[last].cells.count == column { rows[last].cells.append(text) } else { rows[last].cells[column] = text }
        column += 1
    }
}

private final class AttributeFinder: NSObject, XMLParserDelegate {
    let element: String
    let wanted: [String]
    var found: [[String: String]] = []

    init(element: String, wanted: [String]) {
        self.element = element
        self.wanted = wanted
    }

    static func all(element: String, attributes: [String], in data: Data) -> [[String: String]] {
        let delegate = AttributeFinder(element: element, wanted: attributes)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        _ = parser.parse()  // an unreadable workbook part leaves the usual path of the first sheet
        return delegate.found
    }

    static func first(element: String, attribute: String, in data: Data) -> String? {
        all(element: element, attributes: [attribute], in: data).first?[attribute]
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard name == element || qualifiedName == element, found.count < 10_000 else { return }
        found.append(attributes.filter { wanted.contains($0.key) })
    }
}
