import Foundation
import TryggCore
import TryggStore

/// The forum form: name, type, area, convener, mandate, and the members as checkboxes.
struct ForumForm: Decodable, EditedRecordForm {
    @FormText var name: String
    @FormText var kind: String
    @FormText var area: String
    @FormText var convener: String
    @FormRaw var mandate: String
    @FormChoices var users: [String]
    @FormChoices var secretaries: [String]
    @FormChoices var organisations: [String]
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case name = "namn", kind = "typ", area = "omrade", convener = "sammankallande", mandate = "mandat", users = "anvandare"
        case secretaries = "sekreterare", organisations = "organisationer", seen = "sett"
    }

    static let editedFields: [EditedField<ForumForm>] = [
        .init(name: "namn", label: "Namn", path: \.name), .init(name: "typ", label: "Typ", path: \.kind),
        .init(name: "omrade", label: "Område", path: \.area), .init(name: "sammankallande", label: "Sammankallande organisation", path: \.convener),
        .init(name: "mandat", label: "Vad forumet beslutar", path: \.mandate),
        .init(name: "anvandare", label: "Medlemmar", path: \.userList), .init(name: "sekreterare", label: "Sekreterare", path: \.secretaryList),
        .init(name: "organisationer", label: "Organisationer som deltar", path: \.organisationList),
    ]

    init() {}

    /// The form as it shows a stored forum.
    init(shown forum: Forum) {
        name = forum.name
        kind = forum.kind.rawValue
        area = forum.areaID?.uuidString ?? ""
        convener = forum.convenerID?.uuidString ?? ""
        mandate = forum.mandate
        users = forum.members.compactMap { $0.userID?.uuidString }
        secretaries = forum.members.filter(\.secretary).compactMap { $0.userID?.uuidString }
        organisations = forum.members.compactMap { $0.organisationID?.uuidString }
    }

    // The ticked boxes as one field each, in a fixed order, so they merge like the texts: one
    // person changing the members and another the mandate both keep their change.
    var userList: String {
        get { Self.list(users) }
        set { users = Self.items(newValue) }
    }
    var secretaryList: String {
        get { Self.list(secretaries) }
        set { secretaries = Self.items(newValue) }
    }
    var organisationList: String {
        get { Self.list(organisations) }
        set { organisations = Self.items(newValue) }
    }

    static func list(_ ids: [String]) -> String { Set(ids.map { $0.uppercased() }).sorted().joined(separator: " ") }
    static func items(_ list: String) -> [String] { list.split(separator: " ").map(String.init) }

    /// The forum as filled in; a secretary is a member even when only that box was ticked.
    func forum(id: UUID) -> Forum {
        let secretaryIDs = Set(secretaries.compactMap(UUID.init(uuidString:)))
        var userIDs = users.compactMap(UUID.init(uuidString:))
        for id in secretaryIDs.sorted(by: { $0.uuidString < $1.uuidString }) where !userIDs.contains(id) { userIDs.append(id) }
        let members =
            userIDs.map { Forum.Member(userID: $0, secretary: secretaryIDs.contains($0)) }
            + Array(Set(organisations.compactMap(UUID.init(uuidString:)))).sorted { $0.uuidString < $1.uuidString }.map { Forum.Member(organisationID: $0) }
        return Forum(
            id: id, name: name, kind: Forum.Kind(rawValue: kind) ?? .annat, areaID: UUID(uuidString: area), convenerID: UUID(uuidString: convener),
            mandate: mandate.trimmingCharacters(in: .whitespacesAndNewlines), members: members)
    }
}

/// Planning a meeting or changing its time, place and agenda.
struct MeetingForm: Decodable, EditedRecordForm {
    @FormText var date: String
    @FormText var from: String
    @FormText var to: String
    @FormText var place: String
    @FormRaw var agenda: String
    @FormText var cancelled: String
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case date = "datum", from = "fran", to = "till", place = "plats", agenda = "dagordning", cancelled = "installt", seen = "sett"
    }

    static let editedFields: [EditedField<MeetingForm>] = [
        .init(name: "datum", label: "Datum", path: \.date), .init(name: "fran", label: "Från", path: \.from), .init(name: "till", label: "Till", path: \.to),
        .init(name: "plats", label: "Plats", path: \.place), .init(name: "dagordning", label: "Dagordning", path: \.agenda),
        .init(name: "installt", label: "Mötet är inställt", path: \.cancelled),
    ]

    init() {}

    /// The form as it shows a stored meeting.
    init(shown meeting: Meeting) {
        date = meeting.day
        from = SwedishTime.clock(meeting.startsAt)
        to = SwedishTime.clock(meeting.endsAt)
        place = meeting.place
        agenda = meeting.agenda
        cancelled = meeting.cancelled ? "ja" : ""
    }
}

/// The minutes with the attendance list.
struct MinutesForm: Decodable {
    @FormRaw var present: String
    @FormRaw var absent: String
    @FormRaw var text: String
    /// The fingerprint of the minutes the page showed (see `ConcurrentEdit`).
    @FormText var seen: String

    enum CodingKeys: String, CodingKey { case present = "narvarande", absent = "franvarande", text = "protokoll", seen = "sett_protokoll" }
}

struct DecisionForm: Decodable {
    @FormRaw var text: String
    @FormText var responsible: String
    @FormText var dueOn: String
    @FormText var measure: String
    @FormText var insats: String
    @FormText var lagesbild: String
    @FormText var walk: String

    enum CodingKeys: String, CodingKey {
        case text = "beslut", responsible = "ansvarig", dueOn = "klart", measure = "atgard", insats = "insats", lagesbild = "lagesbild", walk = "vandring"
    }

    var links: [Decision.Link] {
        [(Decision.Link.Kind.measure, measure), (.insats, insats), (.lagesbild, lagesbild), (.vandring, walk)].compactMap { kind, id in
            UUID(uuidString: id).map { Decision.Link(kind: kind, id: $0) }
        }
    }
}

struct DecisionFollowForm: Decodable {
    @FormText var status: String
    @FormRaw var note: String
    @FormText var back: String

    enum CodingKeys: String, CodingKey { case status, note = "kommentar", back = "tillbaka" }
}

struct CorrectionForm: Decodable {
    @FormRaw var reason: String
    enum CodingKeys: String, CodingKey { case reason = "skal" }
}
