import TryggCore

/// Which answers the samordnare's list of the round shows: all, the unanswered, those sent back
/// for completion, or one status — a round of 123 measures is read a part at a time.
enum AnswerFilter: String, CaseIterable {
    case all = ""
    case unanswered = "obesvarade"
    case returned = "tillbakaskickade"
    case pagaende = "pagaende"
    case paborjad = "paborjad"
    case ejPaborjad = "ej-paborjad"

    var label: String {
        switch self {
        case .all: "Alla svar"
        case .unanswered: "Obesvarade"
        case .returned: "Tillbakaskickade för komplettering"
        case .pagaende: FollowUpStatus.pagaende.rawValue
        case .paborjad: FollowUpStatus.paborjad.rawValue
        case .ejPaborjad: FollowUpStatus.ejPaborjad.rawValue
        }
    }

    func matches(_ answer: FollowUpAnswer?) -> Bool {
        switch self {
        case .all: true
        case .unanswered: answer == nil
        case .returned: answer?.state == .returned
        case .pagaende: answer?.state == .submitted && answer?.status == .pagaende
        case .paborjad: answer?.state == .submitted && answer?.status == .paborjad
        case .ejPaborjad: answer?.state == .submitted && answer?.status == .ejPaborjad
        }
    }

    /// The choices of the page's select, this one selected.
    var options: [SelectOption] {
        Self.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == self) }
    }
}
