import Foundation
import Testing
import TryggCore
@testable import TryggWeb

@Suite("Excel och Word skrivna för hand")
struct DocumentTests {
    @Test("Planen som Excel-fil läses tillbaka till exakt samma rader")
    func xlsxRoundTrip() throws {
        let rows = try PlanCSV.parse(Data(contentsOf: DemoSeed.linkopingPlan2023))
        let data = try PlanFiles.xlsx(rows, year: 2023)
        #expect(XlsxReader.isXlsx(data))
        #expect(try PlanFiles.rows(from: data) == rows)
    }

    @Test("Fel i en Excel-fil anges med radnummer och kolumn som i CSV")
    func xlsxProblems() throws {
        var rows = try PlanCSV.parse(Data(contentsOf: DemoSeed.linkopingPlan2023)).prefix(3).map { $0 }
        rows[1].measure = ""
        let data = try PlanFiles.xlsx(rows, year: 2023)
        #expect(throws: ImportFailure([ImportProblem(line: 3, column: "measure", message: "åtgärdstexten saknas.")])) {
            try PlanFiles.rows(from: data)
        }
        #expect(throws: ImportFailure.self) { try PlanFiles.rows(from: Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0])) }
    }

    @Test("Ett Excel-ark med avbruten XML avvisas med ett tydligt fel i stället för att läsas till hälften")
    func brokenSheet() throws {
        let sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>year</t></is></c></row><row r=\"2\"><c r=\"A2\""
        let data = try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", sheet)])
        #expect(XlsxReader.isXlsx(data))
        #expect(throws: ImportFailure([ImportProblem(line: nil, column: nil, message: "Excel-filens kalkylblad är trasigt och kan inte läsas.")])) {
            try PlanFiles.rows(from: data)
        }
    }

    @Test("Kolumnbokstäver åt båda hållen")
    func columnNames() {
        #expect(XlsxReader.columnName(0) == "A" && XlsxReader.columnName(25) == "Z" && XlsxReader.columnName(26) == "AA")
        #expect(XlsxReader.columnIndex("L7") == 11 && XlsxReader.columnIndex("AB12") == 27)
    }

    @Test("Text i Word-dokument escapas och ogiltiga kontrolltecken tas bort")
    func docxText() {
        #expect(DocxDocument.xml("<b>&\"\u{0007}") == "&lt;b&gt;&amp;&quot;")
    }
}
