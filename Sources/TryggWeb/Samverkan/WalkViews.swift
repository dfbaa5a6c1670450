import Foundation
import TryggCore
import TryggStore

/// The walk form's values and choices: what was typed, a walk's values, or a suggestion.
struct WalkFormView {
    let action: String
    let title: String
    let date: String
    let time: String
    let route: String
    let premeeting: String
    let areas: [SelectOption]
    let lights: [SelectOption]
    let groups: [Choice]
    let followsUp: [SelectOption]
    let mapJSON: String?
    /// On the form of a stored walk: the fingerprints it was shown with and what collided.
    let edited: EditedRecordView?
    /// Open when it comes back refused, so what was typed is in sight.
    let open: Bool

    typealias Choice = CheckboxOption

    static func make(
        _ form: WalkForm?, walk: SafetyWalk?, action: String, context: StaffContext, mapSettings: MapSettings, conflict: RecordConflict<WalkForm>? = nil
    ) async throws -> WalkFormView {
        let areas = try await AreaStore(context.kommun).all().offered(keeping: walk?.areaID)
        let walks = try await WalkStore(context.kommun).all().filter { $0.id != walk?.id }
        let area = form.map(\.area) ?? walk?.areaID.uuidString ?? ""
        let light = form.map(\.light) ?? walk?.light.rawValue ?? SafetyWalk.Light.dark.rawValue
        let groups = Set(form.map(\.groups) ?? walk?.groups.map(\.rawValue) ?? [SafetyWalk.Group.boende.rawValue])
        let followsUp = form.map(\.followsUp) ?? walk?.followsUpID?.uuidString ?? ""
        return WalkFormView(
            action: action, title: form?.title ?? walk?.title ?? "",
            date: form?.date ?? walk?.date ?? StockholmCalendar.local(TryggClock.now.addingTimeInterval(14 * 86_400)).dateText,
            time: form?.time ?? walk?.time ?? "19:00",
            route: form?.route ?? walk?.route.map { "\($0.latitude), \($0.longitude)" }.joined(separator: "\n") ?? "",
            premeeting: form?.premeeting ?? walk?.premeeting ?? "",
            areas: areas.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id.uuidString == area) },
            lights: SafetyWalk.Light.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == light) },
            groups: SafetyWalk.Group.allCases.map {
                Choice(id: "grupp-\($0.rawValue)", value: $0.rawValue, label: $0.displayName, checked: groups.contains($0.rawValue))
            },
            followsUp: [SelectOption(value: "", label: "Nej, en första vandring", selected: followsUp.isEmpty)]
                + walks.map { SelectOption(value: $0.id.uuidString, label: "\($0.title) (\($0.date))", selected: $0.id.uuidString == followsUp) },
            mapJSON: InteractiveMapData.pickJSON(areas: areas, settings: mapSettings),
            edited: walk.map { walk in
                // What collided, as the form names it: the area, light, groups and walk by name, not code.
                var names = Dictionary(areas.map { ($0.id.uuidString, $0.choiceLabel) } + walks.map { ($0.id.uuidString, "\($0.title) (\($0.date))") }) {
                    a, _ in a
                }
                for light in SafetyWalk.Light.allCases { names[light.rawValue] = light.displayName }
                return EditedRecordView(stored: WalkForm(shown: walk), typed: form, conflict: conflict) { field, value in
                    switch field {
                    case "omrade", "ljus", "foljer_upp": names[value] ?? value
                    case "grupper":
                        value.split(separator: " ").map { SafetyWalk.Group(rawValue: String($0))?.displayName ?? String($0) }.joined(separator: ", ")
                    default: value
                    }
                }
            },
            open: form != nil && walk != nil)
    }
}

/// One observation on the walk page: what was seen, its cause and the photo.
struct ObservationRow {
    let id: String
    let number: Int
    let category: String
    let text: String
    let cause: String
    /// The cause in the form: as stored, or as a refused save sent it.
    let causeText: String
    let place: String
    let photoHref: String?
    let causeAction: String
}

/// One measure, with the samordnare's decision form.
struct WalkMeasureRow {
    let id: String
    let text: String
    let owner: String
    let decision: String
    let reason: String
    let dueOn: String
    let observations: String
    let insatsHref: String?
    let insatsAction: String?
    let decideAction: String?
    /// The decision form: as stored, or as a refused decision sent it.
    let decisions: [SelectOption]
    let formReason: String
    let formDueOn: String
    let planMeasure: String
}

extension WalkObservation {
    var placeText: String { String(format: "%.5f, %.5f", point.latitude, point.longitude) }
}

/// An orsaksanalys covering several observations ("Observation 1, 2 och 4").
struct CauseRow {
    let observations: String
    let text: String
    let removeAction: String?
}
