import Foundation

/// A trygghetsvandring (Boverket's and Tryggare Sverige's method): planned with a förmöte, walked
/// along a route with a checklist, its observations analysed for causes, measures decided with an
/// owner and a due date, followed by an uppföljningsvandring, and its protocol published.
/// Residents take part as groups; no resident's name is ever stored.
public struct SafetyWalk: Sendable, Equatable {
    public enum Light: String, Sendable, CaseIterable {
        case daylight = "dagsljus"
        case dark = "morker"

        public var displayName: String { self == .daylight ? "I dagsljus" : "När det är mörkt" }
    }

    public enum Group: String, Sendable, CaseIterable, Codable {
        case boende, unga, kvinnor, fastighetsagare, foreningar, personal

        public var displayName: String {
            switch self {
            case .boende: "Boende"
            case .unga: "Unga"
            case .kvinnor: "Kvinnogrupper"
            case .fastighetsagare: "Fastighetsägare"
            case .foreningar: "Föreningar"
            case .personal: "Kommunens personal"
            }
        }
    }

    public var id: UUID
    public var title: String
    public var areaID: UUID
    /// `yyyy-MM-dd` and `HH:mm`, Swedish time.
    public var date: String
    public var time: String
    public var light: Light
    /// The route as drawn on the map (or typed as points), in walking order.
    public var route: [GeoPoint]
    public var groups: [Group]
    /// The förmöte: when, and what was agreed (the route, the checklist, who leads).
    public var premeeting: String
    /// The walk this one follows up (an uppföljningsvandring).
    public var followsUpID: UUID?
    public var protocolPublishedAt: Date?

    public init(
        id: UUID, title: String, areaID: UUID, date: String, time: String, light: Light, route: [GeoPoint], groups: [Group], premeeting: String,
        followsUpID: UUID? = nil, protocolPublishedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.areaID = areaID
        self.date = date
        self.time = time
        self.light = light
        self.route = route
        self.groups = groups
        self.premeeting = premeeting
        self.followsUpID = followsUpID
        self.protocolPublishedAt = protocolPublishedAt
    }

    public func problems() -> [String] {
        var problems: [String] = []
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 { problems.append("Ge vandringen en rubrik (högst 200 tecken).") }
        if !StockholmCalendar.isDate(date) { problems.append("Ange vandringens datum (åååå-mm-dd).") }
        let clock = time.split(separator: ":").compactMap { Int($0) }
        if clock.count != 2 || !(0..<24).contains(clock[0]) || !(0..<60).contains(clock[1]) { problems.append("Ange när vandringen börjar (tt:mm).") }
        if route.count > 500 { problems.append("Rutten får ha högst 500 punkter.") }
        if premeeting.count > 10_000 { problems.append("Anteckningarna från förmötet får vara högst 10 000 tecken.") }
        return problems
    }

    /// Reads a route typed as one "lat, lon" per line (what the map fills in as well).
    public static func route(from text: String) -> Result<[GeoPoint], WalkProblem> {
        var points: [GeoPoint] = []
        for (index, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            // "58.39, 15.64" as the map writes it; "58,39;15,64" as Swedish Excel does.
            let fields = line.contains(";") ? line.split(separator: ";") : line.contains(",") ? line.split(separator: ",") : line.split(separator: " ")
            let parts = fields.map { Double($0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")) }
            guard parts.count == 2, let latitude = parts[0], let longitude = parts[1], (55...70).contains(latitude), (10...25).contains(longitude) else {
                return .failure(WalkProblem("Rad \(index + 1) i rutten är ingen punkt i Sverige (latitud, longitud i WGS84)."))
            }
            points.append(GeoPoint(latitude: latitude, longitude: longitude))
        }
        return .success(points)
    }

    /// The due date a measure gets unless the group decides otherwise: six months after the walk.
    public var defaultDueDate: String {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return date }
        let month = parts[1] + 6
        let (year, due) = month > 12 ? (parts[0] + 1, month - 12) : (parts[0], month)
        return "\(year.padded(4))-\(due.padded(2))-\(min(parts[2], StockholmCalendar.daysIn(month: due, year: year)).padded(2))"
    }
}

public struct WalkProblem: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Something the walk noticed, pinned on the map with a checklist category.
public struct WalkObservation: Sendable, Equatable {
    public enum Category: String, Sendable, CaseIterable {
        case belysning
        case siktVegetation = "sikt-vegetation"
        case skotsel
        case orienterbarhet
        case trafik
        case folkliv
        case annat

        public var displayName: String {
            switch self {
            case .belysning: "Belysning"
            case .siktVegetation: "Sikt och vegetation"
            case .skotsel: "Skötsel, klotter och nedskräpning"
            case .orienterbarhet: "Orienterbarhet"
            case .trafik: "Trafik"
            case .folkliv: "Folkliv"
            case .annat: "Annat"
            }
        }
    }

    public var id: UUID
    public var walkID: UUID
    public var point: GeoPoint
    public var category: Category
    public var text: String
    /// The orsaksanalys: why the place feels unsafe, written after the walk.
    public var cause: String
    public var hasPhoto: Bool

    public init(id: UUID, walkID: UUID, point: GeoPoint, category: Category, text: String, cause: String = "", hasPhoto: Bool = false) {
        self.id = id
        self.walkID = walkID
        self.point = point
        self.category = category
        self.text = text
        self.cause = cause
        self.hasPhoto = hasPhoto
    }

    /// Why the observation cannot be saved in `area` (nil: it can).
    public static func problem(text: String, point: GeoPoint?, area: Area) -> String? {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "Skriv vad ni såg." }
        if text.count > 2000 { return "Observationen får vara högst 2 000 tecken." }
        guard let point else { return "Markera platsen på kartan eller ange latitud och longitud." }
        if let shape = area.shape, !shape.contains(point) { return "Platsen ligger utanför vandringens område (\(area.name))." }
        return nil
    }
}

/// An orsaksanalys that covers several observations at once ("the path lacks lighting along its
/// whole length"), beside the analysis each observation may have of its own.
public struct WalkCause: Sendable, Equatable {
    public var id: UUID
    public var walkID: UUID
    public var observationIDs: [UUID]
    public var text: String

    public init(id: UUID, walkID: UUID, observationIDs: [UUID], text: String) {
        self.id = id
        self.walkID = walkID
        self.observationIDs = observationIDs
        self.text = text
    }

    /// Why the analysis cannot be saved (nil: it can).
    public static func problem(observations: Int, text: String) -> String? {
        if observations < 2 { return "Välj minst två observationer som orsaken gäller (en enskild observation har sin egen orsaksanalys)." }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "Skriv orsaksanalysen." }
        if text.count > 4000 { return "Orsaksanalysen får vara högst 4 000 tecken." }
        return nil
    }

    /// "1, 2 och 4", from the observations' numbers on the walk.
    public static func numbers(_ ids: [UUID], numbering: [UUID: Int]) -> String {
        SwedishGrammar.list(ids.compactMap { numbering[$0] }.sorted().map(String.init))
    }
}

/// A measure proposed after the walk: who owns it, what was decided, by when, and whether it
/// became an EST insats or a measure of the åtgärdsplan.
public struct WalkMeasure: Sendable, Equatable {
    public enum Decision: String, Sendable, CaseIterable {
        case proposed = "foreslagen"
        case carriedOut = "genomfors"
        case notCarriedOut = "genomfors-ej"
        case investigated = "utreds"

        public var displayName: String {
            switch self {
            case .proposed: "Föreslagen"
            case .carriedOut: "Genomförs"
            case .notCarriedOut: "Genomförs ej"
            case .investigated: "Utreds"
            }
        }
    }

    public var id: UUID
    public var walkID: UUID
    public var observationIDs: [UUID]
    public var text: String
    /// A förvaltning or company of the kommun, or a private property owner named in `ownerName`.
    public var ownerID: UUID?
    public var ownerName: String
    public var decision: Decision
    public var reason: String
    public var dueOn: String
    public var insatsID: UUID?
    public var planMeasureID: UUID?

    public init(
        id: UUID, walkID: UUID, observationIDs: [UUID], text: String, ownerID: UUID?, ownerName: String, decision: Decision, reason: String, dueOn: String,
        insatsID: UUID? = nil, planMeasureID: UUID? = nil
    ) {
        self.id = id
        self.walkID = walkID
        self.observationIDs = observationIDs
        self.text = text
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.decision = decision
        self.reason = reason
        self.dueOn = dueOn
        self.insatsID = insatsID
        self.planMeasureID = planMeasureID
    }

    public func problems() -> [String] {
        var problems: [String] = []
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty || text.count > 2000 { problems.append("Skriv åtgärden (högst 2 000 tecken).") }
        if ownerID == nil && ownerName.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("Ange vem som äger åtgärden: en förvaltning, ett bolag eller en fastighetsägare.")
        }
        if decision == .notCarriedOut && reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.append("Skriv varför åtgärden inte genomförs.")
        }
        if !StockholmCalendar.isDate(dueOn) { problems.append("Ange när åtgärden ska vara klar (åååå-mm-dd).") }
        return problems
    }
}
