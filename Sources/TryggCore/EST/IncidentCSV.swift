import Foundation

/// The incidents CSV of ARCHITECTURE.md:
/// `occurred_at,category,latitude,longitude,area,description,reporter_organisation`.
/// Every row is checked with the same rules as the report form; all problems are collected.
public enum IncidentCSV {
    public static let columns = ["occurred_at", "category", "latitude", "longitude", "area", "description", "reporter_organisation"]
    /// More problems than this are not worth listing: the file is probably in another format.
    public static let maxProblems = 500

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var incident: CheckedIncident
        public var organisation: String

        public init(line: Int, incident: CheckedIncident, organisation: String) {
            self.line = line
            self.incident = incident
            self.organisation = organisation
        }
    }

    /// Checks a whole table; the import checks chunk by chunk with a `Checker`.
    public static func rows(from table: CSVTable, categories: [IncidentCategory], areaNames: [String], now: Date = TryggClock.now) throws(ImportFailure)
        -> [Row]
    {
        let result = try Checker(header: table.header, categories: categories, areaNames: areaNames, now: now).check(table.rows[...])
        guard result.problems.isEmpty else { throw ImportFailure(Array(result.problems.prefix(maxProblems))) }
        return result.rows
    }

    /// What checking a row needs to know, made once per file: where the columns are, the
    /// kommun's categories and areas.
    public struct Checker: Sendable {
        let width: Int
        let index: [Int]
        let knownAreas: Set<String>
        let lookup: CategoryLookup
        let now: Date

        /// Fails when a column is missing from the header.
        public init(header: [String], categories: [IncidentCategory], areaNames: [String], now: Date) throws(ImportFailure) {
            let header = header.map { $0.lowercased() }
            let missing = columns.filter { !header.contains($0) }
            if !missing.isEmpty {
                throw ImportFailure([.missingColumns(missing, of: columns, in: "En händelsefil")])
            }
            width = header.count
            index = columns.map { header.firstIndex(of: $0)! }
            knownAreas = Set(areaNames.map { $0.lowercased() } + [WeekSummary.restOfKommun.lowercased()])
            lookup = CategoryLookup(categories)
            self.now = now
        }

        /// The positions of `rows` ordered by when the event happened; a time that cannot be read
        /// sorts first (the check reports it). Stored in this order, a week's events lie together
        /// in the table, whatever order the file had: a lägesbild then reads a few pages
        /// instead of one page per event.
        public func timeOrder(_ rows: [CSVTable.Row]) -> [Int] {
            let column = index[0]
            var keys = [Int64](repeating: 0, count: rows.count)
            let slices = rows.count >= 20_000 ? ProcessInfo.processInfo.activeProcessorCount : 1
            let size = (rows.count + slices - 1) / slices
            keys.withUnsafeMutableBufferPointer { keys in
                // Each slice writes only its own range of the buffer.
                nonisolated(unsafe) let shared = keys
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    for position in (slice * size)..<min((slice + 1) * size, rows.count) {
                        let fields = rows[position].fields
                        guard column < fields.count, case .success(let date) = IncidentTime.parse(fields[column]) else { continue }
                        shared[position] = Int64(date.timeIntervalSince1970)
                    }
                }
            }
            return rows.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        }

        /// The rows that passed, and the problems of those that did not (at most `maxProblems`).
        public func check(_ rows: some Sequence<CSVTable.Row>) -> (rows: [Row], problems: [ImportProblem]) {
            var problems: [ImportProblem] = []
            var result: [Row] = []
            result.reserveCapacity(rows.underestimatedCount)
            for row in rows {
                guard row.fields.count >= width else {
                    problems.append(ImportProblem(line: row.line, column: nil, message: "raden har \(row.fields.count) fält men rubrikraden har \(width)."))
                    if problems.count >= maxProblems { break } else { continue }
                }
                let field = { (column: Int) in row.fields[index[column]] }
                let draft = IncidentDraft(
                    category: field(1), occurredAt: field(0), latitude: field(2), longitude: field(3), area: field(4),
                    description: field(5))
                let area = draft.area.trimmed
                if !area.isEmpty, !knownAreas.contains(area.lowercased()) {
                    problems.append(
                        ImportProblem(
                            line: row.line, column: "area",
                            message: "området ”\(area.prefix(60))” finns inte i kommunen; lämna tomt för att hitta det från punkten."))
                }
                switch IncidentRules.check(draft, lookup: lookup, now: now) {
                case .success(let incident):
                    result.append(Row(line: row.line, incident: incident, organisation: field(6).trimmed))
                case .failure(let failure):
                    problems += failure.problems.map { ImportProblem(line: row.line, column: columnName($0.field), message: $0.message) }
                }
                if problems.count >= maxProblems { break }
            }
            return (result, problems)
        }
    }

    /// The CSV column a form field corresponds to, so the error names what the user sees in the file.
    static func columnName(_ field: String) -> String {
        switch field {
        case "kategori", "underkategori": "category"
        case "tidpunkt": "occurred_at"
        case "latitud", "plats": "latitude"
        case "longitud": "longitude"
        case "beskrivning", "platsnamn": "description"
        default: field
        }
    }
}
