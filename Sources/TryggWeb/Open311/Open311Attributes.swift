import Foundation
import TryggCore

/// The attributes every service asks for, beyond the standard fields: when the place feels
/// unsafe and, optionally, who is reporting (for the gender perspective). The same questions as
/// the kommun's own web form.
enum Open311Attributes {
    static let timeOfDay = Open311Input.timeOfDay
    static let weekdays = Open311Input.weekdays
    static let placeName = Open311Input.placeName
    static let area = Open311Input.area
    static let gender = Open311Input.gender
    static let ageBand = Open311Input.ageBand

    static func serviceDescription(_ category: IncidentCategory) -> String {
        category.subcategories.isEmpty
            ? "Tipsa kommunen om \(category.name.lowercased())."
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
        return .list(
            element: "attribute",
            [
                attribute(1, timeOfDay, "multivaluelist", "När känns platsen otrygg?", TimeOfDay.allCases.map { ($0.rawValue, $0.displayName) }),
                attribute(2, weekdays, "multivaluelist", "Vilka dagar?", Array(zip(Weekdays.codes, Weekdays.names))),
                attribute(3, placeName, "string", "Platsens namn, t.ex. ”Gångtunneln vid Skäggetorp centrum”.", nil),
                attribute(4, area, "singlevaluelist", "Område, om platsen inte anges med lat/long.", areas.map { ($0.name, $0.name) }),
                attribute(
                    5, gender, "singlevaluelist", "Ditt kön (frivilligt, för jämställdhetsanalys).",
                    ReporterGender.allCases.map { ($0.rawValue, $0.displayName) }),
                attribute(6, ageBand, "singlevaluelist", "Din ålder (frivilligt).", AgeBand.allCases.map { ($0.rawValue, $0.displayName) }),
            ])
    }
}
