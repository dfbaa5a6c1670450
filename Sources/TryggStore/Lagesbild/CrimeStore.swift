import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The police's reported crimes per DeSO, as imported from their extracts.
public struct CrimeStore: Sendable {
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

    public struct ImportSummary: Sendable, Equatable {
        public var rows: Int
        /// Police reports not stored before (new `Id`s).
        public var newRows: Int
        /// Rows of other kommuner in the file, skipped.
        public var skippedRows: Int
        /// Rows of the period removed first (`replacePeriod`) because a newer extract replaces them.
        public var replacedRows: Int
        public var reportedFrom: String?
        public var reportedTo: String?

        /// What the import did, as the CLI and the web page both tell it.
        public var sentences: [String] {
            let rowCount = { (n: Int) in SwedishGrammar.count(n, "rad", "rader") }
            var out = [
                "Importerade \(rowCount(rows)) (\(SwedishGrammar.count(newRows, "ny", "nya"))) med inskrivningsdatum \(reportedFrom ?? "–") – \(reportedTo ?? "–")."
            ]
            if skippedRows > 0 { out.append("\(rowCount(skippedRows)) gällde andra kommuner och hoppades över.") }
            if replacedRows > 0 { out.append("\(SwedishGrammar.count(replacedRows, "tidigare rad", "tidigare rader")) i perioden ersattes.") }
            return out
        }
    }

    public struct ImportRecord: Sendable, Equatable, Codable {
        public var fileName: String
        public var rows: Int
        public var newRows: Int
        public var skippedRows: Int
        public var reportedFrom: String?
        public var reportedTo: String?
        public var createdAt: Date
    }

    /// Rows per statement: one JSON text each, which the database unpacks itself.
    static let batchSize = 10_000

    /// Stores an extract, all or nothing. A police report already stored (same `Id`) is updated
    /// only if the extract says something else about it, so importing the same file twice changes
    /// nothing. With `replacePeriod`, the kommun's reports registered in the extract's period are
    /// removed first: a newer extract of the same period replaces the older one, including reports
    /// the police have since removed.
    public func importExtract(
        _ extract: CrimeExtract.Result, fileName: String, replacePeriod: Bool = false, by actor: Actor, now: Date = TryggClock.now
    ) async throws -> ImportSummary {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            let importID = UUID()
            var summary = ImportSummary(
                rows: extract.records.count, newRows: 0, skippedRows: extract.skippedCount, replacedRows: 0,
                reportedFrom: extract.reportedFrom, reportedTo: extract.reportedTo)
            if replacePeriod, let from = extract.reportedFrom, let to = extract.reportedTo {
                summary.replacedRows = try await count(kommunID: kommunID, on: sql, reportedBetween: (from, to))
                try await sql.delete(from: "crime_reports").where("kommun_id", .equal, kommunID)
                    .where("reported_on", .greaterThanOrEqual, from).where("reported_on", .lessThanOrEqual, to).run()
            }
            let before = try await count(kommunID: kommunID, on: sql)
            try await sql.insert(into: "crime_imports")
                .columns("id", "kommun_id", "file_name", "rows", "new_rows", "skipped_rows", "reported_from", "reported_to", "replaced_rows", "created_at")
                .values(
                    SQLBind(importID), SQLBind(kommunID), SQLBind(fileName), SQLBind(summary.rows), SQLBind(0), SQLBind(summary.skippedRows),
                    SQLBind(summary.reportedFrom), SQLBind(summary.reportedTo), SQLBind(summary.replacedRows), SQLBind(now)
                ).run()
            var written = 0
            if sql.isPostgres {
                let large = extract.records.count >= 100_000 && extract.records.count >= before
                // The kommun's first extract cannot meet a stored row (its Ids are unique, the
                // extract checks that): it is copied straight into the table.
                let store = {
                    before == 0
                        ? try await copy(extract.records, importID: importID, on: db) : try await copyAndUpsert(extract.records, importID: importID, on: db)
                }
                written = large ? try await PostgresCopy.suspendingForeignKeys(of: "crime_reports", on: sql, store) : try await store()
            } else {
                var start = 0
                while start < extract.records.count {
                    let batch = extract.records[start..<min(start + Self.batchSize, extract.records.count)]
                    written += try await upsert(batch, kommunID: kommunID, importID: importID, on: sql)
                    start += Self.batchSize
                }
            }
            try await storeNames(extract.records, kommunID: kommunID, on: sql)
            summary.newRows = try await count(kommunID: kommunID, on: sql) - before
            // A report already stored that the extract dates differently may leave a year the file
            // does not cover: then every year's sums are refreshed, else only the file's years.
            let changedStored = written > summary.newRows
            var first = Int.max, last = Int.min
            for record in extract.records {
                let reported = Int(record.reportedOn.prefix(4)) ?? 0, occurred = Int(record.occurredOn.prefix(4)) ?? 0
                first = min(first, reported, occurred)
                last = max(last, reported, occurred)
            }
            if before == 0 {
                // Nothing else is stored: the sums are the file's own, added up here instead of
                // read back from millions of rows.
                try await storeCounts(of: extract.records, on: db)
            } else {
                try await refreshCounts(kommunID: kommunID, years: changedStored || first > last ? nil : first...last, on: sql)
            }
            try await sql.update("crime_imports").set("new_rows", to: summary.newRows).where("id", .equal, importID).run()
            try await AuditLog.record(
                actor, action: "importerade brottsstatistik", objectType: "brottsstatistik", objectID: fileName,
                detail: "\(summary.rows) rader (\(summary.newRows) nya), period \(summary.reportedFrom ?? "–")–\(summary.reportedTo ?? "–")"
                    + (summary.skippedRows > 0 ? ", \(summary.skippedRows) rader från andra kommuner hoppades över" : "")
                    + (summary.replacedRows > 0 ? ", \(summary.replacedRows) tidigare rader i perioden ersattes" : ""),
                kommunID: kommunID, on: db)
            return summary
        }
    }

    private func count(kommunID: UUID, on sql: any SQLDatabase, reportedBetween period: (String, String)? = nil) async throws -> Int {
        var query = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("crime_reports").where("kommun_id", .equal, kommunID)
        if let period { query = query.where("reported_on", .greaterThanOrEqual, period.0).where("reported_on", .lessThanOrEqual, period.1) }
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private static let copiedColumns = ["police_id", "crime_code", "reported_on", "occurred_on", "deso", "count"]

    /// The extract's rows as COPY text; `prefix` are columns every row shares (kommun, import).
    private static func copyRows(_ records: [CrimeRecord], prefix: [UUID], into rows: inout CopyRows) async throws {
        for index in records.indices {
            for id in prefix { rows.uuid(id) }
            let record = records[index]
            rows.integer(record.policeID)
            rows.integer(Int64(record.code))
            rows.plain(record.reportedOn)
            rows.plain(record.occurredOn)
            rows.text(record.deso)
            rows.integer(Int64(record.count))
            rows.endRow()
            try await rows.sendIfFull()
        }
    }

    /// PostgreSQL, the kommun's first extract: copied straight into the table.
    private func copy(_ records: [CrimeRecord], importID: UUID, on db: any Database) async throws -> Int {
        try await PostgresCopy.copy(into: "crime_reports", columns: ["kommun_id", "import_id"] + Self.copiedColumns, on: db) { [kommunID] rows in
            try await Self.copyRows(records, prefix: [kommunID, importID], into: &rows)
        }
        return records.count
    }

    /// PostgreSQL, a later extract: the rows are copied (COPY) into a table of this transaction
    /// and merged from there in one statement. Rows stored unchanged are left out first in one
    /// pass over both tables: asking the key of each of millions of rows cost more than the rest.
    /// Returns the rows inserted or changed.
    private func copyAndUpsert(_ records: [CrimeRecord], importID: UUID, on db: any Database) async throws -> Int {
        let sql = db as! any SQLDatabase
        try await sql.raw(
            "CREATE TEMPORARY TABLE crime_import_rows (police_id bigint, crime_code int, reported_on text, occurred_on text, deso text, count int) ON COMMIT DROP"
        ).run()
        try await PostgresCopy.copy(into: "crime_import_rows", columns: Self.copiedColumns, on: db) { rows in
            try await Self.copyRows(records, prefix: [], into: &rows)
        }
        try await sql.raw("ANALYZE crime_import_rows").run()
        let row = try await sql.raw(
            """
            WITH written AS (
            INSERT INTO crime_reports (kommun_id, import_id, police_id, crime_code, reported_on, occurred_on, deso, count)
            SELECT \(bind: kommunID), \(bind: importID), r.police_id, r.crime_code, r.reported_on, r.occurred_on, r.deso, r.count FROM crime_import_rows r
            WHERE NOT EXISTS (SELECT 1 FROM crime_reports c WHERE c.kommun_id = \(bind: kommunID) AND c.police_id = r.police_id
              AND c.crime_code = r.crime_code AND c.reported_on = r.reported_on AND c.occurred_on = r.occurred_on
              AND c.deso IS NOT DISTINCT FROM r.deso AND c.count = r.count)
            ON CONFLICT (kommun_id, police_id) DO UPDATE SET \(unsafeRaw: Self.mergeUpdate) WHERE \(unsafeRaw: Self.mergeChanged)
            RETURNING 1)
            SELECT COUNT(*) AS n FROM written
            """
        ).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// A stored report takes the extract's values only when one differs.
    private static let mergeChanged = ["crime_code", "reported_on", "occurred_on", "deso", "count"]
        .map { "crime_reports.\($0) IS DISTINCT FROM excluded.\($0)" }.joined(separator: " OR ")
    private static let mergeUpdate = ["crime_code", "reported_on", "occurred_on", "deso", "count", "import_id"]
        .map { "\($0) = excluded.\($0)" }.joined(separator: ", ")

    /// SQLite: one statement per batch: the rows travel as one JSON array that SQLite unpacks
    /// (`json_each`), instead of eight bound values per row.
    /// Returns the rows inserted or changed (a row the extract repeats unchanged is not written).
    private func upsert(_ records: ArraySlice<CrimeRecord>, kommunID: UUID, importID: UUID, on sql: any SQLDatabase) async throws -> Int {
        var bytes: [UInt8] = [91]
        bytes.reserveCapacity(records.count * 64)
        for (index, record) in records.enumerated() {
            if index > 0 { bytes.append(44) }
            bytes.append(contentsOf: "[\(record.policeID),\(record.code),\"\(record.reportedOn)\",\"\(record.occurredOn)\",".utf8)
            if let deso = record.deso { JSONText.appendString(deso, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
            bytes.append(contentsOf: ",\(record.count)]".utf8)
        }
        bytes.append(93)
        let json = String(decoding: bytes, as: UTF8.self)
        try await sql.raw(
            """
            INSERT INTO crime_reports (kommun_id, import_id, police_id, crime_code, reported_on, occurred_on, deso, count)
            SELECT \(bind: kommunID), \(bind: importID), value->>0, value->>1, value->>2, value->>3, value->>4, value->>5
            FROM json_each(\(bind: json)) WHERE true
            ON CONFLICT (kommun_id, police_id) DO UPDATE SET \(unsafeRaw: Self.mergeUpdate) WHERE \(unsafeRaw: Self.mergeChanged)
            """
        ).run()
        // The same connection (the import's transaction): rows the statement inserted or updated.
        return try await sql.raw("SELECT changes() AS n").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Sums the stored reports again for the years given (every year when nil), by both dates,
    /// packed one row per year (`CrimeYearCounts`).
    private func refreshCounts(kommunID: UUID, years: ClosedRange<Int>?, on sql: any SQLDatabase) async throws {
        var delete = sql.delete(from: "crime_year_counts").where("kommun_id", .equal, kommunID)
        if let years { delete = delete.where("year", .greaterThanOrEqual, years.lowerBound).where("year", .lessThanOrEqual, years.upperBound) }
        try await delete.run()
        let from = years.map { "\($0.lowerBound)-01-01" } ?? "0000-01-01", to = years.map { "\($0.upperBound)-12-31" } ?? "9999-12-31"
        for (basis, column) in [(CrimeDateBasis.brott, "occurred_on"), (.inskrivning, "reported_on")] {
            try await sql.raw(
                """
                INSERT INTO crime_year_counts (kommun_id, basis, year, counts)
                SELECT kommun_id, \(bind: basis.rawValue), year, \(unsafeRaw: CrimeYearCounts.aggregate(sql)) FROM (
                  SELECT kommun_id, CAST(substr(\(unsafeRaw: column), 1, 4) AS INTEGER) AS year, COALESCE(deso, '') AS deso, crime_code, SUM(count) AS n
                  FROM crime_reports WHERE kommun_id = \(bind: kommunID) AND \(unsafeRaw: column) >= \(bind: from) AND \(unsafeRaw: column) <= \(bind: to)
                  GROUP BY kommun_id, CAST(substr(\(unsafeRaw: column), 1, 4) AS INTEGER), COALESCE(deso, ''), crime_code) sums
                GROUP BY kommun_id, year
                """
            ).run()
        }
    }

    /// The kommun's sums replaced by those of `records`, by both dates.
    private func storeCounts(of records: [CrimeRecord], on db: any Database) async throws {
        var sums: [CrimeYearCounts.Key: [CrimeYearCounts.Cell: Int]] = [:]
        for record in records {
            let cell = CrimeYearCounts.Cell(deso: record.deso ?? "", code: record.code)
            sums[.init(basis: .brott, year: Int(record.occurredOn.prefix(4)) ?? 0), default: [:]][cell, default: 0] += record.count
            sums[.init(basis: .inskrivning, year: Int(record.reportedOn.prefix(4)) ?? 0), default: [:]][cell, default: 0] += record.count
        }
        let sql = db as! any SQLDatabase
        try await sql.delete(from: "crime_year_counts").where("kommun_id", .equal, kommunID).run()
        guard !sums.isEmpty else { return }
        var insert = sql.insert(into: "crime_year_counts").columns("kommun_id", "basis", "year", "counts")
        for (key, cells) in sums.sorted(by: { ($0.key.basis.rawValue, $0.key.year) < ($1.key.basis.rawValue, $1.key.year) }) {
            insert = insert.values(SQLBind(kommunID), SQLBind(key.basis.rawValue), SQLBind(key.year), SQLBind(CrimeYearCounts.pack(cells)))
        }
        try await insert.run()
    }

    /// The crime codes' names as the extract gives them; a later extract's name wins.
    private func storeNames(_ records: [CrimeRecord], kommunID: UUID, on sql: any SQLDatabase) async throws {
        var names: [Int: String] = [:]
        for record in records where !record.name.isEmpty { names[record.code] = record.name }
        guard !names.isEmpty else { return }
        var insert = sql.insert(into: "crime_codes").columns("kommun_id", "code", "name")
        for (code, name) in names.sorted(by: { $0.key < $1.key }) { insert = insert.values(SQLBind(kommunID), SQLBind(code), SQLBind(name)) }
        try await insert.onConflict(with: ["kommun_id", "code"]) { $0.set(excludedValueOf: "name") }.run()
    }

    /// Counts per DeSO (nil: not placed), code and year for the years asked, by the date chosen.
    public func counts(years: ClosedRange<Int>, basis: CrimeDateBasis) async throws -> [CrimeCount] {
        let rows = try await (db as! any SQLDatabase).select().columns("year", "counts").from("crime_year_counts")
            .where("kommun_id", .equal, kommunID).where("basis", .equal, basis.rawValue)
            .where("year", .greaterThanOrEqual, years.lowerBound).where("year", .lessThanOrEqual, years.upperBound).all()
        var counts: [CrimeCount] = []
        for row in rows {
            counts += CrimeYearCounts.unpack(try row.decode(column: "counts", as: String.self), year: try row.decode(column: "year", as: Int.self))
        }
        return counts
    }

    public func codeNames() async throws -> [Int: String] {
        struct Row: Decodable {
            var code: Int
            var name: String
        }
        let rows = try await (db as! any SQLDatabase).select().columns("code", "name").from("crime_codes").where("kommun_id", .equal, kommunID)
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// The years any stored crime of the kommun falls in, by the date chosen.
    public func years(basis: CrimeDateBasis) async throws -> [Int] {
        let row = try await (db as! any SQLDatabase).select()
            .column(SQLFunction("MIN", args: SQLColumn("year")), as: "first").column(SQLFunction("MAX", args: SQLColumn("year")), as: "last")
            .from("crime_year_counts").where("kommun_id", .equal, kommunID).where("basis", .equal, basis.rawValue).first()
        guard let first = try row?.decode(column: "first", as: Int?.self), let last = try row?.decode(column: "last", as: Int?.self) else { return [] }
        return Array(first...last)
    }

    /// The registration dates the kommun's imported extracts span; nil before the first import.
    public func coverage() async throws -> CrimeCoverage? {
        let row = try await (db as! any SQLDatabase).select()
            .column(SQLFunction("MIN", args: SQLColumn("reported_from")), as: "first")
            .column(SQLFunction("MAX", args: SQLColumn("reported_to")), as: "last")
            .from("crime_imports").where("kommun_id", .equal, kommunID).first()
        guard let from = try row?.decode(column: "first", as: String?.self), let to = try row?.decode(column: "last", as: String?.self) else {
            return nil
        }
        return CrimeCoverage(from: from, to: to)
    }

    public func imports() async throws -> [ImportRecord] {
        try await (db as! any SQLDatabase).select()
            .columns("file_name", "rows", "new_rows", "skipped_rows", "reported_from", "reported_to", "created_at").from("crime_imports")
            .where("kommun_id", .equal, kommunID).orderBy("created_at", .descending)
            .all(decoding: ImportRecord.self, with: SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase))
    }
}
