import Foundation
import SQLKit
import Testing
import TryggCore
@testable import TryggStore

/// Storing the kartläggning's sources, on SQLite and (in CI) PostgreSQL.
@Suite("Brottsstatistik i databasen")
struct CrimeStoreTests {
    static let header = "Id,Brottskod,Brottskod.klartext,Inskrivningsdatum,Brottsdatum,Kommun,Län,DeSO.område,Antal\n"

    static func extract(_ rows: [(id: Int, code: Int, date: String, deso: String)], kommun: Kommun) throws -> CrimeExtract.Result {
        let text = header + rows.map { "\($0.id),\($0.code),Brand,\($0.date),\($0.date),Linköping,Östergötlands Län,\($0.deso),1\n" }.joined()
        return try CrimeExtract.read(try CSVReader.read(Data(text.utf8)), kommun: kommun)
    }

    @Test("Summor sparade rad för rad före M040 finns kvar, packade per år, efter migreringen")
    func packedCountsMigration() async throws {
        try await withMigratedDatabase { database in
            let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            let sql = database.db as! any SQLDatabase
            try await M040PackCrimeCounts().revert(on: database.db)
            for (year, deso, code, count) in [(2023, "0580C1010", 1211, 4), (2023, "", 1211, 2), (2024, "0580C1010", 9301, 7)] {
                try await sql.insert(into: "crime_counts").columns("kommun_id", "basis", "year", "deso", "crime_code", "count")
                    .values(SQLBind(kommun.id), SQLBind("brott"), SQLBind(year), SQLBind(deso), SQLBind(code), SQLBind(count)).run()
            }
            try await M040PackCrimeCounts().prepare(on: database.db)
            let counts = try await CrimeStore(KommunScope(database, kommunID: kommun.id)).counts(years: 2023...2024, basis: .brott)
            #expect(
                Set(counts.map { "\($0.year) \($0.deso ?? "okänt") \($0.code) \($0.count)" })
                    == ["2023 0580C1010 1211 4", "2023 okänt 1211 2", "2024 0580C1010 9301 7"])
            #expect(try await CrimeStore(KommunScope(database, kommunID: kommun.id)).years(basis: .brott) == [2023, 2024])
        }
    }

    @Test("Samma uttag två gånger ändrar ingenting; ett nyare uttag för perioden ersätter det äldre; allt loggas")
    func importsIdempotently() async throws {
        try await withMigratedDatabase { database in
            let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            let store = CrimeStore(KommunScope(database, kommunID: kommun.id))
            let first = try Self.extract(
                [(1, 1210, "2022-03-01", "0580C1610"), (2, 1210, "2022-05-01", "0580C1610"), (3, 1311, "2022-06-01", "")], kommun: kommun)
            let once = try await store.importExtract(first, fileName: "uttag.csv", by: .commandLine(kommunID: kommun.id))
            #expect(once.rows == 3 && once.newRows == 3)
            let twice = try await store.importExtract(first, fileName: "uttag.csv", by: .commandLine(kommunID: kommun.id))
            #expect(twice.newRows == 0)
            let counts = try await store.counts(years: 2022...2022, basis: .brott)
            #expect(counts.map(\.count).reduce(0, +) == 3, "inga dubbletter")
            // A newer extract of 1 March places report 1 in another DeSO; reports outside its period stay.
            let newer = try Self.extract([(1, 1210, "2022-03-01", "0580C1630")], kommun: kommun)
            let replaced = try await store.importExtract(
                newer, fileName: "uttag2.csv", replacePeriod: true, by: .commandLine(kommunID: kommun.id))
            #expect(replaced.replacedRows == 1 && replaced.newRows == 1, "bara rad 1 låg i den nya filens period")
            let after = try await store.counts(years: 2022...2022, basis: .inskrivning)
            #expect(Set(after.map { $0.deso ?? "okänt" }) == ["0580C1630", "0580C1610", "okänt"] && after.map(\.count).reduce(0, +) == 3)
            #expect(try await store.imports().map(\.fileName) == ["uttag2.csv", "uttag.csv", "uttag.csv"])
            let audit = try await AuditLog.search(AuditQuery(limit: 50), in: KommunScope(database, kommunID: kommun.id)).filter {
                $0.action == "importerade brottsstatistik"
            }
            #expect(audit.count == 3)
        }
    }

    @Test("Årets tabell: områden av DeSO-koder, befolkning som nämnare, brott utan DeSO under okänt område; andra kommuner ser inget")
    func figuresPerArea() async throws {
        try await withMigratedDatabase { database in
            let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            let other = try await KommunStore(database).add(slug: "norrkoping", name: "Norrköpings kommun", code: "0581", by: .commandLine())
            let actor = Actor.commandLine(kommunID: kommun.id)
            _ = try await AreaStore(KommunScope(database, kommunID: kommun.id)).importDesoRegions(
                [("Skäggetorp-Tornby", ["0580C1610", "0580C1630"]), ("Berga", ["0580C1160"])], source: "regso.csv", by: actor)
            let population = try PopulationTable.read(
                try CSVReader.read(Data("deso,folkmangd_2022\n0580C1610,2000\n0580C1630,3000\n0580C1160,5000\n".utf8)), kommun: kommun)
            try await PopulationStore(KommunScope(database, kommunID: kommun.id)).importCounts(population, fileName: "scb.csv", by: actor)
            let rows = (1...6).map { (id: $0, code: 1311, date: "2022-04-1\($0)", deso: $0 <= 5 ? "0580C1610" : "") }
            _ = try await CrimeStore(KommunScope(database, kommunID: kommun.id)).importExtract(
                try Self.extract(rows, kommun: kommun), fileName: "u.csv", by: actor)
            let figures = try await CrimeStore(KommunScope(database, kommunID: kommun.id)).figures(year: 2022, basis: .brott)
            let skaggetorp = try #require(figures.rows.first { $0.area == "Skäggetorp-Tornby" })
            #expect(skaggetorp.count == 5 && skaggetorp.population == 5000 && skaggetorp.ratePer1000 == 1 && skaggetorp.populationYear == 2022)
            #expect(figures.rows.first { $0.area == "Berga" }?.count == 0)
            #expect(figures.unknownArea.first?.count == 1 && figures.totals.first?.count == 6 && figures.totals.first?.population == 10_000)
            let deso = try await CrimeStore(KommunScope(database, kommunID: kommun.id)).figures(year: 2022, basis: .brott, level: .deso)
            #expect(deso.rows.map(\.area) == ["0580C1160", "0580C1610", "0580C1630"])
            #expect(try await CrimeStore(KommunScope(database, kommunID: other.id)).figures(year: 2022, basis: .brott).totals.isEmpty)
            #expect(try await PopulationStore(KommunScope(database, kommunID: other.id)).knownDeso() == nil)
            #expect(try await CrimeStore(KommunScope(database, kommunID: kommun.id)).years(basis: .brott) == [2022])
        }
    }

    @Test("Ett område som avvecklades före året står inte i årets tabell; under avvecklingsåret står det kvar")
    func retiredAreaLeavesLaterYears() async throws {
        try await withMigratedDatabase { database in
            let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            let scope = KommunScope(database, kommunID: kommun.id)
            let actor = Actor.commandLine(kommunID: kommun.id)
            _ = try await AreaStore(scope).importDesoRegions([("Berga", ["0580C1160"]), ("Ryd", ["0580C1510"])], source: "regso.csv", by: actor)
            let rows = [(id: 1, code: 1311, date: "2022-04-11", deso: "0580C1510"), (id: 2, code: 1311, date: "2023-04-11", deso: "0580C1160")]
            _ = try await CrimeStore(scope).importExtract(try Self.extract(rows, kommun: kommun), fileName: "u.csv", by: actor)
            let berga = try #require(try await AreaStore(scope).all().first { $0.name == "Berga" })
            try await AreaStore(scope).retire(id: berga.id, on: "2022-06-01", by: actor)
            #expect(try await CrimeStore(scope).figures(year: 2022, basis: .brott).rows.map(\.area) == ["Berga", "Ryd"])
            #expect(try await CrimeStore(scope).figures(year: 2023, basis: .brott).rows.map(\.area) == ["Ryd"])
            try await AreaStore(scope).retire(id: berga.id, on: nil, by: actor)
            #expect(try await CrimeStore(scope).figures(year: 2023, basis: .brott).rows.map(\.area) == ["Berga", "Ryd"])
        }
    }

    @Test("En anmälan som ett senare uttag daterar om flyttar mellan åren i summorna, även till ett år filen inte täcker")
    func redatedReport() async throws {
        try await withMigratedDatabase { database in
            let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            let store = CrimeStore(KommunScope(database, kommunID: kommun.id))
            let actor = Actor.commandLine(kommunID: kommun.id)
            _ = try await store.importExtract(
                try Self.extract([(1, 1210, "2021-06-01", "0580C1610"), (2, 1210, "2021-07-01", "0580C1610")], kommun: kommun),
                fileName: "a.csv", by: actor)
            _ = try await store.importExtract(
                try Self.extract([(1, 1210, "2023-01-05", "0580C1610")], kommun: kommun), fileName: "b.csv", by: actor)
            let counts = try await store.counts(years: 2021...2023, basis: .brott)
            #expect(counts.filter { $0.year == 2021 }.map(\.count).reduce(0, +) == 1, "rad 1 har lämnat 2021")
            #expect(counts.filter { $0.year == 2023 }.map(\.count).reduce(0, +) == 1)
            #expect(try await store.years(basis: .brott) == [2021, 2022, 2023])
        }
    }
}
