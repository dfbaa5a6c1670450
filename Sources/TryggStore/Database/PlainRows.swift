import FluentKit
import FluentSQLiteDriver
import Foundation
import SQLKit
import TryggCore

/// Reading many rows of plain values (numbers, text, ids), such as the 20,000 points of a busy
/// lägesbild week. Through SQLKit every value is decoded with Codable, and SQLiteNIO hands each
/// row to an event loop as a task of its own; together that took four times as long as SQLite's
/// query. On SQLite the rows therefore come back as one JSON array that is read here in one
/// pass; on PostgreSQL they come through SQLKit as everywhere else. Values are required (NULL is
/// an error) unless read with an `optional` method. Row order is not kept.
struct PlainRow {
    private enum Storage {
        case parsed([JSONRowReader.Value], [String: Int])
        case other(any SQLRow)
    }

    private let storage: Storage

    fileprivate init(values: [JSONRowReader.Value], columns: [String: Int]) { storage = .parsed(values, columns) }
    fileprivate init(_ row: any SQLRow) { storage = .other(row) }

    func double(_ column: String) throws -> Double { try read(column) { $0.number } }

    func int64(_ column: String) throws -> Int64 { try read(column) { $0.number.flatMap(Int64.init(exactly:)) } }

    func string(_ column: String) throws -> String { try read(column) { $0.text } }

    func uuid(_ column: String) throws -> UUID { try read(column) { $0.text.flatMap(UUID.init(canonical:)) } }

    /// An id that may be NULL (an event outside every area).
    func optionalUUID(_ column: String) throws -> UUID? {
        try read(column) { value -> UUID?? in
            if value == .null { return .some(nil) }
            // Not `flatMap` straight into UUID??: an unreadable id would become .some(nil), read as NULL.
            guard let id = value.text.flatMap(UUID.init(canonical:)) else { return nil }
            return .some(id)
        }
    }

    /// `convert` gives nil when the JSON value is not what the column should hold.
    private func read<T: Decodable>(_ column: String, _ convert: (JSONRowReader.Value) -> T?) throws -> T {
        switch storage {
        case .parsed(let values, let columns): return try Self.required(convert(value(values, columns, column)), column)
        case .other(let row): return try row.decode(column: column, as: T.self)
        }
    }

    private func value(_ values: [JSONRowReader.Value], _ columns: [String: Int], _ column: String) throws -> JSONRowReader.Value {
        guard let index = columns[column], index < values.count else { throw StoreError.invalid("Kolumnen \(column) saknas i svaret.") }
        return values[index]
    }

    private static func required<T>(_ value: T?, _ column: String) throws -> T {
        guard let value else { throw StoreError.invalid("Kolumnen \(column) saknar ett giltigt värde.") }
        return value
    }
}

extension SQLSelectBuilder {
    /// Selects `columns` (and `counted`, the rows' COUNT(*) when the query groups) and makes every
    /// row into a value with `make`.
    /// `jsonOnPostgres` reads PostgreSQL's rows as one JSON array too (`json_agg`), for columns of
    /// numbers and text only (a timestamp would come back as text).
    func plainRows<T>(_ columns: [String], counted: String? = nil, jsonOnPostgres: Bool = false, _ make: (PlainRow) throws -> T) async throws
        -> [T]
    {
        for column in columns { _ = self.column(column) }
        if let counted { _ = self.column(SQLFunction("COUNT", args: SQLLiteral.all), as: counted) }
        let columns = columns + (counted.map { [$0] } ?? [])
        let positions = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        if jsonOnPostgres, database.dialect.name == "postgresql" {
            let row = try await database.raw(
                "SELECT COALESCE(json_agg(json_build_array(\(unsafeRaw: list))), '[]')::text AS all_rows FROM (\(query)) AS plain"
            ).first()
            var reader = JSONRowReader(Array((try row?.decode(column: "all_rows", as: String.self) ?? "[]").utf8))
            var result: [T] = []
            while let values = try reader.nextRow() { result.append(try make(PlainRow(values: values, columns: positions))) }
            return result
        }
        guard let sqlite = database as? any SQLiteDatabase else { return try await all().map { try make(PlainRow($0)) } }
        var serializer = SQLSerializer(database: database)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        let rows = try await sqlite.query("SELECT json_group_array(json_array(\(list))) AS all_rows FROM (\(serializer.sql))", binds)
        var reader = JSONRowReader(Array((rows.first?.column("all_rows")?.string ?? "[]").utf8))
        var result: [T] = []
        while let values = try reader.nextRow() { result.append(try make(PlainRow(values: values, columns: positions))) }
        return result
    }
}
