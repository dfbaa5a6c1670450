import Foundation
import Testing

@testable import TryggCore

@Suite("Polisens lista över utsatta områden")
struct PoliceAreaTests {
    static let csv = """
        NAMN,KATEGORI,ORT,LOKALPOLIS,OMRADESKOD,SPECIALOMR,AKTUALITET,area_m2
        Navestad,Utsatt område,Norrköping,Norrköping,540220,33,2018-10-01,806114
        Hageby,Utsatt område,Norrköping,Norrköping,540220,72,2023-12-01,1539050
        Skäggetorp,Särskilt utsatt område,Linköping,Linköping,540210,5,2018-10-01,1278987
        """

    @Test("Attributtabellen läses; OMRADESKOD är inte nyckeln (Navestad och Hageby delar den), SPECIALOMR är det")
    func attributeTable() throws {
        let areas = try PoliceAreaList.read(Data(Self.csv.utf8), year: 2023)
        #expect(areas.map(\.name) == ["Navestad", "Hageby", "Skäggetorp"] && areas.allSatisfy { $0.shape == nil })
        #expect(!areas[0].isSame(as: areas[1]) && areas[2].category == "Särskilt utsatt område" && areas[1].since == "2023-12-01")
    }

    @Test("En kategori som inte finns i årets lista och samma område två gånger avvisas; inget läses in")
    func refusals() {
        #expect(throws: PoliceAreaList.Problem.self) {
            try PoliceAreaList.read(Data((Self.csv + "\nRosengård,Riskområde,Malmö,Malmö,561520,2,2018-10-01,1").utf8), year: 2016)
        }
        do {
            _ = try PoliceAreaList.read(Data((Self.csv + "\nSkäggetorp,Utsatt område,Linköping,Linköping,540210,5,2018-10-01,1").utf8), year: 2023)
            Issue.record("dubbletten godtogs")
        } catch {
            #expect(error.messages == ["Skäggetorp står två gånger i filen."])
        }
    }

    @Test("GeoJSON i WGS84 ger polygon; en punkt i området hittas")
    func polygons() throws {
        let json = """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"NAMN":"Skäggetorp","KATEGORI":"Särskilt utsatt område",
            "ORT":"Linköping","SPECIALOMR":5,"AKTUALITET":"2018-10-01"},"geometry":{"type":"Polygon","coordinates":[[[15.57,58.42],[15.59,58.42],[15.59,58.44],[15.57,58.44],[15.57,58.42]]]}}]}
            """
        let areas = try PoliceAreaList.read(Data(json.utf8), year: 2023)
        #expect(areas.count == 1 && areas[0].specialID == "5" && areas[0].shape?.contains(GeoPoint(latitude: 58.43, longitude: 15.58)) == true)
    }
}

@Suite("Ändringar mellan polisens listor")
struct PoliceAreaChangeTests {
    static func area(_ name: String, _ category: String, id: String) -> PoliceArea {
        PoliceArea(year: 2023, specialID: id, name: name, category: category, ort: "Norrköping", lokalpolis: "", since: "", shape: nil, areaM2: nil)
    }

    @Test("Nya, borttagna och omklassade områden, matchade på SPECIALOMR")
    func changes() {
        let before = [Self.area("Navestad", "Särskilt utsatt område", id: "33"), Self.area("Klockaretorpet", "Riskområde", id: "40")]
        let after = [Self.area("Navestad", "Utsatt område", id: "33"), Self.area("Hageby", "Utsatt område", id: "72")]
        let changes = PoliceAreaChange.between(before, after)
        #expect(changes.map(\.kind) == [.added, .removed, .recategorised])
        #expect(changes[2].before == "Särskilt utsatt område" && changes[2].after == "Utsatt område" && changes[0].name == "Hageby")
    }
}
