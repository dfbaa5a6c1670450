import Foundation
import Testing
@testable import TryggCore

@Suite("Lägesbildens mått, heta platser, Gi* och effekt")
struct SpatialAnalysisTests {
    let category = UUID()
    let centre = GeoPoint(latitude: 58.41, longitude: 15.62)

    @Test("Förändring mot föregående vecka och snittet av de fyra veckorna före")
    func changeFigures() throws {
        let week = try #require(ISOWeek(parsing: "2025-W02"))
        let area = UUID()
        // 2025-W01 (previous) 6, 2024-W52 2, W51 4, W50 8 → four-week average (6+2+4+8)/4 = 5.
        let byOffset: [(weeks: Int, count: Int)] = [(0, 10), (-1, 6), (-2, 2), (-3, 4), (-4, 8), (-5, 99)]
        let counts = byOffset.map { WeekCount(areaID: area, categoryID: category, week: week.adding($0.weeks).key, count: $0.count) }
        let cat = IncidentCategory(id: category, kommunID: UUID(), code: "x", name: "Klotter", subcategories: [], isPublic: true, position: 1)
        let summary = WeekSummary.summarise(week: week, counts: counts, areas: [(area, "Ryd")], categories: [cat])
        #expect(summary[0].area == "Ryd" && summary[0].total == 10 && summary[0].previousWeekTotal == 6)
        #expect(summary[0].fourWeekAverage == 5 && summary[0].percentAgainstAverage == 100)
        #expect(summary[1].area == "Övriga kommunen" && summary[1].total == 0)
    }

    @Test("Fem händelser inom 100 m blir en het plats som återkommer; en ensam händelse inte")
    func hotPlace() {
        let now = Date()
        let near = (0..<5).map {
            EventPoint(
                point: GeoPoint(latitude: 58.41 + Double($0) * 0.0001, longitude: 15.62), occurredAt: now,
                categoryID: category, place: "Gången vid skolan")
        }
        let far = EventPoint(point: GeoPoint(latitude: 58.43, longitude: 15.62), occurredAt: now, categoryID: category)
        let places = HotPlaces.find(week: near + [far], earlier: Array(near.prefix(3)))
        #expect(places.count == 1)
        #expect(places.first?.count == 5 && places.first?.isRecurring == true && places.first?.name == "Gången vid skolan")
    }

    @Test("En skolgård större än radien är en het plats, inte fem; en annan plats med samma namn långt bort hålls isär")
    func namesakesMerged() {
        let now = Date()
        // Five groups of three events, 150 m apart along the yard (each group alone is a hot place).
        let yard = (0..<5).flatMap { group in
            (0..<3).map { index in
                EventPoint(
                    point: GeoPoint(latitude: 58.40 + Double(group) * 0.00135 + Double(index) * 0.00005, longitude: 15.58), occurredAt: now,
                    categoryID: category, place: "Bergaskolans skolgård")
            }
        }
        let elsewhere = (0..<3).map {
            EventPoint(
                point: GeoPoint(latitude: 58.45 + Double($0) * 0.00005, longitude: 15.70), occurredAt: now, categoryID: category, place: "Bergaskolans skolgård"
            )
        }
        let places = HotPlaces.find(week: yard + elsewhere, earlier: [])
        #expect(places.count == 2)
        #expect(places.map(\.count).sorted() == [3, 15])
    }

    @Test("Gi* på ett känt rutnät: värden som räknade för hand")
    func getisOrdKnownValues() {
        // Five cells in a row with counts 0 0 5 0 0: mean 1, S = 2.
        let points = Array(repeating: (easting: 500_250.0, northing: 6_470_050.0), count: 5)
        let grid = GetisOrd.analyse(points: points, minEasting: 500_000, minNorthing: 6_470_000, maxEasting: 500_500, maxNorthing: 6_470_100)
        #expect(grid.columns == 5 && grid.rows == 1)
        #expect(abs(grid.cells[2].z - 0.8165) < 0.001)
        #expect(abs(grid.cells[0].z + 0.8165) < 0.001)
    }

    @Test("Gi*: ett kluster mitt i ett tomt rutnät är signifikant, hörnet inte")
    func getisOrdCluster() {
        var points: [(easting: Double, northing: Double)] = []
        for c in 4...6 { for r in 4...6 { points += Array(repeating: (500_000 + Double(c) * 100 + 50, 6_470_000 + Double(r) * 100 + 50), count: 5) } }
        let grid = GetisOrd.analyse(points: points, minEasting: 500_000, minNorthing: 6_470_000, maxEasting: 501_000, maxNorthing: 6_471_000)
        let middle = grid.cells.first { $0.column == 5 && $0.row == 5 }!
        let corner = grid.cells.first { $0.column == 0 && $0.row == 0 }!
        #expect(middle.isHotspot && middle.significance == 0.001)
        #expect(!corner.isHotspot)
    }

    @Test("Effekt: färre händelser vid platsen medan resten av området är oförändrat ger en signifikant minskning")
    func effect() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        func events(_ n: Int, latOffset: Double, after: Bool) -> [EventPoint] {
            (0..<n).map { (i: Int) -> EventPoint in
                let days = Double(1 + i % 20) * (after ? 1.0 : -1.0)
                let point = GeoPoint(latitude: 58.41 + latOffset, longitude: 15.62 + Double(i % 10) * 0.00001)
                return EventPoint(point: point, occurredAt: start.addingTimeInterval(days * 86_400), categoryID: category)
            }
        }
        let all =
            events(10, latOffset: 0.0001, after: false) + events(2, latOffset: 0.0001, after: true)
            + events(100, latOffset: 0.01, after: false) + events(100, latOffset: 0.01, after: true)
        let estimate = EffectEstimate.estimate(events: all, centre: centre, radius: 100, start: start, weeks: 4) { _ in true }
        #expect(estimate.treatedBefore == 10 && estimate.treatedAfter == 2)
        #expect(estimate.comparisonBefore == 100 && estimate.comparisonAfter == 100)
        #expect(abs((estimate.ratio ?? 0) - 0.2) < 0.0001 && estimate.expectedAfter == 10)
        #expect(estimate.isSignificantDecrease)
        #expect(estimate.conclusion.contains("80 % färre") && estimate.conclusion.contains("slump"))
    }
}
