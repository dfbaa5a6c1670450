import Foundation
import TryggCore
import TryggStore

/// What waits for the user, by role, first on the start page: the samordnare's tips to review,
/// the follow-up's progress, the week's lägesbild and insatser past their end; the officer's
/// measures to answer and answers sent back; the partner's published lägesbild and own insatser.
struct HomeWork {
    struct Item {
        let title: String
        let text: String
        let href: String
        let linkText: String
        /// Past a deadline, or sent back: shown first and marked.
        let urgent: Bool
    }

    /// The open follow-up round as the user's organisation answers it: how far it has come.
    struct Answering {
        let round: FollowUpRound
        /// Answered and not sent back.
        let answered: Int
        let total: Int

        var isDone: Bool { answered == total }

        /// "SF har besvarat 5 av 14 åtgärder. Sista svarsdag …", or that all are answered and can still be changed.
        func summary(for organisation: String) -> String {
            guard isDone else {
                return "\(organisation) har besvarat \(answered) av \(SwedishGrammar.count(total, "åtgärd", "åtgärder")). Sista svarsdag \(round.deadline)."
            }
            return
                (total == 1
                ? "\(organisation) har besvarat sin åtgärd. Svaret kan ändras"
                : "\(organisation) har besvarat alla sina \(SwedishNumber.integer(total)) åtgärder. Svaren kan ändras")
                + " till sista svarsdag \(round.deadline)."
        }
    }

    /// The work, most urgent first, and the open follow-up round when the user's organisation
    /// answers for a measure in it (the start page also links it among its shortcuts).
    struct Found {
        let items: [Item]
        let answering: Answering?
    }

    static func find(for user: UserAccount, in kommun: KommunScope) async throws -> Found {
        let today = SwedishTime.date(TryggClock.now)
        var items: [Item] = []
        var answering: Answering?
        if user.role.allows(.moderateCitizenReports), let waiting = try await CitizenStore(kommun).countByStatus()[.received], waiting > 0 {
            items.append(
                Item(
                    title: "\(waiting) tips väntar på granskning",
                    text: "Invånarnas tips publiceras först när de har granskats.",
                    href: SiteRoutes.citizenReports.path(query: [("status", CitizenReportStatus.received.rawValue)]), linkText: "Granska tipsen",
                    urgent: false))
        }
        if let round = try await FollowUpStore(kommun).rounds().first(where: { $0.state == .open }) {
            let found = try await followUp(round, user: user, kommun: kommun, today: today)
            items += found.items
            answering = found.answering
        }
        if user.role.allows(.leadEST) {
            let lastWeek = ISOWeek.containing(TryggClock.now).adding(-1)
            if try await ESTStore(kommun).week(lastWeek).publishedAt == nil {
                items.append(
                    Item(
                        title: "Lägesbilden för vecka \(lastWeek.week) är inte publicerad",
                        text: "EST-gruppens bedömning och insatser för förra veckan.", href: SiteRoutes.week.path(lastWeek),
                        linkText: "Till vecka \(lastWeek.week)", urgent: false))
            }
            let overdue = try await InsatsStore(kommun).all().filter { $0.status.isOpen && !$0.dueOn.isEmpty && $0.dueOn < today }
            if !overdue.isEmpty {
                items.append(
                    Item(
                        title: "\(SwedishGrammar.count(overdue.count, "insats", "insatser")) har passerat sitt slutdatum",
                        text: "Följ upp och avsluta: " + SwedishGrammar.firstFew(overdue.map(\.what)),
                        href: SiteRoutes.insatser.path, linkText: "Till insatserna", urgent: true))
            }
        }
        if user.role == .partner {
            items += try await partner(user, kommun: kommun)
        }
        if user.role.allows(.editLagesbild), let due = try await lagesbildDue(kommun, today: today) {
            items.append(due)
        }
        items += try await sharingOffers(for: user, in: kommun)
        items += try await administration(for: user, in: kommun)
        items += try await SamverkanWork.items(for: user, in: kommun, today: today)
        items += try await InspectionWork.items(for: user, in: kommun, today: today)
        return Found(items: items.filter(\.urgent) + items.filter { !$0.urgent }, answering: answering)
    }

    /// The samordnare sees the whole round; an officer (and the samordnare for her own
    /// organisation) the measures still to answer and the answers sent back. `answering`: set when
    /// the user's organisation answers for a measure of the round.
    static func followUp(
        _ round: FollowUpRound, user: UserAccount, kommun: KommunScope, today: String
    ) async throws -> (items: [Item], answering: Answering?) {
        var items: [Item] = []
        var answering: Answering?
        let answers = try await FollowUpStore(kommun).answers(roundID: round.id)
        let overdue = round.deadline < today
        if user.role.allows(.editPlan) {
            // Counted as the round's own page counts: a measure is answered when every responsible
            // organisation has answered it, and an answer sent back is still to give.
            let summary = FollowUpSummary(
                measures: try await PlanStore(kommun).measures(planID: round.planID), answers: answers,
                organisations: try await OrganisationStore(kommun).organisations())
            let total = summary.overall.total, unanswered = summary.overall.unanswered
            let organisations = Set(summary.missing.map(\.organisation)).count
            items.append(
                Item(
                    title: "Uppföljning \(round.year): \(total - unanswered) av \(total) åtgärder besvarade",
                    text: organisations == 0
                        ? "Alla åtgärder är besvarade; granska och stäng omgången."
                        : "\(SwedishGrammar.count(organisations, "organisation", "organisationer")) har svar kvar att ge. Sista svarsdag \(round.deadline)"
                            + (overdue ? " har passerat." : "."),
                    href: SiteRoutes.followUpRound.path(round.id), linkText: "Till uppföljningen", urgent: overdue && organisations > 0))
        }
        if user.role.allows(.answerFollowUp) {
            let mine = try await PlanStore(kommun).measures(planID: round.planID, filter: MeasureFilter(responsibleOrganisation: user.organisation.id))
            let own = answers.filter { $0.organisationID == user.organisation.id }
            let unanswered = mine.filter { measure in !own.contains { $0.measureID == measure.id } }.count
            let returned = own.filter { $0.state == .returned }.count
            if !mine.isEmpty { answering = Answering(round: round, answered: mine.count - unanswered - returned, total: mine.count) }
            if unanswered + returned > 0, let answering {
                items.append(
                    Item(
                        title: "\(user.organisation.abbreviation): \(SwedishGrammar.count(unanswered, "åtgärd", "åtgärder")) att besvara"
                            + (returned > 0 ? ", \(SwedishGrammar.count(returned, "återskickad", "återskickade"))" : ""),
                        text: returned > 0
                            ? "Samordnaren har skickat tillbaka svar för komplettering. Sista svarsdag \(round.deadline)."
                            : "Uppföljning \(round.year): " + answering.summary(for: user.organisation.abbreviation),
                        href: SiteRoutes.followUpMine.path(round.id), linkText: "Svara för \(user.organisation.abbreviation)",
                        urgent: returned > 0 || overdue))
            }
        }
        return (items, answering)
    }

    /// For those who write the lägesbild: the law wants one renewed at least every second year;
    /// overdue (or never decided) is urgent, due within three months is a reminder.
    static func lagesbildDue(_ kommun: KommunScope, today: String) async throws -> Item? {
        guard let due = LagesbildRules.due(nextDue: try await LagesbildStore(kommun).nextDueInForce(), today: today) else { return nil }
        let title =
            switch due {
            case .noneDecided: "Ingen beslutad lägesbild"
            case .overdue: "Lägesbilden behöver förnyas"
            case .soon: "Nästa lägesbild närmar sig"
            }
        return Item(title: title, text: due.message, href: SiteRoutes.lagesbildDocuments.path, linkText: "Till lägesbilden", urgent: due.isUrgent)
    }

    /// Another kommun has offered to share a survey or ROS with this one: nothing is shared until
    /// this kommun says yes, so the offer waits as work for those who may accept it.
    static func sharingOffers(for user: UserAccount, in kommun: KommunScope) async throws -> [Item] {
        let mayAcceptSurveys = user.role.allows(.editSurveys), mayAcceptROS = user.role.allows(.planInspections)
        guard mayAcceptSurveys || mayAcceptROS else { return [] }
        let waiting = try await SharingStore(kommun).offersAwaitingAnswer().filter { $0.subject == .survey ? mayAcceptSurveys : mayAcceptROS }
        guard !waiting.isEmpty else { return [] }
        let names = try await KommunStore(kommun.database).names()
        return waiting.map { offer in
            let from = names[offer.ownerID] ?? "En annan kommun"
            let text = "Vad som delas: \(offer.what)\(offer.what.hasSuffix(".") ? "" : ".") Inget delas förrän ni har godkänt."
            return offer.subject == .survey
                ? Item(
                    title: "\(from) erbjuder en gemensam enkät", text: text,
                    href: SiteRoutes.surveys.path, linkText: "Svara på erbjudandet", urgent: false)
                : Item(
                    title: "\(from) erbjuder ROS-samverkan", text: text,
                    href: SiteRoutes.inspectionSettings.path, linkText: "Svara på erbjudandet", urgent: false)
        }
    }

    /// The administrator's and samordnare's housekeeping: messages the relay refused or never took
    /// (the outbox gives up after three days) and organisation names read from the plan that
    /// nobody has confirmed yet.
    static func administration(for user: UserAccount, in kommun: KommunScope) async throws -> [Item] {
        var items: [Item] = []
        if user.role.allows(.readOutbox) {
            let failed = try await OutboxStore(kommun).count(state: .failed)
            if failed > 0 {
                items.append(
                    Item(
                        title: "\(failed) utskick kunde inte skickas",
                        text: "E-postservern vägrade ta emot dem, eller svarade inte på tre dagar. Se felet och kontrollera adresserna.",
                        href: SiteRoutes.outbox.path, linkText: "Till utskicken", urgent: true))
            }
        }
        if user.role.allows(.administerKommun) {
            let unconfirmed = try await OrganisationStore(kommun).organisations().current.filter { !$0.nameConfirmed }
            if !unconfirmed.isEmpty {
                items.append(
                    Item(
                        title: "\(SwedishGrammar.count(unconfirmed.count, "organisation", "organisationer")) med obekräftat namn",
                        text: "Förkortningar ur planen som ingen har bekräftat: "
                            + unconfirmed.prefix(5).map(\.abbreviation).joined(separator: ", ") + (unconfirmed.count > 5 ? " …" : "") + ".",
                        href: SiteRoutes.organisations.path, linkText: "Bekräfta namnen", urgent: false))
            }
            let unused = try await UserStore(kommun).unused()
            if !unused.isEmpty {
                items.append(
                    Item(
                        title: "\(SwedishGrammar.count(unused.count, "konto", "konton")) som ingen använder",
                        text: "Inaktivera de konton som inte behövs, till exempel för den som slutat. Inte inloggade på ett halvår, eller aldrig: "
                            + SwedishGrammar.firstFew(unused),
                        href: SiteRoutes.users.path, linkText: "Till användarna", urgent: false))
            }
            // The public pages name where residents turn about their data and about barriers;
            // until the kommun gives addresses they can only say "contact the kommun".
            let information = try await PublicInformationStore(kommun).saved() ?? .defaults(for: user.kommun)
            if information.privacyContact.isEmpty || information.accessibilityContact.isEmpty {
                items.append(
                    Item(
                        title: "Kontaktadresser saknas på de offentliga sidorna",
                        text: "Ange dataskyddsombudets e-postadress och vart invånare rapporterar brister i tillgängligheten.",
                        href: SiteRoutes.citizenAdmin.path, linkText: "Ange adresserna", urgent: false))
            }
        }
        return items
    }

    static func partner(_ user: UserAccount, kommun: KommunScope) async throws -> [Item] {
        var items: [Item] = []
        if let published = try await ESTStore(kommun).publishedWeeks(limit: 1).first {
            items.append(
                Item(
                    title: "Senaste publicerade lägesbild: vecka \(published.week.week)", text: "EST-gruppens bild av veckan, delad med samverkansparterna.",
                    href: SiteRoutes.weekReport.path(published.week), linkText: "Läs lägesbilden", urgent: false))
        }
        let insatser = try await InsatsStore(kommun).all().filter { $0.organisationID == user.organisation.id && $0.status.isOpen }
        if !insatser.isEmpty {
            items.append(
                Item(
                    title: "\(user.organisation.abbreviation) ansvarar för \(SwedishGrammar.count(insatser.count, "pågående insats", "pågående insatser"))",
                    text: SwedishGrammar.firstFew(insatser.map(\.what)),
                    // The week the latest was decided: partners read the weeks, not the EST group's insats pages.
                    href: SiteRoutes.week.path(insatser.map(\.decidedWeek).max()!), linkText: "Till veckan", urgent: false))
        }
        // The measures of the plan in force the partner's organisation is responsible for.
        if let plan = try await PlanStore(kommun).planInForce() {
            let own = try await PlanStore(kommun).measures(planID: plan.id, filter: MeasureFilter(responsibleOrganisation: user.organisation.id))
            if !own.isEmpty {
                items.append(
                    Item(
                        title:
                            "\(user.organisation.abbreviation) ansvarar för \(SwedishGrammar.count(own.count, "åtgärd", "åtgärder")) i åtgärdsplanen \(plan.year)",
                        text: SwedishGrammar.firstFew(own.map { $0.label(limit: 80) }),
                        href: SiteRoutes.planYear.path(plan.year, query: [("ansvarig", user.organisation.id.uuidString)]),
                        linkText: "Se \(SwedishGrammar.possessive(user.organisation.abbreviation, "åtgärder"))", urgent: false))
            }
        }
        return items
    }
}
