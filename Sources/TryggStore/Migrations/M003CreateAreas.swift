import FluentKit

struct M003CreateAreas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("areas")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("name", .string, .required)
            .field("geometry", .string)
            .field("deso_codes", .string, .required)
            .field("source", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "kommun_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("areas").delete()
    }
}
