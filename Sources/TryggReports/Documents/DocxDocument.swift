import Foundation
import TryggCore

/// A Word document written by hand in OOXML: real heading styles (so Word's navigation pane and
/// table of contents work), real tables with repeating header rows, A4 pages, Swedish language.
public struct DocxDocument {
    private var body = ""
    let title: String

    public init(title: String) { self.title = title }

    public mutating func paragraph(_ text: String, style: String? = nil, bold: Bool = false) {
        body += "<w:p>" + (style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "") + Self.runs(text, bold: bold) + "</w:p>"
    }

    public mutating func heading(_ text: String, level: Int) { paragraph(text, style: "Heading\(level)") }

    public mutating func pageBreak() { body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" }

    /// Widths are relative; the table spans the text width (A4 with 2 cm margins ≈ 9638 twips).
    public mutating func table(header: [String], rows: [[String]], widths: [Int]) {
        let total = widths.reduce(0, +)
        let twips = widths.map { $0 * 9638 / max(total, 1) }
        body +=
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
            + twips.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        body += Self.row(header, widths: twips, header: true)
        for row in rows { body += Self.row(row, widths: twips, header: false) }
        body += "</w:tbl><w:p/>"
    }

    private static func row(_ cells: [String], widths: [Int], header: Bool) -> String {
        "<w:tr>" + (header ? "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
            + zip(cells, widths).map { text, width in
                "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>" + (header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8EEF4\"/>" : "")
                    + "</w:tcPr>" + text.components(separatedBy: "\n\n").map { "<w:p>" + runs($0, bold: header) + "</w:p>" }.joined() + "</w:tc>"
            }.joined() + "</w:tr>"
    }

    private static func runs(_ text: String, bold: Bool) -> String {
        let properties = bold ? "<w:rPr><w:b/></w:rPr>" : ""
        return text.components(separatedBy: "\n").enumerated().map { index, line in
            (index > 0 ? "<w:r><w:br/></w:r>" : "") + "<w:r>\(properties)<w:t xml:space=\"preserve\">\(xml(line))</w:t></w:r>"
        }.joined()
    }

    /// XML text: escaped, and without the control characters XML 1.0 forbids.
    public static func xml(_ text: String) -> String { XMLText.escaped(text) }

    public func data() throws -> Data {
        try OOXMLPackage.zip([
            ("[Content_Types].xml", Self.contentTypes), ("_rels/.rels", Self.packageRelationships),
            ("docProps/core.xml", coreProperties), ("word/_rels/document.xml.rels", Self.documentRelationships),
            ("word/styles.xml", Self.styles), ("word/document.xml", document),
        ])
    }

    private var document: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + body
            + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" "
            + "w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    }

    private var coreProperties: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(Self.xml(title))</dc:title><dc:creator>Trygg</dc:creator>"
            + "<dc:language>sv-SE</dc:language></cp:coreProperties>"
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
        """

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let documentRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """

    static let styles: String = {
        func heading(_ level: Int, size: Int) -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(level)\"><w:name w:val=\"heading \(level)\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/>"
                + "<w:outlineLvl w:val=\"\(level - 1)\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"0B4F8A\"/><w:sz w:val=\"\(size)\"/></w:rPr></w:style>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/>"
            + "<w:lang w:val=\"sv-SE\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:pPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
            + "<w:pPr><w:spacing w:before=\"2400\" w:after=\"240\"/></w:pPr><w:rPr><w:b/><w:sz w:val=\"52\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/>"
            + "<w:rPr><w:sz w:val=\"30\"/><w:color w:val=\"444444\"/></w:rPr></w:style>"
            + heading(1, size: 32) + heading(2, size: 26) + heading(3, size: 23)
            + "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
            + "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
            + "<w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/><w:basedOn w:val=\"TableNormal\"/><w:tblPr><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>" }
            .joined()
            + "</w:tblBorders></w:tblPr></w:style></w:styles>"
    }()
}
