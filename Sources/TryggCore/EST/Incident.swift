import Foundation

/// Where an event report came from.
public enum IncidentSource: String, Sendable, Codable, CaseIterable {
    case est = "est"
    case imported = "import"
    case api = "api"
    case citizen = "medborgare"

    public var displayName: String {
        switch self {
        case .est: "EST-rapport"
        case .imported: "Import"
        case .api: "API"
        case .citizen: "Medborgare"
        }
    }
}

/// How exactly the reporter knows when it happened.
public enum TimePrecision: String, Sendable, Codable, CaseIterable {
    case exact = "exakt"
    case approximate = "ungefar"
    case period = "period"

    public var displayName: String {
        switch self {
        case .exact: "Exakt tid"
        case .approximate: "Ungefärlig tid"
        case .period: "Under en period"
        }
    }
}

/// A reported EST event: something seen at a place at a time.
public struct Incident: Sendable, Equatable, Codable {
    public var id: UUID
    public var kommunID: UUID
    public var categoryID: UUID
    public var subcategory: String
    public var occurredAt: Date
    /// End of the period when `precision` is `.period`.
    public var endedAt: Date?
    public var precision: TimePrecision
    public var point: GeoPoint?
    /// The priority area the point lies in; nil means "Övriga kommunen".
    public var areaID: UUID?
    public var place: String
    public var description: String
    public var organisationID: UUID?
    public var reporterID: UUID?
    public var source: IncidentSource
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: UUID, kommunID: UUID, categoryID: UUID, subcategory: String, occurredAt: Date, endedAt: Date?,
        precision: TimePrecision, point: GeoPoint?, areaID: UUID?, place: String, description: String,
        organisationID: UUID?, reporterID: UUID?, source: IncidentSource, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.kommunID = kommunID
        self.categoryID = categoryID
        self.subcategory = subcategory
        self.occurredAt = occurredAt
        self.endedAt = endedAt
        self.precision = precision
        self.point = point
        self.areaID = areaID
        self.place = place
        self.description = description
        self.organisationID = organisationID
        self.reporterID = reporterID
        self.source = source
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a report form, the API or a CSV row says about an event, before it is checked.
public struct IncidentDraft: Sendable, Equatable {
    public var category: String
    public var subcategory: String
    public var occurredAt: String
    public var endedAt: String
    public var precision: TimePrecision
    public var latitude: String
    public var longitude: String
    public var area: String
    public var place: String
    public var description: String

    public init(
        category: String, subcategory: String = "", occurredAt: String, endedAt: String = "", precision: TimePrecision = .exact,
        latitude: String = "", longitude: String = "", area: String = "", place: String = "", description: String
    ) {
        self.category = category
        self.subcategory = subcategory
        self.occurredAt = occurredAt
        self.endedAt = endedAt
        self.precision = precision
        self.latitude = latitude
        self.longitude = longitude
        self.area = area
        self.place = place
        self.description = description
    }
}

/// A draft that passed every check, ready to be stored.
public struct CheckedIncident: Sendable, Equatable {
    public var category: IncidentCategory
    public var subcategory: String
    public var occurredAt: Date
    public var endedAt: Date?
    public var precision: TimePrecision
    public var point: GeoPoint?
    /// The area named in the draft; when nil the store finds it from the point.
    public var areaName: String
    public var place: String
    public var description: String

    public init(
        category: IncidentCategory, subcategory: String, occurredAt: Date, endedAt: Date?, precision: TimePrecision,
        point: GeoPoint?, areaName: String, place: String, description: String
    ) {
        self.category = category
        self.subcategory = subcategory
        self.occurredAt = occurredAt
        self.endedAt = endedAt
        self.precision = precision
        self.point = point
        self.areaName = areaName
        self.place = place
        self.description = description
    }
}

/// One problem with a draft, naming the field (and in imports the row) so it can be fixed.
public struct IncidentProblem: Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public var description: String { "\(field): \(message)" }

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

/// Everything wrong with a draft at once, so a form can show all of it.
public struct IncidentProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [IncidentProblem]
    public init(_ problems: [IncidentProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
