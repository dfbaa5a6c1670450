import Foundation
import TryggCore
import TryggReports
import TryggStore

/// A meeting as its minutes and decision list show it: the page, the print-ready HTML, the Word
/// file and `trygg report meeting` all read this one value. An EST group's meeting has the
/// insatser decided that week as its decisions: they are the same records, not copies.
public struct MeetingReport: Sendable {
    public struct Link: Sendable {
        public let kind: Decision.Link.Kind
        public let id: UUID
        public let label: String
    }

    /// One decision, of this meeting or (for the follow-up) of an earlier one.
    public struct Item: Sendable {
        /// Nil for an EST insats: it is followed up on the EST pages.
        public let decisionID: UUID?
        public let number: String
        public let text: String
        public let responsibleID: UUID
        public let responsible: String
        public let dueOn: String
        public let status: Decision.Status
        public let statusNote: String
        /// Every follow-up so far, oldest first (empty for an EST insats).
        public let history: [Decision.FollowUp]
        public let links: [Link]
        /// "Trygghetsrådet 2026-03-12" for a decision of an earlier meeting.
        public let decidedAt: String
    }

    public let kommun: Kommun
    public let forum: Forum
    public let meeting: Meeting
    public let minutes: [MeetingMinutes]
    public let decisions: [Item]
    /// Open decisions of the forum's earlier meetings: they come back on the agenda until done.
    public let followUps: [Item]
    public let areaName: String?
    public let convener: String?
    public let status: Meeting.Status
    /// The minutes name who approved and who followed up, not an address (the JSON keeps the
    /// records' addresses).
    let people: PeopleNames

    public var title: String { "\(forum.name) \(meeting.day)" }
    public var latestMinutes: MeetingMinutes? { minutes.last }
    public var isLocked: Bool { latestMinutes?.isApproved == true }

    public static func load(meetingID: UUID, kommun: Kommun, database: TryggDatabase, now: Date = TryggClock.now) async throws -> MeetingReport? {
        let scope = KommunScope(database, kommunID: kommun.id)
        let meetings = MeetingStore(scope)
        guard let meeting = try await meetings.find(id: meetingID), let forum = try await ForumStore(scope).find(id: meeting.forumID) else { return nil }
        let minutes = try await meetings.minutes(meetingID: meetingID)
        let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(scope).organisations().map { ($0.id, $0.name) })
        let decisionStore = DecisionStore(scope)
        let earlier = try await meetings.meetings(forumIDs: [forum.id], to: meeting.startsAt).map(\.meeting)
        let earlierByID = Dictionary(uniqueKeysWithValues: earlier.map { ($0.id, $0) })
        let own = try await decisionStore.decisions(meetingIDs: [meetingID])
        let carried = try await decisionStore.decisions(meetingIDs: earlier.map(\.id)).filter(\.status.isOpen)
        let people = try await PeopleNames.load(scope)
        let history = try await decisionStore.history(decisionIDs: (own + carried).map(\.id))
        var items: [Item] = []
        for decision in own {
            items.append(try await item(decision, decidedAt: "", history: history[decision.id] ?? [], organisations: organisations, store: decisionStore))
        }
        var followUps: [Item] = []
        for decision in carried {
            let at = earlierByID[decision.meetingID].map { "\(forum.name) \($0.day)" } ?? ""
            followUps.append(try await item(decision, decidedAt: at, history: history[decision.id] ?? [], organisations: organisations, store: decisionStore))
        }
        if forum.kind == .estGrupp {
            let insatser = try await InsatsStore(scope).all()
            for insats in insatser where insats.decidedWeek == meeting.week {
                items.append(try await item(insats, decidedAt: "", organisations: organisations, store: decisionStore))
            }
            for insats in insatser where insats.decidedWeek < meeting.week && insats.status.isOpen {
                followUps.append(
                    try await item(insats, decidedAt: "EST-gruppen \(insats.decidedWeek.swedishName)", organisations: organisations, store: decisionStore))
            }
        }
        var areaName: String?
        if let areaID = forum.areaID { areaName = try await AreaStore(scope).all().first { $0.id == areaID }?.name }
        return MeetingReport(
            kommun: kommun, forum: forum, meeting: meeting, minutes: minutes, decisions: items, followUps: followUps.sorted { $0.dueOn < $1.dueOn },
            areaName: areaName, convener: forum.convenerID.flatMap { organisations[$0] }, status: meeting.status(minutes: minutes.last, now: now),
            people: people)
    }

    static func item(
        _ decision: Decision, decidedAt: String, history: [Decision.FollowUp], organisations: [UUID: String], store: DecisionStore
    ) async throws -> Item {
        var links: [Link] = []
        for link in decision.links {
            links.append(Link(kind: link.kind, id: link.id, label: try await store.label(link) ?? "(finns inte längre)"))
        }
        return Item(
            decisionID: decision.id, number: "§ \(decision.number)", text: decision.text, responsibleID: decision.responsibleID,
            responsible: organisations[decision.responsibleID] ?? "", dueOn: decision.dueOn, status: decision.status, statusNote: decision.statusNote,
            history: history, links: links, decidedAt: decidedAt)
    }

    static func item(_ insats: Insats, decidedAt: String, organisations: [UUID: String], store: DecisionStore) async throws -> Item {
        var links = [Link(kind: .insats, id: insats.id, label: DecisionStore.label(insats))]
        if let measure = insats.measureID, let label = try await store.label(Decision.Link(kind: .measure, id: measure)) {
            links.append(Link(kind: .measure, id: measure, label: label))
        }
        return Item(
            decisionID: nil, number: "Insats", text: "\(insats.kind.displayName): \(insats.what)\(insats.place.isEmpty ? "" : ", \(insats.place)")",
            responsibleID: insats.organisationID, responsible: organisations[insats.organisationID] ?? "", dueOn: insats.dueOn,
            status: Decision.Status(insats.status), statusNote: "", history: [], links: links, decidedAt: decidedAt)
    }

    /// The shape `trygg report meeting --format json` prints (an interface: keep it stable).
    public var json: [String: Any] {
        [
            "forum": forum.name, "forum_type": forum.kind.rawValue, "kommun": kommun.slug, "id": meeting.id.uuidString, "date": meeting.day,
            "starts_at": SwedishTime.minute(meeting.startsAt), "ends_at": SwedishTime.minute(meeting.endsAt), "place": meeting.place,
            "status": status.rawValue, "agenda": meeting.agenda,
            "attendance": meeting.attendance.map { ["name": $0.name, "organisation": $0.organisation, "present": $0.present] as [String: Any] },
            "minutes": latestMinutes.map { minutes -> [String: Any] in
                [
                    "version": minutes.version, "text": minutes.text, "approved": minutes.isApproved,
                    "approved_by": minutes.approvedBy ?? NSNull(), "approved_at": minutes.approvedAt.map(SwedishTime.minute) ?? NSNull(),
                ]
            } ?? NSNull(),
            "decisions": decisions.map(Self.json), "follow_up": followUps.map(Self.json),
        ]
    }

    static func json(_ item: Item) -> [String: Any] {
        [
            "number": item.number, "text": item.text, "responsible": item.responsible, "due_date": item.dueOn, "status": item.status.rawValue,
            "note": item.statusNote,
            "history": item.history.map {
                ["date": StockholmCalendar.local($0.at).dateText, "status": $0.status.rawValue, "note": $0.note, "by": $0.by]
            },
            "links": item.links.map { ["type": $0.kind.rawValue, "id": $0.id.uuidString, "label": $0.label] },
        ]
    }
}
