import Foundation

/// Weighting to the population (post-stratification): each area × kön × åldersgrupp cell's
/// respondents count as many as the cell's share of the population asks for. Respondents of a
/// gender the population does not count (annat, vill inte svara) keep weight 1. Reported with
/// Kish's design effect, the price of the weighting in precision.
public struct SurveyWeights: Sendable, Equatable, Codable {
    /// Inhabitants per "area|kon|alder".
    public var population: [String: Int]
    public var source: String

    public init(population: [String: Int], source: String) {
        self.population = population
        self.source = source
    }

    public static let genders = ["kvinna", "man"]
    public static func key(_ area: String, _ gender: String, _ age: String) -> String { "\(area)|\(gender)|\(age)" }

    public var total: Int { population.values.reduce(0, +) }

    /// Reads `area,kon,alder,befolkning`: every area of the survey with every age band for women
    /// and men, each once, whole non-negative numbers. All problems at once, nothing kept on any.
    public static func read(_ table: CSVTable, for survey: Survey, source: String) -> Result<SurveyWeights, ImportFailure> {
        let header = table.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let columns = ["area", "kon", "alder", "befolkning"]
        guard columns.allSatisfy(header.contains) else {
            return .failure(ImportFailure([ImportProblem(line: 1, column: nil, message: "rubrikraden ska vara area,kon,alder,befolkning.")]))
        }
        let position = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [ImportProblem] = []
        var population: [String: Int] = [:]
        for row in table.rows {
            guard row.fields.count == header.count else {
                problems.append(ImportProblem(line: row.line, column: nil, message: "raden har \(row.fields.count) fält, rubrikraden \(header.count)."))
                continue
            }
            func field(_ name: String) -> String { row.fields[position[name]!].trimmingCharacters(in: .whitespaces) }
            guard let area = survey.areas.first(where: { $0.compare(field("area"), options: .caseInsensitive) == .orderedSame }) else {
                problems.append(ImportProblem(line: row.line, column: "area", message: "området ”\(field("area").prefix(60))” finns inte i enkäten."))
                continue
            }
            let gender = field("kon").lowercased(), age = field("alder")
            guard genders.contains(gender) else {
                problems.append(ImportProblem(line: row.line, column: "kon", message: "kön ska vara kvinna eller man i befolkningen."))
                continue
            }
            guard SurveyBackground.ageBands.contains(where: { $0.code == age }) else {
                problems.append(ImportProblem(line: row.line, column: "alder", message: "okänd åldersgrupp ”\(age.prefix(20))”."))
                continue
            }
            guard let count = Int(field("befolkning").replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{a0}", with: "")), count >= 0
            else {
                problems.append(ImportProblem(line: row.line, column: "befolkning", message: "befolkningen ska vara ett heltal, noll eller större."))
                continue
            }
            let key = key(area, gender, age)
            if population[key] != nil {
                problems.append(ImportProblem(line: row.line, column: nil, message: "\(area), \(gender), \(age) står två gånger."))
            }
            population[key] = count
        }
        if problems.isEmpty {
            for area in survey.areas where population.keys.contains(where: { $0.hasPrefix(area + "|") }) {
                for gender in genders {
                    for age in SurveyBackground.ageBands where population[key(area, gender, age.code)] == nil {
                        problems.append(ImportProblem(line: nil, column: nil, message: "befolkning saknas för \(area), \(gender), \(age.code)."))
                    }
                }
            }
            if population.values.reduce(0, +) == 0 { problems.append(ImportProblem(line: nil, column: nil, message: "filen har ingen befolkning.")) }
        }
        guard problems.isEmpty else { return .failure(ImportFailure(Array(problems.prefix(200)))) }
        return .success(SurveyWeights(population: population, source: source))
    }
}

extension SurveyTally {
    struct Weighting {
        let weights: [Double]
        let source: String
        let designEffect: Double
        let unrepresented: [String]
    }

    /// The weight of each base cell: its share of the population over its share of the weighted
    /// respondents, so that the weights of those respondents add up to their number.
    func weighting(_ weights: SurveyWeights) -> Weighting {
        var cellWeights = [Double](repeating: 1, count: cells)
        var population = 0, weighted = 0
        var unrepresented: [String] = []
        func key(_ cell: Int) -> String? {
            let y = cell % Self.ages, g = (cell / Self.ages) % Self.genders, a = cell / (Self.ages * Self.genders)
            let gender = SurveyBackground.genders[g].code
            guard SurveyWeights.genders.contains(gender) else { return nil }
            return SurveyWeights.key(survey.areas[a], gender, SurveyBackground.ageBands[y].code)
        }
        for cell in 0..<cells {
            guard let key = key(cell), let count = weights.population[key] else { continue }
            if cellRespondents[cell] > 0 {
                population += count
                weighted += Int(cellRespondents[cell])
            } else if count > 0 {
                unrepresented.append(key.replacingOccurrences(of: "|", with: ", "))
            }
        }
        if population > 0, weighted > 0 {
            for cell in 0..<cells where cellRespondents[cell] > 0 {
                guard let key = key(cell), let count = weights.population[key] else { continue }
                cellWeights[cell] = (Double(count) / Double(population)) / (Double(cellRespondents[cell]) / Double(weighted))
            }
        }
        var sum = 0.0, squares = 0.0
        for cell in 0..<cells {
            let r = Double(cellRespondents[cell])
            sum += cellWeights[cell] * r
            squares += cellWeights[cell] * cellWeights[cell] * r
        }
        let designEffect = sum > 0 ? Double(respondents) * squares / (sum * sum) : 1
        return Weighting(weights: cellWeights, source: weights.source, designEffect: designEffect, unrepresented: unrepresented)
    }

    /// The weighted share of a (margin) cell and its interval at the effective number of answers.
    func weightedShare(question q: Int, at: [Int], weights: [Double]) -> (Double?, ClosedRange<Double>?) {
        let areas = survey.areas.count
        var base = 0.0, hits = 0.0, squares = 0.0
        for a in (at[0] == areas ? Array(0..<areas) : [at[0]]) {
            for g in (at[1] == Self.genders ? Array(0..<Self.genders) : [at[1]]) {
                for y in (at[2] == Self.ages ? Array(0..<Self.ages) : [at[2]]) {
                    let cell = (a * Self.genders + g) * Self.ages + y, w = weights[cell]
                    base += w * Double(self.base[q * cells + cell])
                    hits += w * Double(self.hits[q * cells + cell])
                    squares += w * w * Double(self.base[q * cells + cell])
                }
            }
        }
        guard base > 0, squares > 0 else { return (nil, nil) }
        let share = hits / base
        let effective = base * base / squares
        return (share, Wilson.interval(share: share, n: effective))
    }
}
