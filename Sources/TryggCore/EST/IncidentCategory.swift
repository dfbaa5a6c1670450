import Foundation

/// An event category of a kommun's EST reporting. Each kommun edits its own list; this is the
/// default set of Swedish EST practice.
public struct IncidentCategory: Sendable, Equatable, Codable {
    public var id: UUID
    public var kommunID: UUID
    /// Short stable code used in CSV files and the API ("skadegorelse").
    public var code: String
    public var name: String
    public var subcategories: [String]
    /// Offered to residents in the public e-service.
    public var isPublic: Bool
    public var position: Int
    public var retired: Bool

    public init(
        id: UUID, kommunID: UUID, code: String, name: String, subcategories: [String], isPublic: Bool, position: Int,
        retired: Bool = false
    ) {
        self.id = id
        self.kommunID = kommunID
        self.code = code
        self.name = name
        self.subcategories = subcategories
        self.isPublic = isPublic
        self.position = position
        self.retired = retired
    }

    public struct Default: Sendable {
        public let code: String
        public let name: String
        public let subcategories: [String]
        public let isPublic: Bool
    }

    public static let defaults: [Default] = [
        Default(code: "skadegorelse", name: "Skadegörelse", subcategories: ["Klotter", "Glaskross", "Brand/anlagd brand", "Bilbrand"], isPublic: true),
        Default(code: "nedskrapning", name: "Nedskräpning", subcategories: [], isPublic: true),
        Default(code: "samling", name: "Otrygghetsskapande samling av personer", subcategories: [], isPublic: false),
        Default(code: "ordningsstorning", name: "Ordningsstörning/bråk/våld", subcategories: ["Ordningsstörning", "Bråk", "Våld"], isPublic: true),
        Default(code: "narkotika", name: "Misstänkt narkotikahantering", subcategories: [], isPublic: false),
        Default(code: "otrygg-plats", name: "Otrygg plats", subcategories: ["Belysning", "Skymd sikt", "Vegetation"], isPublic: true),
        Default(code: "trafik", name: "Olovlig trafik/buskörning", subcategories: [], isPublic: false),
        Default(code: "incident-anstalld", name: "Incident mot anställd", subcategories: [], isPublic: false),
        Default(code: "arrangemang", name: "Arrangemang", subcategories: [], isPublic: false),
        Default(code: "positiv", name: "Positiv iakttagelse", subcategories: [], isPublic: false),
        Default(code: "ovrigt", name: "Övrigt", subcategories: [], isPublic: true),
    ]

    /// A code from a Swedish name: lower case, å/ä→a, ö→o, other characters to dashes.
    public static func code(from name: String) -> String {
        let folded = String(
            name.lowercased().map { character -> Character in
                switch character {
                case "å", "ä": "a"
                case "ö": "o"
                case "é": "e"
                default: character
                }
            })
        let pieces = folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
        return pieces.joined(separator: "-")
    }
}

/// Finds a category by code or Swedish name, ignoring case. Built once (for a whole import)
/// instead of lower-casing every name for every row. New reports may only use active categories;
/// searches also find retired ones, since old events keep them.
public struct CategoryLookup: Sendable {
    public let active: [IncidentCategory]
    private let byKey: [String: IncidentCategory]
    /// Names and codes by their exact bytes: hashing a String with å, ä or ö normalises it
    /// first, which was a tenth of a large import's CPU when every row named its category so.
    private let byBytes: [[UInt8]: IncidentCategory]

    public init(_ categories: [IncidentCategory], includingRetired: Bool = false) {
        active = includingRetired ? categories : categories.filter { !$0.retired }
        var keys: [String: IncidentCategory] = [:]
        for category in active.reversed() {
            keys[category.name.lowercased()] = category
            keys[IncidentCategory.code(from: category.name)] = category
        }
        for category in active.reversed() { keys[category.code] = category }
        byKey = keys
        var bytes: [[UInt8]: IncidentCategory] = [:]
        for category in active.reversed() { bytes[Array(category.name.utf8)] = category }
        for category in active.reversed() { bytes[Array(category.code.utf8)] = category }
        byBytes = bytes
    }

    public func match(_ text: String) -> IncidentCategory? {
        if let exact = byBytes[Array(text.utf8)] { return exact }
        let wanted = text.trimmed
        return byKey[wanted] ?? byKey[wanted.lowercased()] ?? byKey[IncidentCategory.code(from: wanted)]
    }
}
