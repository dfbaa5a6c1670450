import Foundation
import TryggCore
import TryggStore

/// Where the kommun's own information stands, as shortcuts on the start page of those who read
/// all of it (the samordnare and the analyst): this week's EST events and the coming public
/// gatherings the police have decided on, the police's latest extract in the kartläggning, the
/// newest survey. Not work, so after it and without urgency
/// (last week's unpublished lägesbild is work, and `HomeWork` says it to those who publish).
enum HomeOverview {
    typealias Card = HomeRoutes.HomeView.Card

    static func cards(for user: UserAccount, in kommun: KommunScope) async throws -> [Card] {
        var cards: [Card] = []
        if user.role.allows(.readAllIncidents) {
            let week = ISOWeek.containing(TryggClock.now)
            let events = try await IncidentStore(kommun).count(filter: .init(from: week.start, until: week.end))
            cards.append(
                Card(
                    title: "EST vecka \(week.week)",
                    text: "\(SwedishGrammar.count(events, "händelse", "händelser")) rapporterade hittills i veckan.",
                    href: SiteRoutes.week.path(week), linkText: "Till veckan"))
            let today = TryggClock.now
            let coming = try await GatheringStore(kommun).planned(
                from: SwedishTime.date(today), to: SwedishTime.date(today.addingTimeInterval(14 * 86_400)))
            if let first = coming.first {
                cards.append(
                    Card(
                        title: "Allmänna sammankomster",
                        text: "\(SwedishGrammar.count(coming.count, "beslut", "beslut")) från polisen de närmaste två veckorna; "
                            + "först \(SwedishTime.weekdayDate(first.plannedOn)), \(first.place) (\(first.outcome.label.lowercased())).",
                        href: SiteRoutes.gatherings.path, linkText: "Till sammankomsterna"))
            }
        }
        if user.role.allows(.readCrimeStatistics) {
            let latest = try await CrimeStore(kommun).imports().first
            cards.append(
                Card(
                    title: "Kartläggning",
                    text: latest.map {
                        "Polisens senaste uttag gäller anmälningar till och med \($0.reportedTo ?? "–") (importerat \(SwedishTime.date($0.createdAt)))."
                    } ?? "Inget uttag från polisen är importerat ännu.",
                    href: SiteRoutes.crimeFigures.path, linkText: "Till anmälda brott"))
        }
        if user.role.allows(.readSurveys), let newest = try await SurveyStore(kommun).all().first {
            let survey = newest.survey
            let open = survey.isOpen(at: TryggClock.now)
            cards.append(
                Card(
                    title: survey.title,
                    text: "\(open ? "Öppen" : "Fältperiod") \(survey.opensOn) – \(survey.closesOn). "
                        + "\(SwedishGrammar.count(newest.responses, "svar", "svar"))\(open ? " hittills" : "").",
                    href: SiteRoutes.survey.path(survey.id), linkText: "Till enkäten"))
        }
        return cards
    }
}
