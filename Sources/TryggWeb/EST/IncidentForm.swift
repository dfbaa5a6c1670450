import Foundation
import TryggCore

/// The report form: its fields as typed, the choices it offers, and the draft it becomes.
/// Mobile first: one column, native date and time inputs, the map optional.
struct IncidentForm: Decodable, EditedRecordForm {
    var category = ""
    var date = ""
    var time = ""
    var precision = TimePrecision.exact.rawValue
    var endDate = ""
    var endTime = ""
    var area = ""
    var place = ""
    var latitude = ""
    var longitude = ""
    var description = ""
    /// The fingerprints of the report the correction form showed (see `EditedRecord`).
    var seen = ""

    static let editedFields: [EditedField<IncidentForm>] = [
        .init(name: "kategori", label: "Kategori", path: \.category), .init(name: "datum", label: "Datum", path: \.date),
        .init(name: "tid", label: "Klockslag", path: \.time), .init(name: "precision", label: "Hur säker är tiden?", path: \.precision),
        .init(name: "till_datum", label: "Till datum", path: \.endDate), .init(name: "till_tid", label: "Till klockslag", path: \.endTime),
        .init(name: "lat", label: "Latitud", path: \.latitude), .init(name: "lon", label: "Longitud", path: \.longitude),
        .init(name: "omrade", label: "Område", path: \.area), .init(name: "platsnamn", label: "Platsens namn", path: \.place),
        .init(name: "beskrivning", label: "Beskrivning", path: \.description),
    ]

    init() {
        let now = StockholmCalendar.local(TryggClock.now)
        date = now.dateText
        time = now.clockText
    }

    enum CodingKeys: String, CodingKey {
        case category = "kategori", date = "datum", time = "tid", precision, endDate = "till_datum", endTime = "till_tid"
        case area = "omrade", place = "platsnamn", latitude = "lat", longitude = "lon", description = "beskrivning", seen = "sett"
    }

    /// As posted: every field trimmed, a missing one empty.
    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String { try fields.decode(FormText.self, forKey: key).wrappedValue }
        category = try text(.category)
        date = try text(.date)
        time = try text(.time)
        precision = try text(.precision)
        endDate = try text(.endDate)
        endTime = try text(.endTime)
        area = try text(.area)
        place = try text(.place)
        latitude = try text(.latitude)
        longitude = try text(.longitude)
        description = try text(.description)
        seen = try text(.seen)
    }

    init(incident: Incident, categories: [IncidentCategory], areas: [Area]) {
        let category = categories.first { $0.id == incident.categoryID }
        self.category = (category?.code ?? "") + (incident.subcategory.isEmpty ? "" : "|\(incident.subcategory)")
        let local = StockholmCalendar.local(incident.occurredAt)
        date = local.dateText
        time = local.clockText
        precision = incident.precision.rawValue
        if let end = incident.endedAt {
            let local = StockholmCalendar.local(end)
            endDate = local.dateText
            endTime = local.clockText
        }
        area = incident.areaID.flatMap { id in areas.first { $0.id == id }?.name } ?? ""
        place = incident.place
        latitude = incident.point.map { String($0.latitude) } ?? ""
        longitude = incident.point.map { String($0.longitude) } ?? ""
        description = incident.description
    }

    var draft: IncidentDraft {
        let parts = category.split(separator: "|", maxSplits: 1).map(String.init)
        return IncidentDraft(
            category: parts.first ?? "", subcategory: parts.count > 1 ? parts[1] : "",
            occurredAt: "\(date) \(time)", endedAt: endDate.isEmpty ? "" : "\(endDate) \(endTime.isEmpty ? "00:00" : endTime)",
            precision: TimePrecision(rawValue: precision) ?? .exact, latitude: latitude, longitude: longitude,
            area: area, place: place, description: description)
    }

    struct View {
        let action: String
        let submitLabel: String
        let categories: [SelectOption]
        let precisions: [SelectOption]
        let areas: [SelectOption]
        let date: String
        let time: String
        let endDate: String
        let endTime: String
        let place: String
        let latitude: String
        let longitude: String
        let description: String
        let map: String
        let problems: [String]
        let hasProblems: Bool
        let maxDescription: Int
        /// The Leaflet map to click in, when installed; the SVG map stays the fallback.
        let mapJSON: String?
        /// On the correction form: the fingerprints of the report it showed and what collided.
        var edited: EditedRecordView?
    }

    func view(
        action: String, submitLabel: String, categories: [IncidentCategory], areas: [Area], problems: [IncidentProblem] = [],
        mapJSON: String? = nil
    ) -> View {
        var options: [SelectOption] = [SelectOption(value: "", label: "Välj kategori", selected: category.isEmpty)]
        for item in categories where !item.retired {
            options.append(SelectOption(value: item.code, label: item.name, selected: category == item.code))
            for sub in item.subcategories {
                let value = "\(item.code)|\(sub)"
                options.append(SelectOption(value: value, label: "\(item.name) – \(sub)", selected: category == value))
            }
        }
        let areaOptions =
            [SelectOption(value: "", label: "Hitta från punkten på kartan", selected: area.isEmpty)]
            + areas.map { SelectOption(value: $0.name, label: $0.choiceLabel, selected: $0.name == area) }
            + [SelectOption(value: WeekSummary.restOfKommun, label: WeekSummary.restOfKommun, selected: area == WeekSummary.restOfKommun)]
        return View(
            action: action, submitLabel: submitLabel, categories: options,
            precisions: TimePrecision.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == precision) },
            areas: areaOptions, date: date, time: time, endDate: endDate, endTime: endTime, place: place, latitude: latitude,
            longitude: longitude, description: description,
            map: AreaMapSVG.render(areas, label: "Karta: klicka för att markera platsen", pickable: true) ?? "",
            problems: problems.map { "\($0.field.prefix(1).uppercased() + $0.field.dropFirst()): \($0.message)" }, hasProblems: !problems.isEmpty,
            maxDescription: IncidentRules.maxDescriptionLength, mapJSON: mapJSON)
    }
}
