import FluentKit

struct M012CreateGoverningDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("governing_documents")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("kind", .string, .required)
            .field("title", .string, .required)
            .field("diarienummer", .string, .required)
            .field("adopted_by", .string, .required)
            .field("adopted_on", .string, .required)
            .field("validity", .string, .required)
            .field("review_on", .string, .required)
            .field("links", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("governing_documents").delete()
    }
}
