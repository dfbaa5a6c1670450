import FluentKit
import Foundation
import SQLKit
import Testing
import TryggCore
@testable import TryggStore
import TryggDemo

@Suite("Lagring: migreringar, kommuner, områden, granskningslogg")
struct StoreTests {
    @Test("En ny databas migreras helt och har sedan inga väntande migreringar")
    func migrations() async throws {
        try await TestDatabaseSlots.withSlot {
            let database = try TryggDatabase(location: .isolatedForTest())
            do {
                let pendingBefore = try await database.pendingMigrations()
                #expect(pendingBefore.count == TryggMigrations.all.count)
                let ran = try await database.migrate()
                #expect(ran == pendingBefore)
                #expect(try await database.pendingMigrations().isEmpty)
                #expect(try await database.migrate().isEmpty)
            } catch {
                Issue.record(error)
            }
            try? await database.dropTestSchema()
            await database.shutdown()
        }
    }

    @Test("En ny kommun får standardorganisationerna, och loggen visar vem som skapade den")
    func kommunWithOrganisations() async throws {
        try await withMigratedDatabase { database in
            let kommun = try await KommunStore(database).add(slug: "motala", name: "Motala kommun", code: "0583", by: .commandLine())
            let organisations = try await OrganisationStore(KommunScope(database, kommunID: kommun.id)).organisations()
            #expect(organisations.count == DefaultOrganisations.forKommun(code: "0583").count)
            #expect(organisations.first?.kind == .forvaltning)
            // Motala is in Östergötland but has neither Linköping's housing company nor Räddningstjänsten Östra Götaland.
            let names = Set(organisations.map(\.abbreviation))
            #expect(names.contains("Region Östergötland") && names.contains("Länsstyrelsen") && names.contains("Polisen"))
            #expect(!names.contains("Stångåstaden") && !names.contains("RTÖG"))
            let malmo = try await KommunStore(database).add(slug: "malmo", name: "Malmö stad", code: "1280", by: .commandLine())
            let skane = Set(try await OrganisationStore(KommunScope(database, kommunID: malmo.id)).organisations().map(\.abbreviation))
            #expect(!skane.contains("Region Östergötland") && !skane.contains("Länsstyrelsen") && skane.contains("SF"))
            let log = try await AuditLog.search(AuditQuery(), in: KommunScope(database, kommunID: kommun.id))
            #expect(log.map(\.action) == ["skapade kommun"])
            #expect(log.first?.actor == "kommandoraden")
        }
    }

    @Test("Dubblett av kortform eller kommunkod avvisas och inget sparas")
    func duplicateKommun() async throws {
        try await withMigratedDatabase { database in
            let store = KommunStore(database)
            try await store.add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            await #expect(throws: StoreError.duplicate("Kommunen \"linkoping\"")) {
                try await store.add(slug: "linkoping", name: "Annan", code: "0599", by: .commandLine())
            }
            await #expect(throws: StoreError.duplicate("Kommunkoden 0580")) {
                try await store.add(slug: "annan", name: "Annan", code: "0580", by: .commandLine())
            }
            await #expect(throws: StoreError.self) { try await store.add(slug: "x y", name: "X", code: "12", by: .commandLine()) }
            #expect(try await store.all().map(\.slug) == ["linkoping"])
            #expect(try await OrganisationModel.query(on: database.db).count() == DefaultOrganisations.forKommun(code: "0580").count)
        }
    }

    @Test("Okänd kommun ger ett meddelande som räknar upp de kända")
    func unknownKommun() async throws {
        try await withMigratedDatabase { database in
            try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            await #expect(throws: StoreError.invalid("Okänd kommun \"lund\". Kända kommuner: linkoping.")) {
                try await KommunStore(database).require(slug: "lund")
            }
        }
    }

    @Test("Granskningsloggen går inte att ändra eller radera, inte ens med SQL")
    func auditLogIsAppendOnly() async throws {
        try await withMigratedDatabase { database in
            let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            await #expect(throws: (any Error).self) {
                try await database.sql.raw("UPDATE audit_log SET actor = 'någon annan'").run()
            }
            await #expect(throws: (any Error).self) {
                try await database.sql.raw("DELETE FROM audit_log").run()
            }
            let log = try await AuditLog.search(AuditQuery(), in: KommunScope(database, kommunID: kommun.id))
            #expect(log.count == 1 && log.first?.actor == "kommandoraden")
        }
    }

    @Test("Sökning i loggen är skiftlägesokänslig och håller sig till kommunen")
    func auditSearch() async throws {
        try await withMigratedDatabase { database in
            let linkoping = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            let norrkoping = try await KommunStore(database).add(slug: "norrkoping", name: "Norrköpings kommun", code: "0581", by: .commandLine())
            let actor = Actor(userID: nil, kommunID: linkoping.id, label: "anna@example.se", address: "10.0.0.1")
            try await AuditLog.record(actor, action: "skapade område", objectType: "område", objectID: "Ekholmen", on: database.db)
            #expect(try await AuditLog.search(AuditQuery(text: "EKHOLM"), in: KommunScope(database, kommunID: linkoping.id)).count == 1)
            #expect(try await AuditLog.search(AuditQuery(text: "ekholm"), in: KommunScope(database, kommunID: norrkoping.id)).isEmpty)
        }
    }

    @Test("Import av områden är allt eller inget och uppdaterar befintliga namn")
    func areaImport() async throws {
        try await withMigratedDatabase { database in
            let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            let definition = DemoAreas.all[0]
            let shape = DemoAreas.shape(of: definition)
            let store = AreaStore(KommunScope(database, kommunID: kommun.id))
            let first = try await store.importAreas([ParsedArea(name: "Skäggetorp", shape: shape)], source: "a.geojson", by: .commandLine())
            #expect(first.created == ["Skäggetorp"])
            let second = try await store.importAreas(
                [ParsedArea(name: "skäggetorp", shape: shape), ParsedArea(name: "Ryd", shape: shape)],
                source: "b.geojson", by: .commandLine())
            #expect(second.updated == ["skäggetorp"] && second.created == ["Ryd"])
            let areas = try await store.all()
            #expect(areas.map(\.name) == ["Ryd", "Skäggetorp"])
            #expect(try await store.area(containing: definition.centre)?.name == "Ryd")
            #expect(try await store.area(containing: GeoPoint(latitude: 58.0, longitude: 15.0)) == nil)
        }
    }

    @Test("Ett område kräver gräns eller DeSO-koder och unikt namn")
    func areaValidation() async throws {
        try await withMigratedDatabase { database in
            let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
            let store = AreaStore(KommunScope(database, kommunID: kommun.id))
            await #expect(throws: StoreError.invalid("Ange områdets gräns som GeoJSON eller en lista med DeSO-koder.")) {
                try await store.add(name: "Tomt", shape: nil, desoCodes: [], source: "test", by: .commandLine())
            }
            try await store.add(name: "Berga", shape: nil, desoCodes: ["0580C1160"], source: "test", by: .commandLine())
            await #expect(throws: StoreError.duplicate("Området \"Berga\"")) {
                try await store.add(name: "Berga", shape: nil, desoCodes: ["0580C1180"], source: "test", by: .commandLine())
            }
            #expect(try await store.all().map(\.desoCodes) == [["0580C1160"]])
        }
    }
}

@Suite("SQLite-fil")
struct SQLiteFileTests {
    @Test("En SQLite-fil körs i WAL-läge så att läsare inte väntar på skrivare")
    func walMode() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trygg-wal-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let database = try TryggDatabase(location: .sqliteFile(path: path))
        do {
            try await database.migrate()
            let mode = try await database.sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
            #expect(mode == "wal")
        } catch {
            Issue.record(error)
        }
        await database.shutdown()
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
