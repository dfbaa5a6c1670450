import Foundation
import TryggCore

/// A line chart with a shared x axis (years), drawn as SVG so it works on screen, in print and
/// without JavaScript; the same data goes into Word as a native chart (`DocxChart`). Series
/// differ in colour and in dash pattern, so they are told apart without colour too. A missing
/// value breaks the line; a preliminary one is drawn as a hollow marker.
public struct LineChart: Sendable {
    public struct Series: Sendable {
        public let name: String
        public let values: [Double?]
        public let hollow: [Bool]

        public init(name: String, values: [Double?], hollow: [Bool] = []) {
            self.name = name
            self.values = values
            self.hollow = hollow
        }
    }

    public let title: String
    public let categories: [String]
    public let series: [Series]
    public let valueLabel: String
    /// An index around 100 reads better on an axis that does not start at zero.
    public let fromZero: Bool
    /// In Word: lines over the categories, or horizontal bars with the series stacked (shares of a whole).
    public enum Style: Sendable { case lines, stackedBars }
    public let style: Style
    /// Word colours per series (hex without #) when the series have their own, such as statuses.
    public let colours: [String]?

    public init(
        title: String, categories: [String], series: [Series], valueLabel: String, fromZero: Bool = true, style: Style = .lines,
        colours: [String]? = nil
    ) {
        self.title = title
        self.categories = categories
        self.series = series
        self.valueLabel = valueLabel
        self.fromZero = fromZero
        self.style = style
        self.colours = colours
    }

    /// Colours with at least 4.5:1 contrast on white, and a dash pattern each.
    static let styles: [(colour: String, dash: String)] = [
        ("#0b4f8a", ""), ("#b35c00", "6 3"), ("#1d5e2f", "2 3"), ("#6b2c91", "8 3 2 3"), ("#9b1c1c", "4 4"),
    ]

    public func svg() -> String {
        let left = 56.0, top = 16.0, plotWidth = 560.0, plotHeight = 220.0
        let legendRows = (series.count + 1) / 2
        let height = top + plotHeight + 40 + Double(legendRows) * 20
        let values = series.flatMap { $0.values.compactMap { $0 } }
        let (low, high, step) = Self.axis(min: values.min() ?? 0, max: values.max() ?? 100, fromZero: fromZero)
        func x(_ index: Int) -> Double { left + (categories.count > 1 ? plotWidth * Double(index) / Double(categories.count - 1) : plotWidth / 2) }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - low) / (high - low)) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(left + plotWidth + 24)) \(Int(height))\" role=\"img\" aria-label=\"\(XMLText.escaped(title))\" class=\"chart\">"
        var tick = low
        while tick <= high + step / 2 {
            svg += "<line x1=\"\(left)\" x2=\"\(left + plotWidth)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" stroke=\"#d5dbe1\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" font-size=\"12\" text-anchor=\"end\">\(SwedishNumber.integer(Int(tick.rounded())))</text>"
            tick += step
        }
        let labelEvery = max(1, categories.count / 10)
        for (index, category) in categories.enumerated() where index % labelEvery == 0 || index == categories.count - 1 {
            svg += "<text x=\"\(x(index))\" y=\"\(top + plotHeight + 18)\" font-size=\"12\" text-anchor=\"middle\">\(XMLText.escaped(category))</text>"
        }
        for (number, line) in series.enumerated() {
            let style = Self.styles[number % Self.styles.count]
            // One path per unbroken run of values: a missing year is a gap, not a fall to zero.
            var path = ""
            var drawing = false
            for (index, value) in line.values.enumerated() {
                guard let value else {
                    drawing = false
                    continue
                }
                path += (drawing ? " L" : " M") + "\(x(index)) \(y(value))"
                drawing = true
            }
            svg +=
                "<path d=\"\(path)\" fill=\"none\" stroke=\"\(style.colour)\" stroke-width=\"2.5\""
                + (style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\"") + "/>"
            for (index, value) in line.values.enumerated() {
                guard let value else { continue }
                let hollow = index < line.hollow.count && line.hollow[index]
                svg +=
                    "<circle cx=\"\(x(index))\" cy=\"\(y(value))\" r=\"3.5\" fill=\"\(hollow ? "#fff" : style.colour)\" stroke=\"\(style.colour)\" stroke-width=\"1.5\">"
                    + "<title>\(XMLText.escaped(line.name)) \(XMLText.escaped(categories[index])): \(SwedishNumber.decimal(value, places: 1))\(hollow ? " (preliminärt)" : "")</title></circle>"
            }
            let legendX = left + Double(number % 2) * 290, legendY = top + plotHeight + 34 + Double(number / 2) * 20
            svg +=
                "<line x1=\"\(legendX)\" x2=\"\(legendX + 28)\" y1=\"\(legendY)\" y2=\"\(legendY)\" stroke=\"\(style.colour)\" stroke-width=\"2.5\""
                + (style.dash.isEmpty ? "" : " stroke-dasharray=\"\(style.dash)\"") + "/>"
                + "<text x=\"\(legendX + 34)\" y=\"\(legendY + 4)\" font-size=\"12\">\(XMLText.escaped(line.name))</text>"
        }
        return svg + "</svg>"
    }

    /// A value axis with round steps that holds every value.
    static func axis(min: Double, max: Double, fromZero: Bool) -> (low: Double, high: Double, step: Double) {
        let low = fromZero ? Swift.min(0, min) : min, span = Swift.max(max - low, 1)
        let rough = span / 5, magnitude = pow(10, floor(log10(rough)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        return (floor(low / step) * step, ceil(max / step) * step, step)
    }
}
