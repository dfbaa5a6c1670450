import Foundation
import FuzzSupport
import TryggCore

/// The lägesbild's statistics files as `trygg import crimes|population|areas|regional` and the
/// web's upload read them: Brå's result page or CSV, then a CSV table read as the police's
/// extract, SCB's population and SCB's DeSO→RegSO table, each for Linköping, and the year's
/// figures from what the extract gave.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = FuzzSupport.data(bytes, count)
    if let figures = try? RegionalStatistics.read(data) {
        _ = RegionalComparison.build(
            kommunName: "Linköpings kommun", kommunTotals: [2015: 100], figures: figures, regions: SwedishRegions.comparisons(forKommunCode: "0580"),
            crimeType: figures.first?.crimeType ?? "")
    }
    guard let table = try? CSVReader.read(data) else { return 0 }
    let kommun = Kommun(id: FuzzSupport.kommunID, slug: "linkoping", name: "Linköpings kommun", code: "0580")
    if let extract = try? CrimeExtract.read(table, kommun: kommun, knownDeso: ["0580C1610", "0580C1630"]) {
        let counts = extract.records.map { CrimeCount(deso: $0.deso, code: $0.code, year: Int($0.occurredOn.prefix(4)) ?? 0, count: $0.count) }
        _ = CrimeFigures.compute(
            year: 2022, basis: .brott, counts: counts, population: ["0580C1610": [2022: 2000]],
            areas: [.init(name: "Skäggetorp", deso: ["0580C1610", "0580C1630"])], names: [:]
        ).hidingSmallCounts()
    }
    _ = try? PopulationTable.read(table, kommun: kommun)
    _ = try? DesoRegsoTable.read(table, kommun: kommun)
    return 0
}
