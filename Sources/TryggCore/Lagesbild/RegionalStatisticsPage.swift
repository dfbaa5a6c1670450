import Foundation

/// Brå's SOL result page, read as the table it is: a heading row of periods, then per region a
/// row with the region's name (`axis="region"`) and below it one row per crime type with one
/// cell per period. Only table cells are read, never scripts or links.
extension RegionalStatistics {
    struct Cell {
        let header: Bool
        let attributes: String
        let text: String
    }

    static func page(_ html: String) throws(ImportFailure) -> [RegionalFigure] {
        var periods: [(text: String, year: Int, preliminary: Bool)] = []
        var region: String?
        var figures: [RegionalFigure] = []
        for (index, row) in rows(html).enumerated() {
            let headers = row.filter(\.header), values = row.filter { !$0.header }
            if periods.isEmpty {
                let parsed = headers.compactMap { cell in Self.period(cell.text).map { (cell.text, $0.year, $0.preliminary) } }
                if !parsed.isEmpty, parsed.count == headers.count { periods = parsed }
                continue
            }
            guard let heading = headers.first, !heading.text.isEmpty else { continue }
            let label = heading.text
            let isRegion = heading.attributes.lowercased().contains("axis=\"region\"")
            let numbers = values.map(\.text)
            if isRegion { region = label }
            // A region row carries numbers itself when the page has one crime type only.
            guard numbers.contains(where: { !$0.isEmpty }) else { continue }
            guard let region else { throw failure("Tabellen saknar region före raden \"\(label)\".", line: index + 1) }
            guard numbers.count == periods.count else {
                throw failure("Raden \"\(label)\" har \(numbers.count) värden men tabellen \(periods.count) perioder.")
            }
            for (period, raw) in zip(periods, numbers) {
                guard let value = Self.value(raw) else { throw failure("\(region), \(label), \(period.text): \"\(raw)\" är inget antal.") }
                figures.append(
                    RegionalFigure(
                        region: region, crimeType: isRegion ? "Anmälda brott" : label, year: period.year, period: period.text,
                        preliminary: period.preliminary, value: value.count))
            }
        }
        guard !periods.isEmpty else { throw failure("Sidan har ingen rad med år (t.ex. 2015, 2016 prel.); är det en resultatsida från Brå?") }
        return figures
    }

    /// The table rows of the page, each as its `th`/`td` cells in order.
    static func rows(_ html: String) -> [[Cell]] {
        var rows: [[Cell]] = []
        var current: [Cell]?
        var rest = html[...]
        while let open = rest.range(of: "<", options: .literal) {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ">") else { break }
            let tag = rest[..<close]
            rest = rest[rest.index(after: close)...]
            let name = tag.prefix { $0.isLetter }.lowercased()
            switch name {
            case "tr":
                if let current { rows.append(current) }
                current = []
            case "th", "td":
                // The cell's text runs to its closing tag; tags inside it (a <br>, a <span>) are dropped.
                let end = rest.range(of: "</\(name)", options: .caseInsensitive)?.lowerBound ?? rest.endIndex
                let text = plainText(rest[..<end])
                current?.append(Cell(header: name == "th", attributes: String(tag.dropFirst(2)), text: text))
                rest = rest[end...]
            default:
                continue
            }
        }
        if let current { rows.append(current) }
        return rows
    }

    static let entities: [String: String] = [
        "nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "auml": "ä", "ouml": "ö", "aring": "å",
        "Auml": "Ä", "Ouml": "Ö", "Aring": "Å", "eacute": "é", "ndash": "–",
    ]

    /// A cell's inner HTML as text: tags removed, entities decoded, spaces collapsed.
    static func plainText(_ html: Substring) -> String {
        var text = ""
        var inTag = false
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
            } else if character == "&", let semicolon = html[index...].prefix(10).firstIndex(of: ";") {
                let name = String(html[html.index(after: index)..<semicolon])
                if let decoded = entity(name) {
                    text += decoded
                    index = html.index(after: semicolon)
                    continue
                }
                text.append(character)
            } else {
                text.append(character)
            }
            index = html.index(after: index)
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
    }

    static func entity(_ name: String) -> String? {
        if let named = entities[name] { return named }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let code = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return code.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
}
