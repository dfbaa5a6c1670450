import Foundation

/// Counts a survey's answers per area × kön × åldersgrupp, one pass over the stored answers.
public struct SurveyTally: Sendable {
    public let survey: Survey
    let areaIndex: [String: Int]
    let genderIndex: [String: Int]
    let ageIndex: [String: Int]
    /// Per question (counted ones only), its position in the stored answers and its masks:
    /// worked out once, as a hundred thousand answers ask for them thirty times each.
    let counted: [(position: Int, indicator: UInt64, outsideBase: UInt64, options: Int)]
    let cells: Int
    /// Flat: counted question × base cell. Answers in the base, and answers with the indicator.
    var base: [Int32]
    var hits: [Int32]
    /// Flat: counted question × option, over all respondents: the distribution for the page.
    var optionCounts: [Int]
    /// Per position in the stored answers, the counted question's index, or -1 (free text).
    let countedIndex: [Int]
    /// Per position, the problem index's score of each option (`ProblemIndex`), empty when the
    /// question is not one of the police's problem items; NaN for "vet inte".
    let itemScores: [[Double]]
    /// Per base cell: respondents with at least one problem item answered, and the sum of their
    /// own index (the mean of their items), in thousandths so that the margins add up exactly.
    var indexN: [Int32]
    var indexSum: [Int]
    /// Respondents per base cell, for the weights.
    var cellRespondents: [Int32]
    private var respondentScore = 0.0, respondentItems = 0
    public private(set) var respondents = 0

    static let genders = SurveyBackground.genders.count
    static let ages = SurveyBackground.ageBands.count
    static let maxOptions = 64

    public init(survey: Survey) {
        self.survey = survey
        areaIndex = Dictionary(survey.areas.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        genderIndex = Dictionary(uniqueKeysWithValues: SurveyBackground.genders.enumerated().map { ($1.code, $0) })
        ageIndex = Dictionary(uniqueKeysWithValues: SurveyBackground.ageBands.enumerated().map { ($1.code, $0) })
        counted = survey.questions.enumerated().filter { $1.isCounted }.map {
            (position: $0, indicator: $1.indicatorMask, outsideBase: $1.outsideBaseMask, options: $1.options.count)
        }
        var countedIndex = [Int](repeating: -1, count: survey.questions.count)
        for (q, question) in counted.enumerated() { countedIndex[question.position] = q }
        self.countedIndex = countedIndex
        itemScores = survey.questions.map(ProblemIndex.scores)
        cells = survey.areas.count * Self.genders * Self.ages
        indexN = [Int32](repeating: 0, count: cells)
        cellRespondents = [Int32](repeating: 0, count: cells)
        indexSum = [Int](repeating: 0, count: cells)
        base = [Int32](repeating: 0, count: counted.count * cells)
        hits = base
        optionCounts = [Int](repeating: 0, count: counted.count * Self.maxOptions)
    }

    /// Adds one stored respondent; a background value the survey does not know is skipped.
    public mutating func add(area: String, gender: String, ageBand: String, answers: String) {
        add(area: area, gender: gender, ageBand: ageBand, respondents: 1, answerList: answers)
    }

    /// Adds `count` respondents of one area, gender and age band at once, their stored answers
    /// joined by `;` (as the database aggregates them: one text per group instead of a row per
    /// respondent). The text is read byte by byte; a malformed value counts as not answered.
    public mutating func add(area: String, gender: String, ageBand: String, respondents count: Int, answerList: String) {
        guard let a = areaIndex[area], let g = genderIndex[gender], let y = ageIndex[ageBand] else { return }
        respondents += count
        let cell = (a * Self.genders + g) * Self.ages + y
        cellRespondents[cell] += Int32(count)
        var position = 0, value: UInt64 = 0, valid = true
        var list = answerList
        list.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case 48...57:
                    let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
                    let (sum, overflow2) = times.addingReportingOverflow(UInt64(byte - 48))
                    if overflow1 || overflow2 { valid = false }
                    value = sum
                case 44, 59:
                    if valid { record(value, at: position, cell: cell) }
                    if byte == 59 { endRespondent(cell: cell) }
                    position = byte == 44 ? position + 1 : 0
                    value = 0
                    valid = true
                default: valid = false
                }
            }
        }
        if valid { record(value, at: position, cell: cell) }
        endRespondent(cell: cell)
    }

    private mutating func endRespondent(cell: Int) {
        if respondentItems > 0 {
            indexN[cell] += 1
            indexSum[cell] += Int((respondentScore / Double(respondentItems) * 1000).rounded())
        }
        respondentScore = 0
        respondentItems = 0
    }

    private mutating func record(_ answer: UInt64, at position: Int, cell: Int) {
        guard answer != 0, position < countedIndex.count else { return }
        let scores = itemScores[position]
        if !scores.isEmpty, answer.nonzeroBitCount == 1, answer.trailingZeroBitCount < scores.count {
            let score = scores[answer.trailingZeroBitCount]
            if !score.isNaN {
                respondentScore += score
                respondentItems += 1
            }
        }
        let q = countedIndex[position]
        guard q >= 0 else { return }
        let question = counted[q]
        var bits = answer
        while bits != 0 {
            let option = bits.trailingZeroBitCount
            if option < question.options { optionCounts[q * Self.maxOptions + option] += 1 }
            bits &= bits - 1
        }
        if answer & ~question.outsideBase == 0 { return }
        base[q * cells + cell] += 1
        if answer & question.indicator != 0 { hits[q * cells + cell] += 1 }
    }

    /// Adds another tally of the same survey (one half of the answers counted on another core).
    public mutating func merge(_ other: SurveyTally) {
        respondents += other.respondents
        for i in base.indices {
            base[i] += other.base[i]
            hits[i] += other.hits[i]
        }
        for i in optionCounts.indices { optionCounts[i] += other.optionCounts[i] }
        for i in indexN.indices {
            cellRespondents[i] += other.cellRespondents[i]
            indexN[i] += other.indexN[i]
            indexSum[i] += other.indexSum[i]
        }
    }

    /// The results, with every cell under `minimum` answers hidden, and as many more as it takes
    /// so that none of them can be worked out from the totals.
    /// `weights`: shares weighted to the population (n stays the number of answers, the interval
    /// uses the effective number); nil for unweighted shares.
    public func results(minimum: Int = SurveyRules.minimumForShare, weights: SurveyWeights? = nil) -> SurveyResults {
        let weighting = weights.map(weighting)
        let areas = survey.areas.count
        let dims = [areas, Self.genders, Self.ages]
        var questions: [SurveyResults.Question] = []
        for (q, position) in counted.map(\.position).enumerated() {
            let question = survey.questions[position]
            var grid = MarginGrid(dims: dims)
            for cell in 0..<cells {
                let y = cell % Self.ages, g = (cell / Self.ages) % Self.genders, a = cell / (Self.ages * Self.genders)
                grid.add(n: Int(base[q * cells + cell]), hits: Int(hits[q * cells + cell]), at: [a, g, y])
            }
            let hidden = grid.suppression(minimum: minimum, alsoHide: unitSplit)
            var cells: [SurveyResults.Cell] = []
            cells.reserveCapacity(grid.n.count)
            for index in 0..<grid.n.count {
                let at = grid.coordinates(index)
                let label = [
                    at[0] == areas ? SurveyBackground.all : survey.areas[at[0]],
                    at[1] == Self.genders ? SurveyBackground.all : SurveyBackground.genders[at[1]].code,
                    at[2] == Self.ages ? SurveyBackground.all : SurveyBackground.ageBands[at[2]].code,
                ]
                if hidden[index] {
                    cells.append(SurveyResults.Cell(area: label[0], gender: label[1], ageBand: label[2], n: nil, share: nil, interval: nil))
                } else if let weighting {
                    let (share, interval) = weightedShare(question: q, at: at, weights: weighting.weights)
                    cells.append(SurveyResults.Cell(area: label[0], gender: label[1], ageBand: label[2], n: grid.n[index], share: share, interval: interval))
                } else {
                    let n = grid.n[index], k = grid.hits[index]
                    cells.append(
                        SurveyResults.Cell(
                            area: label[0], gender: label[1], ageBand: label[2], n: n, share: Double(k) / Double(n),
                            interval: Wilson.interval(hits: k, of: n)))
                }
            }
            let options = optionCounts[(q * Self.maxOptions)..<(q * Self.maxOptions + question.options.count)]
            let distribution = respondents >= minimum ? zip(question.options, options).map { SurveyResults.OptionCount(option: $0, count: $1) } : nil
            questions.append(SurveyResults.Question(question: question, cells: cells, distribution: distribution))
        }
        return SurveyResults(
            survey: survey, respondents: respondents, questions: questions, minimum: minimum, problemIndex: problemIndex(minimum: minimum, dims: dims),
            weighting: weighting.map { SurveyResults.Weighting(source: $0.source, designEffect: $0.designEffect, unrepresented: $0.unrepresented) })
    }

    /// In a survey of employees or elected officials the "areas" are workplaces: a förvaltning split
    /// by gender or age points at a few people, so only its total is shown (stricter than for areas).
    func unitSplit(_ at: [Int]) -> Bool {
        survey.population != .boende && at[0] != survey.areas.count && (at[1] != Self.genders || at[2] != Self.ages)
    }

    /// The problem index per cell with the same suppression as the shares; nil without problem items.
    func problemIndex(minimum: Int, dims: [Int]) -> [SurveyResults.IndexCell]? {
        guard itemScores.contains(where: { !$0.isEmpty }) else { return nil }
        var grid = MarginGrid(dims: dims)
        for cell in 0..<cells {
            let y = cell % Self.ages, g = (cell / Self.ages) % Self.genders, a = cell / (Self.ages * Self.genders)
            grid.add(n: Int(indexN[cell]), hits: indexSum[cell], at: [a, g, y])
        }
        let hidden = grid.suppression(minimum: minimum, alsoHide: unitSplit)
        return (0..<grid.n.count).map { index in
            let at = grid.coordinates(index)
            let area = at[0] == dims[0] ? SurveyBackground.all : survey.areas[at[0]]
            let gender = at[1] == Self.genders ? SurveyBackground.all : SurveyBackground.genders[at[1]].code
            let age = at[2] == Self.ages ? SurveyBackground.all : SurveyBackground.ageBands[at[2]].code
            let shown = !hidden[index] && grid.n[index] > 0
            return SurveyResults.IndexCell(
                area: area, gender: gender, ageBand: age, n: shown ? grid.n[index] : nil,
                value: shown ? Double(grid.hits[index]) / 1000 / Double(grid.n[index]) : nil)
        }
    }
}

public struct SurveyResults: Sendable {
    public struct Cell: Sendable, Equatable {
        public let area: String
        public let gender: String
        public let ageBand: String
        /// nil when the cell is hidden, and so are share and interval.
        public let n: Int?
        public let share: Double?
        public let interval: ClosedRange<Double>?
        public var suppressed: Bool { n == nil }
    }

    public struct OptionCount: Sendable, Equatable {
        public let option: SurveyOption
        public let count: Int
    }

    public struct Question: Sendable {
        public let question: SurveyQuestion
        /// Every combination of area, kön and ålder including the margins ("alla").
        public let cells: [Cell]
        /// How all respondents answered, option by option; nil when they are too few to show.
        public let distribution: [OptionCount]?

        public func cell(area: String = SurveyBackground.all, gender: String = SurveyBackground.all, ageBand: String = SurveyBackground.all) -> Cell? {
            cells.first { $0.area == area && $0.gender == gender && $0.ageBand == ageBand }
        }
    }

    /// The problem index (0–6) of one cell; n and value nil when hidden.
    public struct IndexCell: Sendable, Equatable {
        public let area: String
        public let gender: String
        public let ageBand: String
        public let n: Int?
        public let value: Double?
        public var suppressed: Bool { n == nil }
    }

    public let survey: Survey
    public let respondents: Int
    public let questions: [Question]
    public let minimum: Int
    /// Every cell of the problem index, when the survey asks the police's problem items.
    public let problemIndex: [IndexCell]?

    public struct Weighting: Sendable, Equatable {
        public let source: String
        /// Kish's design effect over all respondents: how much the weights cost in precision.
        public let designEffect: Double
        /// Population cells (area, kön, ålder) without any respondent, whose people no answer stands for.
        public let unrepresented: [String]
        /// The number of answers the weighted figures are as precise as.
        public func effective(_ respondents: Int) -> Int { Int((Double(respondents) / designEffect).rounded()) }
    }

    /// How the shares were weighted; nil for unweighted shares.
    public let weighting: Weighting?

    public func indexCell(area: String = SurveyBackground.all, gender: String = SurveyBackground.all, ageBand: String = SurveyBackground.all)
        -> IndexCell?
    {
        problemIndex?.first { $0.area == area && $0.gender == gender && $0.ageBand == ageBand }
    }
}

/// The problem index of the police's trygghetsmätning: how big the problems of the neighbourhood
/// are on a scale from 0 (no problems) to 6 (very big problems). Each problem item scores 0, 2,
/// 4 or 6 from "inget" to "mycket stort problem" ("vet inte" is left out); a respondent's index
/// is the mean of the items they answered, and a group's the mean of its respondents'.
public enum ProblemIndex {
    public static let optionScores: [String: Double] = ["inget": 0, "litet": 2, "ganska_stort": 4, "mycket_stort": 6]
    public static let label = "Problemindex (0 = inga problem, 6 = mycket stora problem)"

    /// A question's score per option, or empty when it is not a problem item.
    static func scores(_ question: SurveyQuestion) -> [Double] {
        guard question.code.hasPrefix("problem_"), question.kind == .single else { return [] }
        return question.options.map { optionScores[$0.code] ?? .nan }
    }
}

/// Wilson's score interval at 95 %: it stays inside 0–1 and is honest for small shares, where
/// the normal approximation is not.
public enum Wilson {
    public static func interval(hits: Int, of n: Int, z: Double = 1.959964) -> ClosedRange<Double> {
        guard n > 0 else { return 0...1 }
        return interval(share: Double(hits) / Double(n), n: Double(n), z: z)
    }

    /// For a weighted share, `n` is the effective number of answers.
    public static func interval(share p: Double, n nn: Double, z: Double = 1.959964) -> ClosedRange<Double> {
        guard nn > 0 else { return 0...1 }
        let z2 = z * z
        let centre = (p + z2 / (2 * nn)) / (1 + z2 / nn)
        let half = z * ((p * (1 - p) / nn + z2 / (4 * nn * nn)).squareRoot()) / (1 + z2 / nn)
        return max(0, centre - half)...min(1, centre + half)
    }
}
