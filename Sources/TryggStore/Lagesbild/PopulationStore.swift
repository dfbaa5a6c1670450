import FluentKit
import Foundation
import SQLKit
import TryggCore

/// SCB's population per DeSO and year: the denominators of rates per 1,000 inhabitants.
public struct PopulationStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }
    init(db: any Database, kommunID: UUID) {
        self.db = db
        self.kommunID = kommunID
    }

    /// Stores the counts, all or nothing; a DeSO, year, gender and age band already stored gets
    /// the file's figure.
    public func importCounts(_ table: PopulationTable.Result, fileName: String, by actor: Actor) async throws {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            var start = 0
            while start < table.counts.count {
                var insert = sql.insert(into: "population").columns("kommun_id", "deso", "year", "gender", "age", "count")
                for count in table.counts[start..<min(start + 2_000, table.counts.count)] {
                    insert = insert.values(
                        SQLBind(kommunID), SQLBind(count.deso), SQLBind(count.year), SQLBind(count.gender), SQLBind(count.age), SQLBind(count.count))
                }
                try await insert.onConflict(with: ["kommun_id", "deso", "year", "gender", "age"]) { $0.set(excludedValueOf: "count") }.run()
                start += 2_000
            }
            try await AuditLog.record(
                actor, action: "importerade befolkning", objectType: "befolkning", objectID: fileName,
                detail: "\(table.desoCount) DeSO, år \(table.years.map(String.init).joined(separator: ", ")), \(table.counts.count) värden"
                    + (table.skippedRows > 0 ? ", \(table.skippedRows) rader från andra kommuner hoppades över" : ""),
                kommunID: kommunID, on: db)
        }
    }

    /// Total inhabitants per DeSO and year (all genders and ages).
    public func totals() async throws -> [String: [Int: Int]] {
        // As one JSON array on both databases: every year's table reads these rows, and decoding
        // them one by one through Codable cost PostgreSQL more than the query.
        let rows = try await (db as! any SQLDatabase).select().from("population")
            .where("kommun_id", .equal, kommunID).where("gender", .equal, "alla").where("age", .equal, "alla")
            .plainRows(["deso", "year", "count"], jsonOnPostgres: true) { row in
                (deso: try row.string("deso"), year: Int(try row.int64("year")), count: Int(try row.int64("count")))
            }
        var result: [String: [Int: Int]] = [:]
        for row in rows { result[row.deso, default: [:]][row.year] = row.count }
        return result
    }

    /// The kommun's DeSO codes known from the population table, or nil before any is imported.
    public func knownDeso() async throws -> Set<String>? {
        let rows = try await (db as! any SQLDatabase).select().distinct().column("deso").from("population")
            .where("kommun_id", .equal, kommunID).all()
        let codes = Set(try rows.map { try $0.decode(column: "deso", as: String.self) })
        return codes.isEmpty ? nil : codes
    }

    /// The year with figures by gender and age closest before (or in) `year`, else the latest.
    public func detailedYear(near year: Int) async throws -> Int? {
        let years = try await (db as! any SQLDatabase).select().distinct().column("year").from("population").where("kommun_id", .equal, kommunID)
            .where("gender", .notEqual, "alla").where("age", .notEqual, "alla").all().map { try $0.decode(column: "year", as: Int.self) }
        return years.filter { $0 <= year }.max() ?? years.max()
    }

    /// One year's inhabitants per DeSO, gender and age band (the rows SCB gives in long form).
    public func cells(year: Int) async throws -> [SurveyWeights.PopulationCell] {
        try await (db as! any SQLDatabase).select().columns("deso", "gender", "age", "count").from("population").where("kommun_id", .equal, kommunID)
            .where("year", .equal, year).where("gender", .notEqual, "alla").where("age", .notEqual, "alla").all().map { row in
                SurveyWeights.PopulationCell(
                    deso: try row.decode(column: "deso", as: String.self), gender: try row.decode(column: "gender", as: String.self),
                    age: try row.decode(column: "age", as: String.self), count: try row.decode(column: "count", as: Int.self))
            }
    }
}
