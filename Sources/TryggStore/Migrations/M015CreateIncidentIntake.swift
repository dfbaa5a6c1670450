import FluentKit
import SQLKit

/// SQLite only: a write-only view through which one INSERT stores a batch of events together
/// with their audit entries. Both arrive as JSON arrays of rows (columns in the order below); the
/// trigger unpacks them. One statement is atomic by itself, so the intake needs no BEGIN and
/// COMMIT: on SQLite's single connection those two extra round trips were most of the time a
/// batch took, and the API's throughput is bounded by it. PostgreSQL keeps an ordinary
/// transaction with two INSERTs (IncidentWriteQueue).
struct M015CreateIncidentIntake: AsyncMigration {
    static let incidentColumns = [
        "id", "kommun_id", "category_id", "subcategory", "occurred_at", "ended_at", "time_precision", "latitude",
        "longitude", "area_id", "place", "description", "organisation_id", "reporter_id", "source", "iso_week",
        "local_weekday", "local_hour", "local_month", "created_at", "updated_at",
    ]
    static let auditColumns = ["id", "kommun_id", "user_id", "actor", "action", "object_type", "object_id", "detail", "address", "created_at"]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, !sql.isPostgres else { return }
        try await sql.raw("CREATE VIEW incident_intake AS SELECT NULL AS incidents, NULL AS audit_entries WHERE 0").run()
        try await sql.raw(
            """
            CREATE TRIGGER incident_intake_insert INSTEAD OF INSERT ON incident_intake
            BEGIN
                \(unsafeRaw: Self.unpack(into: "incidents", columns: Self.incidentColumns, from: "NEW.incidents"));
                \(unsafeRaw: Self.unpack(into: "audit_log", columns: Self.auditColumns, from: "NEW.audit_entries"));
            END
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, !sql.isPostgres else { return }
        try await sql.raw("DROP VIEW IF EXISTS incident_intake").run()
    }

    static func unpack(into table: String, columns: [String], from json: String) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT "
            + columns.indices.map { "value->>\($0)" }.joined(separator: ", ") + " FROM jsonb_each(\(json))"
    }
}
