import FluentKit
import SQLKit

/// Agreements between two kommuner to share something, with each side's decision and a revocation.
struct M027CreateSharingAgreements: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sharing_agreements")
            .id()
            .field("owner_kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("partner_kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("subject", .string, .required)
            .field("subject_code", .string, .required)
            .field("what", .string, .required)
            .field("valid_from", .string, .required)
            .field("owner_decided_by", .string, .required)
            .field("owner_decided_at", .datetime, .required)
            .field("partner_decided_by", .string)
            .field("partner_decided_at", .datetime)
            .field("revoked_at", .datetime)
            .field("revoked_by", .string)
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "sharing_agreements_owner").on("sharing_agreements").column("owner_kommun_id").run()
        try await sql.create(index: "sharing_agreements_partner").on("sharing_agreements").column("partner_kommun_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sharing_agreements").delete()
    }
}
