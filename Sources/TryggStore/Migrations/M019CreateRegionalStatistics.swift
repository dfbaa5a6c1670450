import FluentKit

/// Brå's figures for län, police regions and the whole country, which the kartläggning compares
/// the kommun with. One row per region, crime type and year; `value` NULL is Brå's `..`.
struct M019CreateRegionalStatistics: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("regional_statistics")
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("region", .string, .required)
            .field("crime_type", .string, .required)
            .field("year", .int, .required)
            .field("period", .string, .required)
            .field("preliminary", .bool, .required)
            .field("value", .int)
            .field("file_name", .string, .required)
            .compositeIdentifier(over: "kommun_id", "region", "crime_type", "year")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("regional_statistics").delete()
    }
}
