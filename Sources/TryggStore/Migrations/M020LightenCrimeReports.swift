import FluentKit
import SQLKit

/// The police's reports are written in bulk (millions of rows, ten years at a time) and read
/// only by the import itself: every page reads the sums in `crime_counts`. Their two date
/// indexes and, on PostgreSQL, their foreign keys cost more than the rest of a large import
/// (17 s of foreign-key checks and 9 s of index building for 2,000,000 rows on PostgreSQL 15),
/// while a monthly extract refreshes its year's sums just as well by reading the kommun's rows.
/// The kommun and the import a row belongs to are set by `CrimeStore` from its scope, never
/// from the file.
struct M020LightenCrimeReports: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        try await sql.raw("DROP INDEX crime_reports_occurred").run()
        try await sql.raw("DROP INDEX crime_reports_reported").run()
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw(
            """
            DO $$
            DECLARE constraint_name text;
            BEGIN
              FOR constraint_name IN SELECT conname FROM pg_constraint WHERE conrelid = 'crime_reports'::regclass AND contype = 'f' LOOP
                EXECUTE format('ALTER TABLE crime_reports DROP CONSTRAINT %I', constraint_name);
              END LOOP;
            END $$
            """
        ).run()
    }

    func revert(on database: any Database) async throws {
        let sql = database as! any SQLDatabase
        for statement in M017CreateCrimeStatistics.dateIndexes { try await sql.raw(SQLQueryString(statement)).run() }
    }
}
