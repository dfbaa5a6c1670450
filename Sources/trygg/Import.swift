import ArgumentParser
import Foundation
import TryggCore
import TryggReports
import TryggStore
import TryggWeb

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Importera data från filer.",
        subcommands: [Areas.self, Plan.self, Incidents.self, Crimes.self, Population.self, Regional.self, SurveyResponses.self, PoliceAreas.self])

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importerar en åtgärdsplan från CSV eller Excel (.xlsx) med samma kolumner.",
            discussion: """
                Kolumner: \(PlanCSV.columns.joined(separator: ",")). UTF-8 (med eller utan BOM) eller Windows-1252, komma eller semikolon.

                Ansvariga och samverkansparter skiljs med ';'. Varje ansvarig måste vara en organisation i kommunen.

                Allt eller inget: vid fel importeras ingenting och varje fel anges med rad och kolumn.

                Ett utkast för samma år ersätts; en antagen plan skrivs aldrig över.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Argument(help: "CSV- eller Excel-fil.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Filen \(file) går inte att läsa.") }
            guard data.count <= 20 * 1024 * 1024 else { throw CLIError("Filen är större än 20 MB.") }
            let rows: [PlanRow]
            do { rows = try PlanFiles.rows(from: data) } catch { throw CLIError(error.description) }
            let summary = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                do {
                    return try await PlanStore(KommunScope(database, kommunID: kommun.id)).importRows(
                        rows, source: (file as NSString).lastPathComponent,
                        by: .commandLine(kommunID: kommun.id))
                } catch let failure as ImportFailure {
                    throw CLIError(failure.description)
                }
            }
            say(
                "Importerade \(SwedishGrammar.count(summary.measureCount, "åtgärd", "åtgärder")) till åtgärdsplan \(summary.plan.year) (version \(summary.plan.version), utkast)"
                    + (summary.replacedDraft ? "; det tidigare utkastet ersattes." : "."))
        }
    }

    struct Areas: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importerar områden från GeoJSON (WGS84 eller SWEREF 99 TM) eller SCB:s tabell DeSO→RegSO (CSV).",
            discussion: """
                GeoJSON: en FeatureCollection med Polygon/MultiPolygon och namnet i egenskapen name eller NAMN. \
                Koordinatsystemet läses från crs, annars från koordinaternas storlek. Områden med samma namn \
                som ett befintligt får den nya gränsen.

                CSV med kolumnerna DeSO och RegSO: ett område per RegSO med dess DeSO-koder; ett befintligt område \
                med samma namn får koderna. Rader för andra kommuner hoppas över. Allt eller inget: vid fel importeras ingenting.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Argument(help: "GeoJSON- eller CSV-fil.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Filen \(file) går inte att läsa.") }
            guard data.count <= 50 * 1024 * 1024 else { throw CLIError("Filen är större än 50 MB.") }
            let source = (file as NSString).lastPathComponent
            let lines = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let areas: AreaFile
                do { areas = try AreaFile.read(data, kommun: kommun) } catch let failure as ImportFailure { throw CLIError(failure.description) }
                let result = try await AreaStore(KommunScope(database, kommunID: kommun.id)).importFile(
                    areas, source: source, by: .commandLine(kommunID: kommun.id))
                return areas.readSentences + result.sentences
            }
            lines.forEach { say($0) }
        }
    }

    struct Incidents: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importerar EST-händelser från CSV.",
            discussion: """
                Kolumner: \(IncidentCSV.columns.joined(separator: ",")). UTF-8 (med eller utan BOM) eller Windows-1252, komma eller semikolon.

                occurred_at: ISO 8601 med tidszon, eller svensk lokal tid utan (ÅÅÅÅ-MM-DD TT:MM). category: kod eller svenskt namn.

                area: valfritt, annars hittas området från punkten; utanför alla områden räknas händelsen till "Övriga kommunen".

                Allt eller inget: vid fel importeras ingenting och varje fel anges med rad och kolumn.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Argument(help: "CSV-fil.") var file: String

        func run() async throws {
            let started = Date()
            let count = try await db.withDatabase { database in
                // The kommun first: a wrong slug should not wait for a large file to be read.
                let kommun = try await KommunStore(database).require(slug: kommun)
                // The file's bytes are let go once read: only the table is needed for the import.
                let table = try { () throws -> CSVTable in
                    guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Filen \(file) går inte att läsa.") }
                    guard data.count <= 2 * 1024 * 1024 * 1024 else { throw CLIError("Filen är större än 2 GB; dela upp den.") }
                    do { return try CSVReader.read(data) } catch let problem as CSVReader.Problem {
                        throw CLIError("Ingenting importerades. \(problem.description)")
                    }
                }()
                let total = table.rows.count
                say(String(format: "Läste %d rader på %.1f s; kontrollerar och sparar …", total, Date().timeIntervalSince(started)))
                do {
                    return try await IncidentStore(KommunScope(database, kommunID: kommun.id)).importCSV(
                        table, fileName: (file as NSString).lastPathComponent,
                        by: .commandLine(kommunID: kommun.id)
                    ) { progress in
                        switch progress {
                        case .stored(let done, _) where total >= 100_000 && done % 100_000 < 20_000:
                            say("  sparat \(done) av \(total)")
                        case .indexing:
                            say(String(format: "  alla rader sparade efter %.1f s; bygger om sökindexen …", Date().timeIntervalSince(started)))
                        default: break
                        }
                    }
                } catch let failure as ImportFailure {
                    throw CLIError(failure.description)
                }
            }
            let seconds = Date().timeIntervalSince(started)
            say(
                "Importerade \(SwedishGrammar.count(count, "händelse", "händelser")) på \(SwedishNumber.decimal(seconds)) s (\(Int(Double(count) / max(seconds, 0.001))) rader/s)."
            )
        }
    }
}
