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
                            progress: ((Int) -> Void)? = nil) throws(ImportFailure) -> [Row] {
        let header = table.header.map { $0.lowercased() }
        let missing = columns.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw ImportFailure(missing.map { ImportProblem(line: 1, column: $0, message: "kolumnen saknas i rubrikraden.") })
        }
        let index = columns.map { header.firstIndex(of: $0)! }
        let knownAreas = Set(areaNames.map { $0.lowercased() } + [WeekSummary.restOfKommun.lowercased()])
        let lookup = CategoryLookup(categories)
        var problems: [ImportProblem] = []
        var result: [Row] = []
        result.reserveCapacity(table.rows.count)
        for (number, row) in table.rows.enumerated() {
            if number % 50_000 == 0 { progress?(number) }
            guard row.fields.count >= header.count else {
                problems.append(ImportProblem(line: row.line, column: nil,
                                              message: "raden har \(row.fields.count) fält men rubrikraden har \(header.count)."))
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
        progress?(table.rows.count)
        guard problems.isEmpty else { throw ImportFailure(problems) }
        return result
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
