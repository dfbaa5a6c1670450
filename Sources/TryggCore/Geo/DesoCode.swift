/// SCB's DeSO code (demografiskt statistikområde), e.g. `0580C1160`: the kommunkod, a letter for
/// the kind of area (A rural, B town, C central town) and four digits.
public enum DesoCode {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// Parses a list separated by commas, semicolons, spaces or line breaks, and checks that every
    /// code belongs to the given kommun.
    public static func parseList(_ text: String, kommunCode: String) throws(Problem) -> [String] {
        let separators: Set<Character> = [",", ";", " ", "\n", "\r", "\t"]
        let codes = text.split(whereSeparator: { separators.contains($0) }).map { $0.uppercased() }
        var invalid: [String] = []
        var result: [String] = []
        for code in codes {
            if !isWellFormed(code) {
                invalid.append("\"\(code)\" är ingen DeSO-kod (form: 0580C1160)")
            } else if !code.hasPrefix(kommunCode) {
                invalid.append("\(code) hör inte till kommunkod \(kommunCode)")
            } else if !result.contains(code) {
                result.append(code)
            }
        }
        if !invalid.isEmpty { throw Problem(description: invalid.joined(separator: "; ") + ".") }
        return result
    }

    public static func isWellFormed(_ code: String) -> Bool {
        let chars = Array(code.utf8)
        guard chars.count == 9 else { return false }
        let digits = { (i: Int) in chars[i] >= 48 && chars[i] <= 57 }
        return (0..<4).allSatisfy(digits) && [65, 66, 67].contains(chars[4]) && (5..<9).allSatisfy(digits)
    }
}
