import Foundation

/// SCB's table from DeSO to RegSO (regional statistikområde), e.g. `bro;Kommunnamn;DeSO;RegSO`:
/// each RegSO of the kommun becomes an area defined by its DeSO codes, so figures per DeSO add up
/// to districts people recognise (Skäggetorp-Tornby = five DeSO).
public enum DesoRegsoTable {
    public struct Result: Sendable, Equatable {
        /// RegSO name and its DeSO codes, in the order of the file.
        public var regions: [(name: String, deso: [String])]
        public var skippedRows: Int

        public static func == (lhs: Result, rhs: Result) -> Bool {
            lhs.skippedRows == rhs.skippedRows && lhs.regions.map(\.name) == rhs.regions.map(\.name)
                && lhs.regions.map(\.deso) == rhs.regions.map(\.deso)
        }
    }

    public static func looksLikeTable(_ header: [String]) -> Bool {
        let names = Set(header.map { $0.lowercased() })
        return names.contains("deso") && names.contains("regso")
    }

    public static func read(_ table: CSVTable, kommun: Kommun) throws(ImportFailure) -> Result {
        let header = table.header.map { $0.lowercased() }
        guard let desoColumn = header.firstIndex(of: "deso"), let regsoColumn = header.firstIndex(of: "regso") else {
            throw ImportFailure([ImportProblem(line: 1, column: nil, message: "Kolumnerna DeSO och RegSO saknas.")])
        }
        var problems: [ImportProblem] = []
        var order: [String] = []
        var codes: [String: [String]] = [:]
        var owner: [String: String] = [:]
        var skipped = 0
        for row in table.rows {
            func field(_ position: Int) -> String {
                position < row.fields.count ? row.fields[position].trimmingCharacters(in: .whitespaces) : ""
            }
            func problem(_ column: String, _ message: String) {
                if problems.count < 500 { problems.append(ImportProblem(line: row.line, column: column, message: message)) }
            }
            let deso = field(desoColumn).uppercased(), regso = field(regsoColumn)
            guard DesoCode.isWellFormed(deso) else {
                problem("DeSO", "\"\(deso.prefix(40))\" är ingen DeSO-kod (form: 0580C1160).")
                continue
            }
            guard deso.hasPrefix(kommun.code) else {
                skipped += 1
                continue
            }
            guard (1...120).contains(regso.count), TextInput.forbiddenCharacter(in: regso) == nil else {
                problem("RegSO", "RegSO-namnet måste ha 1–120 tecken.")
                continue
            }
            if let previous = owner[deso] {
                if previous != regso { problem("DeSO", "\(deso) står både under \(previous) och \(regso).") }
                continue
            }
            owner[deso] = regso
            if codes[regso] == nil { order.append(regso) }
            codes[regso, default: []].append(deso)
        }
        if problems.isEmpty && order.isEmpty {
            problems.append(
                ImportProblem(line: nil, column: nil, message: "Ingen DeSO i filen hör till \(kommun.name) (kommunkod \(kommun.code))."))
        }
        guard problems.isEmpty else { throw ImportFailure(problems) }
        return Result(regions: order.map { ($0, codes[$0]!) }, skippedRows: skipped)
    }
}
