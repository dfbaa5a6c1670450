import FluentKit
import SQLKit

/// Trygghetsvandringar: the walk, its observations (a photo kept apart, without metadata) and the
/// measures decided afterwards.
struct M034CreateSafetyWalks: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("safety_walks")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("title", .string, .required)
            .field("area_id", .uuid, .required, .references("areas", "id"))
            .field("date", .string, .required)
            .field("time", .string, .required)
            .field("light", .string, .required)
            .field("route", .string, .required)
            .field("groups", .string, .required)
            .field("premeeting", .string, .required)
            .field("follows_up_id", .uuid, .references("safety_walks", "id"))
            .field("protocol_published_at", .datetime)
            .create()
        try await database.schema("walk_observations")
            .id()
            .field("walk_id", .uuid, .required, .references("safety_walks", "id"))
            .field("position", .int, .required)
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .field("category", .string, .required)
            .field("text", .string, .required)
            .field("cause", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("walk_photos")
            .field("observation_id", .uuid, .identifier(auto: false), .references("walk_observations", "id"))
            .field("kind", .string, .required)
            .field("bytes", .data, .required)
            .create()
        try await database.schema("walk_measures")
            .id()
            .field("walk_id", .uuid, .required, .references("safety_walks", "id"))
            .field("observation_ids", .string, .required)
            .field("text", .string, .required)
            .field("owner_id", .uuid, .references("organisations", "id"))
            .field("owner_name", .string, .required)
            .field("decision", .string, .required)
            .field("reason", .string, .required)
            .field("due_on", .string, .required)
            .field("insats_id", .uuid)
            .field("plan_measure_id", .uuid)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "safety_walks_kommun").on("safety_walks").column("kommun_id").run()
        try await sql.create(index: "walk_observations_walk").on("walk_observations").column("walk_id").run()
        try await sql.create(index: "walk_measures_walk").on("walk_measures").column("walk_id").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["walk_measures", "walk_photos", "walk_observations", "safety_walks"] { try await database.schema(table).delete() }
    }
}
