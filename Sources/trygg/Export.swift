import ArgumentParser
import Foundation
import TryggCore
import TryggReports
import TryggStore
import TryggWeb

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Exportera data till filer.", subcommands: [Plan.self, KommunData.self])

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Exporterar en åtgärdsplan som CSV eller Excel (samma kolumner som import plan läser).")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Planens år.") var year: Int
        @Option(help: "Version (standard: den senaste).") var version: Int?
        @Option(help: "Format: csv eller xlsx.") var format = "csv"
        @Option(name: .shortAndLong, help: "Utfil (standard: standard ut).") var output: String?

        func run() async throws {
            guard ["csv", "xlsx"].contains(format) else { throw CLIError("Formatet \"\(format)\" stöds inte; använd csv eller xlsx.") }
            if format == "xlsx" && output == nil { throw CLIError("Ange en utfil med -o för xlsx.") }
            let data = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let store = PlanStore(KommunScope(database, kommunID: kommun.id))
                let plans = try await store.plans().filter { $0.year == year }
                guard let plan = version.map({ wanted in plans.first { $0.version == wanted } }) ?? plans.first else {
                    throw CLIError("\(kommun.name) har ingen åtgärdsplan för \(year)" + (version.map { " i version \($0)" } ?? "") + ".")
                }
                let rows = try await store.measures(planID: plan.id).map(\.row)
                return format == "xlsx" ? try PlanFiles.xlsx(rows, year: plan.year) : Data(PlanCSV.csv(rows).utf8)
            }
            try writeOutput(data, to: output)
        }
    }
}
