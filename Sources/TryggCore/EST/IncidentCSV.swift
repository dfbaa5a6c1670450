import Foundation

/// The incidents CSV of ARCHITECTURE.md:
/// `occurred_at,category,latitude,longitude,area,description,reporter_organisation`.
/// Every row is checked with the same rules as the report form; all problems are collected.
public enum IncidentCSV {
    public static let columns = ["occurred_at", "category", "latitude", "longitude", "area", "description", "reporter_organisation"]
    /// More problems than this are not worth listing: the file is probably in another format.
    static let maxProblems = 500

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var incident: CheckedIncident
        public var organisation: String

        public init(line: Int, incident: CheckedIncident, organisation: String) {
            self.line = line; self.incident = incident; self.organisation = organisation
        }
    }

    public static func rows(from table: CSVTable, categories: [IncidentCategory], areaNames: [String], now: Date = Date(),
                            progress: (@Sendable (Int) -> Void)? = nil) throws(ImportFailure) -> [Row] {
        let header = table.header.map { $0.lowercased() }
        let missing = columns.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw ImportFailure(missing.map { ImportProblem(line: 1, column: $0, message: "kolumnen saknas i rubrikraden.") })
        }
        let index = columns.map { header.firstIndex(of: $0)! }
        let knownAreas = Set(areaNames.map { $0.lowercased() } + [WeekSummary.restOfKommun.lowercased()])
        let lookup = CategoryLookup(categories)
        // Rows are independent, so large files are checked on every core, in slices kept in order.
        let slices = table.rows.count >= 20_000 ? ProcessInfo.processInfo.activeProcessorCount : 1
        let size = (table.rows.count + slices - 1) / max(slices, 1)
        let outcomes = SliceResults(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (slice * size)..<min((slice + 1) * size, table.rows.count)
            outcomes.set(slice, check(table.rows[range], header: header.count, index: index, knownAreas: knownAreas, lookup: lookup, now: now))
            progress?(range.upperBound)
        }
        let problems = Array(outcomes.all.flatMap(\.problems).prefix(maxProblems))
        guard problems.isEmpty else { throw ImportFailure(problems) }
        return outcomes.all.flatMap(\.rows)
    }

    static func check(_ rows: ArraySlice<CSVTable.Row>, header: Int, index: [Int], knownAreas: Set<String>, lookup: CategoryLookup,
                      now: Date) -> (rows: [Row], problems: [ImportProblem]) {
        var problems: [ImportProblem] = []
        var result: [Row] = []
        result.reserveCapacity(rows.count)
        for row in rows {
            guard row.fields.count >= header else {
                problems.append(ImportProblem(line: row.line, column: nil, message: "raden har \(row.fields.count) fält men rubrikraden har \(header)."))
                if problems.count >= maxProblems { break } else { continue }
            }
            let field = { (column: Int) in row.fields[index[column]] }
            let draft = IncidentDraft(category: field(1), occurredAt: field(0), latitude: field(2), longitude: field(3), area: field(4),
                                      description: field(5))
            let area = draft.area.trimmed
            if !area.isEmpty, !knownAreas.contains(area.lowercased()) {
                problems.append(ImportProblem(line: row.line, column: "area",
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

    /// Per-slice results written from several threads, each slice by exactly one.
    final class SliceResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [(rows: [Row], problems: [ImportProblem])]

        init(count: Int) { results = Array(repeating: ([], []), count: count) }

        func set(_ slice: Int, _ value: (rows: [Row], problems: [ImportProblem])) {
            lock.lock()
            results[slice] = value
            lock.unlock()
        }

        var all: [(rows: [Row], problems: [ImportProblem])] { lock.lock(); defer { lock.unlock() }; return results }
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
