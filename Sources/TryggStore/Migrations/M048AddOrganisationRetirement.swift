import FluentKit

/// The day an organisation was retired (avvecklad): a förvaltning merged or closed keeps its
/// history but is no longer offered for new measures, insatser, decisions or users.
struct M048AddOrganisationRetirement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisations").field("retired_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").deleteField("retired_on").update()
    }
}
