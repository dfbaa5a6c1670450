import ArgumentParser
import Foundation
import TryggStore

@main
struct Trygg: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trygg",
        abstract: "Trygg – stöd för kommunens brottsförebyggande och trygghetsskapande arbete.",
        discussion: """
            Databas: SQLite-filen i --database (standard trygg.sqlite), eller PostgreSQL \
            när miljövariabeln DATABASE_URL=postgres://… är satt.
            """,
        subcommands: [
            Serve.self, Demo.self, Migrate.self, KommunCommand.self, UserCommand.self, TokenCommand.self, APIKeyCommand.self,
            ImportCommand.self, ExportCommand.self, ReportCommand.self, SurveyCommand.self, ForumCommand.self, PoliceAreasCommand.self, Backup.self,
            Notify.self,
        ]
    )
}

/// Options every command that touches the database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite-fil (standard trygg.sqlite). Ignoreras inte: anges den används SQLite även om DATABASE_URL är satt.")
    var database: String?

    var location: DatabaseLocation {
        DatabaseLocation.resolve(databaseOption: database, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the database and runs `body`, closing the connections whatever happens.
    func withDatabase<T>(migrate: Bool = false, _ body: (TryggDatabase) async throws -> T) async throws -> T {
        let database = try TryggDatabase(location: location)
        do {
            if migrate {
                try await database.migrate()
            } else {
                let pending = try await database.pendingMigrations()
                if !pending.isEmpty {
                    throw CLIError("\(database.location) är inte migrerad (\(pending.count) migreringar saknas). Kör först: trygg migrate")
                }
            }
            let result = try await body(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}

/// A message for the person at the terminal; printed without a stack trace, exit code 1.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes status lines to standard error so that standard output stays clean for data.
func say(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// A report or export to `-o FILE` (with a line saying so), or to standard out.
func writeOutput(_ data: Data, to output: String?) throws {
    if let output {
        try data.write(to: URL(fileURLWithPath: output))
        say("Skrev \(output) (\(data.count / 1024) kB).")
    } else {
        FileHandle.standardOutput.write(data)
    }
}
