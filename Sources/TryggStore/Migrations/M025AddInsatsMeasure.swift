import FluentKit

/// An insats may carry out a measure of the åtgärdsplan: the measure page lists its insatser.
struct M025AddInsatsMeasure: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("est_insatser").field("measure_id", .uuid).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("est_insatser").deleteField("measure_id").update()
    }
}
