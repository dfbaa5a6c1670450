import Foundation
import TryggCore

/// The forum form: name, type, area, convener, mandate, and the members as checkboxes.
struct ForumForm: Decodable {
    @FormText var name: String
    @FormText var kind: String
    @FormText var area: String
    @FormText var convener: String
    @FormRaw var mandate: String
    @FormChoices var users: [String]
    @FormChoices var secretaries: [String]
    @FormChoices var organisations: [String]

    enum CodingKeys: String, CodingKey {
        case name = "namn", kind = "typ", area = "omrade", convener = "sammankallande", mandate = "mandat", users = "anvandare"
        case secretaries = "sekreterare", organisations = "organisationer"
    }

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
struct MeetingForm: Decodable {
    @FormText var date: String
    @FormText var from: String
    @FormText var to: String
    @FormText var place: String
    @FormRaw var agenda: String
    @FormText var cancelled: String

    enum CodingKeys: String, CodingKey { case date = "datum", from = "fran", to = "till", place = "plats", agenda = "dagordning", cancelled = "installt" }
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
