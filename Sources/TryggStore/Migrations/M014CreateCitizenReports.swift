import FluentKit
import Foundation
import SQLKit

/// Residents' reports of unsafe places, the kommun's settings for them (accepted rectangle,
/// how long contact details are kept) and the Open311 API keys. Times are epoch seconds, as for
/// EST events. The follow-up token is stored only as its SHA-256, like API tokens.
struct M014CreateCitizenReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("citizen_reports")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("public_number", .int)
            .field("token_hash", .string, .required)
            .field("category_id", .uuid, .required, .references("incident_categories", "id"))
            .field("latitude", .double)
            .field("longitude", .double)
            .field("area_id", .uuid, .references("areas", "id"))
            .field("place", .string, .required)
            .field("description", .string, .required)
            .field("times_of_day", .string, .required)
            .field("weekdays", .string, .required)
            .field("gender", .string, .required)
            .field("age_band", .string, .required)
            .field("email", .string)
            .field("contact_name", .string)
            .field("media_url", .string, .required)
            .field("status", .string, .required)
            .field("answer", .string, .required)
            .field("reject_reason", .string, .required)
            .field("duplicate_of", .uuid)
            .field("channel", .string, .required)
            .field("submitted_at", .int64, .required)
            .field("updated_at", .int64, .required)
            .field("contact_delete_after", .int64)
            .field("incident_id", .uuid)
            .field("insats_id", .uuid)
            .unique(on: "token_hash")
            .unique(on: "kommun_id", "public_number")
            .create()
        try await database.schema("citizen_settings")
            .field("kommun_id", .uuid, .identifier(auto: false), .references("kommuner", "id"))
            .field("min_latitude", .double)
            .field("max_latitude", .double)
            .field("min_longitude", .double)
            .field("max_longitude", .double)
            .field("contact_retention_days", .int, .required)
            .create()
        try await database.schema("open311_keys")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("key_hash", .string, .required)
            .field("label", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .int64, .required)
            .field("revoked_at", .int64)
            .unique(on: "key_hash")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX citizen_reports_status ON citizen_reports (kommun_id, status, submitted_at)").run()
        // The retention job looks only at reports that still hold contact details.
        try await sql.raw("CREATE INDEX citizen_reports_contact ON citizen_reports (contact_delete_after) WHERE contact_delete_after IS NOT NULL").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["open311_keys", "citizen_settings", "citizen_reports"] { try await database.schema(table).delete() }
    }
}
