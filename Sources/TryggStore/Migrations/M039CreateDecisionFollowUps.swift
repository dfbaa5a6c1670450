import FluentKit
import SQLKit

/// Every follow-up of a decision, not only the latest (`decisions.status_note` stays the latest).
struct M039CreateDecisionFollowUps: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("decision_followups")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("decision_id", .uuid, .required, .references("decisions", "id"))
            .field("at", .datetime, .required)
            .field("status", .string, .required)
            .field("note", .string, .required)
            .field("by_label", .string, .required)
            .create()
        try await (database as! any SQLDatabase).raw("CREATE INDEX decision_followups_decision ON decision_followups (kommun_id, decision_id, at)").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("decision_followups").delete()
    }
}
