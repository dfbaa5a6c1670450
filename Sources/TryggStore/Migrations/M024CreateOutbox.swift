import FluentKit
import SQLKit

/// E-mail: the outbox every notice waits in until the relay took it, a contact address per
/// organisation (reminders go there) and each user's choice to receive notices.
struct M024CreateOutbox: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("outbox")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("kind", .string, .required)
            // What the message is about and for whom: a second notice with the same key is not queued.
            .field("dedupe_key", .string, .required)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("last_error", .string, .required)
            .unique(on: "kommun_id", "dedupe_key")
            .create()
        try await (database as! any SQLDatabase).create(index: "outbox_due").on("outbox").column("state").column("next_attempt_at").run()
        try await database.schema("organisations").field("contact_email", .string, .required, .sql(.default(""))).update()
        try await database.schema("users").field("notices", .bool, .required, .sql(.default(true))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("notices").update()
        try await database.schema("organisations").deleteField("contact_email").update()
        try await database.schema("outbox").delete()
    }
}
