import ArgumentParser
import Foundation
import TryggCore
import TryggStore
import TryggWeb

extension ExportCommand {
    /// All of a kommun's data as one ZIP: a JSON Lines file per table, the walks' photos, and a
    /// README that says what is there and what is left out.
    struct KommunData: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kommun",
            abstract: "Exporterar allt Trygg har om en kommun till en ZIP-fil (en JSON Lines-fil per tabell, foton, README).",
            discussion: "För en kommun som lämnar Trygg eller lämnar över uppgifter till sitt arkiv. Lösenord och nycklar följer aldrig med.")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(name: .shortAndLong, help: "ZIP-filen som skrivs (får inte finnas).") var output: String

        func run() async throws {
            guard !FileManager.default.fileExists(atPath: output) else { throw CLIError("\(output) finns redan; välj ett nytt filnamn.") }
            // Said before the work, not after minutes of it.
            let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
            guard FileManager.default.isWritableFile(atPath: folder) else {
                throw CLIError("Mappen \(folder) finns inte eller går inte att skriva i.")
            }
            let summary = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                return try await KommunExportPackage.write(
                    KommunScope(database, kommunID: kommun.id), kommun: kommun, by: .commandLine(kommunID: kommun.id),
                    to: URL(fileURLWithPath: output))
            }
            say("Skrev \(output): \(summary.rows) rader i \(summary.tables) tabeller och \(summary.photos) foton.")
        }
    }
}
