import FluentKit
import SQLKit

/// The police's reports are written in bulk (millions of rows, ten years at a time) and read
/// only by the import itself: every page reads the sums in `crime_counts`. Their two date
/// indexes cost a large import more than they save (9 s of index building for 2,000,000 rows on
/// PostgreSQL 15), while a monthly extract refreshes its year's sums just as well by reading the
/// kommun's rows.
struct M020LightenCrimeReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX crime_reports_occurred").run()
        try await sql.raw("DROP INDEX crime_reports_reported").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for statement in M017CreateCrimeStatistics.dateIndexes { try await sql.raw(SQLQueryString(statement)).run() }
    }
}
