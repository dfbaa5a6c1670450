import FluentKit
import SQLKit

/// The kartläggning's sources: the police's reported crimes per DeSO, the crime codes' names, each
/// import of an extract, and SCB's population per DeSO as the denominators of rates.
struct M017CreateCrimeStatistics: AsyncMigration {
    /// Refreshing a year's sums read only these indexes; M020 removed them again, as a large
    /// import paid more for them than a small one gained.
    static let dateIndexes = [
        "CREATE INDEX crime_reports_occurred ON crime_reports (kommun_id, occurred_on, deso, crime_code, count)",
        "CREATE INDEX crime_reports_reported ON crime_reports (kommun_id, reported_on, deso, crime_code, count)",
    ]

    func prepare(on database: any Database) async throws {
        try await database.schema("crime_imports")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("file_name", .string, .required)
            .field("rows", .int, .required)
            .field("new_rows", .int, .required)
            .field("skipped_rows", .int, .required)
            .field("reported_from", .string)
            .field("reported_to", .string)
            .field("replaced_rows", .int, .required)
            .field("created_at", .datetime, .required)
            .create()
        // One row per police report (the extract's Id): importing the same file again changes nothing.
        try await database.schema("crime_reports")
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("police_id", .int64, .required)
            .field("crime_code", .int, .required)
            .field("reported_on", .string, .required)
            .field("occurred_on", .string, .required)
            .field("deso", .string)
            .field("count", .int, .required)
            .field("import_id", .uuid, .required, .references("crime_imports", "id"))
            .compositeIdentifier(over: "kommun_id", "police_id")
            .create()
        try await database.schema("crime_codes")
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("code", .int, .required)
            .field("name", .string, .required)
            .compositeIdentifier(over: "kommun_id", "code")
            .create()
        // The year's figures read these sums (per date basis, year, DeSO ('' when unknown) and code),
        // kept by every import, instead of grouping millions of reports on every page view.
        try await Self.createCrimeCounts(on: database)
        try await database.schema("population")
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("deso", .string, .required)
            .field("year", .int, .required)
            .field("gender", .string, .required)
            .field("age", .string, .required)
            .field("count", .int, .required)
            .compositeIdentifier(over: "kommun_id", "deso", "year", "gender", "age")
            .create()
        // The source register of the lägesbild ("annan information").
        try await database.schema("lagesbild_sources")
            .id()
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("name", .string, .required)
            .field("owner", .string, .required)
            .field("period", .string, .required)
            .field("method", .string, .required)
            .field("limitations", .string, .required)
            .field("included", .bool, .required)
            .field("reason", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()
        let sql = database as! any SQLDatabase
        for statement in Self.dateIndexes { try await sql.raw(SQLQueryString(statement)).run() }
    }

    /// Also M040's way back: it replaced this table by packed yearly sums.
    static func createCrimeCounts(on database: any Database) async throws {
        try await database.schema("crime_counts")
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("basis", .string, .required)
            .field("year", .int, .required)
            .field("deso", .string, .required)
            .field("crime_code", .int, .required)
            .field("count", .int, .required)
            .compositeIdentifier(over: "kommun_id", "basis", "year", "deso", "crime_code")
            .create()
    }

    func revert(on database: any Database) async throws {
        for table in ["lagesbild_sources", "population", "crime_counts", "crime_codes", "crime_reports", "crime_imports"] {
            try await database.schema(table).delete()
        }
    }
}
