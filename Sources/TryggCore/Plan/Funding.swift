/// A funding note as the plan writes it ("Vinnova 2 Mkr, medfinansiärer i konsortiet", "Stöd från
/// Brå 400 000 kr"), with the amount in kronor read out where the text states one.
public struct Funding: Sendable, Equatable {
    public let text: String
    public let amountKronor: Int?

    public init(text: String) {
        self.text = text.trimmingCharacters(in: .whitespaces)
        amountKronor = Self.amount(in: self.text)
    }

    /// "2 Mkr" → 2 000 000, "400 000 kr" → 400 000, "1,5 mnkr" → 1 500 000.
    static func amount(in text: String) -> Int? {
        let words = text.lowercased().replacingOccurrences(of: "\u{00A0}", with: " ").split(separator: " ").map(String.init)
        for (index, word) in words.enumerated() {
            let unit = word.trimmingCharacters(in: .punctuationCharacters)
            let multiplier: Double
            switch unit {
            case "kr", "kronor", "sek": multiplier = 1
            case "tkr": multiplier = 1_000
            case "mkr", "mnkr", "miljoner": multiplier = 1_000_000
            default: continue
            }
            // Digits may be grouped with spaces ("400 000"): collect number words before the unit.
            var digits = ""
            var cursor = index - 1
            while cursor >= 0, words[cursor].allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }) {
                digits = words[cursor] + digits
                cursor -= 1
            }
            guard let value = Double(digits.replacingOccurrences(of: ",", with: ".")) else { continue }
            return Int((value * multiplier).rounded())
        }
        return nil
    }
}
