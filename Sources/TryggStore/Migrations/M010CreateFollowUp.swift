import FluentKit

struct M010CreateFollowUp: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("followup_rounds")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("plan_id", .uuid, .required, .references("plans", "id"))
            .field("year", .int, .required)
            .field("deadline", .string, .required)
            .field("state", .string, .required)
            .field("created_at", .datetime)
            .field("closed_at", .datetime)
            .create()
        try await database.schema("followup_answers")
            .id()
            .field("round_id", .uuid, .required, .references("followup_rounds", "id", onDelete: .cascade))
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("measure_id", .uuid, .required, .references("plan_measures", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("status", .string, .required)
            .field("description", .string, .required)
            .field("state", .string, .required)
            .field("return_comment", .string, .required)
            .field("answered_by", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "round_id", "measure_id", "organisation_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("followup_answers").delete()
        try await database.schema("followup_rounds").delete()
    }
}
