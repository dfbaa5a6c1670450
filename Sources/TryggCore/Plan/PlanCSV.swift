import Foundation

/// One measure as a row of the plan file (ARCHITECTURE.md: the plan CSV).
public struct PlanRow: Sendable, Equatable {
    public var year: Int
    public var section: PlanSection
    public var groupNumber: Int
    public var groupTitle: String
    /// As printed, inconsistencies included ("5.3" inside group 6).
    public var subgroupLabel: String
    public var subgroupTitle: String
    public var position: Int
    public var measure: String
    public var responsible: [String]
    public var partners: [String]
    public var funding: String
    /// Where the row stood in the file, for messages; not part of the row's identity.
    public var line: Int = 0

    public static func == (a: PlanRow, b: PlanRow) -> Bool {
        a.year == b.year && a.section == b.section && a.groupNumber == b.groupNumber && a.groupTitle == b.groupTitle
            && a.subgroupLabel == b.subgroupLabel && a.subgroupTitle == b.subgroupTitle && a.position == b.position
            && a.measure == b.measure && a.responsible == b.responsible && a.partners == b.partners && a.funding == b.funding
    }

    public init(
        year: Int, section: PlanSection, groupNumber: Int, groupTitle: String, subgroupLabel: String,
        subgroupTitle: String, position: Int, measure: String, responsible: [String], partners: [String], funding: String
    ) {
        self.year = year
        self.section = section
        self.groupNumber = groupNumber
        self.groupTitle = groupTitle
        self.subgroupLabel = subgroupLabel
        self.subgroupTitle = subgroupTitle
        self.position = position
        self.measure = measure
        self.responsible = responsible
        self.partners = partners
        self.funding = funding
    }
}

/// A problem in one cell of an import, so the user can go straight to it.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public let line: Int?
    public let column: String?
    public let message: String

    public init(line: Int?, column: String?, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// One problem for a header without the expected columns, instead of one per column: a
    /// wrong file (another table, last year's layout) then reads as a wrong file.
    public static func missingColumns(_ missing: [String], of columns: [String], in kind: String) -> ImportProblem {
        let what = missing.count == 1 ? "Kolumnen \(missing[0]) saknas" : "Kolumnerna \(SwedishGrammar.list(missing)) saknas"
        return ImportProblem(line: 1, column: nil, message: "\(what). \(kind) har kolumnerna \(columns.joined(separator: ", ")).")
    }

    public var description: String {
        switch (line, column) {
        case let (line?, column?): "Rad \(line), kolumn \(column): \(message)"
        case let (line?, nil): "Rad \(line): \(message)"
        case let (nil, column?): "Kolumn \(column): \(message)"
        default: message
        }
    }
}

public struct ImportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [ImportProblem]
    public init(_ problems: [ImportProblem]) { self.problems = problems }
    public var description: String {
        "Ingenting importerades (\(problems.count) fel):\n" + Self.grouped(problems).prefix(200).map { "  – \($0)" }.joined(separator: "\n")
    }

    /// The same problem on many rows (one DeSO missing from the population table, on 40 rows of
    /// the police's extract) as one line naming its rows, so that the other problems are not
    /// buried under repeats.
    static func grouped(_ problems: [ImportProblem]) -> [String] {
        var order: [String] = []
        var lines: [String: (problem: ImportProblem, lines: [Int])] = [:]
        for problem in problems {
            let key = (problem.column ?? "") + "\u{0}" + problem.message
            if lines[key] == nil { order.append(key) }
            lines[key, default: (problem, [])].lines += problem.line.map { [$0] } ?? []
        }
        return order.map { key in
            let (problem, rows) = lines[key]!
            guard rows.count > 1 else { return problem.description }
            let named =
                rows.count <= 5
                ? SwedishGrammar.list(rows.map(String.init))
                : rows.prefix(5).map(String.init).joined(separator: ", ") + " m.fl. (\(SwedishNumber.integer(rows.count)) rader)"
            let place = "Rad \(named)" + (problem.column.map { ", kolumn \($0)" } ?? "")
            return "\(place): \(problem.message)"
        }
    }
}

/// Reads and checks a plan file. Everything is checked before anything is stored, and every
/// problem is reported, so one round of corrections is enough.
public enum PlanCSV {
    public static let columns = [
        "year", "section", "target_area", "group_number", "group_title", "subgroup_label",
        "subgroup_title", "position", "measure", "responsible", "partners", "funding",
    ]

    /// A measure is a paragraph or two; the longest in Linköping's plan is under 400 characters.
    public static let maxMeasureLength = 4_000
    public static let maxShortText = 300

    public static func parse(_ data: Data) throws(ImportFailure) -> [PlanRow] {
        let table: CSVTable
        do { table = try CSVReader.read(data) } catch { throw ImportFailure([ImportProblem(line: error.line, column: nil, message: error.message)]) }
        return try rows(from: table)
    }

    public static func rows(from table: CSVTable) throws(ImportFailure) -> [PlanRow] {
        let header = table.header.map { $0.lowercased() }
        let missing = columns.filter { !header.contains($0) }
        if !missing.isEmpty {
            throw ImportFailure([.missingColumns(missing, of: columns, in: "En åtgärdsplan")])
        }
        let index = Dictionary(uniqueKeysWithValues: columns.map { name in (name, header.firstIndex(of: name)!) })
        var problems: [ImportProblem] = []
        var result: [PlanRow] = []
        var seenPositions: [String: Int] = [:]
        var groupTitles: [Int: (title: String, section: PlanSection)] = [:]

        for row in table.rows {
            func value(_ column: String) -> String {
                let i = index[column]!
                return i < row.fields.count ? row.fields[i].trimmingCharacters(in: .whitespacesAndNewlines) : ""
            }
            func problem(_ column: String, _ message: String) {
                problems.append(ImportProblem(line: row.line, column: column, message: message))
            }
            if row.fields.count > table.header.count, row.fields[table.header.count...].contains(where: { !$0.isEmpty }) {
                problems.append(
                    ImportProblem(line: row.line, column: nil, message: "raden har fler fält (\(row.fields.count)) än rubrikraden (\(table.header.count))."))
            }
            let year = Int(value("year"))
            if year == nil || !(2000...2100).contains(year!) { problem("year", "\"\(value("year"))\" är inget årtal (2000–2100).") }
            let section = PlanSection(text: value("section"))
            if section == nil {
                problem("section", "\"\(value("section"))\" är inget avsnitt. Giltiga: \(PlanSection.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let target = value("target_area")
            if let section, !target.isEmpty, section.targetAreaName?.lowercased() != target.lowercased() {
                problem("target_area", "\"\(target)\" stämmer inte med avsnittet \(section.rawValue).")
            }
            let group = Int(value("group_number"))
            if group == nil || !(1...999).contains(group!) { problem("group_number", "\"\(value("group_number"))\" är inget gruppnummer (1–999).") }
            let position = Int(value("position"))
            if position == nil || !(1...9_999).contains(position!) { problem("position", "\"\(value("position"))\" är ingen position (1–9999).") }
            let measure = value("measure")
            if measure.isEmpty { problem("measure", "åtgärdstexten saknas.") }
            if measure.count > maxMeasureLength {
                problem("measure", "åtgärdstexten är \(measure.count) tecken; högst \(maxMeasureLength) tillåts.")
            }
            for column in ["group_title", "subgroup_label", "subgroup_title", "funding"] where value(column).count > maxShortText {
                problem(column, "texten är \(value(column).count) tecken; högst \(maxShortText) tillåts.")
            }
            if value("group_title").isEmpty { problem("group_title", "gruppens rubrik saknas.") }
            let responsible = actors(value("responsible"))
            if responsible.isEmpty { problem("responsible", "minst en ansvarig krävs.") }
            let partners = actors(value("partners"))
            for (column, list) in [("responsible", responsible), ("partners", partners)] {
                for actor in list where actor.count > 200 { problem(column, "aktören \"\(actor.prefix(40))…\" har ett för långt namn.") }
            }
            guard let year, let section, let group, let position, problems.allSatisfy({ $0.line != row.line }) else { continue }
            if let earlier = groupTitles[group], earlier.title != value("group_title") || earlier.section != section {
                problem("group_title", "grupp \(group) har olika rubrik eller avsnitt på olika rader (\"\(earlier.title)\").")
                continue
            }
            groupTitles[group] = (value("group_title"), section)
            let key = "\(year)-\(group)-\(position)"
            if let earlier = seenPositions[key] {
                problem("position", "position \(position) i grupp \(group) finns redan på rad \(earlier).")
                continue
            }
            seenPositions[key] = row.line
            var parsed = PlanRow(
                year: year, section: section, groupNumber: group, groupTitle: value("group_title"),
                subgroupLabel: value("subgroup_label"), subgroupTitle: value("subgroup_title"), position: position,
                measure: measure, responsible: responsible, partners: partners, funding: value("funding"))
            parsed.line = row.line
            result.append(parsed)
        }
        if problems.isEmpty && result.isEmpty { problems.append(ImportProblem(line: nil, column: nil, message: "Filen innehåller inga åtgärder.")) }
        if Set(result.map(\.year)).count > 1 {
            problems.append(
                ImportProblem(
                    line: nil, column: "year",
                    message: "filen blandar flera år (\(Set(result.map(\.year)).sorted().map(String.init).joined(separator: ", "))); importera ett år i taget.")
            )
        }
        if !problems.isEmpty { throw ImportFailure(problems) }
        return result.sorted { ($0.groupNumber, $0.position) < ($1.groupNumber, $1.position) }
    }

    /// Actors are separated by `;` in the file.
    public static func actors(_ text: String) -> [String] {
        text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public static func csv(_ rows: [PlanRow]) -> String {
        CSVWriter.line(columns)
            + rows.map { row in
                CSVWriter.line([
                    String(row.year), row.section.rawValue, row.section.targetAreaName ?? "", String(row.groupNumber),
                    row.groupTitle, row.subgroupLabel, row.subgroupTitle, String(row.position), row.measure,
                    row.responsible.joined(separator: ";"), row.partners.joined(separator: ";"), row.funding,
                ])
            }.joined()
    }
}
