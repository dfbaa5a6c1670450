import FluentKit
import SQLKit

/// The figures the author puts in a lägesbild's kartläggning (all of them until she chooses),
/// and the police's own assessment of kriminell påverkan beside the kommun's text.
struct M021AddLagesbildFiguresAndPolice: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("lagesbilder")
            .field("figures", .string, .required, .sql(.default("brott,karta,jamforelse")))
            .update()
        try await database.schema("lagesbilder")
            .field("police_assessment", .string, .required, .sql(.default("")))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("lagesbilder").deleteField("figures").deleteField("police_assessment").update()
    }
}
