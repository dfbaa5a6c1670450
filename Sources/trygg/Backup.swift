import ArgumentParser
import Foundation
import SQLKit
import TryggStore

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Gör en konsistent kopia av SQLite-databasen, även medan servern kör.",
        discussion: "För PostgreSQL: använd pg_dump, till exempel pg_dump --format=custom \"$DATABASE_URL\" > trygg.dump")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Målfil för kopian (får inte finnas).") var to: String

    func run() async throws {
        guard case .sqliteFile = db.location else {
            throw CLIError("Databasen är PostgreSQL: använd pg_dump, till exempel pg_dump --format=custom \"$DATABASE_URL\" > trygg.dump")
        }
        guard !FileManager.default.fileExists(atPath: to) else { throw CLIError("\(to) finns redan; välj ett nytt filnamn.") }
        try await db.withDatabase { database in
            // VACUUM INTO reads one snapshot inside a transaction: consistent even with writers.
            try await database.sql.raw("VACUUM INTO \(bind: to)").run()
        }
        say("Kopia skriven till \(to).")
    }
}
