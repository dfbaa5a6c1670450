import FluentKit

/// Orsaksanalyser that cover several observations of a trygghetsvandring.
struct M041CreateWalkCauses: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("walk_causes")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("walk_id", .uuid, .required, .references("safety_walks", "id"))
            .field("observation_ids", .string, .required)
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("walk_causes").delete()
    }
}
