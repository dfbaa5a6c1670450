import FluentKit

struct M001CreateKommuner: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("kommuner")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("code", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "slug")
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("kommuner").delete()
    }
}
