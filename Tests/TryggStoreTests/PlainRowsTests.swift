import Foundation
import Testing
import TryggCore
@testable import TryggStore

@Suite("Punkter läses snabbt och oförändrat")
struct PlainRowsTests {
    @Test("Svaret från SQLite läses med citattecken, radbrytningar, emoji, null och tal i alla former")
    func readsEscapes() throws {
        let text =
            #"[[58.5604189139935,16.1,1764017896,"1FD91288-4D5D-49D7-8462-5189AA985373","Gång- och \"cykel\"tunneln\\\n\u00e5 \ud83d\ude00"],"#
            + #"[null,1e3,-2.5,"",""]]"#
        var reader = JSONRowReader(Array(text.utf8))
        let first = try #require(try reader.nextRow())
        #expect(
            first == [
                .number(58.5604189139935), .number(16.1), .number(1_764_017_896), .text("1FD91288-4D5D-49D7-8462-5189AA985373"),
                .text("Gång- och \"cykel\"tunneln\\\nå 😀"),
            ])
        #expect(try reader.nextRow() == [.null, .number(1000), .number(-2.5), .text(""), .text("")])
        #expect(try reader.nextRow() == nil)
        var broken = JSONRowReader(Array(#"[[1,"ej avslutad]]"#.utf8))
        #expect(throws: JSONRowReader.Malformed.self) { try broken.nextRow() }
        #expect(UUID(canonical: "1fd91288-4d5d-49d7-8462-5189aa985373") == UUID(uuidString: "1FD91288-4D5D-49D7-8462-5189AA985373"))
        #expect(UUID(canonical: "1FD91288-4D5D-49D7-8462-5189AA98537") == nil)
    }

    @Test("Händelsernas punkter kommer tillbaka med samma läge, tid, kategori och platsnamn som sparades")
    func pointsRoundTrip() async throws {
        try await withMigratedDatabase { database in
            let (motala, _) = try await IncidentStoreTests.setup(database)
            let place = "Torget \"norra\"\nvid 😀-skylten; ÅÄÖ"
            _ = try await IncidentStoreTests.importCSV(
                "2024-03-01 09:00,Nedskräpning,58.541234567,15.041234567,,Skräp,MOS\n2024-03-01 10:00,Skadegörelse,,,Centrum,Klotter,MOS\n",
                into: motala, database)
            let category = try #require(try await CategoryStore(KommunScope(database, kommunID: motala.id)).all().first { $0.name == "Nedskräpning" })
            let stored = try #require(try await IncidentStore(KommunScope(database, kommunID: motala.id)).list(filter: .init()).first { $0.point != nil })
            try await IncidentStore(KommunScope(database, kommunID: motala.id)).update(
                id: stored.id,
                with: CheckedIncident(
                    category: category, subcategory: "", occurredAt: stored.occurredAt, endedAt: nil, precision: .exact,
                    point: stored.point, areaName: "", place: place, description: "Skräp"),
                onlyReporter: nil, by: .commandLine(kommunID: motala.id))
            let points = try await IncidentStore(KommunScope(database, kommunID: motala.id)).points(
                from: Date(timeIntervalSince1970: 1_709_000_000),
                until: Date(timeIntervalSince1970: 1_710_000_000))
            #expect(points.count == 1)
            #expect(points.first?.point == GeoPoint(latitude: 58.541234567, longitude: 15.041234567))
            #expect(points.first?.occurredAt == stored.occurredAt)
            #expect(points.first?.categoryID == category.id)
            #expect(points.first?.place == place)
        }
    }
}
