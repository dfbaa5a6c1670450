import Foundation

/// What the public form or an Open311 POST says, before it is checked. Every field is text as it
/// arrived, so the checks can name what was wrong with it.
public struct CitizenDraft: Sendable, Equatable {
    public var category: String
    public var latitude: String
    public var longitude: String
    /// Area name when the resident picked one instead of a pin.
    public var area: String
    public var place: String
    public var description: String
    public var timesOfDay: [String]
    public var weekdays: [String]
    public var gender: String
    public var ageBand: String
    public var email: String
    public var contactName: String
    public var mediaURL: String

    public init(
        category: String, latitude: String = "", longitude: String = "", area: String = "", place: String = "",
        description: String, timesOfDay: [String] = [], weekdays: [String] = [], gender: String = "", ageBand: String = "",
        email: String = "", contactName: String = "", mediaURL: String = ""
    ) {
        self.category = category
        self.latitude = latitude
        self.longitude = longitude
        self.area = area
        self.place = place
        self.description = description
        self.timesOfDay = timesOfDay
        self.weekdays = weekdays
        self.gender = gender
        self.ageBand = ageBand
        self.email = email
        self.contactName = contactName
        self.mediaURL = mediaURL
    }
}

/// A draft that passed every check.
public struct CheckedCitizenReport: Sendable, Equatable {
    public var category: IncidentCategory
    public var point: GeoPoint?
    public var area: Area?
    public var place: String
    public var description: String
    public var timesOfDay: [TimeOfDay]
    public var weekdays: [Int]
    public var gender: ReporterGender?
    public var ageBand: AgeBand?
    public var email: String?
    public var contactName: String?
    public var mediaURL: String

    public init(
        category: IncidentCategory, point: GeoPoint?, area: Area?, place: String, description: String, timesOfDay: [TimeOfDay],
        weekdays: [Int], gender: ReporterGender?, ageBand: AgeBand?, email: String?, contactName: String?, mediaURL: String
    ) {
        self.category = category
        self.point = point
        self.area = area
        self.place = place
        self.description = description
        self.timesOfDay = timesOfDay
        self.weekdays = weekdays
        self.gender = gender
        self.ageBand = ageBand
        self.email = email
        self.contactName = contactName
        self.mediaURL = mediaURL
    }
}

/// The checks a resident's report passes before it is stored. Stricter than staff reports: the
/// sender is anonymous, so every field has a hard size limit and a closed set of values.
public enum CitizenRules {
    public static let maxDescriptionLength = 1_500
    public static let maxPlaceLength = 200
    public static let maxEmailLength = 254
    public static let maxNameLength = 100
    public static let maxURLLength = 500
    public static let maxAnswerLength = 1_500

    /// `categories` are the kommun's public ones; `areas` its priority areas; `bounds` the
    /// rectangle a point must lie in.
    public static func check(_ draft: CitizenDraft, categories: [IncidentCategory], areas: [Area], bounds: KommunBounds?)
        -> Result<CheckedCitizenReport, IncidentProblems>
    {
        // A resident can neither name nor land in a retired area.
        let areas = areas.current
        var problems: [IncidentProblem] = []
        let lookup = CategoryLookup(categories.filter(\.isPublic))
        let category = lookup.match(draft.category)
        if draft.category.trimmed.isEmpty {
            problems.append(.init(field: "kategori", message: "välj vad det gäller."))
        } else if category == nil {
            problems.append(
                .init(
                    field: "kategori",
                    message: "”\(draft.category.prefix(60))” finns inte att välja. "
                        + "Giltiga: \(lookup.active.map(\.name).joined(separator: ", "))."))
        }
        var point = IncidentRules.checkPoint(latitude: draft.latitude, longitude: draft.longitude, problems: &problems)
        if let found = point, let bounds, !bounds.contains(found) {
            problems.append(.init(field: "plats", message: "punkten ligger utanför kommunen. Markera en plats i kommunen."))
            point = nil
        }
        var area: Area?
        let areaName = draft.area.trimmed
        if !areaName.isEmpty {
            area = areas.first { $0.name.caseInsensitiveCompare(areaName) == .orderedSame || $0.id.uuidString == areaName.uppercased() }
            if area == nil { problems.append(.init(field: "område", message: "”\(areaName.prefix(60))” är inget område i kommunen.")) }
        }
        if let point { area = areas.first { $0.shape?.contains(point) == true } }
        let place = draft.place.trimmed
        if point == nil, area == nil, place.isEmpty, !problems.contains(where: { ["latitud", "longitud", "plats", "område"].contains($0.field) }) {
            problems.append(.init(field: "plats", message: "markera platsen på kartan, eller välj område och skriv platsens namn."))
        }
        checkText(place, field: "platsnamn", label: "Platsnamnet", limit: maxPlaceLength, required: false, problems: &problems)
        checkText(
            draft.description, field: "beskrivning", label: "Beskrivningen", limit: maxDescriptionLength, required: true,
            problems: &problems)
        let times = closedSet(draft.timesOfDay, field: "tid på dygnet", problems: &problems) { TimeOfDay(rawValue: $0) }
        let days = closedSet(draft.weekdays, field: "veckodagar", problems: &problems) { code -> Int? in
            Weekdays.codes.firstIndex(of: code).map { $0 + 1 } ?? Int(code).flatMap { (1...7).contains($0) ? $0 : nil }
        }
        let gender = optionalValue(draft.gender, field: "kön", problems: &problems) { ReporterGender(rawValue: $0) }
        let ageBand = optionalValue(draft.ageBand, field: "ålder", problems: &problems) { AgeBand(rawValue: $0) }
        let email = draft.email.trimmed
        if !email.isEmpty && (email.count > maxEmailLength || !isEmailAddress(email)) {
            problems.append(.init(field: "e-post", message: "”\(email.prefix(60))” är ingen e-postadress."))
        }
        let name = draft.contactName.trimmed
        if name.count > maxNameLength {
            problems.append(.init(field: "namn", message: "högst \(maxNameLength) tecken."))
        } else if let message = TextInput.message(for: name, field: "Namnet") {
            problems.append(.init(field: "namn", message: message))
        }
        let mediaURL = draft.mediaURL.trimmed
        if !mediaURL.isEmpty
            && (mediaURL.count > maxURLLength || !(mediaURL.hasPrefix("https://") || mediaURL.hasPrefix("http://"))
                || mediaURL.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }) || TextInput.forbiddenCharacter(in: mediaURL) != nil)
        {
            problems.append(.init(field: "media_url", message: "ange en webbadress som börjar med https:// (högst \(maxURLLength) tecken)."))
        }
        guard problems.isEmpty, let category else { return .failure(IncidentProblems(problems)) }
        return .success(
            CheckedCitizenReport(
                category: category, point: point, area: area, place: place, description: draft.description.trimmed, timesOfDay: times,
                weekdays: days, gender: gender, ageBand: ageBand, email: email.isEmpty ? nil : email.lowercased(),
                contactName: name.isEmpty ? nil : name, mediaURL: mediaURL))
    }

    /// Length and personal data: a resident describes the place, not people.
    public static func checkText(_ raw: String, field: String, label: String, limit: Int, required: Bool, problems: inout [IncidentProblem]) {
        let text = raw.trimmed
        if text.isEmpty {
            if required { problems.append(.init(field: field, message: "beskriv vad som gör platsen otrygg.")) }
        } else if text.count > limit {
            problems.append(.init(field: field, message: "högst \(limit) tecken (nu \(text.count))."))
        } else if let message = PersonalDataGuard.message(for: text, field: label) {
            problems.append(.init(field: field, message: message))
        }
    }

    static func closedSet<T: Equatable>(
        _ values: [String], field: String, problems: inout [IncidentProblem],
        parse: (String) -> T?
    ) -> [T] {
        var result: [T] = []
        for raw in values.prefix(20) where !raw.trimmed.isEmpty {
            guard let value = parse(raw.trimmed.lowercased()) else {
                problems.append(.init(field: field, message: "”\(raw.prefix(30))” är inget giltigt val."))
                continue
            }
            if !result.contains(value) { result.append(value) }
        }
        return result
    }

    static func optionalValue<T>(_ raw: String, field: String, problems: inout [IncidentProblem], parse: (String) -> T?) -> T? {
        let text = raw.trimmed.lowercased()
        guard !text.isEmpty else { return nil }
        guard let value = parse(text) else {
            problems.append(.init(field: field, message: "”\(raw.prefix(30))” är inget giltigt val."))
            return nil
        }
        return value
    }

    /// A plain shape check (one @, a dot in the domain, no spaces); whether it exists is not ours to know.
    public static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "," || $0 == ";" }
    }
}
