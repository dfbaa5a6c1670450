import ArgumentParser
import Foundation
import TryggCore
import TryggStore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Importera data från filer.", subcommands: [Areas.self])

    struct Areas: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importerar områden från GeoJSON (WGS84 eller SWEREF 99 TM).",
            discussion: """
                Filen är en FeatureCollection med Polygon/MultiPolygon och namnet i egenskapen name eller NAMN.
                Koordinatsystemet läses från crs, annars från koordinaternas storlek. Områden med samma namn
                som ett befintligt får den nya gränsen. Allt eller inget: vid fel importeras ingenting.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Argument(help: "GeoJSON-fil.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Filen \(file) går inte att läsa.") }
            guard data.count <= 50 * 1024 * 1024 else { throw CLIError("Filen är större än 50 MB.") }
            let parsed: (areas: [ParsedArea], projection: AreaGeoJSON.Projection)
            do { parsed = try AreaGeoJSON.parse(data) } catch {
                throw CLIError("Ingenting importerades. Fel i \(file):\n" + error.messages.map { "  – \($0)" }.joined(separator: "\n"))
            }
            let result = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                return try await AreaStore(database).importAreas(
                    parsed.areas, into: kommun, source: (file as NSString).lastPathComponent, by: .commandLine(kommunID: kommun.id))
            }
            say("Läste \(parsed.areas.count) områden i \(parsed.projection.rawValue).")
            if !result.created.isEmpty { say("Nya: \(result.created.joined(separator: ", "))") }
            if !result.updated.isEmpty { say("Uppdaterade: \(result.updated.joined(separator: ", "))") }
        }
    }
}
