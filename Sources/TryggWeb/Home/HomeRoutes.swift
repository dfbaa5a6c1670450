import Hummingbird
import TryggCore
import TryggStore

/// The start page, shaped by the user's role.
struct HomeRoutes {
    let deps: AppDependencies

    struct HomeView {
        struct Card {
            let title: String
            let text: String
            let href: String
            let linkText: String
        }

        let greeting: String
        let introduction: String
        let cards: [Card]
        let secondFactorAdvice: Bool
        /// What waits for the user (`HomeWork`), most urgent first.
        let work: [HomeWork.Item]
        let hasWork: Bool
        /// Those who report EST events without reading them all: a large button and their latest
        /// reports, first for the rapportör (it is her work), last for an officer (whose work is the
        /// follow-up and the plan; reporting is now and then).
        let reportHref: String?
        let reportsFirst: Bool
        let reportsLater: Bool
        let latestReports: [ReportLine]
        let hasLatestReports: Bool
    }

    struct ReportLine {
        let when: String
        let category: String
        let place: String
        let href: String
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.home) { _, context in
            let user = context.user
            let areaCount = try await AreaStore(context.kommun).count()
            let organisationCount = try await OrganisationStore(context.kommun).organisationCount()
            let isAdmin = user.role.allows(.administerKommun)
            // The plan, where the kommun's information stands, then the reference data.
            let plan = try await PlanStore(context.kommun).plans().first.map { plan in
                HomeView.Card(
                    title: "Åtgärdsplan \(plan.year)",
                    text: "\(plan.status.displayName). Filtrera på målområde, ansvarig organisation eller samverkanspart.",
                    href: SiteRoutes.planYear.path(plan.year), linkText: "Öppna planen")
            }
            var cards: [HomeView.Card] =
                [plan].compactMap { $0 } + (try await HomeOverview.cards(for: user, in: context.kommun)) + [
                    .init(
                        title: "Områden", text: "Kommunens prioriterade områden där kartläggning sker (\(areaCount) st).",
                        href: SiteRoutes.areas.path, linkText: "Visa områden"),
                    .init(
                        title: "Organisationer", text: "Förvaltningar, enheter och externa samverkansparter (\(organisationCount) st).",
                        href: SiteRoutes.organisations.path, linkText: "Visa organisationer"),
                ]
            let work = try await HomeWork.find(for: user, in: context.kommun)
            // The round is the user's business only when her organisation answers for a measure in
            // it; while answers are missing the work list already says so, so the card is for a
            // finished part whose answers can still be changed.
            if let answering = work.answering, answering.isDone {
                let organisation = user.organisation.abbreviation
                cards.insert(
                    .init(
                        title: "Uppföljning \(answering.round.year) pågår", text: answering.summary(for: organisation),
                        href: SiteRoutes.followUpMine.path(answering.round.id),
                        linkText: "Se \(SwedishGrammar.possessive(organisation, "svar"))"), at: 0)
            }
            if isAdmin {
                let accounts = try await UserStore(context.kommun).count()
                cards.append(
                    .init(
                        title: "Användare", text: "Lägg till användare, ge roller och inaktivera konton (\(accounts) konton).",
                        href: SiteRoutes.users.path, linkText: "Hantera användare"))
                cards.append(
                    .init(
                        title: "Granskningslogg", text: "Sök i loggen över alla ändringar: vem, när, vad och varifrån.",
                        href: SiteRoutes.audit.path, linkText: "Öppna loggen"))
            }
            var reportHref: String?
            var latest: [ReportLine] = []
            // Those who report without reading every event: the rapportör, the officer and the partners
            // (the housing company's caretakers report damage; the police their own observations).
            // The administrator does not report in her role.
            if !user.role.allows(.readAllIncidents) && user.role != .admin {
                reportHref = SiteRoutes.incidentForm.path
                let names = Dictionary(uniqueKeysWithValues: try await CategoryStore(context.kommun).all().map { ($0.id, $0.name) })
                latest = try await IncidentStore(context.kommun).list(filter: .init(reporterID: user.id, limit: 5)).map {
                    ReportLine(
                        when: SwedishTime.minute($0.occurredAt), category: names[$0.categoryID] ?? "", place: $0.place,
                        href: SiteRoutes.incident.path($0.id))
                }
            }
            let view = HomeView(
                greeting: "Välkommen, \(user.name)", introduction: HomeIntroduction.sentence(for: user),
                cards: cards, secondFactorAdvice: user.role.mayUseSecondFactor && !user.secondFactorEnabled, work: work.items, hasWork: !work.items.isEmpty,
                reportHref: reportHref, reportsFirst: reportHref != nil && user.role == .rapportor,
                reportsLater: reportHref != nil && user.role != .rapportor,
                latestReports: latest, hasLatestReports: !latest.isEmpty)
            return deps.renderer.page(.home, title: "Start", context: context, content: view)
        }
    }
}
