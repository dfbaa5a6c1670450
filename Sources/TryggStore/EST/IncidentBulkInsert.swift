import FluentKit
import NIOCore
import Foundation
import SQLKit
import TryggCore

/// Bulk insert of events. On SQLite a batch travels as one JSON text that SQLite unpacks itself
/// (`jsonb_each`), instead of 21 bound values per row: binding and encoding each value in Swift
/// cost more than SQLite's own work. PostgreSQL gets the rows through COPY.
extension IncidentStore {
    /// The indexes a large import drops and builds again afterwards: building an index from
    /// sorted data is several times faster than growing it row by row at random places.
    static let rebuildableIndexes = [
        // Covers the weekly aggregate: kommun and week narrow the range, area and category are read from the index.
        "CREATE INDEX incidents_week ON incidents (kommun_id, iso_week, area_id, category_id)",
        // A period's events; with the position in the index, a period and a box (hot places that
        // recur, Gi*, the effect of an insats) are answered without reading the table rows (M016).
        "CREATE INDEX incidents_time ON incidents (kommun_id, occurred_at, latitude, longitude)",
    ]

    /// An import large enough for the bulk paths: at least 100,000 rows and at least as many as
    /// are stored. The time and week indexes are then dropped and rebuilt at the end of the same
    /// transaction (readers never see the table without them); on PostgreSQL the foreign keys
    /// are also checked in one pass at the end (`PostgresCopy.suspendingForeignKeys`).
    static func isBulk(_ count: Int, on sql: any SQLDatabase) async throws -> Bool {
        guard count >= 100_000 else { return false }
        let stored =
            try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("incidents")
            .first()?.decode(column: "n", as: Int.self) ?? 0
        return count >= stored
    }

    static func dropIndexes(on sql: any SQLDatabase) async throws {
        try await sql.raw("DROP INDEX incidents_week").run()
        try await sql.raw("DROP INDEX incidents_time").run()
    }

    static func rebuildIndexes(on sql: any SQLDatabase) async throws {
        // Building an index is a sort: SQLite may hand parts of it to a helper thread, and
        // PostgreSQL sorts a million rows in memory instead of in temporary files, for this
        // transaction only.
        if sql.dialect.name == "sqlite" {
            try await sql.raw("PRAGMA threads=2").run()
        } else {
            try await sql.raw("SET LOCAL maintenance_work_mem = '256MB'").run()
        }
        for statement in rebuildableIndexes { try await sql.raw(SQLQueryString(statement)).run() }
    }

    /// A multi-row INSERT: the group commit's few rows on PostgreSQL.
    static func insert(_ records: ArraySlice<Incident>, on sql: any SQLDatabase) async throws {
        var insert = sql.insert(into: "incidents").columns(columns)
        for record in records { insert = insert.values(values(record)) }
        try await insert.run()
    }

    /// Events as COPY text (PostgreSQL imports; SQLite takes the JSON paths below), encoded
    /// where the chunk is prepared so that the connection only sends.
    static func copyText(_ records: [Incident]) -> ByteBuffer {
        CopyRows.encoded(capacity: records.count * 280) { rows in
            // Borrowed from the buffer: `for record in records` copied each event, retaining its texts.
            records.withUnsafeBufferPointer { buffer in
                for index in buffer.indices { rows.incident(buffer[index]) }
            }
        }
    }

    /// Columns an import's rows share (kommun, source, times of the import…): when every row of
    /// a batch agrees on them they are bound once instead of repeated in every JSON row.
    static let sharedColumns: Set<String> = ["kommun_id", "ended_at", "time_precision", "reporter_id", "source", "created_at", "updated_at"]

    struct EncodedBatch: Sendable {
        let json: String
        /// The row all others agree with on `sharedColumns`, or nil when each row carries every column.
        let shared: Incident?
    }

    /// `shareColumns: false` writes every column in every row, as the intake view wants.
    static func encode(_ records: ArraySlice<Incident>, shareColumns: Bool = true) -> EncodedBatch {
        let first = records.first
        let uniform =
            !shareColumns
            ? false
            : first.map { first in
                records.allSatisfy {
                    $0.kommunID == first.kommunID && $0.endedAt == nil && $0.precision == first.precision && $0.reporterID == first.reporterID
                        && $0.source == first.source && $0.createdAt == first.createdAt && $0.updatedAt == first.updatedAt
                }
            } ?? false
        var bytes: [UInt8] = [91]
        bytes.reserveCapacity(records.count * (uniform ? 260 : 400))
        for (index, record) in records.enumerated() {
            if index > 0 { bytes.append(44) }
            appendJSON(record, compact: uniform, to: &bytes)
        }
        bytes.append(93)
        return EncodedBatch(json: String(decoding: bytes, as: UTF8.self), shared: uniform ? first : nil)
    }

    /// Events and their audit entries in one statement through the intake view (M015, SQLite).
    static func insertWithAudit(_ records: ArraySlice<Incident>, audit: [AuditLog.Draft], on sql: any SQLDatabase) async throws {
        let incidents = encode(records, shareColumns: false).json
        try await sql.raw("INSERT INTO incident_intake (incidents, audit_entries) VALUES (\(bind: incidents), \(bind: AuditLog.json(audit)))").run()
    }

    static func insertJSON(_ batch: EncodedBatch, on sql: any SQLDatabase) async throws {
        // Column i of the JSON row goes to the i-th column that is not shared. SQLiteNIO stores
        // UUIDs as their text form, which is what the JSON carries.
        var selected: [any SQLExpression] = []
        var position = 0
        let shared = batch.shared.map(values)
        for (index, column) in columns.enumerated() {
            if let shared, sharedColumns.contains(column) {
                selected.append(SQLBind(shared[index]))
            } else {
                selected.append(SQLRaw("value->>\(position)"))
                position += 1
            }
        }
        try await sql.raw(
            "INSERT INTO incidents (\(unsafeRaw: columns.joined(separator: ", "))) SELECT \(SQLList(selected)) FROM jsonb_each(\(bind: batch.json))"
        ).run()
    }

    /// One row as a JSON array in the order of `columns`; `compact` leaves out `sharedColumns`.
    static func appendJSON(_ record: Incident, compact: Bool, to bytes: inout [UInt8]) {
        let local = StockholmCalendar.local(record.occurredAt)
        func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
        func uuid(_ id: UUID?) { JSONText.appendUUID(id, to: &bytes) }
        func number(_ value: Double?) { raw(value.map { "\($0)" } ?? "null") }
        func integer(_ value: Int64?) { raw(value.map { "\($0)" } ?? "null") }
        func comma() { bytes.append(44) }
        bytes.append(91)
        uuid(record.id)
        comma()
        if !compact {
            uuid(record.kommunID)
            comma()
        }
        uuid(record.categoryID)
        comma()
        JSONText.appendString(record.subcategory, to: &bytes)
        comma()
        integer(Int64(record.occurredAt.timeIntervalSince1970))
        comma()
        if !compact {
            integer(record.endedAt.map { Int64($0.timeIntervalSince1970) })
            comma()
            JSONText.appendString(record.precision.rawValue, to: &bytes)
            comma()
        }
        number(record.point?.latitude)
        comma()
        number(record.point?.longitude)
        comma()
        uuid(record.areaID)
        comma()
        JSONText.appendString(record.place, to: &bytes)
        comma()
        JSONText.appendString(record.description, to: &bytes)
        comma()
        uuid(record.organisationID)
        comma()
        if !compact {
            uuid(record.reporterID)
            comma()
            JSONText.appendString(record.source.rawValue, to: &bytes)
            comma()
        }
        raw("\(local.week.key),\(local.weekday),\(local.hour),\(local.monthKey)")
        if !compact {
            comma()
            integer(Int64(record.createdAt.timeIntervalSince1970))
            comma()
            integer(Int64(record.updatedAt.timeIntervalSince1970))
        }
        bytes.append(93)
    }
}

extension CopyRows {
    /// One event in the order of `IncidentStore.columns`, written straight from its fields: going
    /// through the INSERT's list of bound values (21 existentials per row, and a reflection for
    /// each NULL) cost the import more CPU than PostgreSQL's own work.
    mutating func incident(_ record: borrowing Incident) {
        let local = StockholmCalendar.local(record.occurredAt)
        uuid(record.id)
        uuid(record.kommunID)
        uuid(record.categoryID)
        text(record.subcategory)
        integer(Int64(record.occurredAt.timeIntervalSince1970))
        integer(record.endedAt.map { Int64($0.timeIntervalSince1970) })
        text(record.precision.rawValue)
        plain(record.point?.latitude)
        plain(record.point?.longitude)
        uuid(record.areaID)
        text(record.place)
        text(record.description)
        uuid(record.organisationID)
        uuid(record.reporterID)
        text(record.source.rawValue)
        integer(Int64(local.week.key))
        integer(Int64(local.weekday))
        integer(Int64(local.hour))
        integer(Int64(local.monthKey))
        integer(Int64(record.createdAt.timeIntervalSince1970))
        integer(Int64(record.updatedAt.timeIntervalSince1970))
        endRow()
    }
}
