import Foundation
import Testing
import TryggCore
@testable import TryggReports
@testable import TryggWeb
import TryggDemo

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
        let sheet =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
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

    static func sheet(_ rows: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + rows + "</sheetData></worksheet>"
    }

    static func problem(_ data: Data, limits: XlsxReader.Limits = .standard) -> String? {
        do {
            _ = try XlsxReader.read(data, limits: limits)
            return nil
        } catch { return String(describing: error) }
    }

    @Test("En cellreferens långt utanför XFD eller en rad utanför Excels rader avvisas i stället för att krascha")
    func outsideTheGrid() throws {
        let long = try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", Self.sheet("<row r=\"1\"><c r=\"AAAAAAAAAAAAAAAA1\"><v>1</v></c></row>"))])
        #expect(
            throws: ImportFailure([
                ImportProblem(line: nil, column: nil, message: "Excel-filen har en cell utanför Excels kolumner A–XFD (”AAAAAAAAAAAAAAAA1”).")
            ])
        ) {
            try PlanFiles.rows(from: long)
        }
        let beyond = try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", Self.sheet("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"))])
        #expect(Self.problem(beyond)?.contains("A–XFD") == true)
        let lastColumn = try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", Self.sheet("<row r=\"1\"><c r=\"XFD1\"><v>7</v></c></row>"))])
        #expect(try XlsxReader.read(lastColumn).header.last == "7", "XFD är Excels sista kolumn och läses")
        let row = try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", Self.sheet("<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c></row>"))])
        #expect(Self.problem(row)?.contains("rader 1–1048576") == true)
        let huge = try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", Self.sheet("<row r=\"99999999999999999999999\"><c><v>1</v></c></row>"))])
        #expect(Self.problem(huge)?.contains("rader 1–1048576") == true)
    }

    @Test("Uppackade delar, celler och texter har gränser: en zipbomb packas inte upp i sin helhet")
    func bounds() throws {
        let rows = (1...200).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>\(String(repeating: "x", count: 100))</t></is></c></row>" }.joined()
        let data = try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", Self.sheet(rows))])
        #expect(data.count < 5_000, "komprimeras väl, som en zipbomb")
        var small = XlsxReader.Limits()
        small.partBytes = 10_000
        #expect(Self.problem(data, limits: small) == "Excel-filens del xl/worksheets/sheet1.xml är större än 0 MB uppackad och läses inte.")
        #expect(Self.problem(data) == nil, "samma fil läses med standardgränserna")
        var fewCells = XlsxReader.Limits()
        fewCells.cells = 1_000
        let wide = try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", Self.sheet("<row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row>"))])
        #expect(Self.problem(wide, limits: fewCells) == "Excel-filen har fler än 1000 celler och läses inte.")
        var fewStrings = XlsxReader.Limits()
        fewStrings.sharedStrings = 2
        let strings = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>"
        let shared = try OOXMLPackage.zip([
            ("xl/sharedStrings.xml", strings), ("xl/worksheets/sheet1.xml", Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2</v></c></row>")),
        ])
        #expect(Self.problem(shared, limits: fewStrings) == "Excel-filen har fler än 2 olika texter och läses inte.")
        #expect(try XlsxReader.read(shared).header == ["c"])
    }

    @Test("En DTD med entiteter (billion laughs) avvisas")
    func entities() throws {
        let bomb =
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>"
            + "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"
        let data = try OOXMLPackage.zip([("xl/worksheets/sheet1.xml", bomb)])
        #expect(Self.problem(data)?.contains("innehåller en DTD") == true)
    }
}
