/// A trend over the months of a period against the same months a year earlier. The change is
/// computed only over months where both years have data in the kommun and the month is over:
/// a year without events is not a baseline (it made "+1993 %"), and the running month is not a
/// fall to zero.
public struct MonthTrend: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let label: String
        /// Per month of the period; nil for a month that has not begun.
        public let counts: [Int?]
        public let total: Int
        /// Over the comparable months only; nil when there are none.
        public let comparedTotal: Int?
        public let comparedPrevious: Int?

        /// The change in per cent over the comparable months; nil without a baseline.
        public var change: Double? {
            guard let comparedTotal, let comparedPrevious, comparedPrevious > 0 else { return nil }
            return Double(comparedTotal - comparedPrevious) / Double(comparedPrevious)
        }
    }

    /// Months of the period as keys YYYYMM, and the same months a year earlier.
    public let keys: [Int]
    /// The month now running (YYYYMM): drawn as partial, never compared.
    public let currentMonth: Int
    /// Indexes into `keys` of the months compared with the year before.
    public let comparable: [Int]

    /// `kommunTotals`: events per month key in the whole kommun, which decides where data exist.
    public init(keys: [Int], currentMonth: Int, kommunTotals: [Int: Int]) {
        self.keys = keys
        self.currentMonth = currentMonth
        comparable = keys.indices.filter { index in
            let key = keys[index]
            return key < currentMonth && (kommunTotals[key] ?? 0) > 0 && (kommunTotals[key - 100] ?? 0) > 0
        }
    }

    /// A row from one series' counts per month key (this period and the year before).
    public func row(_ label: String, counts: [Int: Int]) -> Row {
        let perMonth = keys.map { $0 > currentMonth ? nil : counts[$0] ?? 0 }
        let compared = comparable.isEmpty ? nil : comparable.map { counts[keys[$0]] ?? 0 }.reduce(0, +)
        let previous = comparable.isEmpty ? nil : comparable.map { counts[keys[$0] - 100] ?? 0 }.reduce(0, +)
        return Row(label: label, counts: perMonth, total: perMonth.compactMap { $0 }.reduce(0, +), comparedTotal: compared, comparedPrevious: previous)
    }

    /// In words: which months the change is computed over.
    public var basisText: String {
        if comparable.isEmpty { return "Ingen förändring visas: inga avslutade månader har uppgifter både i år och året före." }
        if comparable.count == keys.count { return "Förändringen jämför samma månader året före." }
        return "Förändringen jämför bara de \(comparable.count) avslutade månader som har uppgifter både i år och året före."
    }
}
