import FluentKit

/// Remembers the last accepted TOTP time step, so a code seen over someone's shoulder cannot
/// be used a second time within its 30 seconds.
struct M011AddTOTPLastStep: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("users").field("totp_last_step", .int).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("users").deleteField("totp_last_step").update()
    }
}
