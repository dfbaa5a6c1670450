/// What an Open311 GeoReport v2 `POST requests` carries, read into the same draft the web form
/// gives, so one set of rules (`CitizenRules`) checks both. Kept here, free of HTTP, so that it can
/// be fuzzed on its own.
public enum Open311Input {
    public static let timeOfDay = "tid_pa_dygnet"
    public static let weekdays = "veckodagar"
    public static let placeName = "platsnamn"
    public static let area = "omrade"
    public static let gender = "kon"
    public static let ageBand = "alder"
    public static let codes = [timeOfDay, weekdays, placeName, area, gender, ageBand]

    /// A problem the client must fix (answered as 400 in Open311's error list).
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// `attribute[code]=value` and `attribute[code][]=value` fields, by code. Unknown codes are an error.
    public static func attributes(_ pairs: [(String, String)]) throws(Problem) -> [String: [String]] {
        var found: [String: [String]] = [:]
        for (name, value) in pairs where name.hasPrefix("attribute[") {
            let inner = name.dropFirst("attribute[".count)
            guard let close = inner.firstIndex(of: "]") else { throw Problem("Felaktigt attributnamn ”\(name.prefix(60))”.") }
            let code = String(inner[..<close])
            guard codes.contains(code) else {
                throw Problem("Okänt attribut ”\(code.prefix(60))”. Giltiga: \(codes.joined(separator: ", ")).")
            }
            found[code, default: []].append(value)
        }
        return found
    }

    /// The resident's report as a draft; what the standard requires must be there.
    public static func draft(from form: FormFields) throws(Problem) -> CitizenDraft {
        let attributes = try attributes(form.pairs)
        let code = form.text("service_code")
        guard !code.isEmpty else { throw Problem("service_code saknas.") }
        let lat = form.text("lat"), lon = form.text("long"), address = form.text("address_string")
        let place = attributes[placeName]?.first ?? ""
        let areaName = attributes[area]?.first ?? ""
        if (lat.isEmpty || lon.isEmpty) && address.isEmpty && areaName.isEmpty {
            throw Problem("Ange platsen: lat och long (WGS84), eller address_string.")
        }
        let name = [form.text("first_name"), form.text("last_name")].filter { !$0.isEmpty }.joined(separator: " ")
        return CitizenDraft(
            category: code, latitude: lat, longitude: lon, area: areaName, place: place.isEmpty ? address : place,
            description: form["description"] ?? "", timesOfDay: attributes[timeOfDay] ?? [],
            weekdays: attributes[weekdays] ?? [], gender: attributes[gender]?.first ?? "",
            ageBand: attributes[ageBand]?.first ?? "", email: form.text("email"), contactName: name,
            mediaURL: form.text("media_url"))
    }
}
