import Foundation

/// A public gathering (allmän sammankomst) the police have decided on: a demonstration, a
/// manifestation, a burning of a holy book. The EST group needs the granted ones before the week
/// they happen in: in April 2022 the police granted one in Skäggetorps centrum for the 14th and
/// the district burned for four days.
public struct Gathering: Sendable, Equatable, Identifiable {
    public enum Outcome: String, Sendable, CaseIterable {
        case bifall, avslag
        /// Granted at one place and refused at another ("Avslag Växjö, Bifall Koppargården").
        case delvis

        public var label: String {
            switch self {
            case .bifall: "Bifall"
            case .avslag: "Avslag"
            case .delvis: "Delvis bifall"
            }
        }

        /// From the police's text: both words make a partial decision ("Avlag" is a typo in
        /// their own list that still means refused).
        public init?(policeText text: String) {
            let lower = text.lowercased()
            let granted = lower.contains("bifall"), refused = lower.contains("avslag") || lower.contains("avlag")
            switch (granted, refused) {
            case (true, true): self = .delvis
            case (true, false): self = .bifall
            case (false, true): self = .avslag
            case (false, false): return nil
            }
        }
    }

    public var id: UUID
    /// `YYYY-MM-DD`.
    public var plannedOn: String
    public var place: String
    /// The decision as the police wrote it.
    public var decision: String
    public var outcome: Outcome
    public var point: GeoPoint?

    /// The rules a decision meets, from the police's list or the form: a real date, a place and
    /// the police's text, each at most 300 characters without control characters, and a text
    /// that says bifall or avslag. Problems by column of the list (0 date, 1 place, 2 decision).
    public static func check(plannedOn: String, place: String, decision: String) -> (outcome: Outcome?, problems: [(Int, String)]) {
        var problems: [(Int, String)] = []
        if !CrimeExtract.isDate(plannedOn) { problems.append((0, "\"\(plannedOn.prefix(20))\" är inget datum (ÅÅÅÅ-MM-DD).")) }
        for (column, text) in [(1, place), (2, decision)] where text.isEmpty || text.count > 300 || TextInput.forbiddenCharacter(in: text) != nil {
            problems.append((column, text.isEmpty ? "Får inte vara tom." : "Högst 300 tecken, utan styrtecken."))
        }
        let outcome = Outcome(policeText: decision)
        if outcome == nil && !decision.isEmpty { problems.append((2, "\"\(decision.prefix(40))\" säger varken bifall eller avslag.")) }
        return (outcome, problems)
    }

    public init(id: UUID = UUID(), plannedOn: String, place: String, decision: String, outcome: Outcome, point: GeoPoint?) {
        self.id = id
        self.plannedOn = plannedOn
        self.place = place
        self.decision = decision
        self.outcome = outcome
        self.point = point
    }
}

/// The police's list of decisions on gatherings, as released (`nr;Planerat datum;Plats som
/// framgår i ansökan;Status;coord1;coord2`, coord1 the latitude). The list is national: rows whose
/// point lies outside the kommun are skipped and counted. All or nothing.
public enum GatheringDecisionsCSV {
    public static let columns = ["Planerat datum", "Plats som framgår i ansökan", "Status", "coord1", "coord2"]

    public struct Result: Sendable, Equatable {
        public var gatherings: [Gathering]
        /// Rows with a point outside the kommun.
        public var skippedRows: Int
    }

    /// - Parameter bounds: the kommun's rectangle; nil keeps every row.
    public static func read(_ table: CSVTable, within bounds: KommunBounds?) throws(ImportFailure) -> Result {
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = columns.filter { !header.contains($0.lowercased()) }
        if !missing.isEmpty { throw ImportFailure([.missingColumns(missing, of: columns, in: "Polisens lista över beslut om allmänna sammankomster")]) }
        let index = columns.map { header.firstIndex(of: $0.lowercased())! }
        var problems: [ImportProblem] = []
        var gatherings: [Gathering] = []
        var skipped = 0
        for row in table.rows {
            func field(_ column: Int) -> String {
                index[column] < row.fields.count ? row.fields[index[column]].trimmingCharacters(in: .whitespacesAndNewlines) : ""
            }
            func problem(_ column: Int, _ message: String) {
                if problems.count < IncidentCSV.maxProblems { problems.append(ImportProblem(line: row.line, column: columns[column], message: message)) }
            }
            let date = field(0), place = field(1), decision = field(2)
            let checked = Gathering.check(plannedOn: date, place: place, decision: decision)
            for (column, message) in checked.problems { problem(column, message) }
            var valid = checked.problems.isEmpty
            var point: GeoPoint?
            let latitude = field(3), longitude = field(4)
            if !latitude.isEmpty || !longitude.isEmpty {
                if let lat = Double(latitude.replacingOccurrences(of: ",", with: ".")), let lon = Double(longitude.replacingOccurrences(of: ",", with: ".")),
                    GeoPoint(latitude: lat, longitude: lon).isInSweden
                {
                    point = GeoPoint(latitude: lat, longitude: lon)
                } else {
                    problem(3, "coord1 och coord2 ska vara latitud och longitud i Sverige (WGS84).")
                    valid = false
                }
            }
            guard valid, let outcome = checked.outcome else { continue }
            if let bounds, let point, !bounds.contains(point) {
                skipped += 1
                continue
            }
            gatherings.append(Gathering(plannedOn: date, place: place, decision: decision, outcome: outcome, point: point))
        }
        guard problems.isEmpty else { throw ImportFailure(problems) }
        return Result(gatherings: gatherings, skippedRows: skipped)
    }
}
