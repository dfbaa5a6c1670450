import FluentKit
import SQLKit

/// The yearly assessment of kriminell påverkan per district, and each kommun's scale.
struct M038CreateInfluenceAssessments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("influence_assessments")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("area_id", .uuid, .required, .references("areas", "id"))
            .field("year", .int, .required)
            .field("stage", .int, .required)
            .field("stage_label", .string, .required)
            .field("assessed_on", .string, .required)
            .field("assessors", .string, .required)
            .field("motivation", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "kommun_id", "area_id", "year")
            .create()
        try await database.schema("influence_scales")
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("labels", .string, .required)
            .unique(on: "kommun_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("influence_scales").delete()
        try await database.schema("influence_assessments").delete()
    }
}
