import ArgumentParser
import Foundation
import TryggCore
import TryggReports
import TryggStore

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
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trygg-export-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("foton"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let (name, counts, photos) = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let export = KommunExport(KommunScope(database, kommunID: kommun.id))
                var files: [String: FileHandle] = [:]
                defer { files.values.forEach { try? $0.close() } }
                let counts = try await export.rows { table, lines in
                    if files[table] == nil {
                        let url = folder.appendingPathComponent("\(table).jsonl")
                        FileManager.default.createFile(atPath: url.path, contents: nil)
                        files[table] = try FileHandle(forWritingTo: url)
                    }
                    try files[table]?.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
                }
                let photos = try await export.photos { id, kind, bytes in
                    try bytes.write(to: folder.appendingPathComponent("foton/\(id.uuidString.lowercased()).\(kind == "png" ? "png" : "jpg")"))
                }
                try await AuditLog.record(
                    .commandLine(kommunID: kommun.id), action: "exporterade kommunens data", objectType: "kommun", objectID: kommun.slug,
                    detail: "\(counts.map(\.rows).reduce(0, +)) rader, \(photos) foton", kommunID: kommun.id, on: database.db)
                return (kommun.name, counts, photos)
            }
            try Data(KommunExportReadme.text(kommun: name, counts: counts, photos: photos).utf8).write(to: folder.appendingPathComponent("README.txt"))
            try DirectoryZip.pack(folder, to: URL(fileURLWithPath: output))
            say("Skrev \(output): \(counts.map(\.rows).reduce(0, +)) rader i \(counts.filter { $0.rows > 0 }.count) tabeller och \(photos) foton.")
        }
    }
}

/// The README of a kommun's export, in Swedish: what each file is, and what is left out and why.
enum KommunExportReadme {
    static func text(kommun: String, counts: [(table: String, rows: Int)], photos: Int, now: Date = Date()) -> String {
        var lines = [
            "Trygg – export av \(kommun)", "Skapad \(SwedishTime.minute(now)).", "",
            "Varje tabell ligger i en fil <tabell>.jsonl: en rad per post, som ett JSON-objekt med kolumnernas namn.",
            "Id:n är UUID. Tider är sekunder sedan 1970-01-01 UTC (tal) eller ISO 8601 (text), som databasen lagrade dem.",
            "Foton från trygghetsvandringar ligger i foton/<observationens id>.jpg|png (platsuppgifter borttagna när de sparades).",
            "Tabeller utan rader har ingen fil.", "", "Tabeller och antal rader:",
        ]
        lines += counts.map { "  \($0.table).jsonl: \($0.rows)" }
        lines += ["  foton/: \(photos)", "", "Följer inte med:"]
        lines += KommunExport.leftOut.map { "  \($0.name): \($0.reason)" }
        lines += ["  Kolumner med lösenordens och nycklarnas kontrollsummor (users.password_hash, users.totp_secret, citizen_reports.token_hash)."]
        return lines.joined(separator: "\n") + "\n"
    }
}
