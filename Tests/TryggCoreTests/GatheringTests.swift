import Foundation
import Testing

@testable import TryggCore

/// The police's national list of decisions on public gatherings, read for one kommun.
@Suite("Polisens beslut om allmänna sammankomster")
struct GatheringTests {
    /// Around Linköping's Skäggetorp, as the tips' rectangle would be.
    let linkoping = KommunBounds(minLatitude: 58.30, maxLatitude: 58.55, minLongitude: 15.40, maxLongitude: 15.80)

    static let list = """
        nr;Planerat datum;Plats som framgår i ansökan;Status;coord1;coord2
        1;2022-04-14;Skäggetorps centrum;Bifall;58.4276;15.5841
        2;2022-04-03;Torget, alternativt Stadsparken;Avslag Torget, Bifall Stadsparken;58,4105;15,6214
        3;2022-04-17;Von Lingens väg 47, Malmö;Avslag;55.5872;13.0476
        4;2022-02-26;Hjällbo Centrum;Bifall Frölunda torg, Avlag Hjällbo Centrum;;

        """

    @Test("Raderna i kommunen läses, andra orter räknas; blandade beslut är delvis bifall, polisens stavfel 'Avlag' är avslag")
    func readsTheKommunsRows() throws {
        let result = try GatheringDecisionsCSV.read(try CSVReader.read(Data(Self.list.utf8)), within: linkoping)
        #expect(result.skippedRows == 1, "Malmö")
        #expect(result.gatherings.map(\.place) == ["Skäggetorps centrum", "Torget, alternativt Stadsparken", "Hjällbo Centrum"])
        #expect(result.gatherings.map(\.outcome) == [.bifall, .delvis, .delvis])
        #expect(result.gatherings[1].point == GeoPoint(latitude: 58.4105, longitude: 15.6214), "decimalkomma läses")
        #expect(result.gatherings[2].point == nil, "utan punkt behålls raden")
        #expect(Gathering.Outcome(policeText: "Avlag") == .avslag)
        #expect(SwedishTime.weekdayDate("2022-04-14") == "torsdag 2022-04-14")
    }

    @Test("Fel datum, ett beslut utan bifall eller avslag och en punkt utanför Sverige anges med rad och kolumn; inget läses")
    func refusesBadRows() throws {
        let bad = """
            nr;Planerat datum;Plats som framgår i ansökan;Status;coord1;coord2
            1;2022-02-30;Torget;Bifall;58.41;15.62
            2;2022-04-03;Torget;Återkallad;58.41;15.62
            3;2022-04-03;;Bifall;91;15.62
            """
        #expect(throws: ImportFailure.self) { try GatheringDecisionsCSV.read(try CSVReader.read(Data(bad.utf8)), within: nil) }
        do {
            _ = try GatheringDecisionsCSV.read(try CSVReader.read(Data(bad.utf8)), within: nil)
        } catch let failure as ImportFailure {
            let text = failure.description
            #expect(text.contains("Rad 2, kolumn Planerat datum: \"2022-02-30\" är inget datum"))
            #expect(text.contains("Rad 3, kolumn Status: \"Återkallad\" säger varken bifall eller avslag."))
            #expect(text.contains("Rad 4, kolumn Plats som framgår i ansökan: Får inte vara tom."))
            #expect(text.contains("Rad 4, kolumn coord1"))
        }
        let other = try CSVReader.read(Data("nr;Datum;Plats\n1;2022-04-14;Torget\n".utf8))
        #expect(throws: ImportFailure.self) { try GatheringDecisionsCSV.read(other, within: nil) }
    }

    @Test(
        "Polisens riktiga lista: Skäggetorp två gånger i Linköping, femton beslut på andra orter",
        .enabled(if: FileManager.default.fileExists(atPath: GeoTests.sharedData + "/polisen_allmanna_sammankomster_2022_beslut.csv")))
    func realList() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: GeoTests.sharedData + "/polisen_allmanna_sammankomster_2022_beslut.csv"))
        let result = try GatheringDecisionsCSV.read(try CSVReader.read(data), within: linkoping)
        #expect(result.gatherings.map(\.plannedOn) == ["2022-04-14", "2022-03-06"])
        #expect(result.gatherings.allSatisfy { $0.outcome == .bifall } && result.skippedRows == 15)
    }
}
