import Foundation
import TryggCore
import TryggStore

/// What a refused form of the week page sent, shown again in its fields: the EST group does not
/// type an insats twice because its end date was before its start.
struct WeekTyped {
    var assessment: AssessmentForm? = nil
    var place: PriorityPlaceForm? = nil
    var insats: InsatsForm? = nil
    /// A refused follow-up of one insats.
    var followUp: (insatsID: UUID, form: InsatsFollowUpForm)? = nil
    var conflict: EditConflict? = nil
}

/// The priority-place form's fields; `open` unfolds it after a refusal.
struct PlaceFields {
    let name: String
    let latitude: String
    let longitude: String
    let note: String
    let open: Bool

    init(_ typed: PriorityPlaceForm?) {
        name = typed?.name ?? ""
        latitude = typed?.latitude ?? ""
        longitude = typed?.longitude ?? ""
        note = typed?.note ?? ""
        open = typed != nil
    }
}

/// The insats form's fields, with its choices marked as sent.
struct InsatsFields {
    let what: String
    let place: String
    let latitude: String
    let longitude: String
    let startsOn: String
    let dueOn: String
    let presenceDays: String
    let presenceTimes: String
    let kinds: [SelectOption]
    let organisations: [SelectOption]
    let measures: [SelectOption]
    let open: Bool

    init(_ typed: InsatsForm?, today: String, organisations: [Organisation], measures: [Measure]) {
        what = typed?.what ?? ""
        place = typed?.place ?? ""
        latitude = typed?.latitude ?? ""
        longitude = typed?.longitude ?? ""
        startsOn = typed?.startsOn ?? today
        dueOn = typed?.dueOn ?? today
        presenceDays = typed?.presenceDays ?? ""
        presenceTimes = typed?.presenceTimes ?? ""
        kinds = Insats.Kind.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == typed?.kind) }
        self.organisations = organisations.map {
            SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id.uuidString == typed?.organisation)
        }
        self.measures = measures.map { SelectOption(value: $0.id.uuidString, label: $0.label(), selected: $0.id.uuidString == typed?.measure) }
        open = typed != nil
    }
}
