import Foundation

/// Numbers as Swedish text: decimal comma, a space between thousands, a minus sign (U+2212).
public enum SwedishNumber {
    /// A position as people read it in Swedish: "58,41234° N, 15,62345° Ö" (decimal commas, so
    /// the comma between the two needs the compass letters to be unambiguous).
    public static func coordinate(latitude: Double, longitude: Double) -> String {
        "\(decimal(abs(latitude), places: 5))° \(latitude < 0 ? "S" : "N"), \(decimal(abs(longitude), places: 5))° \(longitude < 0 ? "V" : "Ö")"
    }

    public static func decimal(_ value: Double, places: Int = 1) -> String {
        let text = String(format: "%.\(places)f", abs(value)).replacingOccurrences(of: ".", with: ",")
        let parts = text.split(separator: ",", maxSplits: 1)
        let grouped = integer(Int(parts[0]) ?? 0)
        let rounded = (value * pow(10, Double(places))).rounded()
        return (value < 0 && rounded != 0 ? "−" : "") + grouped + (parts.count > 1 ? "," + parts[1] : "")
    }

    public static func integer(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append("\u{00A0}") }
            out.append(digit)
        }
        return (value < 0 ? "−" : "") + out
    }

    /// A change with its sign: "+3", "−1" (minus sign, U+2212), "0".
    public static func signed(_ value: Int) -> String { (value > 0 ? "+" : "") + integer(value) }

    /// A share 0–1 as a percentage, e.g. 0.064 → "6,4 %"; a change with its sign, e.g. "+12 %".
    public static func percent(_ share: Double, places: Int = 1, signed: Bool = false) -> String {
        (signed && share > 0 ? "+" : "") + decimal(share * 100, places: places) + "\u{00A0}%"
    }
}
