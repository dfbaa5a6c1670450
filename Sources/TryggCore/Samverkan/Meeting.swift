import Foundation

/// One meeting of a forum: when and where, the agenda, who attended and the minutes. The EST
/// group's weekly meeting is one of these too; its decided insatser are its decisions.
public struct Meeting: Sendable, Equatable {
    /// One line of the attendance list ("Anna Berg, Polisen").
    public struct Attendee: Sendable, Equatable, Codable {
        public var name: String
        public var organisation: String
        public var present: Bool

        public init(name: String, organisation: String, present: Bool) {
            self.name = name
            self.organisation = organisation
            self.present = present
        }

        public var label: String { organisation.isEmpty ? name : "\(name), \(organisation)" }

        /// Lines as people type them, "Namn, Organisation" (the last comma separates the two).
        public static func parse(_ text: String, present: Bool) -> [Attendee] {
            text.split(whereSeparator: \.isNewline).compactMap { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else { return nil }
                guard let comma = trimmed.lastIndex(of: ",") else { return Attendee(name: trimmed, organisation: "", present: present) }
                return Attendee(
                    name: trimmed[..<comma].trimmingCharacters(in: .whitespaces),
                    organisation: trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces), present: present)
            }
        }
    }

    public enum Status: String, Sendable, CaseIterable {
        case planned = "planerat"
        case held = "genomfort"
        case minutesDraft = "protokoll"
        case approved = "justerat"
        case cancelled = "installt"

        public var displayName: String {
            switch self {
            case .planned: "Planerat"
            case .held: "Genomfört, protokoll saknas"
            case .minutesDraft: "Protokoll under arbete"
            case .approved: "Justerat"
            case .cancelled: "Inställt"
            }
        }
    }

    public var id: UUID
    public var forumID: UUID
    public var startsAt: Date
    public var endsAt: Date
    public var place: String
    public var agenda: String
    public var attendance: [Attendee]
    public var cancelled: Bool

    public init(
        id: UUID, forumID: UUID, startsAt: Date, endsAt: Date, place: String, agenda: String, attendance: [Attendee] = [], cancelled: Bool = false
    ) {
        self.id = id
        self.forumID = forumID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.agenda = agenda
        self.attendance = attendance
        self.cancelled = cancelled
    }

    /// The meeting's day in Swedish time, `yyyy-MM-dd`: decisions cannot be due before it.
    public var day: String { StockholmCalendar.local(startsAt).dateText }
    /// The ISO week of the meeting: an EST group meeting decides that week's insatser.
    public var week: ISOWeek { ISOWeek.containing(startsAt) }

    public func status(minutes: MeetingMinutes?, now: Date) -> Status {
        if cancelled { return .cancelled }
        if let minutes { return minutes.isApproved ? .approved : .minutesDraft }
        return startsAt <= now ? .held : .planned
    }

    /// Reads the meeting form: date, start and end in Swedish time, place and agenda.
    public static func check(date: String, from: String, to: String, place: String, agenda: String) -> Result<(Date, Date), Problems> {
        var problems: [String] = []
        func instant(_ clock: String, label: String) -> Date? {
            let parts = clock.split(separator: ":").map { Int($0) }
            let day = date.split(separator: "-").map { Int($0) }
            guard StockholmCalendar.isDate(date), day.count == 3, parts.count == 2, let hour = parts[0], let minute = parts[1], (0..<24).contains(hour),
                (0..<60).contains(minute), let year = day[0], let month = day[1], let dayOfMonth = day[2]
            else {
                problems.append("Ange \(label) som datum och klockslag (åååå-mm-dd och tt:mm).")
                return nil
            }
            return try? StockholmCalendar.instant(year: year, month: month, day: dayOfMonth, hour: hour, minute: minute)
        }
        let start = instant(from, label: "starttiden")
        let end = instant(to, label: "sluttiden")
        if let start, let end, end <= start { problems.append("Mötet måste sluta efter att det börjar.") }
        if place.count > 300 { problems.append("Platsen får vara högst 300 tecken.") }
        if agenda.count > 10_000 { problems.append("Dagordningen får vara högst 10 000 tecken.") }
        guard problems.isEmpty, let start, let end else { return .failure(Problems(problems.isEmpty ? ["Ange en tid som finns."] : problems)) }
        return .success((start, end))
    }

    /// Problems, in the order the form shows the fields.
    public struct Problems: Error, Equatable {
        public let messages: [String]
        public init(_ messages: [String]) { self.messages = messages }
        public var text: String { messages.joined(separator: " ") }
    }
}

/// One version of a meeting's minutes. Approved (justerat) minutes are locked; a correction is a
/// new version with its reason, approved in turn, and the earlier versions stay readable.
public struct MeetingMinutes: Sendable, Equatable {
    public var version: Int
    public var text: String
    /// Why a correction was made (empty for the first version).
    public var reason: String
    public var writtenBy: String
    public var writtenAt: Date
    public var approvedBy: String?
    public var approvedAt: Date?

    public init(
        version: Int, text: String, reason: String, writtenBy: String, writtenAt: Date, approvedBy: String? = nil, approvedAt: Date? = nil
    ) {
        self.version = version
        self.text = text
        self.reason = reason
        self.writtenBy = writtenBy
        self.writtenAt = writtenAt
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
    }

    public var isApproved: Bool { approvedAt != nil }
}
