import FluentKit

/// Which measure a copied measure came from, so a measure in next year's plan still answers the
/// lägesbild's problem its predecessor was linked to.
struct M022AddMeasureLineage: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_measures").field("copied_from", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_measures").deleteField("copied_from").update()
    }
}
