import Foundation

/// A decision (beslut) taken at a meeting: what, who is responsible, by when, how far it has come,
/// and what it concerns. An open decision comes back on the forum's later agendas until it is done.
public struct Decision: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case decided = "beslutad"
        case ongoing = "pagar"
        case done = "klar"
        case cancelled = "avbruten"

        public var displayName: String {
            switch self {
            case .decided: "Beslutad"
            case .ongoing: "Pågår"
            case .done: "Klar"
            case .cancelled: "Avbruten"
            }
        }

        public var isOpen: Bool { self == .decided || self == .ongoing }

        /// An EST insats decided by the EST group, seen as the decision it is.
        public init(_ insats: Insats.Status) {
            switch insats {
            case .decided: self = .decided
            case .ongoing: self = .ongoing
            case .done: self = .done
            case .cancelled: self = .cancelled
            }
        }
    }

    /// What a decision concerns: a measure of the åtgärdsplan, an EST insats, a lägesbild or a
    /// trygghetsvandring. The label is read from the object when the decision is shown.
    public struct Link: Sendable, Equatable, Hashable, Codable {
        public enum Kind: String, Sendable, CaseIterable, Codable {
            case measure
            case insats
            case lagesbild
            case vandring

            public var displayName: String {
                switch self {
                case .measure: "Åtgärd i åtgärdsplanen"
                case .insats: "EST-insats"
                case .lagesbild: "Lägesbild"
                case .vandring: "Trygghetsvandring"
                }
            }
        }

        public var kind: Kind
        public var id: UUID

        public init(kind: Kind, id: UUID) {
            self.kind = kind
            self.id = id
        }
    }

    public var id: UUID
    public var meetingID: UUID
    /// The paragraph number in the minutes (§ 1, § 2, …).
    public var number: Int
    public var text: String
    public var responsibleID: UUID
    /// `yyyy-MM-dd`.
    public var dueOn: String
    public var status: Status
    /// The latest follow-up ("Belysningen beställd, klar v. 14").
    public var statusNote: String
    public var links: [Link]

    public init(
        id: UUID, meetingID: UUID, number: Int, text: String, responsibleID: UUID, dueOn: String, status: Status = .decided, statusNote: String = "",
        links: [Link] = []
    ) {
        self.id = id
        self.meetingID = meetingID
        self.number = number
        self.text = text
        self.responsibleID = responsibleID
        self.dueOn = dueOn
        self.status = status
        self.statusNote = statusNote
        self.links = links
    }

    /// What is wrong with a new decision of a meeting held on `meetingDay`; empty when it can be saved.
    public static func problems(text: String, responsibleID: UUID?, dueOn: String, meetingDay: String) -> [String] {
        var problems: [String] = []
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { problems.append("Skriv vad som beslutades.") }
        if text.count > 4000 { problems.append("Beslutet får vara högst 4 000 tecken.") }
        if responsibleID == nil { problems.append("Ett beslut behöver en ansvarig organisation.") }
        if !StockholmCalendar.isDate(dueOn) {
            problems.append("Ange när beslutet ska vara genomfört (åååå-mm-dd).")
        } else if dueOn < meetingDay {
            problems.append("Beslutet kan inte ha ett slutdatum före mötet (\(meetingDay)).")
        }
        return problems
    }

    /// Whether the decision is open and past its due date on `today` (`yyyy-MM-dd`).
    public func isOverdue(today: String) -> Bool { status.isOpen && dueOn < today }

    /// One report on how far a decision has come. Every report is kept, so the minutes of later
    /// meetings show how it went, not only where it stands.
    public struct FollowUp: Sendable, Equatable {
        public var at: Date
        public var status: Status
        public var note: String
        /// Who reported it, as the audit log names them.
        public var by: String

        public init(at: Date, status: Status, note: String, by: String) {
            self.at = at
            self.status = status
            self.note = note
            self.by = by
        }

        /// "2026-11-03 Pågår: Belysningen beställd (Anna Andersson)": `name` is who reported it as a
        /// page names her (`by` is the record's address).
        public func line(by name: String) -> String {
            "\(StockholmCalendar.local(at).dateText) \(status.displayName)\(note.isEmpty ? "" : ": \(note)") (\(name))"
        }
    }
}
