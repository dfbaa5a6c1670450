import Foundation

/// A medborgarlöfte: the kommun and the police promise the residents (of an area) to work on one
/// problem for a period, with named activities, and report every month or quarter how it went.
/// Once published, the promise and its follow-ups stand on the kommun's public page.
public struct CitizenPromise: Sendable, Equatable {
    public enum Cadence: String, Sendable, CaseIterable {
        case month = "manad"
        case quarter = "kvartal"

        public var displayName: String { self == .month ? "Varje månad" : "Varje kvartal" }
    }

    public struct Activity: Sendable, Equatable, Codable {
        public var text: String
        public var responsibleID: UUID

        public init(text: String, responsibleID: UUID) {
            self.text = text
            self.responsibleID = responsibleID
        }
    }

    public struct FollowUp: Sendable, Equatable {
        public enum Status: String, Sendable, CaseIterable {
            case asPlanned = "enligt-plan"
            case partly = "delvis"
            case notDone = "inte-genomfort"

            public var displayName: String {
                switch self {
                case .asPlanned: "Genomfört enligt plan"
                case .partly: "Delvis genomfört"
                case .notDone: "Inte genomfört"
                }
            }
        }

        /// `2026-03` for a month, `2026-K1` for a quarter.
        public var period: String
        public var status: Status
        public var text: String
        public var writtenBy: String
        public var writtenAt: Date

        public init(period: String, status: Status, text: String, writtenBy: String, writtenAt: Date) {
            self.period = period
            self.status = status
            self.text = text
            self.writtenBy = writtenBy
            self.writtenAt = writtenAt
        }
    }

    public var id: UUID
    public var title: String
    public var areaID: UUID?
    /// First and last month of the promise, `yyyy-MM`.
    public var fromMonth: String
    public var toMonth: String
    public var cadence: Cadence
    public var problem: String
    /// The decided lägesbild's prioritised problem the promise answers, when there is one.
    public var lagesbildProblemID: UUID?
    public var activities: [Activity]
    public var indicators: [String]
    public var publishedAt: Date?

    public init(
        id: UUID, title: String, areaID: UUID?, fromMonth: String, toMonth: String, cadence: Cadence, problem: String, lagesbildProblemID: UUID? = nil,
        activities: [Activity], indicators: [String], publishedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.areaID = areaID
        self.fromMonth = fromMonth
        self.toMonth = toMonth
        self.cadence = cadence
        self.problem = problem
        self.lagesbildProblemID = lagesbildProblemID
        self.activities = activities
        self.indicators = indicators
        self.publishedAt = publishedAt
    }

    /// What is wrong with the promise as filled in; empty when it can be saved.
    public func problems() -> [String] {
        var problems: [String] = []
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("Ge löftet en rubrik.") }
        if title.count > 200 { problems.append("Rubriken får vara högst 200 tecken.") }
        guard let from = Self.month(fromMonth), let to = Self.month(toMonth) else {
            return problems + ["Ange löftets period som månader (åååå-mm)."]
        }
        if to < from { problems.append("Perioden måste sluta efter att den börjar.") }
        if (to.year - from.year) * 12 + to.month - from.month >= 36 { problems.append("Ett löfte gäller högst tre år; gör ett nytt löfte för nästa period.") }
        if problem.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("Beskriv problemet löftet gäller.") }
        if activities.isEmpty { problems.append("Ett löfte behöver minst en aktivitet med ansvarig.") }
        if activities.contains(where: { $0.text.trimmingCharacters(in: .whitespaces).isEmpty }) { problems.append("Varje aktivitet behöver en text.") }
        if problem.count > 4000 || activities.contains(where: { $0.text.count > 1000 }) || indicators.contains(where: { $0.count > 500 }) {
            problems.append("Problemet får vara högst 4 000 tecken, en aktivitet 1 000 och en indikator 500.")
        }
        return problems
    }

    /// Every period a follow-up is due for, in order (`2026-03` or `2026-K1`).
    public var periods: [String] {
        guard let from = Self.month(fromMonth), let to = Self.month(toMonth), from <= to else { return [] }
        var result: [String] = []
        var (year, month) = (from.year, from.month)
        while (year, month) <= (to.year, to.month) {
            let period = cadence == .month ? "\(year.padded(4))-\(month.padded(2))" : "\(year.padded(4))-K\((month - 1) / 3 + 1)"
            if result.last != period { result.append(period) }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        return result
    }

    /// The period that contains `today` (`yyyy-MM-dd`) in this promise's cadence.
    public func period(containing today: String) -> String {
        let year = String(today.prefix(4)), month = Int(today.dropFirst(5).prefix(2)) ?? 1
        return cadence == .month ? "\(year)-\(month.padded(2))" : "\(year)-K\((month - 1) / 3 + 1)"
    }

    /// Periods that have ended without a follow-up: what the page flags.
    public func missing(followUps: [FollowUp], today: String) -> [String] {
        let current = period(containing: today)
        let done = Set(followUps.map(\.period))
        return periods.filter { $0 < current && !done.contains($0) }
    }

    /// Why a follow-up for `period` cannot be saved, or nil.
    public func followUpProblem(period: String, existing: [FollowUp], text: String) -> String? {
        if !periods.contains(period) {
            return "\(period) ligger utanför löftets period (\(fromMonth) – \(toMonth)) eller passar inte uppföljningen \(cadence.displayName.lowercased())."
        }
        if existing.contains(where: { $0.period == period }) { return "\(period) är redan uppföljd." }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return "Skriv vad som har gjorts under perioden." }
        if text.count > 4000 { return "Uppföljningen får vara högst 4 000 tecken." }
        return nil
    }

    static func month(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-")
        guard text.count == 7, parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (2000...2100).contains(year), (1...12).contains(month)
        else { return nil }
        return (year, month)
    }
}
