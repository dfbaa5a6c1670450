import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

/// A kommun's admin gets its districts into Trygg from the files it has, without the server's
/// command line: SCB's DeSO→RegSO table and the GIS's GeoJSON.
@Suite("Områden från fil i webben")
struct AreaImportTests {
    static let regso =
        "\u{FEFF}bro;Kommunnamn;DeSO;RegSO;;\n0580;Linköping;0580C1160;Berga;;\n0580;Linköping;0580C1180;Berga;;\n"
        + "0580;Linköping;0580C1010;Tornby;;\n0581;Norrköping;0581C1070;Navestad-Åselstad;;\n"

    static let geojson = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Lambohov"},
        "geometry":{"type":"Polygon","coordinates":[[[15.58,58.37],[15.60,58.37],[15.60,58.38],[15.58,58.38],[15.58,58.37]]]}}]}
        """

    @Test("Administratören läser in SCB:s tabell och en GeoJSON-fil och ser områdena; andra kommunen ser dem inte")
    func importsBothKinds() async throws {
        try await Harness.run { harness, client in
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            #expect(try await admin.get("/omraden").text.contains("Importera områden från fil"))
            let table = try await admin.upload("/omraden/import", file: Data(Self.regso.utf8), filename: "deso_regso.csv")
            #expect(table.status == .seeOther)
            let afterTable = try await admin.get(try #require(table.location))
            #expect(afterTable.text.contains("Läste 2 RegSO med sina DeSO-koder. 1 rad gällde andra kommuner och hoppades över."))
            #expect(afterTable.text.contains("Nya: Tornby.") && afterTable.text.contains("Uppdaterade: Berga."))
            let shapes = try await admin.upload("/omraden/import", file: Data(Self.geojson.utf8), filename: "gis.geojson")
            let afterShapes = try await admin.get(try #require(shapes.location))
            #expect(afterShapes.text.contains("Läste 1 område i WGS84 (EPSG:4326). Nya: Lambohov."))

            let kommun = try await harness.kommun("linkoping")
            let areas = try await AreaStore(harness.scope(kommun)).all()
            #expect(areas.first { $0.name == "Berga" }?.desoCodes == ["0580C1160", "0580C1180"])
            #expect(areas.first { $0.name == "Lambohov" }?.shape != nil && areas.first { $0.name == "Lambohov" }?.source == "gis.geojson")

            let norrkoping = Browser(client)
            try await norrkoping.login("admin@norrkoping.demo")
            let other = try await norrkoping.get("/omraden")
            #expect(!other.text.contains("Lambohov") && !other.text.contains("Tornby"))
        }
    }

    @Test("En fil som inte är områden säger vad den är och sparar ingenting; samordnaren får inte importera")
    func refusesWrongFiles() async throws {
        try await Harness.run { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let before = try await AreaStore(harness.scope(kommun)).all().count
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let population = try await admin.upload("/omraden/import", file: Data("deso,folkmangd_2023\n0580C1010,1200\n".utf8), filename: "scb.csv")
            #expect(population.status == .badRequest)
            #expect(population.text.contains("Filen är varken GeoJSON eller SCB:s tabell DeSO→RegSO: kolumnerna DeSO och RegSO saknas."))
            let broken = try await admin.upload("/omraden/import", file: Data("{\"type\":\"FeatureCollection\"".utf8), filename: "gis.geojson")
            #expect(broken.status == .badRequest && broken.text.contains("Filen är inte giltig JSON."))
            let picture = try await admin.upload(
                "/omraden/import", file: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]), filename: "karta.png")
            #expect(picture.status == .badRequest && picture.text.contains("Filen är en bild"))
            let empty = try await admin.upload("/omraden/import", file: Data(), filename: "tom.csv")
            #expect(empty.status == .badRequest && empty.text.contains("Filen tom.csv är tom."))
            #expect(try await AreaStore(harness.scope(kommun)).all().count == before, "inget område sparat")

            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(!(try await samordnare.get("/omraden").text.contains("Importera områden från fil")))
            #expect(try await samordnare.upload("/omraden/import", file: Data(Self.regso.utf8), filename: "x.csv").status == .forbidden)
        }
    }

    @Test("Administratören byter namn och DeSO-koder på ett område; en dubblett eller fel kod sparar inget; samordnaren och andra kommunen kan inte")
    func editsAnArea() async throws {
        try await Harness.run { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let store = AreaStore(harness.scope(kommun))
            let berga = try #require(try await store.all().first { $0.name == "Berga" })
            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let page = "/omraden/\(berga.id.uuidString)"
            #expect(try await admin.get(page).text.contains("Ändra området"))

            let duplicate = try await admin.post(page, ["name": "ryd", "deso": "0580C1160", "geojson": ""])
            #expect(duplicate.status == .badRequest && duplicate.text.contains("ryd"), "namnet finns redan")
            let wrongCode = try await admin.post(page, ["name": "Berga", "deso": "0581C1070", "geojson": ""])
            #expect(wrongCode.status == .badRequest && wrongCode.text.contains("0581C1070 hör inte till kommunkod 0580"))
            #expect(wrongCode.text.contains("value=\"Berga\"") && wrongCode.text.contains("0581C1070</textarea>"), "det inskrivna står kvar")
            let badShape = try await admin.post(page, ["name": "Berga", "deso": "", "geojson": "{\"type\":\"Point\""])
            #expect(badShape.status == .badRequest && badShape.text.contains("GeoJSON kunde inte läsas"))
            #expect(try await store.find(id: berga.id) == berga, "inget ändrat")

            let saved = try await admin.submit(page, ["name": "Berga med Hjulsbro", "deso": "0580C1160; 0580c1180", "geojson": ""])
            #expect(saved.text.contains("Området Berga med Hjulsbro är sparat."))
            let changed = try #require(try await store.find(id: berga.id))
            #expect(changed.name == "Berga med Hjulsbro" && changed.desoCodes == ["0580C1160", "0580C1180"] && changed.shape == berga.shape)
            let audit = try await AuditLog.search(AuditQuery(text: "ändrade område", limit: 5), in: harness.scope(kommun))
            #expect(audit.first?.detail.contains("namn: Berga → Berga med Hjulsbro") == true)

            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(!(try await samordnare.get(page).text.contains("Ändra området")))
            #expect(try await samordnare.post(page, ["name": "X", "deso": "", "geojson": ""]).status == .forbidden)
            let norrkoping = Browser(client)
            try await norrkoping.login("admin@norrkoping.demo")
            #expect(try await norrkoping.post(page, ["name": "X", "deso": "", "geojson": ""]).status == .notFound)
            #expect(try await store.find(id: berga.id)?.name == "Berga med Hjulsbro")
        }
    }
}
