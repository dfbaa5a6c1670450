import Foundation
import TryggCore

/// A `LineChart` as a native Word chart (DrawingML): Word and LibreOffice draw it from the values
/// cached in the part, and a reader can restyle it. The series' values are literal, so no
/// embedded workbook is needed; a missing value is a gap (`dispBlanksAs gap`). The same data
/// can be drawn as horizontal stacked bars (shares of a whole, such as statuses per section).
extension LineChart {
    static let dashes = ["solid", "dash", "sysDot", "dashDot", "lgDash"]

    func drawingML() -> String {
        let x = { (text: String) in XMLText.escaped(text) }
        let lines = style == .lines
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><c:lang val=\"sv-SE\"/><c:roundedCorners val=\"0\"/><c:chart>"
            + "<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"1200\" b=\"1\"/></a:pPr><a:r><a:rPr lang=\"sv-SE\" sz=\"1200\" b=\"1\"/><a:t>\(x(title))</a:t></a:r></a:p></c:rich></c:tx>"
            + "<c:overlay val=\"0\"/></c:title><c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/>"
            + (lines
                ? "<c:lineChart><c:grouping val=\"standard\"/><c:varyColors val=\"0\"/>"
                : "<c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"stacked\"/><c:varyColors val=\"0\"/>")
        let categoryPoints = categories.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\(x($0.element))</c:v></c:pt>" }.joined()
        for (number, line) in series.enumerated() {
            let colour = colours.map { $0[number % $0.count] } ?? String(Self.styles[number % Self.styles.count].colour.dropFirst()).uppercased()
            let fill = "<a:solidFill><a:srgbClr val=\"\(colour)\"/></a:solidFill>"
            let valuePoints = line.values.enumerated().compactMap { index, value in
                value.map { "<c:pt idx=\"\(index)\"><c:v>\(String(format: "%.2f", $0))</c:v></c:pt>" }
            }.joined()
            let look =
                lines
                ? "<c:spPr><a:ln w=\"28575\" cap=\"rnd\">\(fill)<a:prstDash val=\"\(Self.dashes[number % Self.dashes.count])\"/></a:ln></c:spPr>"
                    + "<c:marker><c:symbol val=\"circle\"/><c:size val=\"5\"/><c:spPr>\(fill)</c:spPr></c:marker>"
                : "<c:spPr>\(fill)</c:spPr><c:invertIfNegative val=\"0\"/>"
            xml +=
                "<c:ser><c:idx val=\"\(number)\"/><c:order val=\"\(number)\"/><c:tx><c:v>\(x(line.name))</c:v></c:tx>" + look
                + "<c:cat><c:strLit><c:ptCount val=\"\(categories.count)\"/>\(categoryPoints)</c:strLit></c:cat>"
                + "<c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"\(categories.count)\"/>\(valuePoints)</c:numLit></c:val>"
                + (lines ? "<c:smooth val=\"0\"/>" : "") + "</c:ser>"
        }
        xml +=
            (lines
                ? "<c:marker val=\"1\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:lineChart>"
                : "<c:gapWidth val=\"60\"/><c:overlap val=\"100\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>")
            // Bars list the categories from the top, as the tables beside them do.
            + "<c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"\(lines ? "minMax" : "maxMin")\"/></c:scaling><c:delete val=\"0\"/>"
            + "<c:axPos val=\"\(lines ? "b" : "l")\"/><c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:tickLblPos val=\"low\"/>"
            + "<c:crossAx val=\"1002\"/><c:crosses val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>"
            + "<c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"0\"/>"
            + "<c:axPos val=\"\(lines ? "l" : "b")\"/><c:majorGridlines/>"
            + "<c:title><c:tx><c:rich><a:bodyPr\(lines ? " rot=\"-5400000\" vert=\"horz\"" : "")/><a:p><a:r><a:t>\(x(valueLabel))</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>"
            + "<c:numFmt formatCode=\"#,##0\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1001\"/><c:crosses val=\"autoZero\"/>"
            + "<c:crossBetween val=\"\(lines ? "midCat" : "between")\"/></c:valAx></c:plotArea>"
            + "<c:legend><c:legendPos val=\"b\"/><c:overlay val=\"0\"/></c:legend><c:plotVisOnly val=\"1\"/><c:dispBlanksAs val=\"gap\"/></c:chart></c:chartSpace>"
        return xml
    }
}
