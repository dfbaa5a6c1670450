import Foundation
import TryggCore
import TryggStore

/// The report to kommunfullmäktige: gathered once, written as HTML (print) or DOCX (Word).
public struct FollowUpReport: Sendable {
    public struct CountRow: Sendable {
        let label: String
        let counts: FollowUpSummary.Counts
    }

    public let kommun: Kommun
    public let plan: ActionPlan
    public let round: FollowUpRound
    public let summary: FollowUpSummary
    public let previous: (year: Int, counts: FollowUpSummary.Counts)?
    public let createdOn: String
    /// The lägesbild in force: its prioritised problems and how their measures stand this round.
    public let lagesbild: LagesbildDocument?

    /// One measure of a prioritised problem, with its status in this round.
    struct ProblemMeasure {
        let reference: String
        let text: String
        let status: String
    }

    /// Loads everything for a round of the kommun; nil when the round is not the kommun's.
    /// `withComparison: false` skips the previous year's round, which only the report shows.
    public static func load(
        roundID: UUID, kommun: Kommun, database: TryggDatabase,
        withComparison: Bool = true
    ) async throws -> FollowUpReport? {
        let scope = KommunScope(database, kommunID: kommun.id)
        let store = FollowUpStore(scope)
        guard let round = try await store.round(id: roundID),
            let plan = try await PlanStore(scope).plan(id: round.planID)
        else { return nil }
        let organisations = try await OrganisationStore(scope).organisations()
        let summary = try await summary(of: round, organisations: organisations, scope: scope)
        // The comparison is with the latest round of an earlier year.
        var previous: (Int, FollowUpSummary.Counts)?
        if withComparison, let earlier = try await store.rounds().first(where: { $0.year < round.year }) {
            previous = (earlier.year, try await Self.summary(of: earlier, organisations: organisations, scope: scope).overall)
        }
        return FollowUpReport(
            kommun: kommun, plan: plan, round: round, summary: summary, previous: previous,
            createdOn: SwedishTime.date(TryggClock.now), lagesbild: try await LagesbildStore(scope).find(version: nil))
    }

    static func summary(of round: FollowUpRound, organisations: [Organisation], scope: KommunScope) async throws -> FollowUpSummary {
        let measures = try await PlanStore(scope).measures(planID: round.planID)
        let answers = try await FollowUpStore(scope).answers(roundID: round.id)
        return FollowUpSummary(measures: measures, answers: answers, organisations: organisations)
    }

    var title: String { "Uppföljning av åtgärdsplan \(plan.year)" }
    var subtitle: String { "Brottsförebyggande och trygghetsskapande arbete i \(kommun.name)" }

    var sectionRows: [CountRow] { summary.bySection.map { CountRow(label: $0.section.heading, counts: $0.counts) } }
    var organisationRows: [CountRow] { summary.byOrganisation.map { CountRow(label: $0.organisation.abbreviation, counts: $0.counts) } }

    static let statuses: [FollowUpStatus?] = [.pagaende, .paborjad, .ejPaborjad, nil]

    static func statusName(_ status: FollowUpStatus?) -> String { status?.rawValue ?? "Ej besvarad" }

    /// One sentence a politician can read aloud.
    var headline: String {
        let c = summary.overall
        return "Av planens \(c.total) åtgärder är \(c.pagaende) pågående (\(c.share(.pagaende)) %), \(c.paborjad) påbörjade "
            + "(\(c.share(.paborjad)) %) och \(c.ejPaborjad) ej påbörjade (\(c.share(.ejPaborjad)) %)"
            + (c.unanswered > 0 ? "; \(c.unanswered) saknar fullständigt svar." : ".")
    }

    var comparison: String? {
        guard let previous else { return nil }
        let now = summary.overall
        func change(_ status: FollowUpStatus) -> String {
            let delta = now.share(status) - previous.counts.share(status)
            return "\(status.rawValue.lowercased()) \(previous.counts.share(status)) % → \(now.share(status)) % (\(SwedishNumber.signed(delta)))"
        }
        return "Jämfört med uppföljningen \(previous.year): " + [change(.pagaende), change(.paborjad), change(.ejPaborjad)].joined(separator: ", ") + "."
    }

    var lagesbildIntro: String? {
        guard let lagesbild, let decision = lagesbild.decision else { return nil }
        return "Lägesbilden (version \(lagesbild.version), beslutad av \(decision.decidedBy) \(decision.decidedOn)) prioriterar "
            + "\(lagesbild.problems.count) problem. Så här står de åtgärder i planen som ska möta dem."
    }

    /// The measures of a problem as this round answers them; a measure of another plan is said to be outside it.
    func measures(of problem: PrioritisedProblem) -> [ProblemMeasure] {
        problem.measureIDs.map { id in
            guard let line = summary.lines.first(where: { $0.measure.id == id }) else {
                return ProblemMeasure(reference: "–", text: "En åtgärd i en annan plan än den som följs upp", status: "–")
            }
            return ProblemMeasure(reference: line.measure.reference, text: line.measure.row.measure, status: Self.statusName(line.status))
        }
    }

    func answerText(_ line: FollowUpSummary.MeasureLine) -> [(String, String)] {
        line.answers.map { entry in
            guard let answer = entry.answer else { return (entry.organisation, "Inget svar.") }
            let prefix = line.answers.count > 1 ? "\(answer.status.rawValue): " : ""
            return (entry.organisation, prefix + answer.description)
        }
    }
}
