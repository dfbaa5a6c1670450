import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import TryggCore
import ZIPFoundation

/// The smallest Excel workbook that Excel, LibreOffice and openpyxl read: one sheet, text as
/// inline strings, whole numbers as numbers, a bold and frozen header row.
public enum XlsxWriter {
    public enum Cell {
        case text(String)
        case number(Int)
        /// A share or a rate, written with a decimal point as the file format wants.
        case decimal(Double)
        /// A value left out on purpose (a hidden cell): an empty cell, not 0.
        case empty
    }

    public static func workbook(sheetName: String, header: [String], rows: [[Cell]]) throws -> Data {
        var sheet =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
            + "<sheetData>"
        sheet += row(1, header.map(Cell.text), style: 1)
        for (index, cells) in rows.enumerated() { sheet += row(index + 2, cells, style: 0) }
        sheet += "</sheetData></worksheet>"
        return try OOXMLPackage.zip([
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
            (
                "xl/workbook.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"\(DocxDocument.xml(String(sheetName.prefix(31))))\" "
                    + "sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
            ),
            ("xl/_rels/workbook.xml.rels", workbookRelationships), ("xl/styles.xml", styles), ("xl/worksheets/sheet1.xml", sheet),
        ])
    }

    private static func row(_ number: Int, _ cells: [Cell], style: Int) -> String {
        "<row r=\"\(number)\">"
            + cells.enumerated().map { index, cell in
                let reference = "\(XlsxReader.columnName(index))\(number)"
                let s = style > 0 ? " s=\"\(style)\"" : ""
                switch cell {
                case .number(let value): return "<c r=\"\(reference)\"\(s)><v>\(value)</v></c>"
                case .decimal(let value): return value.isFinite ? "<c r=\"\(reference)\"\(s)><v>\(value)</v></c>" : "<c r=\"\(reference)\"\(s)/>"
                case .empty: return "<c r=\"\(reference)\"\(s)/>"
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
