import FluentKit
import SQLKit

/// The police's yearly lists of utsatta områden (national, public data: not any one kommun's).
struct M036CreatePoliceAreas: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("police_areas")
            .id()
            .field("year", .int, .required)
            .field("special_id", .string, .required)
            .field("name", .string, .required)
            .field("category", .string, .required)
            .field("ort", .string, .required)
            .field("lokalpolis", .string, .required)
            .field("since", .string, .required)
            .field("geometry", .string)
            .field("area_m2", .double)
            .create()
        try await (database as! any SQLDatabase).create(index: "police_areas_year").on("police_areas").column("year").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("police_areas").delete()
    }
}
