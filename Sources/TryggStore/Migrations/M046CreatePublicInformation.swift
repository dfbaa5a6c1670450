import FluentKit

/// What a kommun tells residents about personal data and accessibility on its public pages; one
/// row per kommun, none until the admin saves (the defaults come from `PublicInformation`).
struct M046CreatePublicInformation: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("public_information")
            .field("kommun_id", .uuid, .identifier(auto: false), .references("kommuner", "id"))
            .field("controller", .string, .required)
            .field("privacy_contact", .string, .required)
            .field("accessibility_contact", .string, .required)
            .field("conformance", .string, .required)
            .field("known_barriers", .string, .required)
            .field("assessed_on", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("public_information").delete()
    }
}
