import FluentKit
import SQLKit

/// The population a survey's shares may be weighted to (JSON of `SurveyWeights`; NULL: none).
struct M030AddSurveyWeights: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("surveys").field("weights", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("surveys").deleteField("weights").update()
    }
}
