import Foundation
import TryggCore

/// A Word document written by hand in OOXML: real heading styles (so Word's navigation pane and
/// table of contents work), real tables with repeating header rows, A4 pages, Swedish language.
public struct DocxDocument {
    private var body = ""
    let title: String
    /// Chart parts (DrawingML) and PNG pictures, numbered in the order they appear.
    private var charts: [String] = []
    private var pictures: [Data] = []

    public init(title: String) { self.title = title }

    public mutating func paragraph(_ text: String, style: String? = nil, bold: Bool = false) {
        body += "<w:p>" + (style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? "") + Self.runs(text, bold: bold) + "</w:p>"
    }

    public mutating func heading(_ text: String, level: Int) { paragraph(text, style: "Heading\(level)") }

    public mutating func pageBreak() { body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" }

    /// A native Word chart, `widthCm` × `heightCm`; `description` is its alternative text.
    public mutating func chart(_ chart: LineChart, description: String, widthCm: Double = 16.5, heightCm: Double = 9) {
        charts.append(chart.drawingML())
        let graphic =
            "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" "
            + "r:id=\"rIdChart\(charts.count)\"/></a:graphicData>"
        inline(graphic, name: "Diagram \(charts.count)", description: description, widthCm: widthCm, heightCm: heightCm)
    }

    /// A PNG picture, `widthCm` × `heightCm`; `description` is its alternative text.
    public mutating func picture(png: Data, description: String, widthCm: Double, heightCm: Double) {
        pictures.append(png)
        let number = pictures.count, size = Self.emu(widthCm, heightCm)
        let graphic =
            "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(number)\" name=\"bild\(number).png\" descr=\"\(Self.xml(description))\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"rIdPicture\(number)\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(size.cx)\" cy=\"\(size.cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData>"
        inline(graphic, name: "Bild \(number)", description: description, widthCm: widthCm, heightCm: heightCm)
    }

    private static func emu(_ widthCm: Double, _ heightCm: Double) -> (cx: Int, cy: Int) { (Int(widthCm * 360_000), Int(heightCm * 360_000)) }

    /// A drawing in its own paragraph, in line with the text.
    private mutating func inline(_ graphic: String, name: String, description: String, widthCm: Double, heightCm: Double) {
        let size = Self.emu(widthCm, heightCm), id = charts.count + pictures.count + 100
        body +=
            "<w:p><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(size.cx)\" cy=\"\(size.cy)\"/>"
            + "<wp:docPr id=\"\(id)\" name=\"\(name)\" descr=\"\(Self.xml(description))\"/>"
            + "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">\(graphic)</a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

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
        var parts: [(path: String, bytes: Data)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", Self.packageRelationships), ("docProps/core.xml", coreProperties),
            ("word/_rels/document.xml.rels", documentRelationships), ("word/styles.xml", Self.styles), ("word/document.xml", document),
            ("word/footer1.xml", footer),
        ].map { ($0.0, Data($0.1.utf8)) }
        for (index, chart) in charts.enumerated() { parts.append(("word/charts/chart\(index + 1).xml", Data(chart.utf8))) }
        for (index, picture) in pictures.enumerated() { parts.append(("word/media/bild\(index + 1).png", picture)) }
        return try OOXMLPackage.zip(parts)
    }

    private var document: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><w:body>" + body
            + "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" "
            + "w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    }

    /// Every page names the document and its page number ("Sida 3 av 12"), for a printed report
    /// that comes apart.
    private var footer: String {
        func field(_ instruction: String) -> String {
            "<w:fldSimple w:instr=\" \(instruction) \"><w:r><w:rPr><w:sz w:val=\"18\"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
        }
        func text(_ value: String) -> String { "<w:r><w:rPr><w:sz w:val=\"18\"/></w:rPr><w:t xml:space=\"preserve\">\(Self.xml(value))</w:t></w:r>" }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
            + text("\(title) · Sida ") + field("PAGE") + text(" av ") + field("NUMPAGES") + "</w:p></w:ftr>"
    }

    private var coreProperties: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(Self.xml(title))</dc:title><dc:creator>Trygg</dc:creator>"
            + "<dc:language>sv-SE</dc:language></cp:coreProperties>"
    }

    private var contentTypes: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
            + charts.indices.map {
                "<Override PartName=\"/word/charts/chart\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>"
            }.joined() + "</Types>"
    }

    static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    private var documentRelationships: String {
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        return
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rIdFooter\" Type=\"\(relationships)/footer\" Target=\"footer1.xml\"/>"
            + charts.indices.map { "<Relationship Id=\"rIdChart\($0 + 1)\" Type=\"\(relationships)/chart\" Target=\"charts/chart\($0 + 1).xml\"/>" }.joined()
            + pictures.indices.map { "<Relationship Id=\"rIdPicture\($0 + 1)\" Type=\"\(relationships)/image\" Target=\"media/bild\($0 + 1).png\"/>" }.joined()
            + "</Relationships>"
    }

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
