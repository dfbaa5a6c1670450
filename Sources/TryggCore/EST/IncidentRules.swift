import Foundation

/// The checks every event passes before it is stored, whether it comes from the form, the API
/// or a CSV import.
public enum IncidentRules {
    public static let maxDescriptionLength = 2_000
    public static let maxPlaceLength = 200
    /// A period longer than this is not an event but a state of things.
    public static let maxPeriodDays = 31
    /// Phones and servers disagree by some minutes; more than that in the future is a typo.
    public static let futureTolerance: TimeInterval = 10 * 60

    public static func check(_ draft: IncidentDraft, categories: [IncidentCategory], now: Date = TryggClock.now)
        -> Result<CheckedIncident, IncidentProblems>
    {
        check(draft, lookup: CategoryLookup(categories), now: now)
    }

    public static func check(_ draft: IncidentDraft, lookup: CategoryLookup, now: Date = TryggClock.now) -> Result<CheckedIncident, IncidentProblems> {
        var problems: [IncidentProblem] = []
        let category = lookup.match(draft.category)
        if draft.category.trimmed.isEmpty {
            problems.append(.init(field: "kategori", message: "välj en kategori."))
        } else if category == nil {
            problems.append(
                .init(
                    field: "kategori",
                    message: "”\(draft.category.prefix(60))” är ingen kategori i kommunen. "
                        + "Giltiga: \(lookup.active.map(\.name).joined(separator: ", "))."))
        }
        let subcategory = draft.subcategory.trimmed
        if let category, !subcategory.isEmpty, !category.subcategories.contains(subcategory) {
            problems.append(.init(field: "underkategori", message: "”\(subcategory.prefix(60))” finns inte under \(category.name)."))
        }
        var occurredAt: Date?
        switch IncidentTime.parse(draft.occurredAt) {
        case .success(let date):
            if date > now.addingTimeInterval(futureTolerance) {
                problems.append(.init(field: "tidpunkt", message: "\(draft.occurredAt) ligger i framtiden."))
            } else {
                occurredAt = date
            }
        case .failure(let problem): problems.append(.init(field: "tidpunkt", message: problem.message(draft.occurredAt)))
        }
        var endedAt: Date?
        if draft.precision == .period {
            switch IncidentTime.parse(draft.endedAt) {
            case .success(let end):
                if let start = occurredAt, end <= start {
                    problems.append(.init(field: "till", message: "periodens slut måste ligga efter dess början."))
                } else if let start = occurredAt, end.timeIntervalSince(start) > Double(maxPeriodDays) * 86_400 {
                    problems.append(.init(field: "till", message: "en period får vara högst \(maxPeriodDays) dagar."))
                } else if end > now.addingTimeInterval(futureTolerance) {
                    problems.append(.init(field: "till", message: "periodens slut ligger i framtiden."))
                } else {
                    endedAt = end
                }
            case .failure(let problem): problems.append(.init(field: "till", message: problem.message(draft.endedAt)))
            }
        }
        let point = checkPoint(latitude: draft.latitude, longitude: draft.longitude, problems: &problems)
        if point == nil, draft.area.trimmed.isEmpty, !problems.contains(where: { $0.field == "latitud" || $0.field == "longitud" }) {
            problems.append(.init(field: "plats", message: "markera platsen på kartan eller välj ett område."))
        }
        let place = draft.place.trimmed
        if place.count > maxPlaceLength {
            problems.append(.init(field: "platsnamn", message: "högst \(maxPlaceLength) tecken (nu \(place.count))."))
        } else if let message = PersonalDataGuard.message(for: place, field: "Platsnamnet") {
            problems.append(.init(field: "platsnamn", message: message))
        }
        let description = draft.description.trimmed
        if description.isEmpty {
            problems.append(.init(field: "beskrivning", message: "beskriv kort vad som hände eller syntes."))
        } else if description.count > maxDescriptionLength {
            problems.append(.init(field: "beskrivning", message: "högst \(maxDescriptionLength) tecken (nu \(description.count))."))
        } else if let message = PersonalDataGuard.message(for: description, field: "Beskrivningen") {
            problems.append(.init(field: "beskrivning", message: message))
        }
        guard problems.isEmpty, let category, let occurredAt else { return .failure(IncidentProblems(problems)) }
        return .success(
            CheckedIncident(
                category: category, subcategory: subcategory, occurredAt: occurredAt, endedAt: endedAt,
                precision: draft.precision, point: point, areaName: draft.area.trimmed,
                place: place, description: description))
    }

    static func decimalPoint(_ text: String) -> String { text.utf8.contains(44) ? String(text.map { $0 == "," ? "." : $0 }) : text }

    static func checkPoint(latitude: String, longitude: String, problems: inout [IncidentProblem]) -> GeoPoint? {
        // A Swedish decimal comma is accepted ("58,41").
        let latText = decimalPoint(latitude.trimmed), lonText = decimalPoint(longitude.trimmed)
        if latText.isEmpty && lonText.isEmpty { return nil }
        guard let lat = Double(latText), lat.isFinite, (-90...90).contains(lat) else {
            problems.append(.init(field: "latitud", message: "”\(latText.prefix(30))” är ingen latitud (−90 till 90 grader, WGS84)."))
            return nil
        }
        guard let lon = Double(lonText), lon.isFinite, (-180...180).contains(lon) else {
            problems.append(.init(field: "longitud", message: "”\(lonText.prefix(30))” är ingen longitud (−180 till 180 grader, WGS84)."))
            return nil
        }
        let point = GeoPoint(latitude: lat, longitude: lon)
        guard point.isInSweden else {
            problems.append(.init(field: "latitud", message: "punkten \(lat), \(lon) ligger utanför Sverige."))
            return nil
        }
        return point
    }
}

/// Times as people and files write them: ISO 8601 with an offset ("2024-03-27T21:40:00+01:00",
/// "…Z"), or Swedish local time without one ("2024-03-27 21:40").
public enum IncidentTime {
    public enum Problem: Error, Equatable {
        case format
        case nonexistent
        case invalidDate

        func message(_ text: String) -> String {
            let shown = "”\(text.prefix(40))”"
            switch self {
            case .format: return "\(shown) är ingen tidpunkt; skriv ÅÅÅÅ-MM-DD TT:MM (svensk tid) eller ISO 8601 med tidszon."
            case .nonexistent: return "\(shown) finns inte i svensk tid: klockan ställdes fram en timme den natten."
            case .invalidDate: return "\(shown) är inget giltigt datum eller klockslag."
            }
        }
    }

    public static func parse(_ raw: String) -> Result<Date, Problem> {
        let text = raw.trimmed
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, bytes.count <= 40 else { return .failure(.format) }
        func number(_ from: Int, _ length: Int) -> Int? {
            guard from + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + length)] {
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard let year = number(0, 4), bytes[4] == 45, let month = number(5, 2), bytes[7] == 45, let day = number(8, 2),
            bytes[10] == 84 || bytes[10] == 32 || bytes[10] == 116, let hour = number(11, 2), bytes[13] == 58,
            let minute = number(14, 2)
        else { return .failure(.format) }
        var index = 16
        var second = 0
        if index < bytes.count, bytes[index] == 58 {
            guard let value = number(index + 1, 2) else { return .failure(.format) }
            second = value
            index += 3
            // Fractions of a second are accepted and dropped.
            if index < bytes.count, bytes[index] == 46 {
                index += 1
                while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
            }
        }
        guard (1...12).contains(month), (1...StockholmCalendar.daysIn(month: month, year: year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return .failure(.invalidDate) }
        if index == bytes.count {
            do {
                return .success(try StockholmCalendar.instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
            } catch .nonexistent { return .failure(.nonexistent) } catch { return .failure(.invalidDate) }
        }
        let utcSeconds = StockholmCalendar.days(fromCivil: year, month, day) * 86_400 + hour * 3600 + minute * 60 + second
        if bytes[index] == 90 || bytes[index] == 122, index + 1 == bytes.count {
            return .success(Date(timeIntervalSince1970: TimeInterval(utcSeconds)))
        }
        guard bytes[index] == 43 || bytes[index] == 45, let offsetHours = number(index + 1, 2) else { return .failure(.format) }
        var offsetMinutes = 0
        if index + 3 == bytes.count {
            offsetMinutes = 0
        } else if bytes.count == index + 6, bytes[index + 3] == 58, let minutes = number(index + 4, 2) {
            offsetMinutes = minutes
        } else if bytes.count == index + 5, let minutes = number(index + 3, 2) {
            offsetMinutes = minutes
        } else {
            return .failure(.format)
        }
        guard offsetHours <= 14, offsetMinutes < 60 else { return .failure(.format) }
        let offset = (offsetHours * 3600 + offsetMinutes * 60) * (bytes[index] == 43 ? 1 : -1)
        return .success(Date(timeIntervalSince1970: TimeInterval(utcSeconds - offset)))
    }

    /// ISO 8601 with the Swedish offset of that instant, the way exports write times.
    public static func format(_ date: Date) -> String {
        let local = StockholmCalendar.local(date)
        let offset = StockholmCalendar.zone.secondsFromGMT(for: date) / 3600
        let seconds = Int(date.timeIntervalSince1970).floorMod(60)
        return local.dateText + "T" + local.clockText + ":" + seconds.padded(2) + "+" + offset.padded(2) + ":00"
    }
}
