import Foundation

/// Which prioritised problems of the lägesbild a measure answers: those that name it, or name a
/// measure it was copied from in an earlier plan (the next plan carries the measures over).
public struct ProblemTrace: Sendable {
    let problems: [PrioritisedProblem]
    /// Copied measure → the measure it was copied from.
    let lineage: [UUID: UUID]

    public init(problems: [PrioritisedProblem], lineage: [UUID: UUID]) {
        self.problems = problems
        self.lineage = lineage
    }

    /// The measure and its predecessors, nearest first (a cycle cannot arise, but is cut anyway).
    public static func ancestry(of measure: UUID, in lineage: [UUID: UUID]) -> [UUID] {
        var chain = [measure]
        while let previous = lineage[chain.last!], !chain.contains(previous), chain.count < 100 { chain.append(previous) }
        return chain
    }

    public func ancestry(of measure: UUID) -> [UUID] { Self.ancestry(of: measure, in: lineage) }

    public func problems(answeredBy measure: UUID) -> [PrioritisedProblem] {
        let chain = Set(ancestry(of: measure))
        return problems.filter { !chain.isDisjoint(with: $0.measureIDs) }
    }

    /// Of `measures`, those that answer `problem`.
    public func measures(_ measures: [UUID], answering problem: PrioritisedProblem) -> [UUID] {
        let named = Set(problem.measureIDs)
        return measures.filter { !named.isDisjoint(with: ancestry(of: $0)) }
    }
}
