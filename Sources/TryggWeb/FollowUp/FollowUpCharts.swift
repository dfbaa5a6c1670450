import TryggCore

/// Stacked horizontal bars of status counts, drawn as SVG so they work on screen, in print
/// and without JavaScript. Colours are told apart by pattern-free contrast and a legend; every
/// colour carries a white count at 4.5:1 or more.
enum FollowUpCharts {
    static let colours: [(FollowUpStatus?, String, String)] = [
        (.pagaende, "#1d5e2f", "Pågående"), (.paborjad, "#b35c00", "Påbörjad"), (.ejPaborjad, "#9b1c1c", "Ej påbörjad"),
        (nil, "#656d75", "Ej besvarad"),
    ]

    static func bars(_ rows: [(label: String, counts: FollowUpSummary.Counts)], title: String) -> String {
        let labelWidth = 230.0, barWidth = 420.0, rowHeight = 26.0
        let height = Double(rows.count) * rowHeight + 40
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(labelWidth + barWidth + 60)) \(Int(height))\" role=\"img\" aria-label=\"\(title.htmlEscaped)\" class=\"chart\">"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight
            svg += "<text x=\"0\" y=\"\(y + 17)\" font-size=\"13\">\(row.label.htmlEscaped)</text>"
            var x = labelWidth
            for (status, colour, name) in colours {
                let count = row.counts[status]
                guard count > 0, row.counts.total > 0 else { continue }
                let width = barWidth * Double(count) / Double(row.counts.total)
                svg += "<rect x=\"\(x)\" y=\"\(y + 4)\" width=\"\(width)\" height=\"18\" fill=\"\(colour)\"><title>\(name): \(count)</title></rect>"
                if width > 22 {
                    svg += "<text x=\"\(x + width / 2)\" y=\"\(y + 17)\" class=\"on-bar\" text-anchor=\"middle\">\(count)</text>"
                }
                x += width
            }
            svg += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 17)\" font-size=\"12\">\(row.counts.total)</text>"
        }
        var legendX = 0.0
        let legendY = Double(rows.count) * rowHeight + 14
        for (_, colour, name) in colours {
            svg +=
                "<rect x=\"\(legendX)\" y=\"\(legendY)\" width=\"12\" height=\"12\" fill=\"\(colour)\"/><text x=\"\(legendX + 16)\" y=\"\(legendY + 11)\" font-size=\"12\">\(name)</text>"
            legendX += 120
        }
        return svg + "</svg>"
    }
}
