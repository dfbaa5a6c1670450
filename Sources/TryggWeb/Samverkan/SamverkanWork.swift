import Foundation
import TryggCore
import TryggStore

/// What Samverkan puts on the start page: the user's meetings this coming week, the decisions
/// their organisation answers for that are past due, and for the samordnare minutes waiting for
/// approval, and medborgarlöften missing a follow-up (for the samordnare and whoever carries an
/// activity of the promise).
enum SamverkanWork {
    static func items(for user: UserAccount, in kommun: KommunScope, today: String) async throws -> [HomeWork.Item] {
        var items: [HomeWork.Item] = []
        let access = ForumAccess(user: user)
        let forums = try await ForumStore(kommun).all().filter(access.sees)
        let names = Dictionary(uniqueKeysWithValues: forums.map { ($0.id, $0.name) })
        let now = TryggClock.now
        // Every meeting of the forums the user sees, read once: the recent ones for the coming week
        // and the minutes to approve, all of them for which decisions the user may be led to.
        let visible = try await MeetingStore(kommun).meetings(forumIDs: forums.map(\.id))
        let meetings = visible.filter { $0.meeting.startsAt >= now.addingTimeInterval(-30 * 86_400) }
        let coming = meetings.filter { $0.meeting.startsAt >= now && $0.meeting.startsAt < now.addingTimeInterval(7 * 86_400) && !$0.meeting.cancelled }
        // The samordnare sees every forum; her own week is the forums she sits in.
        let mine =
            user.role == .samordnare || user.role == .analytiker
            ? coming.filter { summary in forums.first { $0.id == summary.meeting.forumID }?.members.contains { $0.userID == user.id } ?? false } : coming
        if let next = mine.first {
            items.append(
                HomeWork.Item(
                    title: "\(SwedishGrammar.count(mine.count, "möte", "möten")) de närmaste sju dagarna",
                    text: SwedishGrammar.firstFew(mine.map { "\(names[$0.meeting.forumID] ?? "") \(SwedishTime.minute($0.meeting.startsAt))" }),
                    href: SiteRoutes.meeting.path(next.meeting.id), linkText: "Till nästa möte", urgent: false))
        }
        // Only decisions of forums the user sees: the link must open, and a forum's minutes are its members'.
        let visibleMeetings = Set(visible.map(\.meeting.id))
        let late = try await DecisionStore(kommun).open().filter {
            $0.responsibleID == user.organisation.id && $0.isOverdue(today: today) && visibleMeetings.contains($0.meetingID)
        }
        if !late.isEmpty {
            items.append(
                HomeWork.Item(
                    title: late.count == 1
                        ? "1 beslut som er organisation ansvarar för är försenat" : "\(late.count) beslut som er organisation ansvarar för är försenade",
                    text: SwedishGrammar.firstFew(
                        late.map { "\(SwedishGrammar.excerpt($0.text, limit: 80, endingSentence: false)), klart senast \($0.dueOn)" }),
                    href: late.count == 1
                        ? SiteRoutes.meeting.path(late[0].meetingID)
                        : SiteRoutes.decisions.path(query: [("ansvarig", user.organisation.id.uuidString), ("visa", "forsenade")]),
                    linkText: late.count == 1 ? "Följ upp beslutet" : "Följ upp besluten", urgent: true))
        }
        if user.role.allows(.administerForums) {
            let waiting = meetings.filter { $0.minutes.map { !$0.isApproved } ?? false }
            if !waiting.isEmpty {
                items.append(
                    HomeWork.Item(
                        title: "\(SwedishGrammar.count(waiting.count, "protokoll", "protokoll")) väntar på justering",
                        text: SwedishGrammar.firstFew(waiting.map { "\(names[$0.meeting.forumID] ?? "") \($0.meeting.day)" }),
                        href: SiteRoutes.meeting.path(waiting[0].meeting.id), linkText: "Till protokollet", urgent: false))
            }
        }
        // The samordnare follows up every promise; the police (or whoever carries an activity) theirs.
        let store = PromiseStore(kommun)
        let promises = try await store.all().filter { promise in
            user.role.allows(.administerForums) || promise.activities.contains { $0.responsibleID == user.organisation.id }
        }
        let followUps = promises.isEmpty ? [:] : try await store.followUps(promiseIDs: promises.map(\.id))
        for promise in promises {
            let missing = promise.missing(followUps: followUps[promise.id] ?? [], today: today)
            guard !missing.isEmpty else { continue }
            items.append(
                HomeWork.Item(
                    title: "Medborgarlöftet ”\(promise.title)” saknar uppföljning", text: "Perioder utan uppföljning: \(missing.joined(separator: ", ")).",
                    href: SiteRoutes.promise.path(promise.id), linkText: "Följ upp löftet", urgent: true))
        }
        return items
    }
}
