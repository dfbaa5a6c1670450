import ArgumentParser
import Foundation
import TryggCore
import TryggStore

extension ImportCommand {
    struct PoliceAreas: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "utsatta-omraden",
            abstract: "Importerar polisens lista över utsatta områden för ett år (GeoJSON med polygoner eller attributtabellen som CSV).",
            discussion: """
                GeoJSON i WGS84 eller SWEREF 99 TM (crs eller koordinaternas storlek avgör) med egenskaperna NAMN, KATEGORI, ORT, \
                LOKALPOLIS, SPECIALOMR, AKTUALITET; eller CSV med samma kolumner. Ett område som redan finns på årets lista \
                (samma SPECIALOMR, annars samma namn och ort) uppdateras och får filens polygon; det läggs aldrig in två gånger. \
                Kategorin måste finnas i årets lista. Allt eller inget.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Listans år.") var year: Int
        @Argument(help: "GeoJSON- eller CSV-fil.") var file: String

        func run() async throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw CLIError("Filen \(file) kunde inte läsas.") }
            let areas: [PoliceArea]
            do { areas = try PoliceAreaList.read(data, year: year) } catch { throw CLIError("Ingenting importerades:\n" + error.description) }
            let result = try await db.withDatabase { database in
                try await PoliceAreaStore(database).importList(areas, year: year, fileName: (file as NSString).lastPathComponent, by: .commandLine())
            }
            say("Utsatta områden \(year): \(result.added) nya, \(result.updated) uppdaterade, \(result.polygons) med polygon.")
        }
    }
}

struct PoliceAreasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "utsatta-omraden", abstract: "Polisens lista över utsatta områden ett år, eller vilket område en punkt ligger i.",
        discussion: "JSON: en lista av {name, category, ort, since, has_polygon, area_m2}. Med --at LAT,LON: området som innehåller punkten, eller null.")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Listans år.") var year: Int
    @Option(help: "Format: json eller text.") var format = "text"
    @Option(help: "En punkt i WGS84, t.ex. 58.4300,15.5800.") var at: String?

    func run() async throws {
        guard ["json", "text"].contains(format) else { throw CLIError("Formatet \"\(format)\" stöds inte; använd json eller text.") }
        var point: GeoPoint?
        if let at {
            let parts = at.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2, GeoPoint(latitude: parts[0], longitude: parts[1]).isInSweden else {
                throw CLIError("--at ska vara en punkt i Sverige: latitud,longitud i WGS84 (t.ex. 58.4300,15.5800).")
            }
            point = GeoPoint(latitude: parts[0], longitude: parts[1])
        }
        let areas = try await db.withDatabase { database in try await PoliceAreaStore(database).list(year: year) }
        guard !areas.isEmpty else { throw CLIError("Ingen lista över utsatta områden är importerad för \(year).") }
        func json(_ area: PoliceArea) -> [String: Any] {
            [
                "name": area.name, "category": area.category, "ort": area.ort, "since": area.since, "has_polygon": area.shape != nil,
                "area_m2": area.areaM2.map { $0.rounded() } ?? NSNull(),
            ]
        }
        if let point {
            let found = areas.first { $0.shape?.contains(point) ?? false }
            if format == "json" {
                let value: Any = found.map(json) ?? NSNull()
                FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .prettyPrinted, .fragmentsAllowed]))
                FileHandle.standardOutput.write(Data("\n".utf8))
            } else {
                print(
                    found.map { "\($0.name) (\($0.ort)): \($0.category) sedan \($0.since)" } ?? "Punkten ligger inte i något utsatt område på listan \(year).")
            }
            return
        }
        if format == "json" {
            FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: areas.map(json), options: [.sortedKeys, .prettyPrinted]))
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            for area in areas { print("\(area.name)\t\(area.ort)\t\(area.category)\t\(area.since)\t\(area.shape == nil ? "utan polygon" : "polygon")") }
        }
    }
}
