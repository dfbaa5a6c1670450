import Foundation
import TryggCore
import TryggStore

/// The medborgarlöfte form: up to six activity rows (an empty row is left out), indicators one per line.
struct PromiseForm: Decodable, EditedRecordForm {
    @FormText var title: String
    @FormText var area: String
    @FormText var from: String
    @FormText var to: String
    @FormText var cadence: String
    @FormRaw var problem: String
    @FormText var lagesbildProblem: String
    @FormChoices var activities: [String]
    @FormChoices var responsible: [String]
    @FormRaw var indicators: String
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case title = "rubrik", area = "omrade", from = "fran", to = "till", cadence = "uppfoljning", problem = "problem"
        case lagesbildProblem = "lagesbildsproblem", activities = "aktivitet", responsible = "ansvarig", indicators = "indikatorer", seen = "sett"
    }

    static let editedFields: [EditedField<PromiseForm>] = [
        .init(name: "rubrik", label: "Rubrik", path: \.title), .init(name: "omrade", label: "Område", path: \.area),
        .init(name: "fran", label: "Från och med månad", path: \.from), .init(name: "till", label: "Till och med månad", path: \.to),
        .init(name: "uppfoljning", label: "Uppföljning", path: \.cadence), .init(name: "problem", label: "Problem", path: \.problem),
        .init(name: "lagesbildsproblem", label: "Problem i lägesbilden", path: \.lagesbildProblem),
        .init(name: "aktivitet", label: "Aktiviteter", path: \.activityList), .init(name: "indikatorer", label: "Indikatorer", path: \.indicators),
    ]

    init() {}

    /// The form as it shows a stored promise.
    init(shown promise: CitizenPromise) {
        title = promise.title
        area = promise.areaID?.uuidString ?? ""
        from = promise.fromMonth
        to = promise.toMonth
        cadence = promise.cadence.rawValue
        problem = promise.problem
        lagesbildProblem = promise.lagesbildProblemID?.uuidString ?? ""
        activities = promise.activities.map(\.text)
        responsible = promise.activities.map(\.responsibleID.uuidString)
        indicators = promise.indicators.joined(separator: "\n")
    }

    /// The activity rows as one field, "text – ansvarig" a line, empty rows left out as on saving.
    var activityList: String {
        get {
            zip(activities, responsible + Array(repeating: "", count: max(0, activities.count - responsible.count)))
                .map { ($0.trimmingCharacters(in: .whitespacesAndNewlines), $1) }
                .filter { !$0.isEmpty || UUID(uuidString: $1) != nil }
                .map { "\($0)\t\($1)" }.joined(separator: "\n")
        }
        set {
            let rows = newValue.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            activities = rows.map { $0.first ?? "" }
            responsible = rows.map { $0.count > 1 ? $0[1] : "" }
        }
    }

    static let nobody = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    /// The promise as filled in; an activity without a responsible organisation is reported by the store.
    func promise(id: UUID) -> (CitizenPromise, missingResponsible: Bool) {
        var missing = false
        var rows: [CitizenPromise.Activity] = []
        for (index, text) in activities.enumerated() {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            let responsible = index < responsible.count ? UUID(uuidString: responsible[index]) : nil
            if trimmed.isEmpty && responsible == nil { continue }
            // A row without its responsible party is kept (with an id no organisation has) so the form shows it again.
            if responsible == nil { missing = true }
            rows.append(CitizenPromise.Activity(text: trimmed, responsibleID: responsible ?? Self.nobody))
        }
        let promise = CitizenPromise(
            id: id, title: title, areaID: UUID(uuidString: area), fromMonth: from, toMonth: to, cadence: CitizenPromise.Cadence(rawValue: cadence) ?? .quarter,
            problem: problem.trimmingCharacters(in: .whitespacesAndNewlines), lagesbildProblemID: UUID(uuidString: lagesbildProblem), activities: rows,
            indicators: indicators.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        return (promise, missing)
    }
}

struct PromiseFollowUpForm: Decodable {
    @FormText var period: String
    @FormText var status: String
    @FormRaw var text: String

    enum CodingKeys: String, CodingKey { case period, status, text = "text" }
}

/// The form's values and choices.
struct PromiseFormView {
    struct ActivityRow {
        let index: Int
        let text: String
        let responsible: [SelectOption]
    }

    let action: String
    let title: String
    let from: String
    let to: String
    let problem: String
    let indicators: String
    let areas: [SelectOption]
    let cadences: [SelectOption]
    let lagesbildProblems: [SelectOption]
    let activities: [ActivityRow]
    /// On the form of a stored promise: the fingerprints it was shown with and what collided.
    let edited: EditedRecordView?
    /// Open when it comes back refused, so what was typed is in sight.
    let open: Bool

    static func make(
        _ promise: CitizenPromise, action: String, context: StaffContext,
        edited: (stored: CitizenPromise, typed: PromiseForm?, conflict: RecordConflict<PromiseForm>?)? = nil
    ) async throws -> PromiseFormView {
        let organisations = try await OrganisationStore(context.kommun).organisations().offered(keeping: promise.activities.map(\.responsibleID))
        let areas = try await AreaStore(context.kommun).all().offered(keeping: promise.areaID)
        let problems = try await LagesbildStore(context.kommun).find(version: nil)?.problems ?? []
        let rows = promise.activities + Array(repeating: CitizenPromise.Activity(text: "", responsibleID: UUID()), count: max(0, 6 - promise.activities.count))
        return PromiseFormView(
            action: action, title: promise.title, from: promise.fromMonth, to: promise.toMonth, problem: promise.problem,
            indicators: promise.indicators.joined(separator: "\n"),
            areas: [SelectOption(value: "", label: "Hela kommunen", selected: promise.areaID == nil)]
                + areas.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == promise.areaID) },
            cadences: CitizenPromise.Cadence.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0 == promise.cadence) },
            lagesbildProblems: [SelectOption(value: "", label: "Inget", selected: promise.lagesbildProblemID == nil)]
                + problems.map { SelectOption(value: $0.id.uuidString, label: "\($0.title) (\($0.area))", selected: $0.id == promise.lagesbildProblemID) },
            activities: rows.enumerated().map { index, activity in
                ActivityRow(
                    index: index + 1, text: activity.text,
                    responsible: [SelectOption(value: "", label: "Välj ansvarig", selected: false)]
                        + organisations.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == activity.responsibleID) })
            },
            edited: edited.map { stored, typed, conflict in
                // What collided, as the form names it: areas, problems and organisations by name, not code.
                var names = Dictionary(organisations.map { ($0.id.uuidString, $0.choiceLabel) } + areas.map { ($0.id.uuidString, $0.choiceLabel) }) { a, _ in a
                }
                for problem in problems { names[problem.id.uuidString] = problem.title }
                return EditedRecordView(stored: PromiseForm(shown: stored), typed: typed, conflict: conflict) { field, value in
                    switch field {
                    case "omrade", "lagesbildsproblem": names[value] ?? value
                    case "uppfoljning": CitizenPromise.Cadence(rawValue: value)?.displayName ?? value
                    case "aktivitet":
                        value.split(separator: "\n").map { line in
                            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                            return parts.count > 1 ? "\(parts[0]) (\(names[parts[1]] ?? "ansvarig saknas"))" : parts[0]
                        }.joined(separator: "\n")
                    default: value
                    }
                }
            },
            open: edited?.typed != nil)
    }
}
