import TryggCore

extension LineChart {
    /// The trend as lines per area: rates per 1,000 inhabitants where any population is known,
    /// else counts; a hidden small count is a gap in its line.
    public init(trend: CrimeTrend, title: String) {
        let rates = trend.hasRates
        self.init(
            title: title, categories: trend.years.map(String.init),
            series: trend.series.enumerated().map { position, series in
                let values = rates ? series.rates : series.counts.map { $0.map(Double.init) }
                // The kommun's line (the last) holds in a year of crimes without DeSO; the areas' do not.
                let isArea = position < trend.series.count - 1
                return Series(
                    name: series.area,
                    values: zip(trend.years, values).map { year, value in
                        trend.partialYears.contains(year) || (isArea && trend.poorlyPlacedYears.contains(year)) ? nil : value
                    })
            },
            valueLabel: rates ? "Per 1 000 invånare" : "Antal")
    }
}
