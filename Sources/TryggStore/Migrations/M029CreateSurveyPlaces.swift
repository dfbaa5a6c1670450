import FluentKit
import SQLKit

/// The places respondents marked as unsafe, rounded to their 100 m square and, like free text,
/// kept apart from the answers so that a place cannot be tied to a respondent's background.
struct M029CreateSurveyPlaces: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("survey_places")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", "id"))
            .field("latitude", .double, .required)
            .field("longitude", .double, .required)
            .create()
        try await (database as! any SQLDatabase).create(index: "survey_places_survey").on("survey_places").column("survey_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("survey_places").delete()
    }
}
