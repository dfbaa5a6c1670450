import Foundation

/// One answer option of a question: a stable code (what CSV imports and the JSON report use)
/// and the text residents read, in Swedish and English.
public struct SurveyOption: Sendable, Equatable, Codable {
    public let code: String
    public let text: String
    public let english: String

    public init(_ code: String, _ text: String, _ english: String) {
        self.code = code
        self.text = text
        self.english = english
    }
}

/// A question of a survey. Options are at most 64, so that one respondent's answer to a
/// question is a bit set (`SurveyAnswers`).
public struct SurveyQuestion: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// One option.
        case single
        /// Any number of options.
        case multiple
        /// Free text: never counted, visible only to the kommun's samordnare and analytiker.
        case text
        /// A place picked on the map ("vilka platser känns otrygga"): kept apart from the answer,
        /// rounded to its 100 m square, shown as a heat map.
        case place
    }

    public let code: String
    public let text: String
    public let english: String
    public let kind: Kind
    public let options: [SurveyOption]
    /// The options counted as the question's indicator (e.g. ganska/mycket otrygg and "går inte ut").
    public let indicator: [String]
    /// Options that leave the respondent out of the base ("vet inte"), as NTU reports shares.
    public let outsideBase: [String]

    public init(
        code: String, text: String, english: String, kind: Kind, options: [SurveyOption] = [], indicator: [String] = [],
        outsideBase: [String] = []
    ) {
        precondition(options.count <= 64, "högst 64 svarsalternativ")
        self.code = code
        self.text = text
        self.english = english
        self.kind = kind
        self.options = options
        self.indicator = indicator
        self.outsideBase = outsideBase
    }

    public var isCounted: Bool { kind == .single || kind == .multiple }

    /// The bit of each option, in the order of `options`.
    public func bit(of option: String) -> UInt64? {
        options.firstIndex { $0.code == option }.map { UInt64(1) << UInt64($0) }
    }

    func mask(_ codes: [String]) -> UInt64 { codes.reduce(0) { $0 | (bit(of: $1) ?? 0) } }
    public var indicatorMask: UInt64 { mask(indicator) }
    public var outsideBaseMask: UInt64 { mask(outsideBase) }
}

/// The background every survey asks, so that every figure can be split by area, gender and age.
public enum SurveyBackground {
    public static let genders: [SurveyOption] = [
        SurveyOption("kvinna", "Kvinna", "Woman"), SurveyOption("man", "Man", "Man"),
        SurveyOption("annat", "Annat", "Other"), SurveyOption("vill_ej", "Vill inte svara", "Prefer not to say"),
    ]
    public static let ageBands: [SurveyOption] = [
        SurveyOption("16-24", "16–24 år", "16–24 years"), SurveyOption("25-44", "25–44 år", "25–44 years"),
        SurveyOption("45-64", "45–64 år", "45–64 years"), SurveyOption("65+", "65 år eller äldre", "65 or older"),
    ]
    /// The area of a respondent who lives elsewhere in the kommun, always offered last.
    public static let otherArea = "Övriga kommunen"
    /// The margin in results: all areas, all genders or all ages.
    public static let all = "alla"
}
