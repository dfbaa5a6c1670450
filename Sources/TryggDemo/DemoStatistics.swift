import Foundation
import TryggCore
import TryggStore

/// The demo's kartläggning: a synthetic extract in the police's format and synthetic population
/// for Linköping, 2019–2024: the DeSO of its three priority areas, and as many more for the rest
/// of the kommun, so that "hela kommunen" has the kommun's size (about 167,000 people, as SCB's
/// table gives for 2023) and a lower rate than the priority areas. The shape follows what such
/// extracts show — fires and car fires every year, and in April 2022 a few days of riots in
/// Skäggetorp with many sabotage, riot and violence-against-police reports — but every row is
/// generated here, and the rest of the kommun's DeSO codes are made up for the demo.
enum DemoStatistics {
    static let crimeNames: [Int: String] = [
        1210: "Skadegörelse, genom brand (ej på motorfordon)",
        1211: "Skadegörelse, bilbrand eller brand på annat motorfordon (ej mordbrand, 1301)",
        1311: "Sabotage mot blåljusverksamhet inkl. grovt",
        1615: "Övriga brott mot 16 kap. BrB",
        1701: "Våld mot tjänsteman",
    ]

    /// Reports per year and code in a district of average exposure; Skäggetorp gets twice as many.
    static let yearly: [Int: Int] = [1210: 4, 1211: 3, 1311: 1, 1615: 0, 1701: 2]

    /// Reports per year and code in all the rest of the kommun together: more people, fewer per person.
    static let yearlyElsewhere: [Int: Int] = [1210: 14, 1211: 9, 1311: 1, 1615: 0, 1701: 7]

    /// DeSO for the rest of the kommun, made up (`0580A0010`, `0580A0020` …), about 1,700 people each.
    static let otherDesoCount = 80

    static func seed(_ database: TryggDatabase, kommun: Kommun) async throws {
        let areas = DemoAreas.all.filter { $0.kommunSlug == kommun.slug && !$0.desoCodes.isEmpty }
        guard !areas.isEmpty else { return }
        var random = SplitMix64(seed: 2023)
        var population: [PopulationCount] = []
        for area in areas {
            for deso in area.desoCodes {
                let base = 1_600 + Int(random.unit() * 900)
                for year in 2019...2024 { population.append(PopulationCount(deso: deso, year: year, count: base + (year - 2019) * 15)) }
            }
        }
        let elsewhere = (1...otherDesoCount).map { String(format: "%@A%04d", kommun.code, $0 * 10) }
        for deso in elsewhere {
            let base = 1_400 + Int(random.unit() * 600)
            for year in 2019...2024 { population.append(PopulationCount(deso: deso, year: year, count: base + (year - 2019) * 12)) }
        }
        let people = PopulationTable.Result(
            counts: population, skippedRows: 0, years: Array(2019...2024), desoCount: Set(population.map(\.deso)).count)
        let actor = Actor.commandLine(kommunID: kommun.id)
        try await PopulationStore(KommunScope(database, kommunID: kommun.id)).importCounts(people, fileName: "demo-befolkning.csv", by: actor)

        var records: [CrimeRecord] = []
        func add(_ code: Int, on day: String, deso: String?) {
            // The police register most reports the same day, some a few days later.
            let registered = random.unit() < 0.8 ? day : SwedishTime.date(SwedishTime.startOfDay(day)!.addingTimeInterval(86_400 * 3))
            records.append(
                CrimeRecord(
                    policeID: Int64(100_000 + records.count), code: code, name: crimeNames[code]!, reportedOn: registered, occurredOn: day,
                    deso: deso, count: 1))
        }
        func randomDay(_ year: Int) -> String {
            let month = 1 + Int(random.unit() * 12), day = 1 + Int(random.unit() * 28)
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        for year in 2019...2024 {
            for area in areas {
                let factor = area.name == "Skäggetorp" ? 2.0 : 1.0
                for (code, mean) in yearly.sorted(by: { $0.key < $1.key }) {
                    let count = Int((Double(mean) * factor * (0.6 + random.unit() * 0.8)).rounded())
                    for _ in 0..<count { add(code, on: randomDay(year), deso: area.desoCodes[Int(random.unit() * Double(area.desoCodes.count))]) }
                }
            }
            for (code, mean) in yearlyElsewhere.sorted(by: { $0.key < $1.key }) {
                let count = Int((Double(mean) * (0.7 + random.unit() * 0.6)).rounded())
                for _ in 0..<count { add(code, on: randomDay(year), deso: elsewhere[Int(random.unit() * Double(elsewhere.count))]) }
            }
            for _ in 0..<2 { add(1210, on: randomDay(year), deso: nil) }
        }
        // 14–17 April 2022 in Skäggetorp.
        if let skaggetorp = areas.first(where: { $0.name == "Skäggetorp" }) {
            for (code, count) in [(1311, 55), (1615, 35), (1701, 40), (1211, 4)] {
                for index in 0..<count {
                    add(code, on: "2022-04-\(14 + index % 4)", deso: skaggetorp.desoCodes[index % skaggetorp.desoCodes.count])
                }
            }
        }
        let extract = CrimeExtract.Result(
            records: records, skipped: [:], reportedFrom: records.map(\.reportedOn).min(), reportedTo: records.map(\.reportedOn).max())
        _ = try await CrimeStore(KommunScope(database, kommunID: kommun.id)).importExtract(extract, fileName: "demo-polisen-deso.csv", by: actor)
    }
}
