import Foundation
import TryggCore
import TryggStore

/// The values and choices of the forum form, new or filled in.
struct ForumFormView {
    struct Person {
        let id: String
        let value: String
        let label: String
        let member: Bool
        let secretary: Bool
    }

    typealias Choice = CheckboxOption

    let action: String
    let name: String
    let mandate: String
    let kinds: [SelectOption]
    let areas: [SelectOption]
    let conveners: [SelectOption]
    let people: [Person]
    let organisations: [Choice]
    /// On the form of a stored forum: the fingerprints it was shown with and what collided.
    let edited: EditedRecordView?
    /// Open when it comes back refused, so what was typed is in sight.
    let open: Bool

    static func make(
        _ forum: Forum, action: String, context: StaffContext, edited: (stored: Forum, typed: ForumForm?, conflict: RecordConflict<ForumForm>?)? = nil
    ) async throws -> ForumFormView {
        let organisations = try await OrganisationStore(context.kommun).organisations()
            .offered(keeping: forum.members.compactMap(\.organisationID) + [forum.convenerID].compactMap { $0 })
        let users = try await UserStore(context.kommun).accounts().filter { !$0.disabled }
        let areas = try await AreaStore(context.kommun).all().offered(keeping: forum.areaID)
        let members = Dictionary(forum.members.compactMap { member in member.userID.map { ($0, member.secretary) } }) { a, _ in a }
        let memberOrganisations = Set(forum.members.compactMap(\.organisationID))
        return ForumFormView(
            action: action, name: forum.name, mandate: forum.mandate,
            kinds: Forum.Kind.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: $0 == forum.kind) },
            areas: [SelectOption(value: "", label: "Inget område", selected: forum.areaID == nil)]
                + areas.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == forum.areaID) },
            conveners: [SelectOption(value: "", label: "Ingen angiven", selected: forum.convenerID == nil)]
                + organisations.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id == forum.convenerID) },
            people: users.sorted { $0.name < $1.name }.map {
                Person(
                    id: $0.id.uuidString, value: $0.id.uuidString, label: "\($0.name), \($0.organisation.abbreviation) (\($0.role.displayName))",
                    member: members[$0.id] != nil, secretary: members[$0.id] == true)
            },
            organisations: organisations.map {
                Choice(id: "org-\($0.id.uuidString)", value: $0.id.uuidString, label: $0.choiceLabel, checked: memberOrganisations.contains($0.id))
            },
            edited: edited.map { stored, typed, conflict in
                // What collided, as the form names it: the type's, area's and people's names, not their codes.
                let names = Dictionary(
                    users.map { ($0.id.uuidString, $0.name) } + organisations.map { ($0.id.uuidString, $0.choiceLabel) }
                        + areas.map { ($0.id.uuidString, $0.choiceLabel) }
                ) { a, _ in a }
                return EditedRecordView(stored: ForumForm(shown: stored), typed: typed, conflict: conflict) { field, value in
                    switch field {
                    case "typ": Forum.Kind(rawValue: value)?.displayName ?? value
                    case "namn", "mandat": value
                    default: ForumForm.items(value).map { names[$0] ?? $0 }.joined(separator: ", ")
                    }
                }
            },
            open: edited?.typed != nil)
    }
}

/// The meeting form's values: what was typed, or a suggestion (the next weekday, 09.00–10.30).
struct MeetingFormView {
    let date: String
    let from: String
    let to: String
    let place: String
    let agenda: String
    let cancelled: Bool
    /// On the form of a planned meeting: the fingerprints it was shown with and what collided.
    var edited: EditedRecordView?
    /// Open when it comes back refused, so what was typed is in sight.
    var open = false

    init(_ form: MeetingForm?, now: Date) {
        if let form {
            date = form.date
            from = form.from
            to = form.to
            place = form.place
            agenda = form.agenda
            cancelled = form.cancelled == "ja"
        } else {
            var day = now.addingTimeInterval(86_400)
            while StockholmCalendar.local(day).weekday >= 6 {
                day.addTimeInterval(86_400)
            }
            date = StockholmCalendar.local(day).dateText
            from = "09:00"
            to = "10:30"
            place = ""
            agenda = "1. Mötets öppnande\n2. Uppföljning av tidigare beslut\n3. Lägesbild\n4. Beslut\n5. Övriga frågor\n6. Nästa möte"
            cancelled = false
        }
    }

    /// The form of a planned meeting: as stored, or as a refused save sent it.
    init(_ meeting: Meeting, typed: MeetingForm?, conflict: RecordConflict<MeetingForm>?) {
        let stored = MeetingForm(shown: meeting)
        self.init(typed ?? stored, now: meeting.startsAt)
        edited = EditedRecordView(stored: stored, typed: typed, conflict: conflict) { field, value in
            field == "installt" ? (value == "ja" ? "Ja" : "Nej") : value
        }
        open = typed != nil
    }
}
