import Foundation

/// The fields of an Open311 `POST requests` body (`application/x-www-form-urlencoded`), in
/// Open311's own conventions: repeated names keep every value and `attribute[code][]` names stay
/// as sent for `Open311Input`. Trygg's own forms are read with Hummingbird's form decoder into a
/// type per form (`TryggWeb/Views/FormInput.swift`); the CSRF middleware keeps their pairs here
/// for the checks that concern every field.
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

    /// Every value sent under `name` (checkboxes send one per ticked box).
    public func all(_ name: String) -> [String] { values[name] ?? [] }

    /// Every name and value (names in no particular order).
    public var pairs: [(String, String)] { values.flatMap { name, list in list.map { (name, $0) } } }
}
