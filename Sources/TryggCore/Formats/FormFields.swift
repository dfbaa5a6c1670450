import Foundation

/// The fields of an `application/x-www-form-urlencoded` body. Repeated names keep every value.
public struct FormFields: Sendable {
    private var values: [String: [String]] = [:]

    public init() {}

    public init(pairs: [(String, String)]) {
        for (name, value) in pairs { values[name, default: []].append(value) }
    }

    public init(encoded: String) {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            values[name, default: []].append(value)
        }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    public subscript(_ name: String) -> String? { values[name]?.first }

    /// The value trimmed, or "" when missing.
    public func text(_ name: String) -> String {
        (values[name]?.first ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Every name and value (names in no particular order).
    public var pairs: [(String, String)] { values.flatMap { name, list in list.map { (name, $0) } } }
}
