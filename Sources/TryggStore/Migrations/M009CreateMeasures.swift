import FluentKit
import SQLKit

struct M009CreateMeasures: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("plan_measures")
            .id()
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("section", .string, .required)
            .field("group_number", .int, .required)
            .field("group_title", .string, .required)
            .field("subgroup_label", .string, .required)
            .field("subgroup_title", .string, .required)
            .field("position", .int, .required)
            .field("text", .string, .required)
            .field("responsible", .string, .required)
            .field("partners", .string, .required)
            .field("funding", .string, .required)
            .field("funding_kronor", .int)
            .field("prevention_level", .string)
            .field("long_term_effort", .string)
            .field("retired", .bool, .required)
            .unique(on: "plan_id", "group_number", "position")
            .create()
        try await database.schema("plan_measure_organisations")
            .id()
            .field("measure_id", .uuid, .required, .references("plan_measures", "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .unique(on: "measure_id", "organisation_id")
            .create()
        try await database.schema("plan_measure_changes")
            .id()
            .field("measure_id", .uuid, .required, .references("plan_measures", "id", onDelete: .cascade))
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("before", .string, .required)
            .field("after", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX plan_measure_organisations_org ON plan_measure_organisations (organisation_id)").run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("plan_measure_changes").delete()
        try await database.schema("plan_measure_organisations").delete()
        try await database.schema("plan_measures").delete()
    }
}
