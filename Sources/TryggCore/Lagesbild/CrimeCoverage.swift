import Foundation

/// The registration dates (inskrivningsdatum) the kommun's imported extracts cover. An extract
/// rarely starts on 1 January: the real one for Linköping and Norrköping runs from 6 May 2018 to
/// 30 March 2024, so its first and last years hold a part of a year each. Compared as whole
/// years they read as a rise of +900 % and a fall of −90 %; a year only partly covered is
/// therefore shown as such and left out of every comparison.
public struct CrimeCoverage: Sendable, Equatable {
    /// ISO dates, `YYYY-MM-DD`.
    public let from: String
    public let to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }

    /// Days at either end of a year that may lack reports without the year counting as partial:
    /// an extract of a few crime codes can have no report in the first days of January.
    static let slackDays = 7

    public func isComplete(_ year: Int) -> Bool {
        from <= "\(year)-01-\(String(format: "%02d", 1 + Self.slackDays))" && to >= "\(year)-12-\(31 - Self.slackDays)"
    }

    /// The years among `years` that the extracts do not cover in full.
    public func partialYears(_ years: some Sequence<Int>) -> Set<Int> {
        Set(years.filter { !isComplete($0) })
    }

    /// The part of `year` the extracts cover, as "2024-01-01 – 2024-03-30"; nil when none.
    public func coveredPart(of year: Int) -> String? {
        let start = max(from, "\(year)-01-01"), end = min(to, "\(year)-12-31")
        return start <= end ? "\(start) – \(end)" : nil
    }

    /// A sentence on `year` when it is partial, for pages and reports.
    public func partialNote(_ year: Int) -> String? {
        guard !isComplete(year) else { return nil }
        guard let part = coveredPart(of: year) else {
            return "\(year) ligger utanför uttagets period (inskrivningsdatum \(from) – \(to)): här finns bara brott som begicks då men anmäldes senare."
        }
        return "Uttaget täcker bara \(part) av \(year) (inskrivningsdatum): antalen gäller den delen av året och jämförs inte med hela år."
    }
}
