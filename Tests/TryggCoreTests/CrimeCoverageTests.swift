import Testing

@testable import TryggCore

/// The real police extract runs from 6 May 2018 to 30 March 2024: its first and last years are
/// parts of years, and 2019 has almost no crime placed in a DeSO. None of that may read as a
/// change in crime.
@Suite("Uttagets period: delår och brott utan DeSO jämförs inte")
struct CrimeCoverageTests {
    let coverage = CrimeCoverage(from: "2018-05-06", to: "2024-03-30")
    let skaggetorp = [CrimeFigures.Area(name: "Skäggetorp", deso: ["0580C1610"])]

    func counts(_ perYear: [(Int, Int)], unplaced: [Int: Int] = [:]) -> [CrimeCount] {
        perYear.map { CrimeCount(deso: "0580C1610", code: 1211, year: $0.0, count: $0.1) }
            + unplaced.map { CrimeCount(deso: nil, code: 1211, year: $0.key, count: $0.value) }
    }

    @Test("Hela år är de som uttaget täcker, med en veckas marginal i var ände")
    func wholeYears() {
        #expect(coverage.partialYears(2017...2025) == [2017, 2018, 2024, 2025])
        #expect(CrimeCoverage(from: "2019-01-04", to: "2019-12-27").isComplete(2019), "ett uttag med få brottskoder kan sakna de första dagarna")
        #expect(!CrimeCoverage(from: "2019-01-20", to: "2019-12-31").isComplete(2019))
        #expect(
            coverage.partialNote(2024)
                == "Uttaget täcker bara 2024-01-01 – 2024-03-30 av 2024 (inskrivningsdatum): antalen gäller den delen av året och jämförs inte med hela år.")
        #expect(coverage.partialNote(2017)?.hasPrefix("2017 ligger utanför uttagets period") == true)
        #expect(coverage.partialNote(2023) == nil)
    }

    @Test("Ett delår jämförs inte med året före, och ett helt år inte med ett delår")
    func noChangeAgainstAPart() {
        let data = counts([(2018, 10), (2019, 40), (2020, 44), (2021, 50), (2022, 60), (2023, 55), (2024, 6)])
        func total(_ year: Int) -> CrimeFigures.Row {
            CrimeFigures.compute(year: year, basis: .inskrivning, counts: data, population: [:], areas: skaggetorp, names: [:], coverage: coverage)
                .totals[0]
        }
        let quarter = total(2024)
        #expect(quarter.count == 6 && quarter.previousCount == nil && quarter.change == nil && quarter.threeYearAverage == nil)
        let afterPart = total(2019)
        #expect(afterPart.count == 40 && afterPart.previousCount == nil, "2018 är maj–december: ingen ökning med 300 %")
        #expect(total(2021).threeYearAverage == nil, "snittet 2018–2020 skulle ta med ett delår")
        let whole = total(2023)
        #expect(whole.previousCount == 60 && whole.threeYearAverage == (44.0 + 50 + 60) / 3)
        #expect(
            CrimeFigures.compute(year: 2024, basis: .inskrivning, counts: data, population: [:], areas: skaggetorp, names: [:], coverage: coverage)
                .isPartialYear)
    }

    @Test("Trenden: delår står i tabellen men inte i diagrammet; ett år med brott utan DeSO ritas bara för hela kommunen")
    func trendLeavesPartsOut() {
        let data = counts([(2018, 10), (2020, 44), (2021, 50), (2024, 6)], unplaced: [2019: 30])
        let trend = CrimeTrend.compute(counts: data, population: [:], areas: skaggetorp, code: nil, hideSmall: false, coverage: coverage)
        #expect(trend.years == [2018, 2019, 2020, 2021, 2024])
        #expect(trend.partialYears == [2018, 2024] && trend.poorlyPlacedYears == [2019])
        #expect(trend.series[0].counts == [10, 0, 44, 50, 6], "tabellen har alla år")
    }

    @Test("Diagrammet visar de områden som har mest det senaste hela året, och hela kommunen")
    func busiestAreas() {
        let areas = (1...9).map { CrimeFigures.Area(name: "Område \($0)", deso: ["0580C10\($0)0"]) }
        var data: [CrimeCount] = []
        for number in 1...9 {
            data.append(CrimeCount(deso: "0580C10\(number)0", code: 1211, year: 2023, count: number))
            data.append(CrimeCount(deso: "0580C10\(number)0", code: 1211, year: 2024, count: 10 - number))
        }
        let trend = CrimeTrend.compute(counts: data, population: [:], areas: areas, code: nil, hideSmall: false, coverage: coverage)
        let charted = trend.busiestAreas(3)
        #expect(charted.series.map(\.area) == ["Område 7", "Område 8", "Område 9", "Hela kommunen"], "2024 är ett delår: 2023 avgör")
        #expect(trend.busiestAreas(20).series.count == 10)
    }
}
