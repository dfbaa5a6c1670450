import Foundation

/// Weights from SCB's population per DeSO as Trygg already holds it (the lägesbild's import in
/// long form, by kön and age), instead of a file: each survey area sums the DeSO the kommun's area
/// of that name is made of, "Övriga kommunen" the rest; an area without DeSO codes is left out. SCB's age bands seldom match the survey's
/// (15–19 against 16–24), so a band is split in proportion to the years it shares with each survey
/// band, as if ages were even within it; ages under 16 fall outside every band.
extension SurveyWeights {
    /// One SCB figure: inhabitants of a DeSO of one gender in one age band ("15-19", "65+", "17").
    public struct PopulationCell: Sendable, Equatable {
        public let deso: String
        public let gender: String
        public let age: String
        public let count: Int

        public init(deso: String, gender: String, age: String, count: Int) {
            self.deso = deso
            self.gender = gender
            self.age = age
            self.count = count
        }
    }

    /// The oldest age an open band ("65+") is taken to reach.
    static let oldest = 105

    /// `areas` maps the kommun's area names to their DeSO codes; `cells` is one year's figures.
    public static func fromPopulation(
        _ cells: [PopulationCell], areas: [String: Set<String>], for survey: Survey, year: Int
    ) -> Result<SurveyWeights, ImportFailure> {
        var problems: [String] = []
        let named = survey.areas.filter { $0 != SurveyBackground.otherArea }
        // An area without DeSO codes gets no population, as an area left out of a file does.
        let missing = named.filter { (areas[$0] ?? []).isEmpty }
        if missing.count == named.count && !named.isEmpty {
            problems.append("Enkätens områden har inga DeSO-koder i Trygg; ge dem DeSO-koder under Områden eller ladda upp en fil.")
        }
        let detailed = cells.filter { genders.contains($0.gender) && $0.age != "alla" }
        if detailed.isEmpty {
            problems.append(
                "Befolkning per kön och ålder för \(year) saknas. Importera SCB:s tabell i lång form (deso,year,kon,alder,antal) under Lägesbild → Brott, eller ladda upp en fil."
            )
        }
        guard problems.isEmpty else { return .failure(ImportFailure(problems.map { ImportProblem(line: nil, column: nil, message: $0) })) }
        var areaOf: [String: String] = [:]
        for area in named { for deso in areas[area] ?? [] { areaOf[deso] = area } }
        let other = survey.areas.contains(SurveyBackground.otherArea) ? SurveyBackground.otherArea : nil
        var shares: [String: Double] = [:]
        for cell in detailed {
            guard let area = areaOf[cell.deso] ?? other, let (low, high) = bounds(cell.age) else { continue }
            let years = Double(high - low + 1)
            for band in SurveyBackground.ageBands {
                guard let (bandLow, bandHigh) = bounds(band.code) else { continue }
                let shared = min(high, bandHigh) - max(low, bandLow) + 1
                if shared > 0 { shares[key(area, cell.gender, band.code), default: 0] += Double(cell.count) * Double(shared) / years }
            }
        }
        var population: [String: Int] = [:]
        for area in survey.areas where shares.keys.contains(where: { $0.hasPrefix(area + "|") }) {
            for gender in genders {
                for band in SurveyBackground.ageBands { population[key(area, gender, band.code)] = Int(shares[key(area, gender, band.code)] ?? 0) }
            }
        }
        guard population.values.reduce(0, +) > 0 else {
            return .failure(
                ImportFailure([ImportProblem(line: nil, column: nil, message: "Befolkningen \(year) har ingen invånare 16 år eller äldre i enkätens områden.")])
            )
        }
        let without = missing.isEmpty ? "" : " (utan \(missing.joined(separator: ", ")): inga DeSO-koder)"
        return .success(SurveyWeights(population: population, source: "SCB:s befolkning per DeSO \(year) i Trygg" + without))
    }

    /// "15-19" → (15, 19); "65+" → (65, 105); "17" → (17, 17).
    static func bounds(_ band: String) -> (Int, Int)? {
        if band.hasSuffix("+"), let low = Int(band.dropLast()) { return (low, max(low, oldest)) }
        let parts = band.split(separator: "-").compactMap { Int($0) }
        if parts.count == 2, parts[0] <= parts[1] { return (parts[0], parts[1]) }
        if parts.count == 1, !band.contains("-") { return (parts[0], parts[0]) }
        return nil
    }
}
