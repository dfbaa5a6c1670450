import ArgumentParser
import Foundation
import TryggCore
import TryggStore
import TryggWeb

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Ta fram rapporter.",
        subcommands: [FollowUp.self, Week.self, Crimes.self, Lagesbild.self, SurveyReport.self, MeetingReportCommand.self])

    struct FollowUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "followup",
            abstract: "Rapporten till kommunfullmäktige om årets uppföljning av åtgärdsplanen (DOCX eller HTML).")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Uppföljningens år.") var year: Int
        @Option(help: "Format: docx eller html.") var format = "docx"
        @Option(name: .shortAndLong, help: "Utfil (standard: standard ut).") var output: String?

        func run() async throws {
            guard ["docx", "html"].contains(format) else { throw CLIError("Formatet \"\(format)\" stöds inte; använd docx eller html.") }
            let data = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                guard let round = try await FollowUpStore(KommunScope(database, kommunID: kommun.id)).rounds().first(where: { $0.year == year }),
                    let report = try await FollowUpReport.load(roundID: round.id, kommun: kommun, database: database)
                else {
                    throw CLIError("\(kommun.name) har ingen uppföljning för \(year).")
                }
                return format == "docx" ? try report.docx() : Data(try report.standaloneHTML(renderer: try await Renderer.load()).utf8)
            }
            try writeOutput(data, to: output)
        }
    }

    struct Week: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Veckans EST-lägesbild (JSON, HTML eller DOCX).",
            discussion:
                "Veckan anges som ISO-vecka i svensk tid, t.ex. 2024-W13. JSON har per område: area, total, categories, previous_week_total, four_week_average."
        )

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "ISO-vecka, t.ex. 2024-W13.") var week: String
        @Option(help: "Format: json, html eller docx.") var format = "json"
        @Option(name: .shortAndLong, help: "Utfil (standard: standard ut).") var output: String?

        func run() async throws {
            guard ["json", "html", "docx"].contains(format) else { throw CLIError("Formatet \"\(format)\" stöds inte; använd json, html eller docx.") }
            guard let isoWeek = ISOWeek(parsing: week) else { throw CLIError("\"\(week)\" är ingen ISO-vecka; skriv t.ex. 2024-W13.") }
            let data = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let report = try await WeekReport.load(kommun: kommun, week: isoWeek, database: database)
                switch format {
                case "docx": return try report.docx()
                case "html": return Data(try report.standaloneHTML(renderer: try await Renderer.load()).utf8)
                default: return try JSONSerialization.data(withJSONObject: report.json, options: [.sortedKeys, .prettyPrinted])
                }
            }
            try writeOutput(data, to: output)
        }
    }
}
