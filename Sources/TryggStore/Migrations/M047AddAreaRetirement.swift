import FluentKit

/// The day an area was retired (avvecklat): a district that was split or merged keeps its
/// history but is no longer offered for new reports, insatser, forums or surveys.
struct M047AddAreaRetirement: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("areas").field("retired_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("areas").deleteField("retired_on").update()
    }
}
