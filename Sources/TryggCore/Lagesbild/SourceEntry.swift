import Foundation

/// One entry of the lägesbild's source register ("annan information", Brå's method): what a
/// source is, who owns it, the period and method, its limitations, and whether it is used —
/// or left out, and why (e.g. "skolenkät ej genomförd 2024").
public struct SourceEntry: Sendable, Equatable, Codable {
    public var id: UUID
    public var name: String
    public var owner: String
    public var period: String
    public var method: String
    public var limitations: String
    public var included: Bool
    /// Why the source is left out; empty when it is included.
    public var reason: String

    public init(id: UUID, name: String, owner: String, period: String, method: String, limitations: String, included: Bool, reason: String) {
        self.id = id
        self.name = name
        self.owner = owner
        self.period = period
        self.method = method
        self.limitations = limitations
        self.included = included
        self.reason = reason
    }

    /// The problems of an entry as typed in a form, in the order of its fields; empty when it may be saved.
    public func problems() -> [String] {
        var problems: [String] = []
        let limits: [(String, String, ClosedRange<Int>)] = [
            ("Namnet", name, 1...200), ("Ägaren", owner, 0...200), ("Perioden", period, 0...100), ("Metoden", method, 0...2_000),
            ("Begränsningarna", limitations, 0...2_000), ("Skälet", reason, 0...1_000),
        ]
        for (label, text, range) in limits {
            if let message = TextInput.message(for: text, field: label) {
                problems.append(message)
            } else if !range.contains(text.count) {
                problems.append(
                    range.lowerBound > 0
                        ? "\(label) måste ha \(range.lowerBound)–\(range.upperBound) tecken." : "\(label) får ha högst \(range.upperBound) tecken.")
            }
        }
        if !included && reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("Ange varför källan inte används (t.ex. ”skolenkät ej genomförd 2024”).")
        }
        return problems
    }
}
