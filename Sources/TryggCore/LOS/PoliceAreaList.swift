import Foundation

/// One area on the police's yearly list of utsatta områden.
public struct PoliceArea: Sendable, Equatable {
    public var year: Int
    /// `SPECIALOMR`: the police's own id of the area (`OMRADESKOD` is the lokalpolisområde and is
    /// shared, e.g. by Navestad and Hageby).
    public var specialID: String
    public var name: String
    public var category: String
    public var ort: String
    public var lokalpolis: String
    /// `AKTUALITET`: since when the area has had its category, `yyyy-MM-dd`.
    public var since: String
    public var shape: AreaShape?
    public var areaM2: Double?

    public init(
        year: Int, specialID: String, name: String, category: String, ort: String, lokalpolis: String, since: String, shape: AreaShape?, areaM2: Double?
    ) {
        self.year = year
        self.specialID = specialID
        self.name = name
        self.category = category
        self.ort = ort
        self.lokalpolis = lokalpolis
        self.since = since
        self.shape = shape
        self.areaM2 = areaM2
    }

    /// The same area in another list or file: same `SPECIALOMR`, else same name and ort.
    public func isSame(as other: PoliceArea) -> Bool {
        if !specialID.isEmpty && !other.specialID.isEmpty { return specialID == other.specialID }
        return name.lowercased() == other.name.lowercased() && ort.lowercased() == other.ort.lowercased()
    }
}

/// Reads the police's list of utsatta områden: the polygons as GeoJSON (WGS84 or SWEREF 99 TM) or
/// the attribute table as CSV. Every row must carry a category of that year's list.
public enum PoliceAreaList {
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let messages: [String]
        public var description: String { messages.joined(separator: "\n") }
        init(_ messages: [String]) { self.messages = messages }
    }

    /// The categories of a year's list: "riskområde" came with the 2017 report.
    public static func categories(year: Int) -> [String] {
        year < 2017 ? ["Utsatt område", "Särskilt utsatt område"] : ["Utsatt område", "Riskområde", "Särskilt utsatt område"]
    }

    public static func read(_ data: Data, year: Int) throws(Problem) -> [PoliceArea] {
        guard (2015...2100).contains(year) else { throw Problem(["Polisens lista finns från 2015; ange ett år från 2015."]) }
        let trimmed = data.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let areas: [PoliceArea]
        if trimmed.first == UInt8(ascii: "{") {
            do {
                areas = try AreaGeoJSON.parse(data).areas.map { parsed in
                    area(year: year, properties: parsed.properties, name: parsed.name, shape: parsed.shape)
                }
            } catch {
                throw Problem(error.messages)
            }
        } else {
            let table: CSVTable
            do { table = try CSVReader.read(data) } catch { throw Problem([error.description]) }
            guard table.header.contains("NAMN"), table.header.contains("KATEGORI") else {
                throw Problem(["Filen är varken GeoJSON eller polisens attributtabell (kolumnerna NAMN och KATEGORI saknas)."])
            }
            areas = table.rows.map { row in
                var properties: [String: String] = [:]
                for (index, column) in table.header.enumerated() where index < row.fields.count { properties[column] = row.fields[index] }
                return area(year: year, properties: properties, name: properties["NAMN"] ?? "", shape: nil)
            }
        }
        var problems: [String] = []
        let allowed = categories(year: year)
        for (index, area) in areas.enumerated() {
            if area.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("Rad \(index + 1): namn saknas.") }
            if !allowed.contains(area.category) {
                problems.append("\(area.name): kategorin ”\(area.category)” finns inte i listan för \(year) (\(allowed.joined(separator: ", "))).")
            }
            if !area.since.isEmpty && !StockholmCalendar.isDate(area.since) { problems.append("\(area.name): AKTUALITET ”\(area.since)” är inget datum.") }
        }
        for index in areas.indices {
            if areas[..<index].contains(where: { $0.isSame(as: areas[index]) }) { problems.append("\(areas[index].name) står två gånger i filen.") }
        }
        if areas.isEmpty { problems.append("Filen innehåller inga områden.") }
        guard problems.isEmpty else { throw Problem(problems) }
        return areas
    }

    static func area(year: Int, properties: [String: String], name: String, shape: AreaShape?) -> PoliceArea {
        func text(_ key: String) -> String { properties[key]?.trimmingCharacters(in: .whitespaces) ?? "" }
        return PoliceArea(
            year: year, specialID: text("SPECIALOMR"), name: text("NAMN").isEmpty ? name : text("NAMN"), category: text("KATEGORI"), ort: text("ORT"),
            lokalpolis: text("LOKALPOLIS"), since: text("AKTUALITET"), shape: shape,
            areaM2: Double(text("area_m2")) ?? Double(text("Shape_Area")))
    }
}

/// What changed between two of the police's lists: areas added, removed, or with a new category.
public struct PoliceAreaChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case added = "Ny på listan"
        case removed = "Borttagen från listan"
        case recategorised = "Ny kategori"
    }

    public let kind: Kind
    public let name: String
    public let ort: String
    public let before: String?
    public let after: String?

    public static func between(_ earlier: [PoliceArea], _ later: [PoliceArea]) -> [PoliceAreaChange] {
        var changes: [PoliceAreaChange] = []
        for area in later {
            guard let previous = earlier.first(where: { $0.isSame(as: area) }) else {
                changes.append(PoliceAreaChange(kind: .added, name: area.name, ort: area.ort, before: nil, after: area.category))
                continue
            }
            if previous.category != area.category {
                changes.append(PoliceAreaChange(kind: .recategorised, name: area.name, ort: area.ort, before: previous.category, after: area.category))
            }
        }
        for area in earlier where !later.contains(where: { $0.isSame(as: area) }) {
            changes.append(PoliceAreaChange(kind: .removed, name: area.name, ort: area.ort, before: area.category, after: nil))
        }
        return changes.sorted { ($0.ort, $0.name) < ($1.ort, $1.name) }
    }
}
