import FluentKit

/// The säkerhetschef's own assessment of the year's follow-up, printed in the report to
/// kommunfullmäktige beside the organisations' answers.
struct M023AddFollowUpAssessment: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("followup_rounds").field("assessment", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("followup_rounds").deleteField("assessment").update()
    }
}
