import Foundation
import TryggCore
import TryggStore

/// The e-mail notices of the daily work, written in Swedish with a link into Trygg and queued
/// in the outbox (`OutboxStore`); the sender (`NoticeSender`) hands them to the relay.
public struct Notices: Sendable {
    let database: TryggDatabase
    let kommun: Kommun
    /// The address people reach Trygg at, without a trailing slash.
    let baseURL: String

    public init(database: TryggDatabase, kommun: Kommun, baseURL: String) {
        self.database = database
        self.kommun = kommun
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    var scope: KommunScope { KommunScope(database, kommunID: kommun.id) }

    /// Who answers for an organisation: its contact address and its officers and partners who
    /// have notices on. One address, one message, however many organisations it serves. A retired
    /// organisation is asked nothing: nobody answers in its name any more.
    func respondents(of organisationIDs: Set<UUID>) async throws -> [String: Set<UUID>] {
        let organisationIDs = organisationIDs.intersection(try await OrganisationStore(scope).organisations().current.map(\.id))
        var addresses: [String: Set<UUID>] = [:]
        for (organisationID, address) in try await NoticeRecipientStore(scope).contactAddresses() where organisationIDs.contains(organisationID) {
            addresses[address.lowercased(), default: []].insert(organisationID)
        }
        for user in try await NoticeRecipientStore(scope).users(roles: [.ansvarig, .partner, .samordnare], organisationIDs: organisationIDs) {
            addresses[user.email.lowercased(), default: []].insert(user.organisationID)
        }
        return addresses.filter { MailAddress.isUsable($0.key) }
    }

    /// The follow-up round is open: every organisation with measures in the plan is asked to answer.
    public func roundOpened(_ round: FollowUpRound) async throws {
        let measures = try await PlanStore(scope).measures(planID: round.planID).filter { !$0.retired }
        let owners = Set(measures.flatMap(\.responsibleOrganisations))
        let organisations = try await organisationNames()
        let link = url(SiteRoutes.followUpMine.path(round.id))
        let notices = try await respondents(of: owners).map { address, organisationIDs in
            let names = organisationIDs.compactMap { organisations[$0] }.sorted()
            let count = measures.filter { !Set($0.responsibleOrganisations).isDisjoint(with: organisationIDs) }.count
            return OutgoingNotice(
                key: "uppföljning öppnad:\(round.id):\(address)", kind: "uppföljning öppnad",
                message: MailMessage(
                    to: address, subject: "Uppföljning av åtgärdsplanen \(round.year): svara senast \(round.deadline)",
                    body: letter(
                        "\(kommun.name) har öppnat den årliga uppföljningen av åtgärdsplanen \(round.year).",
                        "\(SwedishGrammar.list(names)) ansvarar för \(SwedishGrammar.count(count, "åtgärd", "åtgärder")) och ombeds beskriva hur arbetet har gått.",
                        "Sista svarsdag: \(round.deadline).",
                        link: ("Svara i Trygg", link))))
        }
        try await OutboxStore(scope).enqueue(notices)
    }

    /// Reminders to the organisations that still have measures to answer (or answers sent back),
    /// at the stages of `schedule`. Returns how many were newly queued.
    @discardableResult
    public func reminders(today: String, schedule: ReminderSchedule) async throws -> Int {
        var queued = 0
        for round in try await FollowUpStore(scope).rounds() where round.state == .open {
            guard let stage = schedule.stage(deadline: round.deadline, today: today) else { continue }
            queued += try await remind(round, key: stage.rawValue, overdue: stage == .overdue)
        }
        return queued
    }

    /// The samordnare's "Påminn nu": the same reminder at once, at most once a day.
    @discardableResult
    public func remindNow(_ round: FollowUpRound, today: String) async throws -> Int {
        try await remind(round, key: "manuell \(today)", overdue: round.deadline < today)
    }

    /// Queues a reminder to every organisation with measures left to answer (or sent back) in the round.
    private func remind(_ round: FollowUpRound, key: String, overdue: Bool) async throws -> Int {
        let measures = try await PlanStore(scope).measures(planID: round.planID).filter { !$0.retired }
        let answers = try await FollowUpStore(scope).answers(roundID: round.id)
        let done = Set(answers.filter { $0.state == .submitted }.map { "\($0.measureID):\($0.organisationID)" })
        var outstanding: [UUID: Int] = [:]
        for measure in measures {
            for owner in measure.responsibleOrganisations where !done.contains("\(measure.id):\(owner)") {
                outstanding[owner, default: 0] += 1
            }
        }
        guard !outstanding.isEmpty else { return 0 }
        let organisations = try await organisationNames()
        let link = url(SiteRoutes.followUpMine.path(round.id))
        let when =
            overdue
            ? "Sista svarsdagen \(round.deadline) har passerat; svara så snart som möjligt." : "Sista svarsdag är \(round.deadline)."
        let notices = try await respondents(of: Set(outstanding.keys)).map { address, organisationIDs in
            let count = organisationIDs.reduce(0) { $0 + (outstanding[$1] ?? 0) }
            let names = SwedishGrammar.list(organisationIDs.compactMap { organisations[$0] }.sorted())
            return OutgoingNotice(
                key: "påminnelse:\(round.id):\(key):\(address)", kind: "påminnelse",
                message: MailMessage(
                    to: address,
                    subject: overdue
                        ? "Försenad: uppföljningen av åtgärdsplanen \(round.year)" : "Påminnelse: uppföljningen av åtgärdsplanen \(round.year)",
                    body: letter(
                        "\(names) har \(SwedishGrammar.count(count, "åtgärd", "åtgärder")) kvar att besvara i uppföljningen av åtgärdsplanen \(round.year).",
                        when, link: ("Svara i Trygg", link))))
        }
        return try await OutboxStore(scope).enqueue(notices)
    }

    /// The samordnare sent an answer back for completion.
    public func answerReturned(roundID: UUID, measureID: UUID, organisationID: UUID, comment: String) async throws {
        guard let round = try await FollowUpStore(scope).round(id: roundID), let measure = try await PlanStore(scope).measure(id: measureID)?.measure
        else { return }
        let link = url(SiteRoutes.followUpMine.path(roundID, query: [("visa", "aterskickade")]))
        let stamp = Int(TryggClock.now.timeIntervalSince1970)
        let notices = try await respondents(of: [organisationID]).keys.map { address in
            OutgoingNotice(
                key: "återskickat:\(roundID):\(measureID):\(organisationID):\(stamp):\(address)", kind: "svar återskickat",
                message: MailMessage(
                    to: address, subject: "Komplettera svaret om åtgärd \(measure.row.groupNumber).\(measure.row.position)",
                    body: letter(
                        "Samordnaren har skickat tillbaka svaret om åtgärd \(measure.row.groupNumber).\(measure.row.position) i uppföljningen av åtgärdsplanen \(round.year):",
                        "”\(SwedishGrammar.excerpt(measure.row.measure, limit: 200))”", "Det här behöver kompletteras: \(comment)",
                        "Sista svarsdag: \(round.deadline).",
                        link: ("Komplettera i Trygg", link))))
        }
        try await OutboxStore(scope).enqueue(notices)
    }

    /// The EST group published the week's lägesbild: its participants hear of it.
    public func weekPublished(_ week: ISOWeek) async throws {
        let readers = try await NoticeRecipientStore(scope).users(roles: [.samordnare, .analytiker, .rapportor, .partner])
        let link = url(SiteRoutes.week.path(week))
        let notices = Set(readers.map { $0.email.lowercased() }).filter(MailAddress.isUsable).map { address in
            OutgoingNotice(
                key: "lägesbild:\(week.description):\(address)", kind: "lägesbild publicerad",
                message: MailMessage(
                    to: address, subject: "Veckans lägesbild, vecka \(week.week) \(week.year), är publicerad",
                    body: letter(
                        "EST-gruppen i \(kommun.name) har publicerat lägesbilden för vecka \(week.week): händelserna, platserna som prioriteras och insatserna.",
                        link: ("Läs lägesbilden i Trygg", link))))
        }
        try await OutboxStore(scope).enqueue(notices)
    }

    /// A resident who left an address gets the kommun's answer to the tip.
    public func residentAnswered(reportID: UUID) async throws {
        guard let report = try await CitizenStore(scope).find(id: reportID), let address = report.email, MailAddress.isUsable(address),
            !report.answer.isEmpty
        else { return }
        let number = report.publicNumber.map { " (nr \($0))" } ?? ""
        let notice = OutgoingNotice(
            key: "svar:\(report.id):\(Int(report.updatedAt.timeIntervalSince1970))", kind: OutboxStore.residentKind,
            message: MailMessage(
                to: address, subject: "Svar på ditt tips till \(kommun.name)\(number)",
                body: [
                    "Hej!", "",
                    "Tack för ditt tips om \(report.place.isEmpty ? "en otrygg plats" : report.place). \(kommun.name) svarar:", "",
                    report.answer, "",
                    "Du kan följa ärendet med länken du fick när du lämnade tipset. Kommunens sida för trygghet: \(url(SiteRoutes.publicHome.path(kommun.slug)))",
                    "",
                    "Det här meddelandet skickades automatiskt och går inte att svara på. Din e-postadress raderas när lagringstiden för tipset har gått ut.",
                ].joined(separator: "\n")))
        try await OutboxStore(scope).enqueue([notice])
    }

    func organisationNames() async throws -> [UUID: String] {
        Dictionary(try await OrganisationStore(scope).organisations().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    func url(_ path: String) -> String { baseURL + path }

    /// A staff notice: greeting, paragraphs, the link, and how to stop them.
    func letter(_ paragraphs: String..., link: (text: String, url: String)) -> String {
        (["Hej!"] + paragraphs.filter { !$0.isEmpty } + ["\(link.text): \(link.url)"]
            + [
                "Meddelandet skickades automatiskt av Trygg, \(kommun.name). Du kan stänga av e-post från Trygg under Mitt konto (\(url(SiteRoutes.account.path))); "
                    + "en organisations kontaktadress ändras av kommunens administratör."
            ])
            .joined(separator: "\n\n")
    }
}
