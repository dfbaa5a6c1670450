import Foundation
import TryggCore
import TryggStore

/// A forum's members are told by e-mail when a meeting is planned, moved or cancelled, and when
/// its minutes are approved: the named users who have notices on, and the contact address of each
/// member organisation. One message per address; the same change is never sent twice.
extension Notices {
    func forumAddresses(_ forum: Forum) async throws -> Set<String> {
        let userIDs = Set(forum.members.compactMap(\.userID))
        let organisationIDs = Set(forum.members.compactMap(\.organisationID))
        var addresses = Set<String>()
        if !userIDs.isEmpty {
            for user in try await NoticeRecipientStore(scope).users(roles: Set(Role.allCases), userIDs: userIDs) { addresses.insert(user.email.lowercased()) }
        }
        for (organisationID, address) in try await NoticeRecipientStore(scope).contactAddresses() where organisationIDs.contains(organisationID) {
            addresses.insert(address.lowercased())
        }
        return addresses.filter(MailAddress.isUsable)
    }

    /// The invitation, or the notice that the time, place or agenda changed or the meeting is off.
    /// Only meetings still to come are announced: recording a past meeting tells nobody.
    public func meetingPlanned(_ meeting: Meeting, forum: Forum, changed: Bool = false) async throws {
        guard meeting.startsAt > TryggClock.now else { return }
        let when = "\(SwedishTime.longDate(meeting.startsAt)) kl. \(SwedishTime.clock(meeting.startsAt))–\(SwedishTime.clock(meeting.endsAt))"
        let subject =
            meeting.cancelled
            ? "Inställt: \(forum.name) \(SwedishTime.longDate(meeting.startsAt))" : "\(changed ? "Ändrat möte" : "Kallelse"): \(forum.name) \(when)"
        let agenda = meeting.agenda.trimmingCharacters(in: .whitespacesAndNewlines)
        // The key names what was sent, so saving the meeting unchanged sends nothing new.
        let version =
            "\(meeting.startsAt.timeIntervalSince1970):\(meeting.endsAt.timeIntervalSince1970):\(meeting.cancelled):\(Self.fingerprint(meeting.place + "\n" + agenda))"
        let notices = try await forumAddresses(forum).sorted().map { address in
            OutgoingNotice(
                key: "möte:\(meeting.id):\(version):\(address)", kind: meeting.cancelled ? "möte inställt" : "kallelse",
                message: MailMessage(
                    to: address, subject: subject,
                    body: letter(
                        meeting.cancelled
                            ? "\(forum.name)s möte \(when) är inställt."
                            : "\(forum.name) möts \(when)\(meeting.place.isEmpty ? "" : ", \(meeting.place)").",
                        agenda.isEmpty || meeting.cancelled ? "" : "Dagordning:\n\(agenda)",
                        link: ("Mötet i Trygg", url(SiteRoutes.meeting.path(meeting.id))))))
        }
        try await OutboxStore(scope).enqueue(notices)
    }

    /// FNV-1a of a text: stable across restarts, unlike `hashValue`.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return String(hash, radix: 16)
    }

    /// The minutes are approved (justerade) and can be read.
    public func minutesApproved(_ meeting: Meeting, forum: Forum) async throws {
        let day = SwedishTime.longDate(meeting.startsAt)
        let notices = try await forumAddresses(forum).sorted().map { address in
            OutgoingNotice(
                key: "protokoll justerat:\(meeting.id):\(TryggClock.now.timeIntervalSince1970):\(address)", kind: "protokoll justerat",
                message: MailMessage(
                    to: address, subject: "Protokoll justerat: \(forum.name) \(day)",
                    body: letter(
                        "Protokollet från \(forum.name)s möte \(day) är justerat.",
                        link: ("Protokollet i Trygg", url(SiteRoutes.meetingReport.path(meeting.id))))))
        }
        try await OutboxStore(scope).enqueue(notices)
    }
}
