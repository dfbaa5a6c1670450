import FluentKit

struct M008CreatePlans: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plans")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("year", .int, .required)
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("title", .string, .required)
            .field("diarienummer", .string, .required)
            .field("adopted_by", .string, .required)
            .field("adopted_on", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "kommun_id", "year", "version")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plans").delete()
    }
}
