import FluentKit
import SQLKit

/// The strategic lägesbild as a document: versions per kommun with their sections and decision,
/// and the prioritised problems with the plan's measures that address them.
struct M018CreateLagesbildDocuments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("lagesbilder")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("version", .int, .required)
            .field("status", .string, .required)
            .field("period_from", .string, .required)
            .field("period_to", .string, .required)
            .field("mapping", .string, .required)
            .field("other_information", .string, .required)
            .field("analysis", .string, .required)
            .field("criminal_influence", .string, .required)
            .field("decided_by", .string)
            .field("decided_on", .string)
            .field("diarienummer", .string)
            .field("next_due", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "kommun_id", "version")
            .create()
        try await database.schema("lagesbild_problems")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("lagesbild_id", .uuid, .required, .references("lagesbilder", "id"))
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("area", .string, .required)
            // Reason codes and measure ids, comma-separated: read and written only with the problem.
            .field("reasons", .string, .required)
            .field("victims", .string, .required)
            .field("offenders", .string, .required)
            .field("place", .string, .required)
            .field("measure_ids", .string, .required)
            .field("no_measure_reason", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("lagesbild_problems").delete()
        try await database.schema("lagesbilder").delete()
    }
}
