import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("Kallelser och justerade protokoll per e-post till forumets medlemmar")
struct MeetingNoticeTests {
    @Test("Ett kommande möte ger en kallelse till medlemmarna och organisationens kontaktadress; oförändrat skickas inte igen; ändrat och justerat meddelas")
    func notices() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let sf = try #require(try await UserStore(scope).accounts().first { $0.email == "ansvarig.sf@linkoping.demo" })
            let housing = try #require(try await OrganisationStore(scope).organisation(abbreviation: "Stångåstaden"))
            try await NoticeRecipientStore(scope).setContactAddress(
                "trygghet@stangastaden.example", organisationID: housing.id, by: .commandLine(kommunID: scope.kommunID))
            let forum = try await ForumStore(scope).create(
                Forum(
                    id: UUID(), name: "Nätverk Rydsskolan", kind: .natverk, mandate: "Samordnar arbetet i Ryd.",
                    members: [.init(userID: sf.id, secretary: true), .init(organisationID: housing.id)]), by: .commandLine(kommunID: scope.kommunID))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            func sent() async throws -> [OutboxEntry] {
                try await OutboxStore(scope).recent(limit: 100).filter { $0.message.subject.contains("Nätverk Rydsskolan") }
            }

            let held = try await samordnare.post(
                "/samverkan/forum/\(forum.id)/moten", ["datum": "2026-03-09", "fran": "13:00", "till": "14:00", "plats": "Rydsskolan"])
            let heldPath = try #require(held.location)
            #expect(try await sent().isEmpty, "ett möte som redan hållits kallar ingen")
            let planned = try await samordnare.post(
                "/samverkan/forum/\(forum.id)/moten",
                ["datum": "2026-03-20", "fran": "13:00", "till": "14:30", "plats": "Rydsskolan", "dagordning": "1. Läget"])
            let meetingPath = try #require(planned.location)
            let invitations = try await sent()
            #expect(Set(invitations.map(\.message.to)) == ["ansvarig.sf@linkoping.demo", "trygghet@stangastaden.example"])
            #expect(invitations.allSatisfy { $0.message.subject == "Kallelse: Nätverk Rydsskolan 20 mars 2026 kl. 13:00–14:30" })
            #expect(invitations.first?.message.body.contains("Dagordning:\n1. Läget") == true)

            let same = ["datum": "2026-03-20", "fran": "13:00", "till": "14:30", "plats": "Rydsskolan", "dagordning": "1. Läget"]
            try await samordnare.submit(meetingPath, same)
            #expect(try await sent().count == 2, "sparat utan ändring skickar inget nytt")
            var moved = same
            moved["plats"] = "Ryds bibliotek"
            try await samordnare.submit(meetingPath, moved)
            #expect(try await sent().filter { $0.message.subject.hasPrefix("Ändrat möte: Nätverk Rydsskolan") }.count == 2)

            // The minutes of the meeting already held.
            let meetingID = try #require(UUID(uuidString: String(heldPath.split(separator: "/").last!)))
            try await MeetingStore(scope).saveMinutes(meetingID: meetingID, text: "§ 1 Läget gicks igenom.", by: .commandLine(kommunID: scope.kommunID))
            try await samordnare.submit(heldPath + "/justera")
            let approved = try await sent().filter { $0.message.subject == "Protokoll justerat: Nätverk Rydsskolan 9 mars 2026" }
            #expect(approved.count == 2 && approved.allSatisfy { $0.message.body.contains("/samverkan/moten/\(meetingID.uuidString)/protokoll") })
        }
    }
}
