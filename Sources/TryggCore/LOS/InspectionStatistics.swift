import Foundation

/// A year of LOS work in figures: insatser, objects, revisits, decisions per type and authority,
/// the sums of viten and sanktionsavgifter, and the share of objects closed. Objects are counted
/// once however often they were visited, so the share closed is over objects, not visits.
public struct InspectionStatistics: Sendable, Equatable {
    /// One visit of one object at one insats, with what each authority decided there.
    public struct Visit: Sendable, Equatable {
        public var objectID: UUID
        public var date: String
        public var findings: [InspectionFinding]

        public init(objectID: UUID, date: String, findings: [InspectionFinding]) {
            self.objectID = objectID
            self.date = date
            self.findings = findings
        }
    }

    public struct DecisionCount: Sendable, Equatable {
        public let kind: InspectionFinding.DecisionKind
        public let organisationID: UUID
        public let count: Int
        public let amount: Int
    }

    public let year: Int
    public let planned: Int
    public let carriedOut: Int
    public let cancelled: Int
    public let visits: Int
    public let objects: Int
    /// Visits of an object that had been visited before (in this year or earlier).
    public let revisits: Int
    public let decisions: [DecisionCount]
    public let viten: Int
    public let sanktionsavgifter: Int
    public let objectsClosed: Int
    public let revisitsDue: Int

    /// `visits` holds every visit of the objects concerned, earlier years too, so that a first
    /// visit in January can be told from a revisit.
    public init(year: Int, inspections: [JointInspection], visits allVisits: [Visit]) {
        self.year = year
        let prefix = String(format: "%04d-", year)
        let ofYear = inspections.filter { $0.date.hasPrefix(prefix) }
        planned = ofYear.count { $0.status == .planned }
        carriedOut = ofYear.count { $0.status == .carriedOut }
        cancelled = ofYear.count { $0.status == .cancelled }
        let visits = allVisits.filter { $0.date.hasPrefix(prefix) }
        self.visits = visits.count
        objects = Set(visits.map(\.objectID)).count
        var firstVisit: [UUID: String] = [:]
        for visit in allVisits where firstVisit[visit.objectID].map({ visit.date < $0 }) ?? true { firstVisit[visit.objectID] = visit.date }
        // Two visits on the same day (two authorities' days merged) count as one.
        var seen = Set<String>()
        revisits =
            visits.filter { visit in
                seen.insert("\(visit.objectID)|\(visit.date)").inserted && firstVisit[visit.objectID].map { $0 < visit.date } == true
            }.count
        var counts: [String: DecisionCount] = [:]
        var viten = 0
        var avgifter = 0
        var closed = Set<UUID>()
        var due = 0
        for visit in visits {
            for finding in visit.findings {
                if finding.revisitDue != nil && finding.revisitDoneOn == nil { due += 1 }
                for decision in finding.decisions {
                    let key = "\(decision.kind.rawValue)|\(finding.organisationID)"
                    let previous = counts[key]
                    counts[key] = DecisionCount(
                        kind: decision.kind, organisationID: finding.organisationID, count: (previous?.count ?? 0) + 1,
                        amount: (previous?.amount ?? 0) + (decision.amount ?? 0))
                    if decision.kind == .vite { viten += decision.amount ?? 0 }
                    if decision.kind == .sanktionsavgift { avgifter += decision.amount ?? 0 }
                    if decision.kind.closes { closed.insert(visit.objectID) }
                }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: InspectionFinding.DecisionKind.allCases.enumerated().map { ($1, $0) })
        decisions = counts.values.sorted { ((order[$0.kind] ?? 0), $0.organisationID.uuidString) < ((order[$1.kind] ?? 0), $1.organisationID.uuidString) }
        self.viten = viten
        sanktionsavgifter = avgifter
        objectsClosed = closed.count
        revisitsDue = due
    }

    /// The share of inspected objects closed (wholly or partly), in per cent; nil without objects.
    public var closedShare: Double? { objects == 0 ? nil : Double(objectsClosed) / Double(objects) * 100 }

    /// Whether a plan measure is about LOS, so its follow-up is offered these figures.
    public static func concerns(_ measureText: String) -> Bool {
        let text = measureText.lowercased()
        return text.contains("verksamhetskontroll") || text.contains("(los)") || text.contains("lokal operativ myndighetssamverkan")
    }

    /// The year in one sentence, for the follow-up of the plan's LOS measure.
    public var summary: String {
        let decisionsMade = decisions.filter { $0.kind != .ingenAtgard }.reduce(0) { $0 + $1.count }
        var parts = [
            "\(carriedOut) genomförda insatser", "\(objects) kontrollerade objekt (\(revisits) återbesök)", "\(decisionsMade) beslut",
        ]
        if viten > 0 { parts.append("viten \(SwedishNumber.integer(viten)) kr") }
        if sanktionsavgifter > 0 { parts.append("sanktionsavgifter \(SwedishNumber.integer(sanktionsavgifter)) kr") }
        if let closedShare { parts.append("\(SwedishNumber.percent(closedShare / 100, places: 0)) av objekten stängda helt eller delvis") }
        return "LOS i Trygg \(year): " + parts.joined(separator: ", ") + "."
    }

    /// Decisions of one kind, all authorities together.
    public func count(_ kind: InspectionFinding.DecisionKind) -> Int { decisions.filter { $0.kind == kind }.reduce(0) { $0 + $1.count } }
}
