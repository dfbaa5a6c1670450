import ArgumentParser
import Foundation
import TryggCore
import TryggReports
import TryggStore
import TryggWeb

/// The kartläggning's sources from the command line: the police's crime extract and SCB's
/// population per DeSO, and the year's table of crimes per area.
extension ImportCommand {
    /// Reads a CSV file whole (at most `limit` bytes) into a table, or says why not.
    static func table(_ file: String, limit: Int) throws -> CSVTable {
        guard let data = FileManager.default.contents(atPath: file) else { throw CLIError("Filen \(file) går inte att läsa.") }
        guard data.count <= limit else { throw CLIError("Filen är större än \(limit / 1_048_576) MB; dela upp den.") }
        do { return try CSVReader.read(data) } catch { throw CLIError("Ingenting importerades. \(error.description)") }
    }

    struct Crimes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importerar polisens uttag av anmälda brott per DeSO (CSV).",
            discussion: """
                Kolumner: \(CrimeExtract.columns.joined(separator: ", ")). Rader för andra kommuner hoppas över och räknas. \
                En rad utan DeSO räknas för kommunen som helhet och som "okänt område", aldrig i ett område. \
                Samma Id importeras bara en gång: att läsa in samma fil igen ändrar ingenting. Med --replace-period \
                tas kommunens tidigare rader med inskrivningsdatum i filens period bort först (ett nyare uttag ersätter ett äldre).

                Allt eller inget: vid fel importeras ingenting och varje fel anges med rad och kolumn.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Flag(help: "Ersätt kommunens rader i filens period (inskrivningsdatum) med filens.") var replacePeriod = false
        @Argument(help: "CSV-fil.") var file: String

        func run() async throws {
            let started = Date()
            let summary = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let table = try ImportCommand.table(file, limit: 2 * 1024 * 1024 * 1024)
                let known = try await PopulationStore(KommunScope(database, kommunID: kommun.id)).knownDeso()
                let extract: CrimeExtract.Result
                do { extract = try CrimeExtract.read(table, kommun: kommun, knownDeso: known) } catch let failure as ImportFailure {
                    throw CLIError(failure.description)
                }
                return try await CrimeStore(KommunScope(database, kommunID: kommun.id)).importExtract(
                    extract, fileName: (file as NSString).lastPathComponent, replacePeriod: replacePeriod,
                    by: .commandLine(kommunID: kommun.id))
            }
            let seconds = Date().timeIntervalSince(started)
            summary.sentences.forEach(say)
            say("Tid: \(SwedishNumber.decimal(seconds)) s.")
        }
    }

    struct Population: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Importerar SCB:s befolkning per DeSO (CSV, brett eller långt).",
            discussion: """
                Brett: deso och en kolumn folkmangd_ÅÅÅÅ per år (och gärna alder_A_B_ÅÅÅÅ). Långt: deso,year,kon,alder,antal, \
                där kon är kvinna, man eller alla och alder en åldersgrupp som 0-4, 65+ eller alla. ".." eller tom cell är \
                en saknad uppgift, aldrig 0. Rader för andra kommuner hoppas över. Allt eller inget.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Argument(help: "CSV-fil.") var file: String

        func run() async throws {
            let result = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let table = try ImportCommand.table(file, limit: 200 * 1024 * 1024)
                let result: PopulationTable.Result
                do { result = try PopulationTable.read(table, kommun: kommun) } catch let failure as ImportFailure { throw CLIError(failure.description) }
                try await PopulationStore(KommunScope(database, kommunID: kommun.id)).importCounts(
                    result, fileName: (file as NSString).lastPathComponent, by: .commandLine(kommunID: kommun.id))
                return result
            }
            result.sentences.forEach(say)
        }
    }

    struct Regional: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "regional",
            abstract: "Importerar Brås statistik för län, polisregion och riket (resultatsida som HTML, eller CSV).",
            discussion: """
                Resultatsidan från Brås statistikdatabas (SOL) sparad som HTML, eller CSV med kolumnerna region, period, \
                brottstyp, antal. ".." är en saknad uppgift, aldrig 0; "2016 prel." är ett preliminärt år. Samma region, \
                brottstyp och år ersätts av filens siffra. Allt eller inget.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Argument(help: "HTML- eller CSV-fil.") var file: String

        func run() async throws {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch { throw CLIError("Filen \(file) kunde inte läsas.") }
            let figures: [RegionalFigure]
            do { figures = try RegionalStatistics.read(data) } catch { throw CLIError(error.description) }
            try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                try await RegionalStatisticsStore(KommunScope(database, kommunID: kommun.id)).importFigures(
                    figures, fileName: (file as NSString).lastPathComponent, by: .commandLine(kommunID: kommun.id))
            }
            say(RegionalStatistics.importedSentence(figures))
        }
    }
}

extension ReportCommand {
    struct Crimes: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Anmälda brott per område och brottskod för ett år (JSON eller CSV).",
            discussion: """
                Per område: antal, antal året före, snittet för de tre åren före, befolkning, brott per 1 000 invånare och \
                andel av kommunen. Befolkningen är samma års, annars närmast tidigare års (population_year). Brott utan DeSO \
                står under unknown_area. --hide-small döljer antal 1–4 som i allt som publiceras eller delas.
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Året.") var year: Int
        @Option(help: "Datum som avgör året: brott (brottsdatum) eller inskrivning (inskrivningsdatum).") var date = "brott"
        @Option(help: "Områden: omraden (kommunens områden med DeSO-koder) eller deso.") var level = "omraden"
        @Flag(help: "Dölj antal 1–4 (för det som publiceras eller delas).") var hideSmall = false
        @Option(help: "Format: json eller csv.") var format = "json"
        @Option(name: .shortAndLong, help: "Utfil (standard: standard ut).") var output: String?

        func run() async throws {
            guard ["json", "csv"].contains(format) else { throw CLIError("Formatet \"\(format)\" stöds inte; använd json eller csv.") }
            guard let basis = CrimeDateBasis(rawValue: date) else { throw CLIError("--date måste vara brott eller inskrivning.") }
            guard let areaLevel = CrimeStore.AreaLevel(rawValue: level) else { throw CLIError("--level måste vara omraden eller deso.") }
            guard (1900...2199).contains(year) else { throw CLIError("\(year) är inget rimligt år.") }
            let data = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                var figures = try await CrimeStore(KommunScope(database, kommunID: kommun.id)).figures(year: year, basis: basis, level: areaLevel)
                if hideSmall { figures = figures.hidingSmallCounts() }
                return format == "json" ? try CrimeReportFiles.json(figures, kommun: kommun) : CrimeReportFiles.csv(figures)
            }
            try writeOutput(data, to: output)
        }
    }
}

extension ReportCommand {
    struct Lagesbild: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Den strategiska lägesbilden (JSON, HTML eller DOCX): beslut, källor och prioriterade problem med planens åtgärder.",
            discussion: "Utan --version: den beslutade version som gäller. Åtgärderna anges med sitt nummer i planen (t.ex. 24.2).")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Versionens nummer (standard: den som gäller).") var version: Int?
        @Option(help: "Format: json, html eller docx.") var format = "json"
        @Option(name: .shortAndLong, help: "Utfil (standard: standard ut).") var output: String?

        func run() async throws {
            guard ["json", "html", "docx"].contains(format) else { throw CLIError("Formatet \"\(format)\" stöds inte; använd json, html eller docx.") }
            let data = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let scope = KommunScope(database, kommunID: kommun.id)
                guard let document = try await LagesbildStore(scope).find(version: version) else {
                    throw CLIError(version.map { "\(kommun.name) har ingen lägesbild version \($0)." } ?? "\(kommun.name) har ingen beslutad lägesbild.")
                }
                let report = try await LagesbildReport.load(document, kommun: kommun, database: database)
                switch format {
                case "docx": return try report.docx()
                case "html": return Data(try report.standaloneHTML(renderer: try await Renderer.load()).utf8)
                default: return try report.json()
                }
            }
            try writeOutput(data, to: output)
        }
    }
}
