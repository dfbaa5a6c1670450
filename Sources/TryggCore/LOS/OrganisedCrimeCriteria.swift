import Foundation

/// The EU's eleven criteria for organised crime (as Polismyndigheten publishes them). A
/// phenomenon or network meets the definition when at least six criteria are met and every
/// mandatory one is. Which are mandatory is the kommun's setting: the programme (seed 000 §1.4)
/// says 1–4, polisen.se says 1, 3, 5 and 11; the programme's reading is the default.
public enum EUCriteria {
    public static let all: [(number: Int, text: String)] = [
        (1, "Samarbete mellan fler än två personer"),
        (2, "Var och en har egna uppgifter"),
        (3, "Under en längre eller obestämd tid"),
        (4, "Med någon form av disciplin och kontroll"),
        (5, "Misstänkta för allvarlig brottslighet"),
        (6, "Verksamma på internationell nivå"),
        (7, "Använder våld eller andra metoder för hot"),
        (8, "Använder kommersiella eller affärsmässiga strukturer"),
        (9, "Ägnar sig åt penningtvätt"),
        (10, "Utövar inflytande på politik, medier, offentlig förvaltning, rättsväsende eller ekonomi"),
        (11, "Drivs av strävan efter vinning och/eller makt"),
    ]

    /// What the programme names as mandatory (seed 000 §1.4).
    public static let programmeMandatory: Set<Int> = [1, 2, 3, 4]
    /// What polisen.se names as mandatory.
    public static let policeMandatory: Set<Int> = [1, 3, 5, 11]
    public static let required = 6

    /// Who may see and write the assessments: the samordnare and the police.
    public static func mayAssess(_ user: UserAccount) -> Bool {
        user.role == .samordnare || (user.role == .partner && user.organisation.isPolice)
    }
}

/// One assessment of a phenomenon or network against the criteria, described without personal data.
public struct CriteriaAssessment: Sendable, Equatable {
    public struct Criterion: Sendable, Equatable, Codable {
        public var number: Int
        public var met: Bool
        /// What the assessment rests on (required for a criterion marked as met).
        public var evidence: String

        public init(number: Int, met: Bool, evidence: String) {
            self.number = number
            self.met = met
            self.evidence = evidence
        }
    }

    public struct Outcome: Sendable, Equatable {
        public let met: Int
        public let missingMandatory: [Int]
        public var fulfils: Bool { met >= EUCriteria.required && missingMandatory.isEmpty }

        public var text: String {
            if fulfils { return "Uppfyller definitionen: \(met) av 11 kriterier, alla obligatoriska." }
            var reasons: [String] = []
            if met < EUCriteria.required { reasons.append("\(met) av 11 kriterier är uppfyllda (minst \(EUCriteria.required) krävs)") }
            if !missingMandatory.isEmpty { reasons.append("obligatoriska kriterier saknas: \(missingMandatory.map(String.init).joined(separator: ", "))") }
            return "Uppfyller inte definitionen: " + reasons.joined(separator: "; ") + "."
        }
    }

    public var id: UUID
    public var title: String
    public var description: String
    /// `yyyy-MM-dd`.
    public var assessedOn: String
    /// Functions, not names of persons ("Kommunpolis och säkerhetssamordnare").
    public var assessedBy: String
    public var criteria: [Criterion]

    public init(id: UUID, title: String, description: String, assessedOn: String, assessedBy: String, criteria: [Criterion]) {
        self.id = id
        self.title = title
        self.description = description
        self.assessedOn = assessedOn
        self.assessedBy = assessedBy
        self.criteria = criteria
    }

    public func outcome(mandatory: Set<Int>) -> Outcome {
        let met = Set(criteria.filter(\.met).map(\.number))
        return Outcome(met: met.count, missingMandatory: mandatory.subtracting(met).sorted())
    }

    public func problems() -> [String] {
        var problems: [String] = []
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 { problems.append("Beskriv fenomenet eller nätverket med en rubrik (högst 200 tecken).") }
        if description.count > 10_000 { problems.append("Beskrivningen får vara högst 10 000 tecken.") }
        if !StockholmCalendar.isDate(assessedOn) { problems.append("Ange bedömningens datum (åååå-mm-dd).") }
        if assessedBy.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("Ange vilka funktioner som gjorde bedömningen.") }
        if Set(criteria.map(\.number)) != Set(1...11) || criteria.count != 11 { problems.append("Bedömningen ska ta ställning till alla elva kriterier.") }
        let unsupported = criteria.filter { $0.met && $0.evidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.map(\.number)
        if !unsupported.isEmpty {
            problems.append("Kriterium \(unsupported.map(String.init).joined(separator: ", ")) är markerat som uppfyllt men saknar underlag.")
        }
        if criteria.contains(where: { $0.evidence.count > 4000 }) { problems.append("Underlaget för ett kriterium får vara högst 4 000 tecken.") }
        return problems
    }
}
