import Foundation
import Testing
@testable import TryggCore
import TryggDemo

@Suite("Geografi: SWEREF 99 TM, polygoner och GeoJSON")
struct GeoTests {
    @Test("SWEREF 99 TM och WGS84 räknas fram och tillbaka utan att tappa en millimeter")
    func swerefRoundTrip() {
        let linkoping = GeoPoint(latitude: 58.4108, longitude: 15.6214)
        let grid = Sweref99TM.fromWGS84(linkoping)
        let back = Sweref99TM.toWGS84(easting: grid.easting, northing: grid.northing)
        #expect(abs(back.latitude - linkoping.latitude) < 1e-8)
        #expect(abs(back.longitude - linkoping.longitude) < 1e-8)
        // Linköping lies east of the central meridian (15° E) and about 6.48 million metres north.
        #expect((535_000...540_000).contains(grid.easting))
        #expect((6_470_000...6_480_000).contains(grid.northing))
    }

    @Test("Medelmeridianen 15° Ö ger östkoordinaten 500 000")
    func centralMeridian() {
        let grid = Sweref99TM.fromWGS84(GeoPoint(latitude: 60, longitude: 15))
        #expect(abs(grid.easting - 500_000) < 0.001)
    }

    @Test("En punkt i ett hål i polygonen ligger inte i området")
    func pointInPolygonWithHole() {
        let square = [(0.0, 0.0), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)].map { GeoPoint(latitude: $0.0, longitude: $0.1) }
        let hole = [(4.0, 4.0), (4.0, 6.0), (6.0, 6.0), (6.0, 4.0), (4.0, 4.0)].map { GeoPoint(latitude: $0.0, longitude: $0.1) }
        let shape = AreaShape(polygons: [GeoPolygon(outer: square, holes: [hole])])
        #expect(shape.contains(GeoPoint(latitude: 2, longitude: 2)))
        #expect(!shape.contains(GeoPoint(latitude: 5, longitude: 5)))
        #expect(!shape.contains(GeoPoint(latitude: 11, longitude: 5)))
    }

    @Test("Demoområdena innehåller sina egna mittpunkter")
    func demoAreasContainTheirCentres() {
        for definition in DemoAreas.all {
            #expect(DemoAreas.shape(of: definition).contains(definition.centre), "\(definition.name)")
        }
    }

    static func feature(_ name: String, _ ring: [[Double]]) -> String {
        let coordinates = ring.map { "[\($0[0]), \($0[1])]" }.joined(separator: ",")
        return #"{"type":"Feature","properties":{"NAMN":"\#(name)"},"geometry":{"type":"Polygon","coordinates":[[\#(coordinates)]]}}"#
    }

    @Test("GeoJSON i SWEREF 99 TM känns igen via crs och blir WGS84")
    func swerefGeoJSONWithCRS() throws {
        let corner = Sweref99TM.fromWGS84(GeoPoint(latitude: 58.43, longitude: 15.57))
        let (e, n) = (corner.easting, corner.northing)
        let ring = [[e, n], [e + 500, n], [e + 500, n + 500], [e, n + 500], [e, n]]
        let json =
            #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3006"}},"features":[\#(Self.feature("Skäggetorp", ring))]}"#
        let parsed = try AreaGeoJSON.parse(Data(json.utf8))
        #expect(parsed.projection == .sweref99TM)
        #expect(parsed.areas.map(\.name) == ["Skäggetorp"])
        let first = try #require(parsed.areas.first?.shape.polygons.first?.outer.first)
        #expect(abs(first.latitude - 58.43) < 1e-7 && abs(first.longitude - 15.57) < 1e-7)
    }

    @Test("GeoJSON utan crs men med meterkoordinater tolkas som SWEREF 99 TM")
    func swerefDetectedFromRange() throws {
        let ring = [[537_000.0, 6_477_000], [537_500, 6_477_000], [537_500, 6_477_500], [537_000, 6_477_000]]
        let json = #"{"type":"FeatureCollection","features":[\#(Self.feature("Ryd", ring))]}"#
        #expect(try AreaGeoJSON.parse(Data(json.utf8)).projection == .sweref99TM)
    }

    @Test("Alla fel i en GeoJSON-fil rapporteras med objektets nummer")
    func geoJSONProblemsAreCollected() {
        let open = Self.feature("Öppen", [[15.5, 58.4], [15.6, 58.4], [15.6, 58.5], [15.5, 58.5]])
        let outside = Self.feature("Berlin", [[13.4, 52.5], [13.5, 52.5], [13.5, 52.6], [13.4, 52.5]])
        let unnamed = #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[]}}"#
        let json = #"{"type":"FeatureCollection","features":[\#(open),\#(outside),\#(unnamed)]}"#
        #expect {
            try AreaGeoJSON.parse(Data(json.utf8))
        } throws: { error in
            let messages = (error as? AreaGeoJSON.Problem)?.messages ?? []
            return messages.count == 3
                && messages[0].contains("Objekt 1") && messages[0].contains("inte sluten")
                && messages[1].contains("Objekt 2") && messages[1].contains("utanför Sverige")
                && messages[2].contains("Objekt 3") && messages[2].contains("namn saknas")
        }
    }

    @Test("Något annat än GeoJSON avvisas med ett begripligt meddelande")
    func notGeoJSON() {
        #expect(throws: AreaGeoJSON.Problem(["Filen är inte giltig JSON."])) { try AreaGeoJSON.parse(Data("{trasig".utf8)) }
        #expect(throws: AreaGeoJSON.Problem(["Filen är inte en GeoJSON FeatureCollection (\"type\" saknas eller är fel)."])) {
            try AreaGeoJSON.parse(Data(#"{"type":"Topology"}"#.utf8))
        }
    }

    /// The police's real polygons, when the shared data folder is present: both files must give
    /// the same WGS84 outline once the SWEREF one is converted.
    @Test(
        "Polisens polygoner i SWEREF 99 TM stämmer med WGS84-versionen",
        .enabled(if: FileManager.default.fileExists(atPath: GeoTests.sharedData + "/utsatta_omraden_ostergotland_sweref99tm.geojson")))
    func realPoliceFiles() throws {
        let sweref = try AreaGeoJSON.parse(Data(contentsOf: URL(fileURLWithPath: Self.sharedData + "/utsatta_omraden_ostergotland_sweref99tm.geojson")))
        let wgs = try AreaGeoJSON.parse(Data(contentsOf: URL(fileURLWithPath: Self.sharedData + "/utsatta_omraden_ostergotland_wgs84.geojson")))
        #expect(sweref.projection == .sweref99TM && wgs.projection == .wgs84)
        #expect(sweref.areas.map(\.name) == wgs.areas.map(\.name))
        #expect(sweref.areas.map(\.name).contains("Skäggetorp"))
        for (a, b) in zip(sweref.areas, wgs.areas) {
            let p = try #require(a.shape.polygons.first?.outer.first), q = try #require(b.shape.polygons.first?.outer.first)
            // 1e-5 degrees is about one metre.
            #expect(abs(p.latitude - q.latitude) < 1e-5 && abs(p.longitude - q.longitude) < 1e-5)
        }
    }

    static let sharedData = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data").standardized.path
}

@Suite("GeoJSON från ett formulär")
struct SingleAreaTests {
    @Test("En naken Polygon får formulärets namn")
    func bareGeometry() throws {
        let json = #"{"type":"Polygon","coordinates":[[[15.64,58.42],[15.66,58.42],[15.66,58.43],[15.64,58.42]]]}"#
        let area = try AreaGeoJSON.parseSingle(Data(json.utf8), name: "Johannelund")
        #expect(area.name == "Johannelund")
        #expect(area.shape.polygons.count == 1)
    }

    @Test("Flera områden på en gång avvisas i formuläret")
    func severalAreas() {
        let feature =
            #"{"type":"Feature","properties":{"name":"N"},"geometry":{"type":"Polygon","coordinates":[[[15.64,58.42],[15.66,58.42],[15.66,58.43],[15.64,58.42]]]}}"#
        let json = #"{"type":"FeatureCollection","features":[\#(feature),\#(feature.replacingOccurrences(of: "\"N\"", with: "\"M\""))]}"#
        #expect(throws: AreaGeoJSON.Problem.self) { try AreaGeoJSON.parseSingle(Data(json.utf8), name: "X") }
    }
}
