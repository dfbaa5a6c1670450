import Foundation
import Testing
import TryggCore

/// The kartläggning's files: the police's crime extract, SCB's population and DeSO→RegSO table,
/// and the year's figures computed from them. The files are synthetic, in the real formats.
@Suite("Brottsstatistik och befolkning per DeSO")
struct CrimeStatisticsTests {
    static let linkoping = Kommun(id: UUID(), slug: "linkoping", name: "Linköpings kommun", code: "0580")
    static let header = "Id,Brottskod,Brottskod.klartext,Inskrivningsdatum,Brottsdatum,Kommun,Län,DeSO.område,Antal\n"

    static func table(_ text: String) throws -> CSVTable { try CSVReader.read(Data(text.utf8)) }

    static func problems(_ text: String, known: Set<String>? = nil) -> [String] {
        do {
            _ = try CrimeExtract.read(try table(text), kommun: linkoping, knownDeso: known)
            return []
        } catch let failure as ImportFailure {
            return failure.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test("Polisens uttag: andra kommuners rader räknas och hoppas över, en rad utan DeSO behålls utan område")
    func readsExtract() throws {
        let text =
            Self.header
            + "11,1211,\"Skadegörelse, bilbrand\",2022-04-16,2022-04-14,Linköping,Östergötlands Län,0580C1610,1\n"
            + "12,1311,Sabotage mot blåljusverksamhet,2022-04-17,,Linköping,Östergötlands Län,,1\n"
            + "13,1211,\"Skadegörelse, bilbrand\",2022-04-17,2022-04-17,Norrköping,Östergötlands Län,0581C1070,1\n"
        let result = try CrimeExtract.read(try Self.table(text), kommun: Self.linkoping)
        #expect(result.records.count == 2)
        #expect(result.skipped == ["Norrköping": 1])
        #expect(result.records[0].name == "Skadegörelse, bilbrand" && result.records[0].occurredOn == "2022-04-14")
        #expect(result.records[1].deso == nil && result.records[1].occurredOn == "2022-04-17", "utan brottsdatum gäller inskrivningsdatum")
        #expect(result.reportedFrom == "2022-04-16" && result.reportedTo == "2022-04-17")
    }

    @Test("Felaktiga rader anges med rad och kolumn, och ingenting läses")
    func refusesBadRows() {
        let row = { (id: String, code: String, date: String, deso: String, count: String) in
            "\(id),\(code),Brand,\(date),\(date),Linköping,Östergötlands Län,\(deso),\(count)\n"
        }
        let bad =
            Self.header + row("1", "1210", "2022-01-01", "0580C1610", "-1") + row("2", "1210", "2022-01-01", "0580C1610", "två")
            + row("3", "1210", "2022-02-30", "0580C1610", "1") + row("4", "12x", "2022-01-01", "0580C1610", "1")
            + row("5", "1210", "2022-01-01", "0581C1070", "1") + row("6", "1210", "2022-01-01", "Skäggetorp", "1")
            + row("6", "1210", "2022-01-01", "0580C1610", "1")
        let found = Self.problems(bad)
        #expect(found.contains { $0.hasPrefix("Rad 2, kolumn Antal") })
        #expect(found.contains { $0.hasPrefix("Rad 3, kolumn Antal") })
        #expect(found.contains { $0.hasPrefix("Rad 4, kolumn Inskrivningsdatum") })
        #expect(found.contains { $0.hasPrefix("Rad 5, kolumn Brottskod") })
        #expect(found.contains { $0.contains("0581C1070 hör inte till Linköpings kommun") })
        #expect(found.contains { $0.contains("\"SKÄGGETORP\" är ingen DeSO-kod") })
        #expect(found.contains { $0.contains("Id 6 finns redan") })
        #expect(Self.problems(Self.header + row("1", "1210", "2022-01-01", "0580C9999", "1"), known: ["0580C1610"]).first?.contains("okänd") == true)
        #expect(
            Self.problems(Self.header + row("1", "1210", "2022-01-01", "0580C1610", "1").replacingOccurrences(of: "Linköping", with: "Norrköping"))
                == ["Filen har inga rader för Linköpings kommun, bara för Norrköping."])
        #expect(Self.problems("Id,Brottskod\n1,1210\n").first?.contains("DeSO.område") == true)
    }

    @Test("Befolkning brett och långt; andra kommuner hoppas över, '..' är en saknad uppgift och aldrig 0")
    func readsPopulation() throws {
        let wide = try PopulationTable.read(
            try Self.table(
                "kommunkod,kommunnamn,deso,regso,folkmangd_2023,folkmangd_2022,alder_0_4_2022,lag_ek_standard_pct_2022\n"
                    + "0580,Linköping,0580C1610,Skäggetorp-Tornby,2100,2050,180,40\n0580,Linköping,0580C1630,Skäggetorp-Tornby,..,1990,150,35\n"
                    + "0581,Norrköping,0581C1070,Navestad,1500,1490,100,30\n"), kommun: Self.linkoping)
        #expect(wide.years == [2022, 2023] && wide.desoCount == 2 && wide.skippedRows == 1)
        #expect(wide.counts.contains(PopulationCount(deso: "0580C1610", year: 2022, age: "0-4", count: 180)))
        #expect(!wide.counts.contains { $0.deso == "0580C1630" && $0.year == 2023 }, "'..' sparas inte som 0")
        let long = try PopulationTable.read(
            try Self.table("deso,year,kon,alder,antal\n0580C1610,2023,kvinnor,20–24,120\n0580C1610,2023,män,65+,90\n0580C1610,2023,totalt,totalt,2100\n"),
            kommun: Self.linkoping)
        #expect(long.counts.map(\.gender) == ["kvinna", "man", "alla"] && long.counts.map(\.age) == ["20-24", "65+", "alla"])
        #expect(throws: ImportFailure.self) { try PopulationTable.read(try Self.table("deso,folkmangd_2023\n0581C1070,1500\n"), kommun: Self.linkoping) }
        #expect(throws: ImportFailure.self) { try PopulationTable.read(try Self.table("deso,folkmangd_2023\n0580C1610,-5\n"), kommun: Self.linkoping) }
    }

    @Test("SCB:s tabell DeSO→RegSO ger ett område per RegSO med dess DeSO-koder")
    func readsRegions() throws {
        let text =
            "\u{FEFF}bro;Kommunnamn;DeSO;RegSO;;;\n0580;Linköping;0580C1610;Skäggetorp-Tornby;;;\n0580;Linköping;0580C1630;Skäggetorp-Tornby;;;\n"
            + "0580;Linköping;0580C1160;Berga;;;\n0581;Norrköping;0581C1070;Navestad;;;\n"
        let result = try DesoRegsoTable.read(try Self.table(text), kommun: Self.linkoping)
        #expect(result.regions.map(\.name) == ["Skäggetorp-Tornby", "Berga"])
        #expect(result.regions[0].deso == ["0580C1610", "0580C1630"] && result.skippedRows == 1)
    }

    static func figures() -> CrimeFigures {
        var counts: [CrimeCount] = []
        for (year, n) in [(2019, 3), (2020, 6), (2021, 9), (2022, 20)] { counts.append(CrimeCount(deso: "0580C1610", code: 1311, year: year, count: n)) }
        counts.append(CrimeCount(deso: "0580C1160", code: 1311, year: 2022, count: 2))
        counts.append(CrimeCount(deso: "0580C0001", code: 1311, year: 2022, count: 30))
        counts.append(CrimeCount(deso: nil, code: 1311, year: 2022, count: 4))
        return CrimeFigures.compute(
            year: 2022, basis: .brott, counts: counts,
            population: ["0580C1610": [2021: 4000], "0580C1160": [2021: 1000], "0580C0001": [2021: 5000]],
            areas: [.init(name: "Skäggetorp", deso: ["0580C1610"]), .init(name: "Berga", deso: ["0580C1160"]), .init(name: "Övriga", deso: ["0580C0001"])],
            names: [1311: "Sabotage mot blåljusverksamhet"])
    }

    @Test("Per område: antal, förändring, treårssnitt, befolkning från närmast tidigare år, brott per 1 000 och andel av kommunen")
    func computesFigures() throws {
        let figures = Self.figures()
        let skaggetorp = try #require(figures.rows.first { $0.area == "Skäggetorp" })
        #expect(skaggetorp.count == 20 && skaggetorp.previousCount == 9 && skaggetorp.threeYearAverage == 6)
        #expect(skaggetorp.population == 4000 && skaggetorp.populationYear == 2021 && skaggetorp.ratePer1000 == 5)
        #expect(abs(skaggetorp.shareOfKommun! - 20.0 / 56) < 1e-9, "andelen räknas på kommunens antal inklusive okänt område")
        #expect(figures.unknownArea.map(\.count) == [4], "brott utan DeSO står för sig, inte i något område")
        #expect(figures.totals.first?.count == 56 && figures.totals.first?.population == 10_000)
        let berga = try #require(figures.rows.first { $0.area == "Berga" })
        #expect(berga.previousCount == 0 && berga.change == nil, "ingen procentförändring mot 0")
        let early = CrimeFigures.compute(
            year: 2019, basis: .brott, counts: [CrimeCount(deso: "0580C1610", code: 1311, year: 2019, count: 3)], population: [:],
            areas: [.init(name: "Skäggetorp", deso: ["0580C1610"])], names: [:])
        #expect(early.rows[0].previousCount == nil && early.rows[0].threeYearAverage == nil, "år utan data jämförs inte")
        #expect(early.rows[0].ratePer1000 == nil && early.rows[0].name == "Brottskod 1311")
    }

    @Test("Små antal (1–4) döljs i det som delas, och ett till döljs så att det dolda inte kan räknas fram ur totalen")
    func hidesSmallCounts() {
        let hidden = Self.figures().hidingSmallCounts()
        let berga = hidden.rows.first { $0.area == "Berga" }!
        #expect(berga.count == nil && berga.hidden && berga.ratePer1000 == nil)
        #expect(hidden.unknownArea[0].hidden, "4 utan område döljs också")
        #expect(hidden.rows.first { $0.area == "Skäggetorp" }!.count == 20, "två dolda: inget behöver döljas i andra hand")
        let oneHidden = CrimeFigures.compute(
            year: 2022, basis: .brott,
            counts: [
                CrimeCount(deso: "A", code: 1, year: 2022, count: 2), CrimeCount(deso: "B", code: 1, year: 2022, count: 7),
                CrimeCount(deso: "C", code: 1, year: 2022, count: 9),
            ],
            population: [:], areas: [.init(name: "A", deso: ["A"]), .init(name: "B", deso: ["B"]), .init(name: "C", deso: ["C"])], names: [:]
        ).hidingSmallCounts()
        #expect(oneHidden.rows.map(\.count) == [nil, nil, 9], "B döljs i andra hand, annars ger 18 − 9 − 7 det dolda")
        #expect(oneHidden.totals[0].count == 18)
    }

    @Test("Datum kontrolleras på riktigt: skottdagar och månader")
    func dates() {
        #expect(CrimeExtract.isDate("2024-02-29") && !CrimeExtract.isDate("2023-02-29") && !CrimeExtract.isDate("2022-13-01"))
        #expect(!CrimeExtract.isDate("2022-1-01") && !CrimeExtract.isDate("22-01-01x"))
        #expect(CrimeExtract.namesInFiles(of: Self.linkoping).contains("linköping"))
    }

    @Test("Trenden: antal per år och område, takten mot samma års befolkning eller närmast tidigare, små antal dolda i det som delas")
    func trend() {
        let counts = [
            CrimeCount(deso: "0580C1010", code: 1311, year: 2021, count: 12), CrimeCount(deso: "0580C1010", code: 1311, year: 2022, count: 3),
            CrimeCount(deso: "0580C1020", code: 1311, year: 2022, count: 7), CrimeCount(deso: nil, code: 1311, year: 2022, count: 2),
            CrimeCount(deso: "0580C1010", code: 9999, year: 2022, count: 40),
        ]
        let population = ["0580C1010": [2021: 2_000], "0580C1020": [2021: 1_000, 2022: 1_000]]
        let areas = [CrimeFigures.Area(name: "Skäggetorp", deso: ["0580C1010"])]
        let open = CrimeTrend.compute(counts: counts, population: population, areas: areas, code: 1311, hideSmall: false)
        #expect(open.years == [2021, 2022])
        #expect(open.series[0].area == "Skäggetorp" && open.series[0].counts == [12, 3] && open.series[0].rates == [6, 1.5])
        #expect(open.series[1].area == "Hela kommunen" && open.series[1].counts == [12, 12])
        let shared = CrimeTrend.compute(counts: counts, population: population, areas: areas, code: 1311, hideSmall: true)
        #expect(shared.series[0].counts == [12, nil] && shared.series[0].rates == [6, nil])
        #expect(CrimeTrend.compute(counts: counts, population: population, areas: areas, code: nil, hideSmall: false).series[0].counts == [12, 43])
    }
}
