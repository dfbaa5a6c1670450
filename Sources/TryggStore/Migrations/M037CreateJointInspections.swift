import FluentKit
import Foundation
import SQLKit
import TryggCore

/// LOS and ROS: joint inspection days, the businesses inspected, each authority's findings, and
/// per kommun who takes part and who may see the company data. Kommuner created before the A-krim
/// authorities joined the default organisations get them here.
struct M037CreateJointInspections: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("los_settings")
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("roles", .string, .required)
            .field("participants", .string, .required)
            .unique(on: "kommun_id")
            .create()
        try await database.schema("los_inspections")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("partner_kommun_id", .uuid, .references("kommuner", "id"))
            .field("title", .string, .required)
            .field("date", .string, .required)
            .field("status", .string, .required)
            .field("lead_id", .uuid, .required, .references("organisations", "id"))
            .field("area_id", .uuid, .references("areas", "id"))
            .field("note", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        try await database.schema("los_participants")
            .id()
            .field("inspection_id", .uuid, .required, .references("los_inspections", "id"))
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .unique(on: "inspection_id", "organisation_id")
            .create()
        try await database.schema("los_objects")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("name", .string, .required)
            .field("org_number", .string, .required)
            .field("address", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("branch", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema("los_visits")
            .id()
            .field("inspection_id", .uuid, .required, .references("los_inspections", "id"))
            .field("object_id", .uuid, .required, .references("los_objects", "id"))
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("created_at", .datetime, .required)
            .unique(on: "inspection_id", "object_id")
            .create()
        try await database.schema("los_findings")
            .id()
            .field("visit_id", .uuid, .required, .references("los_visits", "id"))
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("organisation_id", .uuid, .required, .references("organisations", "id"))
            .field("case_number", .string, .required)
            .field("finding", .string, .required)
            .field("decisions", .string, .required)
            .field("revisit_due", .string)
            .field("revisit_outcome", .string, .required)
            .field("revisit_done_on", .string)
            .field("updated_at", .datetime, .required)
            .unique(on: "visit_id", "organisation_id")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.create(index: "los_inspections_kommun").on("los_inspections").column("kommun_id").column("date").run()
        try await sql.create(index: "los_inspections_partner").on("los_inspections").column("partner_kommun_id").run()
        try await sql.create(index: "los_objects_kommun").on("los_objects").column("kommun_id").run()
        try await sql.create(index: "los_visits_object").on("los_visits").column("object_id").run()
        try await sql.create(index: "los_findings_visit").on("los_findings").column("visit_id").run()
        try await addAKrimAuthorities(sql)
    }

    func addAKrimAuthorities(_ sql: any SQLDatabase) async throws {
        let added = DefaultOrganisations.all.filter { ["EBM", "Jämställdhetsmyndigheten"].contains($0.abbreviation) }
        for kommun in try await sql.select().column("id").from("kommuner").all() {
            let kommunID = try kommun.decode(column: "id", as: UUID.self)
            for template in added {
                let exists = try await sql.select().column("id").from("organisations").where("kommun_id", .equal, kommunID)
                    .where("abbreviation", .equal, template.abbreviation).first()
                guard exists == nil else { continue }
                try await sql.insert(into: "organisations").columns("id", "kommun_id", "abbreviation", "name", "kind", "name_confirmed")
                    .values(
                        SQLBind(UUID()), SQLBind(kommunID), SQLBind(template.abbreviation), SQLBind(template.name), SQLBind(template.kind.rawValue),
                        SQLBind(template.nameStatedInDocuments)
                    ).run()
            }
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["los_findings", "los_visits", "los_objects", "los_participants", "los_inspections", "los_settings"] {
            try await database.schema(table).delete()
        }
    }
}
