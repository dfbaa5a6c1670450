import FluentKit

struct M002CreateOrganisations: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("abbreviation", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("name_confirmed", .bool, .required)
            .unique(on: "kommun_id", "abbreviation")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("organisations").delete()
    }
}
