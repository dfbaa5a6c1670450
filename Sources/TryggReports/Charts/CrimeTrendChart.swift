import TryggCore

extension LineChart {
    /// The trend as lines per area: rates per 1,000 inhabitants where any population is known,
    /// else counts; a hidden small count is a gap in its line.
    public init(trend: CrimeTrend, title: String) {
        let rates = trend.hasRates
        self.init(
            title: title, categories: trend.years.map(String.init),
            series: trend.series.map { Series(name: $0.area, values: rates ? $0.rates : $0.counts.map { $0.map(Double.init) }) },
            valueLabel: rates ? "Per 1 000 invånare" : "Antal")
    }
}
