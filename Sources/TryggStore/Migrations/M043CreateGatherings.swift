import FluentKit

/// The police's decisions on public gatherings, per kommun: one row per date and place.
struct M043CreateGatherings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("gatherings")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("planned_on", .string, .required)
            .field("place", .string, .required)
            .field("decision", .string, .required)
            .field("outcome", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("source", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "kommun_id", "planned_on", "place")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("gatherings").delete()
    }
}
