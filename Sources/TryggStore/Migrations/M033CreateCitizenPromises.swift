import FluentKit
import SQLKit

/// Medborgarlöften and their monthly or quarterly follow-ups (one per period).
struct M033CreateCitizenPromises: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("citizen_promises")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("title", .string, .required)
            .field("area_id", .uuid, .references("areas", "id"))
            .field("from_month", .string, .required)
            .field("to_month", .string, .required)
            .field("cadence", .string, .required)
            .field("problem", .string, .required)
            .field("lagesbild_problem_id", .uuid)
            .field("activities", .string, .required)
            .field("indicators", .string, .required)
            .field("published_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("citizen_promise_followups")
            .id()
            .field("promise_id", .uuid, .required, .references("citizen_promises", "id"))
            .field("period", .string, .required)
            .field("status", .string, .required)
            .field("text", .string, .required)
            .field("written_by", .string, .required)
            .field("written_at", .datetime, .required)
            .unique(on: "promise_id", "period")
            .create()
        try await (database as! any SQLDatabase).create(index: "citizen_promises_kommun").on("citizen_promises").column("kommun_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("citizen_promise_followups").delete()
        try await database.schema("citizen_promises").delete()
    }
}
