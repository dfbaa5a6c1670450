import FluentKit

/// When each user last signed in, so the admin sees accounts nobody uses any more (a leaver's
/// account is a way in).
struct M045AddUserLastLogin: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("last_login_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("last_login_at").update()
    }
}
