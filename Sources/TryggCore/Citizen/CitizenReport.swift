import Foundation

/// Where a resident's report stands. Nothing is public before a samordnare has reviewed it.
public enum CitizenReportStatus: String, Sendable, Codable, CaseIterable {
    case received = "inkommen"
    case approved = "publicerad"
    case closed = "avslutad"
    case rejected = "avvisad"
    case duplicate = "dubblett"

    public var displayName: String {
        switch self {
        case .received: "Inkommen, väntar på granskning"
        case .approved: "Publicerad"
        case .closed: "Avslutad"
        case .rejected: "Avvisad"
        case .duplicate: "Dubblett"
        }
    }

    /// Shown on the public map, the public figures and in Open311.
    public var isPublic: Bool { self == .approved || self == .closed }

    /// Open311 knows only `open` and `closed`.
    public var open311Status: String { self == .closed ? "closed" : "open" }
}

/// When in the day a place feels unsafe.
public enum TimeOfDay: String, Sendable, Codable, CaseIterable {
    case morning = "morgon"
    case day = "dag"
    case evening = "kvall"
    case night = "natt"

    public var displayName: String {
        switch self {
        case .morning: "Morgon (06–10)"
        case .day: "Dag (10–17)"
        case .evening: "Kväll (17–22)"
        case .night: "Natt (22–06)"
        }
    }
}

/// Weekdays as residents name them; stored as ISO numbers 1 (Monday) … 7.
public enum Weekdays {
    public static let names = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
    public static let codes = ["man", "tis", "ons", "tor", "fre", "lor", "son"]
}

/// The reporter's gender, optional, for the gender perspective of the safety work.
public enum ReporterGender: String, Sendable, Codable, CaseIterable {
    case woman = "kvinna"
    case man = "man"
    case other = "annat"

    public var displayName: String {
        switch self {
        case .woman: "Kvinna"
        case .man: "Man"
        case .other: "Annat"
        }
    }
}

/// Age bands as Swedish safety surveys use them.
public enum AgeBand: String, Sendable, Codable, CaseIterable {
    case under16 = "under-16"
    case from16to19 = "16-19"
    case from20to29 = "20-29"
    case from30to44 = "30-44"
    case from45to64 = "45-64"
    case from65 = "65-"

    public var displayName: String {
        switch self {
        case .under16: "Under 16 år"
        case .from16to19: "16–19 år"
        case .from20to29: "20–29 år"
        case .from30to44: "30–44 år"
        case .from45to64: "45–64 år"
        case .from65: "65 år eller äldre"
        }
    }
}

/// How the report came in.
public enum CitizenChannel: String, Sendable, Codable {
    case web = "webb"
    case open311 = "open311"
}

/// A resident's report of an unsafe place.
public struct CitizenReport: Sendable, Equatable {
    public var id: UUID
    public var kommunID: UUID
    /// The public number (Open311 `service_request_id`), given when the report is approved.
    public var publicNumber: Int?
    public var categoryID: UUID
    public var point: GeoPoint?
    public var areaID: UUID?
    public var place: String
    public var description: String
    public var timesOfDay: [TimeOfDay]
    /// ISO weekday numbers, 1 = Monday.
    public var weekdays: [Int]
    public var gender: ReporterGender?
    public var ageBand: AgeBand?
    /// Contact details: optional, never public, deleted after the kommun's retention period.
    public var email: String?
    public var contactName: String?
    public var mediaURL: String
    public var status: CitizenReportStatus
    /// The kommun's answer, shown to the reporter and (once public) as Open311 `status_notes`.
    public var answer: String
    public var rejectReason: String
    public var duplicateOf: UUID?
    public var channel: CitizenChannel
    public var submittedAt: Date
    public var updatedAt: Date
    public var contactDeleteAfter: Date?
    /// The EST event the report became when it was approved.
    public var incidentID: UUID?
    public var insatsID: UUID?

    public init(
        id: UUID, kommunID: UUID, publicNumber: Int?, categoryID: UUID, point: GeoPoint?, areaID: UUID?, place: String,
        description: String, timesOfDay: [TimeOfDay], weekdays: [Int], gender: ReporterGender?, ageBand: AgeBand?,
        email: String?, contactName: String?, mediaURL: String, status: CitizenReportStatus, answer: String,
        rejectReason: String, duplicateOf: UUID?, channel: CitizenChannel, submittedAt: Date, updatedAt: Date,
        contactDeleteAfter: Date?, incidentID: UUID?, insatsID: UUID?
    ) {
        self.id = id
        self.kommunID = kommunID
        self.publicNumber = publicNumber
        self.categoryID = categoryID
        self.point = point
        self.areaID = areaID
        self.place = place
        self.description = description
        self.timesOfDay = timesOfDay
        self.weekdays = weekdays
        self.gender = gender
        self.ageBand = ageBand
        self.email = email
        self.contactName = contactName
        self.mediaURL = mediaURL
        self.status = status
        self.answer = answer
        self.rejectReason = rejectReason
        self.duplicateOf = duplicateOf
        self.channel = channel
        self.submittedAt = submittedAt
        self.updatedAt = updatedAt
        self.contactDeleteAfter = contactDeleteAfter
        self.incidentID = incidentID
        self.insatsID = insatsID
    }

    public var hasContact: Bool { email != nil || contactName != nil }

    /// The location the public sees: the centre of the 100 m square the point lies in.
    public var publicPoint: GeoPoint? { point.map(PublicLocation.rounded) }
}

/// Rounds a location to the centre of its 100 m square in SWEREF 99 TM, so a public pin cannot
/// point at one house or one door.
public enum PublicLocation {
    public static let cellMetres = 100.0

    public static func rounded(_ point: GeoPoint) -> GeoPoint {
        let grid = Sweref99TM.fromWGS84(point)
        let easting = (grid.easting / cellMetres).rounded(.down) * cellMetres + cellMetres / 2
        let northing = (grid.northing / cellMetres).rounded(.down) * cellMetres + cellMetres / 2
        let centre = Sweref99TM.toWGS84(easting: easting, northing: northing)
        // Five decimals are about a metre: more would only suggest a precision that is not there.
        return GeoPoint(
            latitude: (centre.latitude * 100_000).rounded() / 100_000,
            longitude: (centre.longitude * 100_000).rounded() / 100_000)
    }
}

/// The rectangle a kommun accepts reports in. Municipal borders are not rectangles, so this is
/// a plausibility check (a pin in Stockholm is a mistake), not a border test.
public struct KommunBounds: Sendable, Equatable, Codable {
    public var minLatitude: Double
    public var maxLatitude: Double
    public var minLongitude: Double
    public var maxLongitude: Double

    public init(minLatitude: Double, maxLatitude: Double, minLongitude: Double, maxLongitude: Double) {
        self.minLatitude = minLatitude
        self.maxLatitude = maxLatitude
        self.minLongitude = minLongitude
        self.maxLongitude = maxLongitude
    }

    public func contains(_ point: GeoPoint) -> Bool {
        (minLatitude...maxLatitude).contains(point.latitude) && (minLongitude...maxLongitude).contains(point.longitude)
    }

    /// Without configured bounds: the areas' extent widened by `marginKilometres` on every side.
    public static func around(_ shapes: [AreaShape], marginKilometres: Double = 15) -> KommunBounds? {
        let points = shapes.flatMap { $0.polygons.flatMap { $0.outer } }
        guard let first = points.first else { return nil }
        var bounds = KommunBounds(
            minLatitude: first.latitude, maxLatitude: first.latitude,
            minLongitude: first.longitude, maxLongitude: first.longitude)
        for point in points {
            bounds.minLatitude = min(bounds.minLatitude, point.latitude)
            bounds.maxLatitude = max(bounds.maxLatitude, point.latitude)
            bounds.minLongitude = min(bounds.minLongitude, point.longitude)
            bounds.maxLongitude = max(bounds.maxLongitude, point.longitude)
        }
        let latMargin = marginKilometres / 111.0
        let lonMargin = marginKilometres / (111.0 * cos(bounds.minLatitude * .pi / 180))
        return KommunBounds(
            minLatitude: bounds.minLatitude - latMargin, maxLatitude: bounds.maxLatitude + latMargin,
            minLongitude: bounds.minLongitude - lonMargin, maxLongitude: bounds.maxLongitude + lonMargin)
    }

    /// Approximate rectangles around the demo kommuner (their borders, not only the city).
    public static let linkoping = KommunBounds(minLatitude: 58.13, maxLatitude: 58.62, minLongitude: 15.15, maxLongitude: 16.05)
    public static let norrkoping = KommunBounds(minLatitude: 58.35, maxLatitude: 58.80, minLongitude: 15.70, maxLongitude: 16.95)
}

extension Array where Element == CitizenReport {
    /// The reports per priority area, in the areas' order, and last those outside every area
    /// ("Övriga kommunen"), as the public page and the staff figures show them.
    public func byArea(_ areas: [Area]) -> [(name: String, reports: [CitizenReport])] {
        let groups: [(String, UUID?)] = areas.map { ($0.name, $0.id) } + [(WeekSummary.restOfKommun, nil)]
        return groups.map { name, id in (name, filter { $0.areaID == id }) }
    }
}
