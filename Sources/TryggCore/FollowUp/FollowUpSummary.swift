import Foundation

/// Everything the samordnare's overview and the report to kommunfullmäktige show, computed
/// from a plan's measures and a round's answers. Pure, so the page, the HTML report and the
/// DOCX report cannot disagree.
public struct FollowUpSummary: Sendable {
    public struct Counts: Sendable, Equatable {
        public var pagaende = 0, paborjad = 0, ejPaborjad = 0, unanswered = 0

        public var total: Int { pagaende + paborjad + ejPaborjad + unanswered }

        public subscript(status: FollowUpStatus?) -> Int {
            switch status {
            case .pagaende: pagaende
            case .paborjad: paborjad
            case .ejPaborjad: ejPaborjad
            case nil: unanswered
            }
        }

        mutating func add(_ status: FollowUpStatus?) {
            switch status {
            case .pagaende: pagaende += 1
            case .paborjad: paborjad += 1
            case .ejPaborjad: ejPaborjad += 1
            case nil: unanswered += 1
            }
        }

        /// Share in per cent of all, rounded to a whole number.
        public func share(_ status: FollowUpStatus?) -> Int {
            total == 0 ? 0 : Int((Double(self[status]) * 100 / Double(total)).rounded())
        }
    }

    public struct OrganisationAnswer: Sendable, Equatable {
        public var organisationID: UUID
        public var organisation: String
        public var answer: FollowUpAnswer?
    }

    public struct MeasureLine: Sendable, Equatable {
        public var measure: Measure
        /// The combined status: the least advanced answer; nil until every responsible organisation has answered.
        public var status: FollowUpStatus?
        public var answers: [OrganisationAnswer]
    }

    public struct OrganisationProgress: Sendable, Equatable {
        public var organisation: Organisation
        public var expected: Int
        public var answered: Int
        public var returned: Int
        public var counts: Counts
    }

    public let lines: [MeasureLine]
    public let overall: Counts
    public let bySection: [(section: PlanSection, counts: Counts)]
    public let byOrganisation: [OrganisationProgress]

    public init(measures: [Measure], answers: [FollowUpAnswer], organisations: [Organisation]) {
        let byID = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0) })
        let answerIndex = Dictionary(answers.map { ("\($0.measureID)/\($0.organisationID)", $0) }, uniquingKeysWith: { a, _ in a })
        var lines: [MeasureLine] = []
        var overall = Counts()
        var sections: [PlanSection: Counts] = [:]
        var progress: [UUID: OrganisationProgress] = [:]
        for measure in measures where !measure.retired {
            let organisationAnswers = measure.responsibleOrganisations.compactMap { id -> OrganisationAnswer? in
                guard let organisation = byID[id] else { return nil }
                return OrganisationAnswer(organisationID: id, organisation: organisation.abbreviation, answer: answerIndex["\(measure.id)/\(id)"])
            }
            let submitted = organisationAnswers.compactMap(\.answer).filter { $0.state == .submitted }
            let complete = !organisationAnswers.isEmpty && submitted.count == organisationAnswers.count
            let status = complete ? FollowUpRules.combinedStatus(submitted.map(\.status)) : nil
            lines.append(MeasureLine(measure: measure, status: status, answers: organisationAnswers))
            overall.add(status)
            sections[measure.row.section, default: Counts()].add(status)
            for id in measure.responsibleOrganisations {
                guard let organisation = byID[id] else { continue }
                var entry = progress[id] ?? OrganisationProgress(organisation: organisation, expected: 0, answered: 0, returned: 0, counts: Counts())
                entry.expected += 1
                let answer = answerIndex["\(measure.id)/\(id)"]
                if answer?.state == .submitted { entry.answered += 1 }
                if answer?.state == .returned { entry.returned += 1 }
                entry.counts.add(answer?.state == .submitted ? answer?.status : nil)
                progress[id] = entry
            }
        }
        self.lines = lines
        self.overall = overall
        bySection = PlanSection.allCases.compactMap { section in sections[section].map { (section, $0) } }
        byOrganisation = progress.values.sorted { $0.organisation.abbreviation.lowercased() < $1.organisation.abbreviation.lowercased() }
    }

    /// Measures the organisations say cannot start, with the missing prerequisites they describe.
    public var notStarted: [MeasureLine] { lines.filter { $0.status == .ejPaborjad || $0.answers.contains { $0.answer?.status == .ejPaborjad } } }

    /// Who has not answered yet, for the reminder.
    public var missing: [(organisation: String, measure: Measure)] {
        lines.flatMap { line in
            line.answers.filter { $0.answer == nil || $0.answer?.state == .returned }.map { ($0.organisation, line.measure) }
        }
    }
}
