import Foundation
import Logging
import TryggCore
import TryggMail
import TryggStore

/// How Trygg sends e-mail: the relay (none: notices are queued but not sent), the sender
/// address, the address links in messages start with, and when reminders begin.
public struct MailSettings: Sendable {
    public var smtp: SMTPSettings?
    public var fromAddress: String
    /// Where people reach Trygg, e.g. https://trygg.linkoping.se; links in messages start here.
    public var publicURL: String
    public var reminders: ReminderSchedule

    public init(
        smtp: SMTPSettings? = nil, fromAddress: String = "trygg@localhost", publicURL: String = "http://127.0.0.1:8080",
        reminders: ReminderSchedule = ReminderSchedule()
    ) {
        self.smtp = smtp
        self.fromAddress = fromAddress
        self.publicURL = publicURL
        self.reminders = reminders
    }

    /// Whether Trygg can send e-mail now (a link to choose a password among it), not only queue it.
    public var hasRelay: Bool { smtp != nil }
}

/// The job `serve` runs every few minutes and `trygg notify` runs once: queue the reminders due
/// today, hand what waits in the outbox to the relay, tidy the outbox.
public struct NoticeSender: Sendable {
    let database: TryggDatabase
    let settings: MailSettings

    public init(database: TryggDatabase, settings: MailSettings) {
        self.database = database
        self.settings = settings
    }

    public struct Report: Sendable, Equatable {
        public var reminders = 0
        public var sent = 0
        public var failed = 0
        public var waiting = 0

        /// "9 påminnelser köade, 9 meddelanden skickade, 0 misslyckade, 0 väntar": the line the
        /// server logs and `trygg notify` prints.
        public var summary: String {
            "\(SwedishGrammar.count(reminders, "påminnelse köad", "påminnelser köade")), "
                + "\(SwedishGrammar.count(sent, "meddelande skickat", "meddelanden skickade")), "
                + "\(SwedishGrammar.count(failed, "misslyckat", "misslyckade")), \(SwedishNumber.integer(waiting)) väntar"
        }
    }

    /// One run, for every kommun or one. Without a relay nothing is sent; the messages wait.
    /// `retryNow` sends what waits without waiting out the pause after a failed attempt.
    public func run(kommun slug: String? = nil, retryNow: Bool = false, now: Date = TryggClock.now) async throws -> Report {
        var report = Report()
        var kommuner = try await KommunStore(database).all()
        if let slug {
            kommuner = kommuner.filter { $0.slug == slug }
            guard !kommuner.isEmpty else { throw StoreError.notFound("Kommunen \(slug)") }
        }
        let today = StockholmCalendar.local(now).dateText
        for kommun in kommuner {
            let notices = Notices(database: database, kommun: kommun, baseURL: settings.publicURL)
            report.reminders += try await notices.reminders(today: today, schedule: settings.reminders)
            report.reminders += try await notices.tipsWaiting(now: now)
            report.reminders += try await notices.promiseFollowUpsMissing(today: today)
        }
        let outbox = OutboxDelivery(database)
        try await outbox.purge(now: now)
        let only = slug == nil ? nil : kommuner.first.map { OutboxStore(KommunScope(database, kommunID: $0.id)) }
        if let smtp = settings.smtp {
            let client = SMTPClient(settings: smtp, senderAddress: settings.fromAddress)
            while true {
                // Read the clock again: the reminders just queued carry the time they were queued.
                let dueBy = retryNow ? Date.distantFuture : max(now, TryggClock.now)
                let due: [OutboxEntry]
                if let only { due = try await only.due(now: dueBy, limit: 100) } else { due = try await outbox.due(now: dueBy, limit: 100) }
                if due.isEmpty { break }
                var progressed = false
                for (entry, outcome) in zip(due, await client.send(due.map(\.message))) {
                    switch outcome {
                    case .sent:
                        try await outbox.markSent(entry, now: now)
                        report.sent += 1
                        progressed = true
                    case .failed(let error):
                        try await outbox.markFailed(entry, error: error.description, permanent: error.isPermanent, now: now)
                        report.failed += 1
                    }
                }
                // A relay that refuses everything is tried again at the next run, not in a loop.
                if !progressed || due.count < 100 { break }
            }
        }
        for kommun in kommuner { report.waiting += try await OutboxStore(KommunScope(database, kommunID: kommun.id)).count(state: .waiting) }
        return report
    }
}

extension NoticeSender {
    /// Sends one queued message at once: a password link should not wait for the next run. When
    /// the relay does not take it, it stays in the outbox and the job tries again.
    func sendNow(key: String, in scope: KommunScope) async throws {
        guard let smtp = settings.smtp, let entry = try await OutboxStore(scope).entry(key: key), entry.state == .waiting else { return }
        let outbox = OutboxDelivery(database)
        switch await SMTPClient(settings: smtp, senderAddress: settings.fromAddress).send([entry.message]).first {
        case .sent: try await outbox.markSent(entry)
        case .failed(let error): try await outbox.markFailed(entry, error: error.description, permanent: error.isPermanent)
        case nil: break
        }
    }
}

extension PeriodicJob {
    /// Reminders and the outbox, every five minutes: a notice waits at most that long.
    public static func notices(_ database: TryggDatabase, settings: MailSettings) -> PeriodicJob {
        PeriodicJob(name: "notices", interval: .seconds(300)) { logger in
            let report = try await NoticeSender(database: database, settings: settings).run()
            if report.sent + report.failed + report.reminders > 0 {
                logger.info("E-post: \(report.summary).")
            }
        }
    }
}
