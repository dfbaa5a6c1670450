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

    static func make(_ forum: Forum, action: String, context: StaffContext) async throws -> ForumFormView {
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
            })
    }
}

/// The meeting form's values: what was typed, or a suggestion (the next weekday, 09.00–10.30).
struct MeetingFormView {
    let date: String
    let from: String
    let to: String
    let place: String
    let agenda: String

    init(_ form: MeetingForm?, now: Date) {
        if let form {
            date = form.date
            from = form.from
            to = form.to
            place = form.place
            agenda = form.agenda
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
        }
    }

    init(_ meeting: Meeting) {
        date = meeting.day
        from = SwedishTime.clock(meeting.startsAt)
        to = SwedishTime.clock(meeting.endsAt)
        place = meeting.place
        agenda = meeting.agenda
    }
}
