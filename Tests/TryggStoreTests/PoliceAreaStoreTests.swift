import Foundation
import Testing
import TryggCore

@testable import TryggStore

@Suite("Utsatta områden i databasen, med polisens riktiga filer")
struct PoliceAreaStoreTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/data").standardized

    @Test(
        "Listan 2023 och polygonerna i SWEREF 99 TM blir 59 områden, tre med polygon, inga dubbletter; Skäggetorps centrum ligger i Skäggetorp",
        .enabled(if: FileManager.default.fileExists(atPath: data.appendingPathComponent("utsatta_omraden_2023_alla_attribut.csv").path)))
    func realFiles() async throws {
        try await withMigratedDatabase { database in
            let store = PoliceAreaStore(database)
            let csv = try PoliceAreaList.read(try Data(contentsOf: Self.data.appendingPathComponent("utsatta_omraden_2023_alla_attribut.csv")), year: 2023)
            #expect(try await store.importList(csv, year: 2023, fileName: "attribut.csv", by: .commandLine()) == .init(added: 59, updated: 0, polygons: 0))
            let geo = try PoliceAreaList.read(
                try Data(contentsOf: Self.data.appendingPathComponent("utsatta_omraden_ostergotland_sweref99tm.geojson")), year: 2023)
            #expect(try await store.importList(geo, year: 2023, fileName: "polygoner.geojson", by: .commandLine()) == .init(added: 0, updated: 3, polygons: 3))
            let list = try await store.list(year: 2023)
            #expect(list.count == 59 && list.filter { $0.shape != nil }.map(\.name).sorted() == ["Hageby", "Navestad", "Skäggetorp"])
            #expect(Dictionary(grouping: list, by: \.category).mapValues(\.count) == ["Utsatt område": 27, "Riskområde": 15, "Särskilt utsatt område": 17])
            #expect(try await store.area(at: GeoPoint(latitude: 58.4300, longitude: 15.5800), year: 2023)?.name == "Skäggetorp")
            #expect(try await store.area(at: GeoPoint(latitude: 58.4100, longitude: 15.6200), year: 2023) == nil, "Linköpings centrum")
        }
    }
}
