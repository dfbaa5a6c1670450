import Foundation
import Testing
import TryggCore
import TryggReports
import TryggStore
@testable import TryggWeb

/// The years a kommun kept its EST events in Excel come into Trygg from the events page.
@Suite("EST-händelser från fil i webben")
struct IncidentImportTests {
    static let header = "occurred_at,category,latitude,longitude,area,description,reporter_organisation\n"
    static let events =
        header + "2024-03-27 21:40,Nedskräpning,58.4100,15.6200,,Skräp vid entrén,MOS\n"
        + "2024-03-25T00:30:00+01:00,skadegorelse,58.4320,15.5800,,Klotter på gaveln,Polisen\n"

    @Test("Samordnaren importerar en fil och ser händelserna i sin vecka; en felaktig fil säger rad och kolumn och sparar inget")
    func importsAndRefuses() async throws {
        try await Harness.run { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let before = try await IncidentStore(harness.scope(kommun)).count(filter: IncidentStore.Filter())
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/est/handelser").text.contains("Importera händelser från fil"))
            let bad = Self.header + "2024-03-31 02:30,Nedskräpning,200,15.6,,Skräp,MOS\n"
            let refused = try await samordnare.upload("/est/handelser/import", file: Data(bad.utf8), filename: "est.csv")
            #expect(refused.status == .badRequest && refused.text.contains("Ingenting importerades") && refused.text.contains("Rad 2"))
            let picture = try await samordnare.upload("/est/handelser/import", file: Data([0x89, 0x50, 0x4E, 0x47, 0, 0]), filename: "bild.png")
            #expect(picture.status == .badRequest && picture.text.contains("Filen är en bild"))
            #expect(try await IncidentStore(harness.scope(kommun)).count(filter: IncidentStore.Filter()) == before, "inget sparat")

            let imported = try await samordnare.upload("/est/handelser/import", file: Data(Self.events.utf8), filename: "est-2024.csv")
            #expect(imported.status == .seeOther)
            #expect(try await samordnare.get(try #require(imported.location)).text.contains("Importerade 2 händelser från est-2024.csv."))
            let week = try await samordnare.get("/est/handelser?vecka=2024-W13")
            #expect(week.text.contains("Skräp vid entrén") && week.text.contains("Klotter på gaveln"))
            #expect(try await IncidentStore(harness.scope(kommun)).count(filter: IncidentStore.Filter()) == before + 2)

            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            #expect(!(try await reporter.get("/est/handelser").text.contains("Importera händelser från fil")))
            #expect(try await reporter.upload("/est/handelser/import", file: Data(Self.events.utf8), filename: "est.csv").status == .forbidden)
        }
    }

    @Test("Analytikern laddar ner urvalet som Excel och CSV; CSV-filen läses in igen; en formel blir text; rapportören kan inte")
    func exportsTheSelection() async throws {
        try await Harness.run { harness, client in
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let events =
                Self.header + "2024-03-27 21:40,Nedskräpning,58.4100,15.6200,,=SUMMA(A1:A9),MOS\n"
                + "2024-03-28 08:10,Skadegörelse,58.4320,15.5800,,\"Klotter, stort\",Polisen\n"
                + "2024-04-02 12:00,Skadegörelse,58.4320,15.5800,,Nästa vecka,Polisen\n"
            let imported = try await samordnare.upload("/est/handelser/import", file: Data(events.utf8), filename: "est.csv")
            #expect(imported.status == .seeOther, "\(imported.text.split(separator: "\n").filter { $0.contains("Rad") })")

            let analyst = Browser(client)
            try await analyst.login("analytiker@linkoping.demo")
            let list = try await analyst.get("/est/handelser?fran=2024-03-27&till=2024-03-31")
            #expect(list.text.contains("2 händelser.") && list.text.contains("Ladda ner urvalet"))
            #expect(list.text.contains("href=\"/est/handelser/export.xlsx?fran=2024-03-27&amp;till=2024-03-31\""))
            let badDate = try await analyst.get("/est/handelser?fran=2024-02-30")
            #expect(badDate.text.contains("”2024-02-30” är inget datum (ÅÅÅÅ-MM-DD)"))

            let csv = try await analyst.get("/est/handelser/export.csv?fran=2024-03-27&till=2024-03-31")
            #expect(csv.status == .ok)
            let table = try CSVReader.read(Data(buffer: csv.body))
            #expect(table.header.prefix(7) == IncidentCSV.columns[...])
            #expect(table.rows.count == 2)
            #expect(table.rows.first?.fields[5] == "'=SUMMA(A1:A9)", "Excel kör inte texten som en formel")
            #expect(table.rows.last?.fields[5] == "Klotter, stort")
            let kommun = try await harness.kommun("linkoping")
            let categories = try await CategoryStore(harness.scope(kommun)).all()
            let areas = try await AreaStore(harness.scope(kommun)).all().map(\.name)
            let again = try IncidentCSV.rows(from: table, categories: categories, areaNames: areas)
            #expect(again.map(\.incident.description) == ["'=SUMMA(A1:A9)", "Klotter, stort"], "filen läses in igen")

            let xlsx = try XlsxReader.read(Data(buffer: try await analyst.get("/est/handelser/export.xlsx?fran=2024-03-27&till=2024-03-31").body))
            #expect(xlsx.header.first == "Tidpunkt" && xlsx.rows.count == 2)
            #expect(xlsx.rows.first?.fields[5] == "=SUMMA(A1:A9)", "i Excel-filen är texten en textcell, inte en formel")
            let audit = try await AuditLog.search(AuditQuery(text: "laddade ner händelser", limit: 5), in: harness.scope(kommun))
            #expect(audit.count == 2 && audit.first?.detail.contains("2 händelser") == true)

            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            #expect(!(try await reporter.get("/est/handelser").text.contains("Ladda ner urvalet")))
            #expect(try await reporter.get("/est/handelser/export.csv").status == .forbidden)
        }
    }

    @Test("Händelselistan bläddras framåt och bakåt med urvalet kvar")
    func pagesThroughTheList() async throws {
        try await Harness.run(est: true) { _, client in
            let analyst = Browser(client)
            try await analyst.login("analytiker@linkoping.demo")
            let first = try await analyst.get("/est/handelser?fran=2026-01-01")
            #expect(first.text.contains("Sida 1 av") && !first.text.contains("Föregående sida"))
            let second = try await analyst.get("/est/handelser?fran=2026-01-01&sida=1")
            #expect(second.text.contains("Sida 2 av") && second.text.contains("href=\"/est/handelser?fran=2026-01-01\">← Föregående sida"))
            #expect(second.text.contains("value=\"2026-01-01\""), "datumet står kvar i filtret")
        }
    }
}
