import FluentKit
import Foundation
import SQLKit
import TryggCore

/// Brå's regional figures a kommun has imported for its comparison with län and riket.
public struct RegionalStatisticsStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }
    init(db: any Database, kommunID: UUID) {
        self.db = db
        self.kommunID = kommunID
    }

    /// Stores the figures, all or nothing: a region, crime type and year already stored gets the
    /// file's figure (a preliminary year is replaced by the final one).
    public func importFigures(_ figures: [RegionalFigure], fileName: String, by actor: Actor) async throws {
        try await db.transaction { db in
            let sql = db as! any SQLDatabase
            var start = 0
            while start < figures.count {
                var insert = sql.insert(into: "regional_statistics")
                    .columns("kommun_id", "region", "crime_type", "year", "period", "preliminary", "value", "file_name")
                for figure in figures[start..<min(start + 1_000, figures.count)] {
                    insert = insert.values(
                        SQLBind(kommunID), SQLBind(figure.region), SQLBind(figure.crimeType), SQLBind(figure.year), SQLBind(figure.period),
                        SQLBind(figure.preliminary), SQLBind(figure.value), SQLBind(fileName))
                }
                try await insert.onConflict(with: ["kommun_id", "region", "crime_type", "year"]) {
                    $0.set(excludedValueOf: "period").set(excludedValueOf: "preliminary").set(excludedValueOf: "value")
                        .set(excludedValueOf: "file_name")
                }.run()
                start += 1_000
            }
            let regions = Set(figures.map(\.region)).count, years = figures.map(\.year)
            try await AuditLog.record(
                actor, action: "importerade jämförelsestatistik", objectType: "brottsstatistik", objectID: fileName,
                detail: "\(figures.count) värden för \(regions) regioner, år \(years.min() ?? 0)–\(years.max() ?? 0)", kommunID: kommunID, on: db)
        }
    }

    public func all() async throws -> [RegionalFigure] {
        struct Row: Decodable {
            var region: String
            var crime_type: String
            var year: Int
            var period: String
            var preliminary: Bool
            var value: Int?
        }
        return try await (db as! any SQLDatabase).select().columns("region", "crime_type", "year", "period", "preliminary", "value")
            .from("regional_statistics").where("kommun_id", .equal, kommunID).orderBy("region").orderBy("crime_type").orderBy("year")
            .all(decoding: Row.self)
            .map { RegionalFigure(region: $0.region, crimeType: $0.crime_type, year: $0.year, period: $0.period, preliminary: $0.preliminary, value: $0.value) }
    }
}

extension RegionalStatisticsStore {
    /// Brå's name of the total, which the kommun's own count of every code corresponds to.
    public static let totalCrimeType = "Totalt antal brott"

    /// The kommun beside its län, police region and the whole country (or, when the file holds
    /// none of these, its first regions), for one crime type; nil before anything is imported.
    /// The kommun's own series is its stored extract counted by registration date, as Brå
    /// counts, and is shown only for the total.
    /// Fewer crime codes than this and an extract is a selection, not every reported crime: a
    /// year of a large kommun's reports uses some 300 codes.
    static let codesOfAFullExtract = 100

    public func comparison(kommunName: String, kommunCode: String, crimeType: String? = nil) async throws -> RegionalComparison? {
        let figures = try await all()
        guard let first = figures.first else { return nil }
        let types = Set(figures.map(\.crimeType))
        let type = crimeType.flatMap { types.contains($0) ? $0 : nil } ?? (types.contains(Self.totalCrimeType) ? Self.totalCrimeType : first.crimeType)
        let present = Set(figures.map(\.region))
        var regions = SwedishRegions.comparisons(forKommunCode: kommunCode).filter(present.contains)
        if regions.isEmpty { regions = Array(figures.map(\.region).uniqued().prefix(4)) }
        var totals: [Int: Int] = [:]
        var kommunNotes: [String] = []
        if type == Self.totalCrimeType {
            let crimes = CrimeStore(db: db, kommunID: kommunID)
            let years = try await crimes.years(basis: .inskrivning)
            if let from = years.first, let to = years.last {
                for count in try await crimes.counts(years: from...to, basis: .inskrivning) { totals[count.year, default: 0] += count.count }
            }
            // A part of a year beside Brå's whole years would read as a rise or a fall.
            if let coverage = try await crimes.coverage() {
                let partial = coverage.partialYears(totals.keys).sorted()
                partial.forEach { totals[$0] = nil }
                if !partial.isEmpty {
                    kommunNotes.append(
                        "\(kommunName): \(SwedishGrammar.list(partial.map(String.init))) täcks bara delvis av uttaget (inskrivningsdatum \(coverage.from) – \(coverage.to)) och visas inte."
                    )
                }
            }
            let codes = try await crimes.codeNames().count
            if !totals.isEmpty && codes < Self.codesOfAFullExtract {
                kommunNotes.append(
                    "\(kommunName): uttaget har \(SwedishGrammar.count(codes, "brottskod", "brottskoder")), medan Brås totala antal omfattar alla brott (ett fullständigt uttag har flera hundra brottskoder). Kommunens linje visar bara de brotten."
                )
            }
        }
        var comparison = RegionalComparison.build(kommunName: kommunName, kommunTotals: totals, figures: figures, regions: regions, crimeType: type)
        comparison.notes = kommunNotes + comparison.notes
        return comparison
    }
}
