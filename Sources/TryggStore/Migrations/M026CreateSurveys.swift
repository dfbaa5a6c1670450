import FluentKit
import SQLKit

/// Surveys: the survey with a copy of its questions, the answers (background and bit sets in one
/// row, free text in a table of its own so that it can be read apart and by fewer roles), and
/// the one-time codes, kept only as hashes and never linked to an answer.
struct M026CreateSurveys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("surveys")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("purpose", .string, .required)
            .field("population", .string, .required)
            .field("mode", .string, .required)
            .field("sample_size", .int)
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .field("questionnaire", .string, .required)
            // JSON: the questions as the bank had them when the survey was made.
            .field("questions", .string, .required)
            // JSON: the areas a respondent picks from.
            .field("areas", .string, .required)
            .field("requires_code", .bool, .required)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "kommun_id", "code")
            .create()
        try await database.schema("survey_responses")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", "id"))
            .field("area", .string, .required)
            .field("gender", .string, .required)
            .field("age_band", .string, .required)
            .field("answers", .string, .required)
            // "webb" or "import": the day is not kept, so an answer cannot be matched to a visit.
            .field("source", .string, .required)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "survey_responses_survey").on("survey_responses").column("survey_id").run()
        try await database.schema("survey_texts")
            .id()
            .field("survey_id", .uuid, .required, .references("surveys", "id"))
            .field("question", .string, .required)
            .field("text", .string, .required)
            .create()
        try await sql.create(index: "survey_texts_survey").on("survey_texts").column("survey_id").run()
        try await database.schema("survey_codes")
            .field("survey_id", .uuid, .required, .references("surveys", "id"))
            .field("code_hash", .string, .required)
            .field("used", .bool, .required)
            .unique(on: "survey_id", "code_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["survey_codes", "survey_texts", "survey_responses", "surveys"] { try await database.schema(table).delete() }
    }
}
