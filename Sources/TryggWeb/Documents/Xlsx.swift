import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TryggCore
import ZIPFoundation

/// The smallest Excel workbook that Excel, LibreOffice and openpyxl read: one sheet, text as
/// inline strings, whole numbers as numbers, a bold and frozen header row.
enum XlsxWriter {
    enum Cell {
        case text(String)
        case number(Int)
    }

    static func workbook(sheetName: String, header: [String], rows: [[Cell]]) throws -> Data {
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + "<sheetData>"
        sheet += row(1, header.map(Cell.text), style: 1)
        for (index, cells) in rows.enumerated() { sheet += row(index + 2, cells, style: 0) }
        sheet += "</sheetData></worksheet>"
        return try OOXMLPackage.zip([
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"\(DocxDocument.xml(String(sheetName.prefix(31))))\" "
                + "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", workbookRelationships), ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet),
        ])
    }

    private static func row(_ number: Int, _ cells: [Cell], style: Int) -> String {
        "<row r=\"\(number)\">" + cells.enumerated().map { index, cell in
            let reference = "\(XlsxReader.columnName(index))\(number)"
            let s = style > 0 ? " s=\"\(style)\"" : ""
            switch cell {
            case .number(let value): return "<c r=\"\(reference)\"\(s)><v>\(value)</v></c>"
            case .text(let text):
                return "<c r=\"\(reference)\" t=\"inlineStr\"\(s)><is><t xml:space=\"preserve\">\(DocxDocument.xml(text))</t></is></c>"
            }
        }.joined() + "</row>"
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """
    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """
    static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}

/// Reads the first sheet of an .xlsx file into the same table a CSV gives, so one set of rules
/// checks both. Handles what Excel and LibreOffice write: shared strings, inline strings,
/// numbers, booleans, formula results.
enum XlsxReader {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static func isXlsx(_ data: Data) -> Bool { data.starts(with: [0x50, 0x4B, 0x03, 0x04]) }

    static func columnName(_ index: Int) -> String {
        var name = "", n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name = String(UnicodeScalar(65 + remainder)!) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func columnIndex(_ reference: String) -> Int? {
        let letters = reference.prefix { $0.isLetter }
        guard !letters.isEmpty else { return nil }
        return letters.uppercased().unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }

    static func read(_ data: Data) throws -> CSVTable {
        guard let archive = try? Archive(data: data, accessMode: .read, pathEncoding: nil) else {
            throw Problem(description: "Filen är ingen giltig Excel-fil (.xlsx).")
        }
        func part(_ path: String) throws -> Data? {
            guard let entry = archive[path] else { return nil }
            var result = Data()
            _ = try archive.extract(entry) { result.append($0) }
            return result
        }
        let shared = try part("xl/sharedStrings.xml").map { try SharedStrings.parse($0) } ?? []
        let sheetPath = try firstSheetPath(workbook: part("xl/workbook.xml"), relationships: part("xl/_rels/workbook.xml.rels"))
        guard let sheet = try part(sheetPath) else { throw Problem(description: "Excel-filen saknar kalkylblad.") }
        let rows = try SheetRows.parse(sheet, shared: shared)
        guard let header = rows.first else { throw Problem(description: "Kalkylbladet är tomt: rubrikraden saknas.") }
        let body = rows.dropFirst().filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        return CSVTable(header: header.cells.map { $0.trimmingCharacters(in: .whitespaces) },
                        rows: body.map { CSVTable.Row(line: $0.number, fields: $0.cells) }, delimiter: ",")
    }

    private static func firstSheetPath(workbook: Data?, relationships: Data?) throws -> String {
        guard let workbook, let relationships else { return "xl/worksheets/sheet1.xml" }
        let sheetID = AttributeFinder.first(element: "sheet", attribute: "r:id", in: workbook)
        let targets = AttributeFinder.all(element: "Relationship", attributes: ["Id", "Target"], in: relationships)
        guard let target = targets.first(where: { $0["Id"] == sheetID })?["Target"] else { return "xl/worksheets/sheet1.xml" }
        return target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
    }
}

/// XML readers for the few parts of a workbook that matter.
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = "", inText = false

    static func parse(_ data: Data) throws -> [String] {
        let delegate = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse(), parser.parserError == nil else { throw XlsxReader.Problem(description: "Excel-filens textdel är trasig (xl/sharedStrings.xml).") }
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current) }
    }
}

private final class SheetRows: NSObject, XMLParserDelegate {
    struct Row {
        let number: Int
        var cells: [String]
    }

    let shared: [String]
    var rows: [Row] = []
    private var rowNumber = 0, column = 0, type = "", value = "", inValue = false

    init(shared: [String]) { self.shared = shared }

    static func parse(_ data: Data, shared: [String]) throws -> [Row] {
        let delegate = SheetRows(shared: shared)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse(), parser.parserError == nil else { throw XlsxReader.Problem(description: "Excel-filens kalkylblad är trasigt och kan inte läsas.") }
        return delegate.rows
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row":
            rowNumber = Int(attributes["r"] ?? "") ?? (rowNumber + 1)
            rows.append(Row(number: rowNumber, cells: []))
            column = 0
        case "c":
            column = attributes["r"].flatMap(XlsxReader.columnIndex) ?? column
            type = attributes["t"] ?? "n"
            value = ""
        case "v", "t": inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "v" || name == "t" { inValue = false }
        guard name == "c", !rows.isEmpty else { return }
        var text = value
        if type == "s", let index = Int(value), shared.indices.contains(index) { text = shared[index] }
        if type == "b" { text = value == "1" ? "TRUE" : "FALSE" }
        // Whole numbers come back as "2023" even when Excel stored "2023.0".
        if type == "n", let number = Double(value), number == number.rounded(), abs(number) < 1e15 { text = String(Int(number)) }
        var cells = rows[rows.count - 1].cells
        while cells.count < column { cells.append("") }
        if cells.count == column { cells.append(text) } else { cells[column] = text }
        rows[rows.count - 1].cells = cells
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
        parser.delegate = delegate
        _ = parser.parse() // an unreadable workbook part leaves the usual path of the first sheet
        return delegate.found
    }

    static func first(element: String, attribute: String, in data: Data) -> String? {
        all(element: element, attributes: [attribute], in: data).first?[attribute]
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        guard name == element || qualifiedName == element else { return }
        found.append(attributes.filter { wanted.contains($0.key) })
    }
}
