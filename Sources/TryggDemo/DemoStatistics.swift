import Foundation
import TryggCore
import TryggStore

/// The demo's kartläggning: a synthetic extract in the police's format and synthetic population
/// for the DeSO of Linköping's three priority areas, 2019–2024. The shape follows what such
/// extracts show — fires and car fires every year, and in April 2022 a few days of riots in
/// Skäggetorp with many sabotage, riot and violence-against-police reports — but every row is
/// generated here. The demo's extract covers only these three districts and crimes the police
/// could not place, so "hela kommunen" means those.
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
