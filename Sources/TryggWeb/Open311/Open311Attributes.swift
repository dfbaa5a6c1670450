import Foundation
import TryggCore

/// The attributes every service asks for, beyond the standard fields: when the place feels
/// unsafe and, optionally, who is reporting (for the gender perspective). The same questions as
/// the kommun's own web form.
enum Open311Attributes {
    static let timeOfDay = "tid_pa_dygnet"
    static let weekdays = "veckodagar"
    static let placeName = "platsnamn"
    static let area = "omrade"
    static let gender = "kon"
    static let ageBand = "alder"
    static let codes = [timeOfDay, weekdays, placeName, area, gender, ageBand]

    static func serviceDescription(_ category: IncidentCategory) -> String {
        category.subcategories.isEmpty ? "Tipsa kommunen om \(category.name.lowercased())."
            : "Tipsa kommunen om \(category.name.lowercased()): \(category.subcategories.joined(separator: ", ").lowercased())."
    }

    static func definitions(areas: [Area]) -> Open311Value {
        func values(_ pairs: [(String, String)]) -> Open311Value {
            .list(element: "value", pairs.map { .object([("key", .text($0.0)), ("name", .text($0.1))]) })
        }
        func attribute(_ order: Int, _ code: String, _ datatype: String, _ description: String, _ choices: [(String, String)]?) -> Open311Value {
            var fields: [(String, Open311Value)] = [
                ("variable", .bool(true)), ("code", .text(code)), ("datatype", .text(datatype)), ("required", .bool(false)),
                ("datatype_description", .text(choices == nil ? "Fritext, högst \(CitizenRules.maxPlaceLength) tecken." : "")),
                ("order", .number(Double(order))), ("description", .text(description)),
            ]
            if let choices { fields.append(("values", values(choices))) }
            return .object(fields)
        }
        return .list(element: "attribute", [
            attribute(1, timeOfDay, "multivaluelist", "När känns platsen otrygg?", TimeOfDay.allCases.map { ($0.rawValue, $0.displayName) }),
            attribute(2, weekdays, "multivaluelist", "Vilka dagar?", Array(zip(Weekdays.codes, Weekdays.names))),
            attribute(3, placeName, "string", "Platsens namn, t.ex. ”Gångtunneln vid Skäggetorp centrum”.", nil),
            attribute(4, area, "singlevaluelist", "Område, om platsen inte anges med lat/long.", areas.map { ($0.name, $0.name) }),
            attribute(5, gender, "singlevaluelist", "Ditt kön (frivilligt, för jämställdhetsanalys).",
                      ReporterGender.allCases.map { ($0.rawValue, $0.displayName) }),
            attribute(6, ageBand, "singlevaluelist", "Din ålder (frivilligt).", AgeBand.allCases.map { ($0.rawValue, $0.displayName) }),
        ])
    }

    /// `attribute[code]=value` and `attribute[code][]=value` fields, by code. Unknown codes are an error.
    static func parse(_ pairs: [(String, String)]) throws(Open311Error) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for (name, value) in pairs where name.hasPrefix("attribute[") {
            let inner = name.dropFirst("attribute[".count)
            guard let close = inner.firstIndex(of: "]") else { throw Open311Error(.badRequest, "Felaktigt attributnamn ”\(name.prefix(60))”.") }
            let code = String(inner[..<close])
            guard codes.contains(code) else {
                throw Open311Error(.badRequest, "Okänt attribut ”\(code.prefix(60))”. Giltiga: \(codes.joined(separator: ", ")).")
            }
            found[code, default: []].append(value)
        }
        return found
    }
}
