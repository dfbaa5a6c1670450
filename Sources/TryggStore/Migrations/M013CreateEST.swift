import FluentKit
import Foundation
import SQLKit
import TryggCore

/// EST: event categories per kommun, events, the weekly assessment, priority places and insatser.
/// Times are stored as UTC epoch seconds (BIGINT, the same on SQLite and PostgreSQL); the Swedish
/// calendar position (ISO week, weekday, hour, month) is stored with each event, computed once
/// at write time, so the weekly aggregate is one indexed GROUP BY.
struct M013CreateEST: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("incident_categories")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("subcategories", .string, .required)
            .field("is_public", .bool, .required)
            .field("position", .int, .required)
            .field("retired", .bool, .required)
            .unique(on: "kommun_id", "code")
            .create()
        try await database.schema("incidents")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("category_id", .uuid, .required, .references("incident_categories", "id"))
            .field("subcategory", .string, .required)
            .field("occurred_at", .int64, .required)
            .field("ended_at", .int64)
            .field("time_precision", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("area_id", .uuid, .references("areas", "id"))
            .field("place", .string, .required)
            .field("description", .string, .required)
            .field("organisation_id", .uuid, .references("organisations", "id"))
            .field("reporter_id", .uuid)
            .field("source", .string, .required)
            .field("iso_week", .int, .required)
            .field("local_weekday", .int, .required)
            .field("local_hour", .int, .required)
            .field("local_month", .int, .required)
            .field("created_at", .int64, .required)
            .field("updated_at", .int64, .required)
            .create()
        try await database.schema("est_weeks")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("iso_week", .int, .required)
            .field("assessment", .string, .required)
            .field("published_at", .int64)
            .field("published_by", .string, .required)
            .field("updated_at", .int64, .required)
            .field("updated_by", .string, .required)
            .unique(on: "kommun_id", "iso_week")
            .create()
        try await database.schema("est_priority_places")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("iso_week", .int, .required)
            .field("name", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("note", .string, .required)
            .field("created_at", .int64, .required)
            .create()
        try await database.schema("est_insatser")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("decided_week", .int, .required)
            .field("kind", .string, .required)
            .field("what", .string, .required)
            .field("place", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("area_id", .uuid, .references("areas", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("starts_on", .string, .required)
            .field("due_on", .string, .required)
            .field("presence_days", .string, .required)
            .field("presence_times", .string, .required)
            .field("status", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .int64, .required)
            .create()
        try await database.schema("est_insats_followups")
            .id()
            .field("insats_id", .uuid, .required, .references("est_insatser", "id", onDelete: .cascade))
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("iso_week", .int, .required)
            .field("status", .string, .required)
            .field("note", .string, .required)
            .field("actor", .string, .required)
            .field("created_at", .int64, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // As released; M016 widened the time index (IncidentStore.rebuildableIndexes has the current form).
        try await sql.raw("CREATE INDEX incidents_week ON incidents (kommun_id, iso_week, area_id, category_id)").run()
        try await sql.raw("CREATE INDEX incidents_time ON incidents (kommun_id, occurred_at)").run()
        // Only reports made by a user ("my reports"); imported rows have no reporter and skip it.
        try await sql.raw("CREATE INDEX incidents_reporter ON incidents (reporter_id) WHERE reporter_id IS NOT NULL").run()
        try await sql.raw("CREATE INDEX est_insatser_kommun ON est_insatser (kommun_id, decided_week)").run()
        // Kommuner that exist before this migration get the default categories too.
        let kommuner = try await sql.select().column("id").from("kommuner").all().map { try $0.decode(column: "id", as: UUID.self) }
        for kommunID in kommuner { try await CategoryStore.insertDefaults(kommunID: kommunID, on: sql) }
    }

    func revert(on database: any Database) async throws {
        for table in ["est_insats_followups", "est_insatser", "est_priority_places", "est_weeks", "incidents", "incident_categories"] {
            try await database.schema(table).delete()
        }
    }
}
