import Foundation
import TryggCore
import TryggStore

/// Trygg's own data over the lägesbild's period, as a source beside the police's statistics:
/// the EST events per category, the insatser the EST group decided, the residents' tips that
/// were published, the surveys of residents made in the period and the trygghetsvandringar's
/// observations. Counts of 1–4 are hidden, as in
/// everything the document shares, and survey shares under 30 answers.
struct LagesbildOwnData: Sendable {
    struct Line: Sendable {
        let source: String
        let what: String
        let count: String
    }

    let lines: [Line]

    static func load(from: String, to: String, scope: KommunScope) async throws -> LagesbildOwnData {
        guard let start = SwedishTime.startOfDay(from), let end = SwedishTime.startOfDay(to).map({ $0.addingTimeInterval(86_400) }) else {
            return LagesbildOwnData(lines: [])
        }
        func shown(_ count: Int) -> String {
            count == 0 || count >= CrimeFigures.smallestShownCount ? SwedishNumber.integer(count) : "1–4"
        }
        var lines: [Line] = []
        let monthFrom = StockholmCalendar.local(start).monthKey, monthTo = StockholmCalendar.local(end.addingTimeInterval(-1)).monthKey
        let names = Dictionary(uniqueKeysWithValues: try await CategoryStore(scope).all().map { ($0.id, $0.name) })
        var perCategory: [UUID: Int] = [:]
        for count in try await IncidentStore(scope).monthCounts(fromMonth: monthFrom, toMonth: monthTo) {
            perCategory[count.categoryID, default: 0] += count.count
        }
        for (category, count) in perCategory.sorted(by: { $0.value > $1.value }) {
            lines.append(Line(source: "EST-händelser", what: names[category] ?? "Okänd kategori", count: shown(count)))
        }
        let insatser = try await InsatsStore(scope).all().filter { $0.decidedWeek.start >= start && $0.decidedWeek.start < end }
        lines.append(Line(source: "EST-insatser", what: "Beslutade insatser", count: shown(insatser.count)))
        let tips = try await CitizenStore(scope).list(filter: .init(statuses: [.approved, .closed], from: start, until: end, limit: 100_000))
        lines.append(Line(source: "Invånarnas tips", what: "Publicerade tips", count: shown(tips.count)))
        lines += try await surveyLines(from: from, to: to, scope: scope)
        lines += try await walkLines(from: from, to: to, scope: scope)
        return LagesbildOwnData(lines: lines)
    }

    /// The observations of the trygghetsvandringar walked in the period, per checklist category.
    static func walkLines(from: String, to: String, scope: KommunScope) async throws -> [Line] {
        // A walk planned for later in the period has not happened yet.
        let today = StockholmCalendar.local(TryggClock.now).dateText
        let walks = try await WalkStore(scope).all().filter { $0.date >= from && $0.date <= to && $0.date <= today }
        guard !walks.isEmpty else { return [] }
        let observations = try await WalkStore(scope).observations(walkIDs: walks.map(\.id))
        let perCategory = Dictionary(grouping: observations, by: \.category).mapValues(\.count)
        return [Line(source: "Trygghetsvandringar", what: "Genomförda vandringar", count: SwedishNumber.integer(walks.count))]
            + WalkObservation.Category.allCases.compactMap { category in
                perCategory[category].map {
                    Line(source: "Trygghetsvandringar", what: "Observationer: \(category.displayName)", count: SwedishNumber.integer($0))
                }
            }
    }

    /// The headline of each residents' survey whose fieldwork lies in the period: its first
    /// question's indicator for everyone, women and men (shares under 30 answers hidden).
    static func surveyLines(from: String, to: String, scope: KommunScope) async throws -> [Line] {
        var lines: [Line] = []
        let store = SurveyStore(scope)
        let minimum = try await store.minimum()
        for summary in try await store.all().reversed() where summary.survey.population == .boende {
            let survey = summary.survey
            guard survey.opensOn <= to, survey.closesOn >= from, summary.responses > 0 else { continue }
            guard let headline = try await store.results(survey, minimum: minimum).questions.first else { continue }
            let indicator = headline.question.options.filter { headline.question.indicator.contains($0.code) }.map(\.text).joined(separator: ", ")
            func share(_ cell: SurveyResults.Cell?) -> String { cell?.share.map { SwedishNumber.percent($0, places: 0) } ?? "–" }
            lines.append(
                Line(
                    source: survey.title, what: "\(headline.question.text) (\(indicator.lowercased())): alla / kvinnor / män",
                    count:
                        "\(share(headline.cell())) / \(share(headline.cell(gender: "kvinna"))) / \(share(headline.cell(gender: "man"))) (\(SwedishNumber.integer(summary.responses)) svar)"
                ))
        }
        return lines
    }
}
