import FluentKit
import SQLKit

/// A kommun's rule for its survey results: the fewest answers a published share may rest on.
struct M031CreateSurveySettings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("survey_settings")
            .field("kommun_id", .uuid, .identifier(auto: false), .references("kommuner", "id"))
            .field("minimum_for_share", .int, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("survey_settings").delete()
    }
}
