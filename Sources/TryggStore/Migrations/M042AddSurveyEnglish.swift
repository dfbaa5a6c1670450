import FluentKit

/// A survey's title and purpose in English, for the English form (empty: the Swedish text is shown).
struct M042AddSurveyEnglish: AsyncMigration {
    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds only one at a time.
        try await database.schema("surveys").field("title_en", .string).update()
        try await database.schema("surveys").field("purpose_en", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("surveys").deleteField("purpose_en").update()
        try await database.schema("surveys").deleteField("title_en").update()
    }
}
