import Foundation
import SQLKit
import Testing
import TryggCore
@testable import TryggStore

@Suite("Lagring: EST-händelser")
struct IncidentStoreTests {
    static let header = IncidentCSV.columns.joined(separator: ",") + "\n"

    static func setup(_ database: TryggDatabase) async throws -> (Kommun, Kommun) {
        let a = try await KommunStore(database).add(slug: "motala", name: "Motala kommun", code: "0583", by: .commandLine())
        let b = try await KommunStore(database).add(slug: "mjolby", name: "Mjölby kommun", code: "0586", by: .commandLine())
        let square = AreaShape(polygons: [
            GeoPolygon(outer: [
                GeoPoint(latitude: 58.53, longitude: 15.03), GeoPoint(latitude: 58.53, longitude: 15.05),
                GeoPoint(latitude: 58.55, longitude: 15.05), GeoPoint(latitude: 58.55, longitude: 15.03),
                GeoPoint(latitude: 58.53, longitude: 15.03),
            ])
        ])
        try await AreaStore(KommunScope(database, kommunID: a.id)).add(
            name: "Centrum", shape: square, desoCodes: [], source: "test", by: .commandLine(kommunID: a.id))
        return (a, b)
    }

    static func importCSV(_ text: String, into kommun: Kommun, _ database: TryggDatabase) async throws -> Int {
        try await IncidentStore(KommunScope(database, kommunID: kommun.id)).importCSV(
            try CSVReader.read(Data((header + text).utf8)), fileName: "test.csv",
            by: .commandLine(kommunID: kommun.id))
    }

    @Test("En ny kommun får standardkategorierna; import placerar händelser i område eller Övriga kommunen per svensk vecka")
    func importAndCount() async throws {
        try await withMigratedDatabase { database in
            let (motala, mjolby) = try await Self.setup(database)
            #expect(try await CategoryStore(KommunScope(database, kommunID: motala.id)).all().map(\.name).contains("Olovlig trafik/buskörning"))
            let count = try await Self.importCSV(
                """
                2024-12-30 08:00,Nedskräpning,58.54,15.04,,Skräp,MOS
                2024-12-29T23:30:00Z,skadegorelse,58.54,15.04,,Klotter,Polisen
                2024-12-29 23:30,Skadegörelse,58.60,15.20,,Klotter,
                2024-12-28 12:00,Skadegörelse,,,Centrum,"Tag ""ÅÄÖ"" \\ med radbrytning
                rad två, och <script>",
                """, into: motala, database)
            #expect(count == 4)
            let imported = try await IncidentStore(KommunScope(database, kommunID: motala.id)).list(filter: .init())
            // The columns a batch shares (bound once, not repeated per row) come back on every row.
            #expect(
                imported.allSatisfy {
                    $0.kommunID == motala.id && $0.source == .imported && $0.endedAt == nil && $0.reporterID == nil
                        && $0.precision == .exact && $0.createdAt.timeIntervalSinceNow > -60
                })
            let texts = imported.map(\.description)
            #expect(texts.contains("Tag \"ÅÄÖ\" \\ med radbrytning\nrad två, och <script>"))
            let store = IncidentStore(KommunScope(database, kommunID: motala.id))
            let w01 = try #require(ISOWeek(parsing: "2025-W01"))
            let counts = try await store.weekCounts(weeks: w01.adding(-4)...w01)
            let centrum = try #require(try await AreaStore(KommunScope(database, kommunID: motala.id)).all().first).id
            // 2024-12-29T23:30Z is Monday 00:30 in Sweden: week 1 of 2025.
            #expect(counts.filter { $0.week == w01.key && $0.areaID == centrum }.map(\.count).reduce(0, +) == 2)
            #expect(counts.filter { $0.week == w01.adding(-1).key && $0.areaID == nil }.map(\.count).reduce(0, +) == 1)
            #expect(counts.filter { $0.week == w01.adding(-1).key && $0.areaID == centrum }.map(\.count).reduce(0, +) == 1)
            let otherKommun = IncidentStore(KommunScope(database, kommunID: mjolby.id))
            #expect(try await otherKommun.weekCounts(weeks: w01.adding(-4)...w01).isEmpty)
            #expect(try await otherKommun.count() == 0)
        }
    }

    @Test("En enda felaktig rad stoppar hela importen: inget sparas och raden nämns")
    func allOrNothing() async throws {
        try await withMigratedDatabase { database in
            let (motala, _) = try await Self.setup(database)
            for bad in [
                "2024-03-01 10:00,Ufo,58.54,15.04,,x,MOS", "2024-03-01 10:00,Nedskräpning,58.54,15.04,,x,Okänd org",
                "2024-03-01 10:00,Nedskräpning,58.54,15.04,,\"trasig, citering,MOS",
            ] {
                do {
                    _ = try await Self.importCSV("2024-03-01 09:00,Nedskräpning,58.54,15.04,,Skräp,MOS\n" + bad + "\n", into: motala, database)
                    Issue.record("borde avvisas: \(bad)")
                } catch let failure as ImportFailure {
                    #expect(failure.problems.first?.line == 3, "\(bad)")
                } catch let problem as CSVReader.Problem {
                    #expect(problem.line == 3)
                }
            }
            #expect(try await IncidentStore(KommunScope(database, kommunID: motala.id)).count() == 0)
        }
    }

    @Test("En stor fil sparas i omgångar; ett fel långt ner ångrar även de omgångar som redan sparats och alla fel listas; nycklarna finns kvar")
    func largeImportIsAllOrNothing() async throws {
        try await withMigratedDatabase { database in
            let (motala, _) = try await Self.setup(database)
            // 100,000 rows: the bulk path (indexes rebuilt on SQLite, foreign keys checked at the end on PostgreSQL).
            let sql = database.db as! any SQLDatabase
            func keys() async throws -> Int {
                guard sql.dialect.name == "postgresql" else { return 0 }
                return try await sql.raw("SELECT COUNT(*) AS n FROM pg_constraint WHERE conrelid = 'incidents'::regclass AND contype = 'f'")
                    .first()?.decode(column: "n", as: Int.self) ?? -1
            }
            func indexes() async throws -> [String] {
                let query: SQLQueryString =
                    sql.dialect.name == "postgresql"
                    ? "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'incidents' AND schemaname = current_schema() ORDER BY 1"
                    : "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'incidents' ORDER BY 1"
                return try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
            }
            let keysBefore = try await keys()
            let indexesBefore = try await indexes()
            #expect(indexesBefore.contains("incidents_week") && indexesBefore.contains("incidents_time"))
            let good = (0..<100_000).map { "2024-03-0\($0 % 9 + 1) 09:\($0 % 50 + 10),Nedskräpning,58.54,15.04,,Skräp \($0),MOS" }
            var bad = good
            bad[44_000] = "2024-03-01 10:00,Ufo,58.54,15.04,,x,MOS"
            bad[44_500] = "2024-03-01 10:00,Nedskräpning,58.54,15.04,,x,Okänd org"
            do {
                _ = try await Self.importCSV(bad.joined(separator: "\n"), into: motala, database)
                Issue.record("borde avvisas")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map(\.line) == [44_002, 44_502])
                #expect(failure.problems.map(\.column) == ["category", "reporter_organisation"])
            }
            #expect(try await IncidentStore(KommunScope(database, kommunID: motala.id)).count() == 0)
            #expect(try await keys() == keysBefore)
            #expect(try await Self.importCSV(good.joined(separator: "\n"), into: motala, database) == 100_000)
            #expect(try await IncidentStore(KommunScope(database, kommunID: motala.id)).count() == 100_000)
            #expect(try await keys() == keysBefore, "the foreign keys are back after a bulk import")
            #expect(try await indexes() == indexesBefore, "the indexes dropped for the bulk import are built again")
        }
    }

    @Test("Fyrtio samtidiga rapporter genom skrivkön sparas alla, var och en med sin loggpost; en felaktig faller ensam")
    func groupCommit() async throws {
        try await withMigratedDatabase { database in
            let (motala, _) = try await Self.setup(database)
            let category = try #require(try await CategoryStore(KommunScope(database, kommunID: motala.id)).all().first)
            let areas = try await AreaStore(KommunScope(database, kommunID: motala.id)).all()
            let queue = IncidentWriteQueue(database: database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    let checked = CheckedIncident(
                        category: category, subcategory: "", occurredAt: Date(timeIntervalSince1970: 1_711_000_000),
                        endedAt: nil, precision: .exact, point: GeoPoint(latitude: 58.54, longitude: 15.04),
                        areaName: "", place: "", description: "Rapport \(index)")
                    let record = try IncidentStore.record(
                        for: checked, kommunID: motala.id, organisationID: nil, reporterID: nil,
                        source: .api, areas: areas)
                    group.addTask { try await queue.store(record, detail: "test \(index)", by: .commandLine(kommunID: motala.id)) }
                }
                try await group.waitForAll()
            }
            #expect(try await IncidentStore(KommunScope(database, kommunID: motala.id)).count() == 40)
            let audit = try await AuditLog.search(AuditQuery(limit: 100), in: KommunScope(database, kommunID: motala.id))
            let reported = audit.filter { $0.action == "rapporterade händelse" }
            #expect(reported.count == 40 && Set(reported.map(\.detail)).count == 40)
            #expect(reported.allSatisfy { abs($0.at.timeIntervalSinceNow) < 60 && $0.kommunID == motala.id })

            // An organisation that does not exist: that report is refused, the one sent with it is kept.
            let checked = CheckedIncident(
                category: category, subcategory: "klotter", occurredAt: Date(timeIntervalSince1970: 1_711_000_000),
                endedAt: nil, precision: .exact, point: GeoPoint(latitude: 58.54, longitude: 15.04),
                areaName: "", place: "Torget", description: "Ska sparas")
            let good = try IncidentStore.record(for: checked, kommunID: motala.id, organisationID: nil, reporterID: nil, source: .api, areas: areas)
            let bad = try IncidentStore.record(for: checked, kommunID: motala.id, organisationID: UUID(), reporterID: nil, source: .api, areas: areas)
            let refused = Task { try await queue.store(bad, detail: "fel", by: .commandLine(kommunID: motala.id)) }
            try await queue.store(good, detail: "bra", by: .commandLine(kommunID: motala.id))
            await #expect(throws: (any Error).self) { try await refused.value }
            let stored = try #require(try await IncidentStore(KommunScope(database, kommunID: motala.id)).find(id: good.id))
            #expect(stored.place == "Torget" && stored.subcategory == "klotter" && stored.description == "Ska sparas")
            #expect(stored.occurredAt == good.occurredAt && stored.point == good.point)
            #expect(try await IncidentStore(KommunScope(database, kommunID: motala.id)).find(id: bad.id) == nil)
            let details = try await AuditLog.search(AuditQuery(limit: 100), in: KommunScope(database, kommunID: motala.id)).map(\.detail)
            #expect(details.contains("bra") && !details.contains("fel"))
            #expect(
                try await IncidentStore(KommunScope(database, kommunID: motala.id)).list(filter: .init()).allSatisfy {
                    $0.areaID == areas.first?.id && $0.source == .api && $0.kommunID == motala.id
                })
        }
    }
}

@Suite("Intagsvyn för händelser (SQLite)")
struct IncidentIntakeViewTests {
    @Test("Vyns kolumnordning är densamma som skrivkodens: en ändrad tabell kräver en ny migrering")
    func columnsMatch() {
        #expect(M015CreateIncidentIntake.incidentColumns == IncidentStore.columns)
    }
}
