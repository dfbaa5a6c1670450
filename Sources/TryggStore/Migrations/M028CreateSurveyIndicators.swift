import FluentKit
import SQLKit

/// Survey results followed as indicators of the plan's measures.
struct M028CreateSurveyIndicators: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("survey_indicators")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("measure_id", .uuid, .required, .references("plan_measures", "id"))
            .field("questionnaire", .string, .required)
            .field("question", .string, .required)
            .field("area", .string, .required)
            .field("gender", .string, .required)
            .field("age_band", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "survey_indicators_measure").on("survey_indicators").column("measure_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("survey_indicators").delete()
    }
}
