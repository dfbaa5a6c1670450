import Foundation
import SQLKit
import TryggCore

/// A year's crime sums of a kommun, by one date, packed in one text ("deso,code,count;…"; the
/// DeSO empty for crimes not placed): the year's table reads four years of some 6,000 sums each,
/// and read as rows they cost more than everything else on the page (32 ms on PostgreSQL, whose
/// rows lay scattered; one row per year is read in a few milliseconds on both databases).
enum CrimeYearCounts {
    struct Key: Hashable {
        let basis: CrimeDateBasis
        let year: Int
    }

    struct Cell: Hashable {
        let deso: String
        let code: Int
    }

    /// The SQL aggregate that packs a group of (deso, crime_code, n) rows.
    static func aggregate(_ sql: any SQLDatabase) -> String {
        sql.dialect.name == "sqlite" ? "group_concat(deso || ',' || crime_code || ',' || n, ';')" : "string_agg(deso || ',' || crime_code || ',' || n, ';')"
    }

    static func pack(_ cells: [Cell: Int]) -> String {
        cells.sorted { ($0.key.deso, $0.key.code) < ($1.key.deso, $1.key.code) }.map { "\($0.key.deso),\($0.key.code),\($0.value)" }
            .joined(separator: ";")
    }

    static func unpack(_ text: String, year: Int) -> [CrimeCount] {
        var counts: [CrimeCount] = []
        for entry in text.utf8.split(separator: UInt8(ascii: ";")) {
            let parts = entry.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard parts.count == 3, let code = Int(Substring(parts[1])), let count = Int(Substring(parts[2])) else { continue }
            let deso = String(Substring(parts[0]))
            counts.append(CrimeCount(deso: deso.isEmpty ? nil : deso, code: code, year: year, count: count))
        }
        return counts
    }
}
