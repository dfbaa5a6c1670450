import Foundation

extension IncidentDraft {
    /// The body of `POST /api/v1/incidents`: a JSON object whose values may be strings or numbers
    /// (a latitude may come as `58.4` or `"58,4"`); anything else counts as absent and is reported
    /// by `IncidentRules` per field. Nil when the body is not a JSON object at all.
    public init?(json data: Data) {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        func text(_ key: String) -> String {
            switch object[key] {
            case let value as String: value
            case let value as NSNumber: value.stringValue
            default: ""
            }
        }
        self.init(
            category: text("category"), subcategory: text("subcategory"), occurredAt: text("occurred_at"),
            endedAt: text("ended_at"), precision: TimePrecision(rawValue: text("precision")) ?? .exact,
            latitude: text("latitude"), longitude: text("longitude"), area: text("area"), place: text("place"),
            description: text("description"))
    }
}
