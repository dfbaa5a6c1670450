import Foundation
import Testing
@testable import TryggCore

@Suite("CSV som Excel skriver den")
struct CSVTests {
    @Test("BOM, semikolon och citerade fält med radbrytning och dubblerade citattecken")
    func excelSwedish() throws {
        let text = "\u{FEFF}namn;text\r\nA;\"rad ett\r\nrad två; med \"\"citat\"\"\"\r\nB;enkel\r\n;\r\n"
        let table = try CSVReader.read(Data(text.utf8))
        #expect(table.delimiter == ";")
        #expect(table.header == ["namn", "text"])
        #expect(table.rows.map(\.fields) == [["A", "rad ett\r\nrad två; med \"citat\""], ["B", "enkel"]])
        #expect(table.rows.map(\.line) == [2, 4])
    }

    @Test("Kommatecken som avgränsare och LF-radslut")
    func commaAndLF() throws {
        let table = try CSVReader.read(Data("a,b\n1,\"x,y\"\n".utf8))
        #expect(table.delimiter == "," && table.rows.first?.fields == ["1", "x,y"])
    }

    @Test("Trasig citering ger radnummer")
    func brokenQuote() {
        #expect(throws: CSVReader.Problem(line: 2, message: "ett citattecken öppnas men stängs aldrig (trasig citering).")) {
            try CSVReader.read(Data("a,b\n1,\"öppen\n2,3\n".utf8))
        }
        #expect(throws: CSVReader.Problem.self) { try CSVReader.read(Data("a,b\n1,x\"y\n".utf8)) }
        #expect(throws: CSVReader.Problem.self) { try CSVReader.read(Data("a,b\n1,\"x\"y\n".utf8)) }
    }

    @Test("Excels semikolonfil i Windows-1252 läses; bilder, Excel-dokument, UTF-16 och tomma filer avvisas med förklaring")
    func encodingAndEmpty() throws {
        // "Område;Antal\nSkäggetorp;3" as Swedish Excel saves "CSV (semikolonavgränsad)".
        let windows = try CSVReader.read(Data([0x4F, 0x6D, 0x72, 0xE5, 0x64, 0x65, 0x3B, 0x41, 0x0A, 0x53, 0x6B, 0xE4, 0x67, 0x67, 0x3B, 0x33, 0x0A]))
        #expect(windows.header == ["Område", "A"])
        #expect(windows.rows.map(\.fields) == [["Skägg", "3"]])
        // 0x81 is no character in Windows-1252 either.
        #expect(throws: CSVReader.Problem(line: nil, message: "Filen är varken kodad i UTF-8 eller Windows-1252. Spara den som \"CSV UTF-8\" i Excel.")) {
            try CSVReader.read(Data([0x61, 0x0A, 0x81, 0x0A]))
        }
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
        #expect(
            throws: CSVReader.Problem(line: nil, message: "Filen är en bild, inte en CSV-fil. Spara tabellen som \"CSV UTF-8\" i Excel och välj den filen.")
        ) {
            try CSVReader.read(png)
        }
        #expect(throws: CSVReader.Problem.self) { try CSVReader.read(Data([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00])) }
        #expect(throws: CSVReader.Problem.self) { try CSVReader.read(Data([0x61, 0x3B, 0x00, 0x0A])) }
        #expect(throws: CSVReader.Problem(line: nil, message: "Filen är tom: rubrikraden saknas.")) { try CSVReader.read(Data()) }
    }

    @Test("Skrivna fält läses tillbaka oförändrade")
    func roundTrip() throws {
        let fields = ["enkel", "med, komma", "med \"citat\"", "rad\r\nbrytning", "a;b", ""]
        let table = try CSVReader.read(Data((CSVWriter.line(["h1", "h2", "h3", "h4", "h5", "h6"]) + CSVWriter.line(fields)).utf8))
        #expect(table.rows.first?.fields == fields)
    }

    @Test("En stor fil läses i två halvor samtidigt och ger samma rader och radnummer som i en följd, även med radbrytningar inom citat")
    func largeFileInTwoHalves() throws {
        var text = "id;text;antal\r\n"
        var row = 0
        while text.utf8.count < CSVReader.parallelFrom + 1_000 {
            row += 1
            // Every seventh row has a quoted field with a line break and a doubled quote inside.
            text += row % 7 == 0 ? "\(row);\"två\nrader \"\"citat\"\" \(row)\";\(row % 13)\r\n" : "\(row);Skadegörelse – klotter;\(row % 13)\r\n"
        }
        let parallel = try CSVReader.read(Data(text.utf8))
        let sequential = try CSVReader.records(Array(text.utf8), separator: 59)
        #expect(parallel.rows == Array(sequential.dropFirst()))
        #expect(parallel.rows.count == row && parallel.rows.last?.fields.first == "\(row)")
        let broken = text + "\(row + 1);trasigt \"citat;1\r\n"
        #expect(throws: CSVReader.Problem.self) { try CSVReader.read(Data(broken.utf8)) }
        var inOrder: CSVReader.Problem?
        do { _ = try CSVReader.records(Array(broken.utf8), separator: 59) } catch { inOrder = error }
        do {
            _ = try CSVReader.read(Data(broken.utf8))
        } catch {
            #expect(error == inOrder && (error.line ?? 0) > sequential.last!.line, "felet anges med sin rad i hela filen")
        }
    }

    @Test("Samma fel på många rader blir en rad som nämner raderna, så att andra fel inte försvinner bland upprepningar")
    func repeatedProblems() {
        let unknown = "DeSO 0580C1280 är okänd."
        let problems =
            (2...43).map { ImportProblem(line: $0, column: "DeSO.område", message: unknown) }
            + [ImportProblem(line: 7, column: "Antal", message: "\"x\" är inget antal."), ImportProblem(line: 9, column: "Brottskod", message: "saknas.")]
            + [ImportProblem(line: 11, column: "Brottskod", message: "saknas.")]
        #expect(
            ImportFailure(problems).description == """
                Ingenting importerades (45 fel):
                  – Rad 2, 3, 4, 5, 6 m.fl. (42 rader), kolumn DeSO.område: \(unknown)
                  – Rad 7, kolumn Antal: "x" är inget antal.
                  – Rad 9 och 11, kolumn Brottskod: saknas.
                """)
    }
}
