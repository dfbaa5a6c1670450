import Foundation
import Testing
@testable import TryggCore

@Suite("Medborgartips: regler och avrundning")
struct CitizenRulesTests {
    static let kommunID = UUID()
    static let categories = IncidentCategory.defaults.enumerated().map { index, item in
        IncidentCategory(
            id: UUID(), kommunID: kommunID, code: item.code, name: item.name, subcategories: item.subcategories,
            isPublic: item.isPublic, position: index)
    }

    @Test("Publika punkten är mitten av 100-metersrutan: närliggande punkter blir samma, och avståndet är högst en halv diagonal")
    func rounding() {
        let a = GeoPoint(latitude: 58.43231, longitude: 15.58012)
        let rounded = PublicLocation.rounded(a)
        let gridA = Sweref99TM.fromWGS84(a), gridRounded = Sweref99TM.fromWGS84(rounded)
        let distance = hypot(gridA.easting - gridRounded.easting, gridA.northing - gridRounded.northing)
        #expect(distance > 0 && distance <= 71)
        #expect(Int(gridRounded.easting.rounded()) % 100 == 50 && Int(gridRounded.northing.rounded()) % 100 == 50)
        // A point a few metres away in the same square shows at the same place.
        let cellStart = Sweref99TM.toWGS84(
            easting: (gridA.easting / 100).rounded(.down) * 100 + 5,
            northing: (gridA.northing / 100).rounded(.down) * 100 + 5)
        #expect(PublicLocation.rounded(cellStart) == rounded)
    }

    @Test("Rektangeln kring områdena har 15 km marginal; Linköpings demorektangel innehåller Skäggetorp men inte Stockholm")
    func bounds() throws {
        let square = AreaShape(polygons: [
            GeoPolygon(outer: [
                .init(latitude: 58.40, longitude: 15.60), .init(latitude: 58.40, longitude: 15.62),
                .init(latitude: 58.42, longitude: 15.62), .init(latitude: 58.40, longitude: 15.60),
            ])
        ])
        let bounds = try #require(KommunBounds.around([square]))
        #expect(abs(bounds.minLatitude - (58.40 - 15 / 111.0)) < 1e-9)
        #expect(bounds.contains(.init(latitude: 58.5, longitude: 15.8)) && !bounds.contains(.init(latitude: 58.6, longitude: 15.6)))
        #expect(KommunBounds.around([]) == nil)
        #expect(KommunBounds.linkoping.contains(.init(latitude: 58.4318, longitude: 15.579)))
        #expect(!KommunBounds.linkoping.contains(.init(latitude: 59.3293, longitude: 18.0686)))
    }

    @Test("Bara publika kategorier; alla fel på en gång; tom e-post betyder anonymt")
    func rules() {
        let draft = CitizenDraft(
            category: "Misstänkt narkotikahantering", latitude: "58,4318", longitude: "15,579",
            description: "Ring 070-123 45 67", timesOfDay: ["kvall", "sent"], email: "a@b")
        guard case .failure(let problems) = CitizenRules.check(draft, categories: Self.categories, areas: [], bounds: .linkoping) else {
            Issue.record("utkastet borde ha fel")
            return
        }
        #expect(problems.problems.map(\.field) == ["kategori", "beskrivning", "tid på dygnet", "e-post"])
        let good = CitizenDraft(
            category: "otrygg-plats", latitude: "58,4318", longitude: "15,579", description: "Mörkt",
            weekdays: ["fre", "7", "fre"], gender: "Kvinna")
        guard case .success(let checked) = CitizenRules.check(good, categories: Self.categories, areas: [], bounds: .linkoping) else {
            Issue.record("utkastet borde vara godkänt")
            return
        }
        #expect(checked.email == nil && checked.weekdays == [5, 7] && checked.gender == .woman && checked.point?.latitude == 58.4318)
    }

    @Test("Open311-tider skrivs i svensk tid med offset, även över sommartidsskiftet")
    func w3c() {
        #expect(StockholmCalendar.w3c(Date(timeIntervalSince1970: 1_711_846_800)) == "2024-03-31T03:00:00+02:00")
        #expect(StockholmCalendar.w3c(Date(timeIntervalSince1970: 1_711_846_799)) == "2024-03-31T01:59:59+01:00")
    }
}
