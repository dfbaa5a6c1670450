import Foundation
import Testing
import TryggCore
import TryggDemo

@testable import TryggStore

@Suite("Samverkan: forum, möten, protokoll och beslut i databasen")
struct ForumStoreTests {
    struct Setup {
        let scope: KommunScope
        let actor: Actor
        let forum: Forum
        let meeting: Meeting
        let klf: UUID
        let norrkopingOrganisation: UUID
    }

    /// Linköping with a new forum and a meeting held yesterday.
    static func setup(_ database: TryggDatabase) async throws -> Setup {
        try await DemoSeed.seedIfEmpty(database, passwordCost: 4, followUp: false, est: false, citizen: false, statistics: false)
        let kommun = try #require(try await KommunStore(database).find(slug: "linkoping"))
        let norrkoping = try #require(try await KommunStore(database).find(slug: "norrkoping"))
        let scope = KommunScope(database, kommunID: kommun.id)
        let actor = Actor.commandLine(kommunID: kommun.id)
        let klf = try #require(try await OrganisationStore(scope).organisation(abbreviation: "KLF")).id
        let other = try #require(try await OrganisationStore(KommunScope(database, kommunID: norrkoping.id)).organisation(abbreviation: "KLF")).id
        let forum = try await ForumStore(scope).create(
            Forum(id: UUID(), name: "Testrådet", kind: .styrgrupp, members: [Forum.Member(organisationID: klf)]), by: actor)
        let start = TryggClock.now.addingTimeInterval(-86_400)
        let meeting = try await MeetingStore(scope).create(
            Meeting(id: UUID(), forumID: forum.id, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "Stadshuset", agenda: "1. Lägesbild"),
            in: forum, by: actor)
        return Setup(scope: scope, actor: actor, forum: forum, meeting: meeting, klf: klf, norrkopingOrganisation: other)
    }

    @Test("En annan kommuns organisation kan inte bli medlem eller ansvarig; ingenting sparas")
    func tenancy() async throws {
        try await withMigratedDatabase { database in
            let setup = try await Self.setup(database)
            var forum = setup.forum
            forum.members.append(Forum.Member(organisationID: setup.norrkopingOrganisation))
            await #expect(throws: StoreError.invalid("En av de valda organisationerna finns inte i kommunen.")) {
                try await ForumStore(setup.scope).save(forum, by: setup.actor)
            }
            #expect(try await ForumStore(setup.scope).find(id: forum.id)?.members == setup.forum.members)
            await #expect(throws: StoreError.self) {
                try await DecisionStore(setup.scope).add(
                    to: setup.meeting, text: "Ta fram underlag", responsibleID: setup.norrkopingOrganisation, dueOn: "2099-01-01", links: [], by: setup.actor)
            }
            #expect(try await DecisionStore(setup.scope).decisions(meetingIDs: [setup.meeting.id]).isEmpty)
        }
    }

    @Test("Ett justerat protokoll låser mötet; en rättelse är en ny version som loggas och justeras på nytt")
    func approvalLocks() async throws {
        try await withMigratedDatabase { database in
            let setup = try await Self.setup(database)
            let meetings = MeetingStore(setup.scope)
            let decisions = DecisionStore(setup.scope)
            await #expect(throws: StoreError.invalid("Det finns inget protokollutkast att justera.")) {
                try await meetings.approve(meetingID: setup.meeting.id, by: setup.actor)
            }
            try await meetings.saveMinutes(meetingID: setup.meeting.id, text: "§ 1 Lägesbilden redovisades.", by: setup.actor)
            let first = try await decisions.add(
                to: setup.meeting, text: "Ny belysning i gångtunneln", responsibleID: setup.klf, dueOn: setup.meeting.day, links: [], by: setup.actor)
            #expect(first.number == 1)
            try await meetings.approve(meetingID: setup.meeting.id, by: setup.actor)

            let locked = StoreError.invalid("Protokollet är justerat och låst. Gör en rättelse om något behöver ändras.")
            await #expect(throws: locked) { try await meetings.saveMinutes(meetingID: setup.meeting.id, text: "Ändrat i efterhand", by: setup.actor) }
            var moved = setup.meeting
            moved.place = "Annan plats"
            await #expect(throws: locked) { try await meetings.save(moved, by: setup.actor) }
            await #expect(throws: locked) {
                try await decisions.add(to: setup.meeting, text: "Sent beslut", responsibleID: setup.klf, dueOn: "2099-01-01", links: [], by: setup.actor)
            }
            // The follow-up of a decision goes on after approval.
            try await decisions.follow(id: first.id, status: .ongoing, note: "Beställd", by: setup.actor, now: Date(timeIntervalSince1970: 1_780_000_000))
            try await decisions.follow(id: first.id, status: .done, note: "Monterad", by: setup.actor, now: Date(timeIntervalSince1970: 1_790_000_000))
            let found = try await decisions.find(id: first.id)
            #expect(found?.status == .done && found?.statusNote == "Monterad")
            // Every follow-up is kept, oldest first, so later minutes show how it went.
            let history = try await decisions.history(decisionIDs: [first.id])[first.id] ?? []
            #expect(history.map(\.status) == [.ongoing, .done] && history.map(\.note) == ["Beställd", "Monterad"])
            #expect(history.first?.by == setup.actor.label)

            await #expect(throws: StoreError.self) { try await meetings.correct(meetingID: setup.meeting.id, reason: " ", by: setup.actor) }
            try await meetings.correct(meetingID: setup.meeting.id, reason: "Fel datum i § 1", by: setup.actor)
            try await meetings.saveMinutes(meetingID: setup.meeting.id, text: "§ 1 Lägesbilden redovisades (rättad).", by: setup.actor)
            try await meetings.approve(meetingID: setup.meeting.id, by: setup.actor)
            let versions = try await meetings.minutes(meetingID: setup.meeting.id)
            #expect(versions.map(\.version) == [1, 2] && versions.allSatisfy(\.isApproved))
            #expect(versions[0].text == "§ 1 Lägesbilden redovisades." && versions[1].reason == "Fel datum i § 1")
            let audit = try await AuditLog.search(AuditQuery(text: "protokoll", limit: 1000), in: setup.scope).filter {
                $0.objectID == setup.meeting.id.uuidString
            }.map(\.action)
            #expect(audit.filter { $0 == "justerade protokoll" }.count == 2 && audit.contains("började rätta protokoll"))
        }
    }

    @Test("Ett möte i framtiden kan inte få ett justerat protokoll")
    func futureMeeting() async throws {
        try await withMigratedDatabase { database in
            let setup = try await Self.setup(database)
            let start = TryggClock.now.addingTimeInterval(7 * 86_400)
            let meeting = try await MeetingStore(setup.scope).create(
                Meeting(id: UUID(), forumID: setup.forum.id, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "", agenda: ""), in: setup.forum,
                by: setup.actor)
            try await MeetingStore(setup.scope).saveMinutes(meetingID: meeting.id, text: "Förberett", by: setup.actor)
            await #expect(throws: StoreError.invalid("Ett möte som inte har hållits kan inte få ett justerat protokoll.")) {
                try await MeetingStore(setup.scope).approve(meetingID: meeting.id, by: setup.actor)
            }
        }
    }
}
