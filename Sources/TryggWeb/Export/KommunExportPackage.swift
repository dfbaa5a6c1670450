import Foundation
import TryggCore
import TryggReports
import TryggStore

/// A kommun's export as one ZIP file on disk (`trygg export kommun` and the admin's download):
/// a JSON Lines file per table written as the pages come, the walks' photos, and the README.
/// The work folder is removed whatever happens; the export is in the audit log.
public enum KommunExportPackage {
    public struct Summary: Sendable {
        public let rows: Int
        public let tables: Int
        public let photos: Int
    }

    public static func write(_ scope: KommunScope, kommun: Kommun, by actor: Actor, to file: URL) async throws -> Summary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trygg-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("foton"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = KommunExport(scope)
        var files: [String: FileHandle] = [:]
        defer { files.values.forEach { try? $0.close() } }
        let counts = try await export.rows { table, lines in
            if files[table] == nil {
                let url = folder.appendingPathComponent("\(table).jsonl")
                // A file that cannot be created fails on opening it, with the system's reason.
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                files[table] = try FileHandle(forWritingTo: url)
            }
            try files[table]?.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        let photos = try await export.photos { id, kind, bytes in
            try bytes.write(to: folder.appendingPathComponent("foton/\(id.uuidString.lowercased()).\(kind == "png" ? "png" : "jpg")"))
        }
        files.values.forEach { try? $0.close() }
        files = [:]
        try Data(readme(kommun: kommun.name, counts: counts, photos: photos).utf8).write(to: folder.appendingPathComponent("README.txt"))
        try DirectoryZip.pack(folder, to: file)
        let summary = Summary(rows: counts.map(\.rows).reduce(0, +), tables: counts.filter { $0.rows > 0 }.count, photos: photos)
        try await AuditLog.record(
            actor, action: "exporterade kommunens data", objectType: "kommun", objectID: kommun.slug,
            detail: "\(summary.rows) rader, \(summary.photos) foton", kommunID: kommun.id, on: scope.database.db)
        return summary
    }

    /// The README, in Swedish: what each file is, and what is left out and why.
    static func readme(kommun: String, counts: [(table: String, rows: Int)], photos: Int, now: Date = TryggClock.now) -> String {
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
