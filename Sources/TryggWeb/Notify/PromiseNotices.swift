import Foundation
import TryggCore
import TryggStore

/// A medborgarlöfte is followed up every month or quarter and the follow-ups are published to
/// residents: when a period has ended without one, those who carry the promise's activities (the
/// police, a förvaltning) hear it once for that period.
extension Notices {
    /// Queues the reminders for the period just ended of every promise that lacks its follow-up.
    /// Older gaps stay on the start page only: a new installation does not mail a year of them.
    @discardableResult
    public func promiseFollowUpsMissing(today: String) async throws -> Int {
        let store = PromiseStore(scope)
        let promises = try await store.all()
        guard !promises.isEmpty else { return 0 }
        let followUps = try await store.followUps(promiseIDs: promises.map(\.id))
        var notices: [OutgoingNotice] = []
        for promise in promises {
            let current = promise.period(containing: today)
            guard let ended = promise.periods.last(where: { $0 < current }),
                promise.missing(followUps: followUps[promise.id] ?? [], today: today).contains(ended)
            else { continue }
            let link = url(SiteRoutes.promise.path(promise.id))
            let carriers = Set(promise.activities.map(\.responsibleID))
            for address in try await respondents(of: carriers).keys.sorted() {
                notices.append(
                    OutgoingNotice(
                        key: "löfte:\(promise.id):\(ended):\(address)", kind: "medborgarlöfte utan uppföljning",
                        message: MailMessage(
                            to: address, subject: "Följ upp medborgarlöftet ”\(promise.title)” för \(ended)",
                            body: letter(
                                "Perioden \(ended) av medborgarlöftet ”\(promise.title)” i \(kommun.name) har gått ut utan uppföljning.",
                                "Er organisation ansvarar för en av löftets aktiviteter. Skriv hur det har gått; när löftet är publicerat visas uppföljningen för invånarna.",
                                link: ("Följ upp löftet i Trygg", link)))))
            }
        }
        return try await OutboxStore(scope).enqueue(notices)
    }
}
