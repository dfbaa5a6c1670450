import FluentKit
import SQLKit

/// Assessments against the EU's criteria for organised crime, and the kommun's set of mandatory criteria.
struct M035CreateCriteriaAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("criteria_assessments")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("assessed_on", .string, .required)
            .field("assessed_by", .string, .required)
            .field("criteria", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("criteria_settings")
            .field("kommun_id", .uuid, .identifier(auto: false), .references("kommuner", "id"))
            .field("mandatory", .string, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "criteria_assessments_kommun").on("criteria_assessments").column("kommun_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("criteria_settings").delete()
        try await database.schema("criteria_assessments").delete()
    }
}
