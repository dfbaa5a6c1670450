import FluentKit
import Foundation
import TryggCore

extension CrimeStore {
    /// Whose areas a year's figures are given for.
    public enum AreaLevel: String, Sendable, CaseIterable {
        /// The kommun's areas that are defined by DeSO codes (priority areas, RegSO).
        case omraden
        /// Every DeSO of the kommun.
        case deso
    }

    /// The kartläggning's table for a year: the stored counts of that year and the three before,
    /// the population per DeSO and the kommun's areas.
    public func figures(year: Int, basis: CrimeDateBasis, level: AreaLevel = .omraden) async throws -> CrimeFigures {
        try await figures(year: year, basis: basis, level: level, coverage: try await coverage())
    }

    /// The same, with the extracts' span the caller has read already (the page needs it to
    /// choose the year).
    public func figures(year: Int, basis: CrimeDateBasis, level: AreaLevel = .omraden, coverage: CrimeCoverage?) async throws -> CrimeFigures {
        // The four reads are independent: on PostgreSQL they run on separate connections at once.
        async let countsRead = counts(years: (year - 3)...year, basis: basis)
        async let populationRead = PopulationStore(db: db, kommunID: kommunID).totals()
        async let namesRead = codeNames()
        async let areasRead = level == .omraden ? AreaStore(db: db, kommunID: kommunID).all() : []
        let (counts, population, names) = try await (countsRead, populationRead, namesRead)
        let areas: [CrimeFigures.Area]
        switch level {
        case .omraden:
            areas = try await areasRead.filter { !$0.desoCodes.isEmpty && $0.wasInUse(in: year) }
                .map { CrimeFigures.Area(name: $0.name, deso: $0.desoCodes) }
        case .deso:
            _ = try await areasRead
            let codes = Set(population.keys).union(counts.compactMap(\.deso))
            areas = codes.sorted().map { CrimeFigures.Area(name: $0, deso: [$0]) }
        }
        return CrimeFigures.compute(
            year: year, basis: basis, counts: counts, population: population, areas: areas, names: names, coverage: coverage)
    }
}

extension CrimeStore {
    /// Every covered year's counts of one crime code (nil: all), per area with DeSO codes and for
    /// the kommun, with rates; small counts hidden when `hideSmall`.
    /// `coverage`: the extracts' span, as the caller read it for the year's table.
    public func trend(basis: CrimeDateBasis, code: Int?, hideSmall: Bool, coverage: CrimeCoverage?) async throws -> CrimeTrend {
        let years = try await years(basis: basis)
        guard let first = years.first, let last = years.last else {
            return CrimeTrend.compute(counts: [], population: [:], areas: [], code: code, hideSmall: hideSmall)
        }
        let areas = try await AreaStore(db: db, kommunID: kommunID).all().filter { !$0.desoCodes.isEmpty }
            .map { CrimeFigures.Area(name: $0.name, deso: $0.desoCodes) }
        return CrimeTrend.compute(
            counts: try await counts(years: first...last, basis: basis), population: try await PopulationStore(db: db, kommunID: kommunID).totals(),
            areas: areas, code: code, hideSmall: hideSmall, coverage: coverage)
    }
}
