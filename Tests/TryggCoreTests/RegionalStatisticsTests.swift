import Foundation
import Testing
import TryggCore

/// Brå's statistics for the comparison with län and riket: the saved result page and its long
/// CSV, with Brå's `..` (missing, never 0), non-breaking-space thousands and "prel." years.
@Suite("Jämförelse med län och riket: Brås statistik")
struct RegionalStatisticsTests {
    /// The shape of a SOL result page: a year row, then per region a heading row and a crime row.
    static let page = """
        <html><body><table summary="Rubrik"><tr><td class="tabell-rubrik">Anmälda brott</td></tr></table>
        <table>
        <tr><td rowspan="3"></td><th colspan="3" axis="ar">År</th></tr>
        <tr><th axis="manader">2014</th><th axis="manader">2015</th><th axis="manader">
          2016 prel.
        </th></tr>
        <tr><th id="antal" axis="matt">Antal</th><th axis="matt">Antal</th><th axis="matt">Antal</th></tr>
        <tr><th class="resultatRubrik1" axis="region">Hela landet</th><td></td><td></td><td></td></tr>
        <tr><th headers="8291">Totalt antal brott</th><td>1&nbsp;443&nbsp;753</td><td>1 503 399</td><td>1&nbsp;502&nbsp;023</td></tr>
        <tr><th axis="region">&Ouml;sterg&ouml;tlands l&auml;n</th><td></td><td></td><td></td></tr>
        <tr><th headers="8300">Totalt antal brott</th><td>58&nbsp;764</td><td>..</td><td>..</td></tr>
        <tr><th axis="region">Region Öst</th><td></td><td></td><td></td></tr>
        <tr><th headers="8400">Totalt antal brott</th><td>..</td><td>140&nbsp;101</td><td>141&nbsp;540</td></tr>
        </table></body></html>
        """

    @Test("Resultatsidan: år och preliminära år, tusental med hårt mellanslag, .. blir saknad uppgift och aldrig 0")
    func readsPage() throws {
        let figures = try RegionalStatistics.read(Data(Self.page.utf8))
        #expect(figures.count == 9)
        let county = figures.filter { $0.region == "Östergötlands län" }
        #expect(county.map(\.value) == [58_764, nil, nil])
        let region = try #require(figures.first { $0.region == "Region Öst" && $0.year == 2016 })
        #expect(region.value == 141_540 && region.preliminary && region.period == "2016 prel." && region.crimeType == "Totalt antal brott")
        #expect(figures.first { $0.region == "Hela landet" && $0.year == 2015 }?.value == 1_503_399)
    }

    @Test("Lång CSV med antal_raw läses som sidan")
    func readsLongCSV() throws {
        let csv = """
            region,period,brottstyp,antal_raw,antal
            Hela landet,2016 prel.,Totalt antal brott,1 502 023,1502023
            Blekinge län,2015,Totalt antal brott,..,
            Blekinge län,2014,Totalt antal brott,16 232,16232
            """
        let figures = try RegionalStatistics.read(Data(csv.utf8))
        #expect(figures.map(\.value) == [1_502_023, nil, 16_232])
        #expect(figures[0].preliminary && figures[0].year == 2016)
    }

    @Test("Felaktiga filer ger ett tydligt besked")
    func rejectsBadFiles() {
        func message(_ text: String) -> String {
            do {
                _ = try RegionalStatistics.read(Data(text.utf8))
                return ""
            } catch { return "\(error)" }
        }
        #expect(message("region,period,brottstyp,antal\nRiket,2015,Totalt,-12\n").contains("\"-12\" är inget antal"))
        #expect(message("region,period,brottstyp,antal\nRiket,femton,Totalt,12\n").contains("är inget år"))
        #expect(message("namn,värde\nx,1\n").contains("region, period, brottstyp och antal"))
        #expect(message("region,period,brottstyp,antal\nRiket,2015,Totalt,1\nRiket,2015,Totalt,2\n").contains("finns två gånger"))
        #expect(message("<table><tr><th>Region</th></tr></table>").contains("ingen rad med år"))
        #expect(
            message("<table><tr><th>2015</th></tr><tr><th axis=\"region\">Riket</th></tr><tr><th>Totalt</th><td>12</td><td>13</td></tr></table>").contains(
                "2 värden"))
    }

    @Test("Jämförelsen: index mot första året med uppgift, avbrott och preliminära år i klartext")
    func comparison() throws {
        let figures = try RegionalStatistics.read(Data(Self.page.utf8))
        let comparison = RegionalComparison.build(
            kommunName: "Linköpings kommun", kommunTotals: [2015: 14_000, 2016: 14_700], figures: figures,
            regions: SwedishRegions.comparisons(forKommunCode: "0580"), crimeType: "Totalt antal brott")
        #expect(comparison.years == [2014, 2015, 2016])
        #expect(comparison.series.map(\.name) == ["Linköpings kommun", "Östergötlands län", "Region Öst", "Hela landet"])
        #expect(comparison.series[0].points.map(\.index) == [nil, 100, 105])
        #expect(comparison.series[1].points.map(\.value) == [58_764, nil, nil])
        #expect(comparison.notes.contains("Östergötlands län: uppgift saknas för 2015–2016."))
        #expect(comparison.notes.contains("Region Öst: 2016 är preliminärt."))
    }

    @Test(
        "Brås riktiga resultatsida och dess CSV ger samma siffror",
        .enabled(if: FileManager.default.fileExists(atPath: RegionalStatisticsTests.sharedFile("bra_sol_anmalda_brott_lan_2011_2016.html"))))
    func realPage() throws {
        let page = try RegionalStatistics.read(try Data(contentsOf: URL(fileURLWithPath: Self.sharedFile("bra_sol_anmalda_brott_lan_2011_2016.html"))))
        let csv = try RegionalStatistics.read(try Data(contentsOf: URL(fileURLWithPath: Self.sharedFile("bra_sol_anmalda_brott_lan_2011_2016.csv"))))
        #expect(Set(page) == Set(csv))
        #expect(page.first { $0.region == "Östergötlands län" && $0.year == 2014 }?.value == 58_764)
        #expect(page.first { $0.region == "Region Öst" && $0.year == 2016 }.map { ($0.value, $0.preliminary) } ?? (nil, false) == (141_540, true))
    }

    static func sharedFile(_ name: String) -> String { GeoTests.sharedData + "/" + name }
}
