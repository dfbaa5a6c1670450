import Foundation
import TryggCore
import TryggStore

/// Residents expect an answer, and a tip is public only once a samordnare has reviewed it: on a
/// day tips wait, the samordnare who have notices on hear it once, in the morning, rather than
/// once per tip.
extension Notices {
    /// Not before this hour, Swedish time: a notice at five past midnight is read as spam.
    static let tipMorningHour = 7

    /// Queues the day's message when tips wait for review. Returns how many were newly queued.
    @discardableResult
    public func tipsWaiting(now: Date = TryggClock.now) async throws -> Int {
        let local = StockholmCalendar.local(now)
        guard local.hour >= Self.tipMorningHour else { return 0 }
        let waiting = try await CitizenStore(scope).list(filter: CitizenStore.Filter(statuses: [.received], limit: 5_000))
        guard let oldest = waiting.map(\.submittedAt).min() else { return 0 }
        let readers = try await NoticeRecipientStore(scope).users(roles: [.samordnare])
        let link = url(SiteRoutes.citizenReports.path(query: [("status", CitizenReportStatus.received.rawValue)]))
        let count = SwedishGrammar.count(waiting.count, "tips", "tips")
        let notices = Set(readers.map { $0.email.lowercased() }).filter(MailAddress.isUsable).sorted().map { address in
            OutgoingNotice(
                key: "tips att granska:\(local.dateText):\(address)", kind: "tips att granska",
                message: MailMessage(
                    to: address, subject: "\(count) från invånare väntar på granskning",
                    body: letter(
                        "\(count) från invånare i \(kommun.name) väntar på granskning. Det äldsta kom \(SwedishTime.minute(oldest)).",
                        "Ett tips publiceras först när det har granskats, och den som lämnat sin e-postadress väntar på svar.",
                        link: ("Granska tipsen i Trygg", link))))
        }
        return try await OutboxStore(scope).enqueue(notices)
    }
}
