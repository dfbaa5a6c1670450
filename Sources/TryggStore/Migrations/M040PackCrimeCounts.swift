import FluentKit
import SQLKit

/// The crime sums packed one row per kommun, date basis and year (`CrimeYearCounts`), converted
/// from the row-per-sum table they replace.
struct M040PackCrimeCounts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("crime_year_counts")
            .field("kommun_id", .uuid, .required, .references("kommuner", "id"))
            .field("basis", .string, .required)
            .field("year", .int, .required)
            .field("counts", .string, .required)
            .unique(on: "kommun_id", "basis", "year")
            .create()
        let sql = database as! any SQLDatabase
        try await sql.raw(
            """
            INSERT INTO crime_year_counts (kommun_id, basis, year, counts)
            SELECT kommun_id, basis, year, \(unsafeRaw: CrimeYearCounts.aggregate(sql))
            FROM (SELECT kommun_id, basis, year, deso, crime_code, count AS n FROM crime_counts) sums GROUP BY kommun_id, basis, year
            """
        ).run()
        try await database.schema("crime_counts").delete()
    }

    /// The sums themselves are not unpacked again: importing the extract once more recomputes them.
    func revert(on database: any Database) async throws {
        try await M017CreateCrimeStatistics.createCrimeCounts(on: database)
        try await database.schema("crime_year_counts").delete()
    }
}
