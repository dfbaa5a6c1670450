import Foundation
import Testing

@testable import TryggCore

@Suite("Samverkan: forum, möten, beslut och kalenderflöde")
struct SamverkanTests {
    @Test("Mötets tid läses i svensk tid; slut före start och påhittade datum avvisas med tydliga fel")
    func meetingTime() throws {
        guard case .success(let (start, end)) = Meeting.check(date: "2026-03-31", from: "09:00", to: "10:30", place: "Stadshuset", agenda: "") else {
            Issue.record("giltig tid avvisades")
            return
        }
        // 31 March 2026 is summer time: 09:00 in Stockholm is 07:00 UTC.
        #expect(ICalendar.utc(start) == "20260331T070000Z" && ICalendar.utc(end) == "20260331T083000Z")
        guard case .failure(let backwards) = Meeting.check(date: "2026-03-31", from: "10:00", to: "09:00", place: "", agenda: "") else {
            Issue.record("slut före start godtogs")
            return
        }
        #expect(backwards.text == "Mötet måste sluta efter att det börjar.")
        guard case .failure(let invalid) = Meeting.check(date: "2026-02-30", from: "25:00", to: "10:00", place: "", agenda: "") else {
            Issue.record("30 februari godtogs")
            return
        }
        #expect(invalid.text.contains("starttiden"))
    }

    @Test("Ett beslut utan ansvarig eller med slutdatum före mötet ger fel som säger vad som saknas")
    func decisionRules() {
        let problems = Decision.problems(text: "Ny belysning i gångtunneln", responsibleID: nil, dueOn: "2026-01-10", meetingDay: "2026-02-01")
        #expect(problems == ["Ett beslut behöver en ansvarig organisation.", "Beslutet kan inte ha ett slutdatum före mötet (2026-02-01)."])
        #expect(Decision.problems(text: "Ny belysning", responsibleID: UUID(), dueOn: "2026-02-01", meetingDay: "2026-02-01").isEmpty)
        #expect(Decision.problems(text: "  ", responsibleID: UUID(), dueOn: "", meetingDay: "2026-02-01").count == 2)
    }

    @Test("Närvarolistan läses rad för rad: namn, organisation (sista kommat skiljer)")
    func attendance() {
        let attendees = Meeting.Attendee.parse("Anna Berg, Polisen\n\n  Erik Ek  \nLena Lund, Stångåstaden, Berga", present: true)
        #expect(attendees.map(\.label) == ["Anna Berg, Polisen", "Erik Ek", "Lena Lund, Stångåstaden, Berga"])
        #expect(attendees[2].organisation == "Berga" && attendees.allSatisfy(\.present))
    }

    @Test("Forumets medlemmar ser det, andra inte; sekreteraren skriver, samordnaren ser och skriver allt")
    func access() {
        let anna = UUID(), polisen = UUID(), socialen = UUID()
        let forum = Forum(
            id: UUID(), name: "Områdesgrupp Berga", kind: .omradesgrupp, areaID: UUID(),
            members: [Forum.Member(userID: anna, secretary: true), Forum.Member(organisationID: polisen)])
        #expect(ForumAccess(userID: anna, organisationID: socialen, role: .ansvarig).writes(forum))
        #expect(ForumAccess(userID: UUID(), organisationID: polisen, role: .partner).sees(forum))
        #expect(!ForumAccess(userID: UUID(), organisationID: polisen, role: .partner).writes(forum))
        #expect(!ForumAccess(userID: UUID(), organisationID: socialen, role: .ansvarig).sees(forum))
        #expect(ForumAccess(userID: UUID(), organisationID: socialen, role: .analytiker).sees(forum))
        #expect(ForumAccess(userID: UUID(), organisationID: socialen, role: .samordnare).writes(forum))
        #expect(Forum(id: UUID(), name: "Områdesgrupp", kind: .omradesgrupp).problems() == ["En områdesgrupp hör till ett område: välj området."])
    }

    @Test("Kalenderflödet följer RFC 5545: CRLF, rader om högst 75 byte utan delade tecken, text escapad")
    func calendarFeed() throws {
        let start = try StockholmCalendar.instant(year: 2026, month: 12, day: 8, hour: 9, minute: 0)
        let event = ICalendar.Event(
            uid: "abc@trygg", start: start, end: start.addingTimeInterval(5400), summary: "Områdesgrupp Skäggetorp; möte, nr 2",
            location: "Träffpunkt Skäggetorp",
            description: String(repeating: "Uppföljning av åtgärd 24.2 – belysning i gångtunneln vid Ryds centrum. ", count: 3) + "\nRad två\\",
            url: "http://127.0.0.1:8080/samverkan/moten/1", cancelled: true)
        let feed = ICalendar.feed(name: "Trygg: möten", events: [event], now: start)
        #expect(feed.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:") && feed.hasSuffix("END:VCALENDAR\r\n"))
        let lines = feed.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") && !$0.contains("\r") })
        // Unfolding gives back the escaped values whole.
        let unfolded = feed.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("SUMMARY:Områdesgrupp Skäggetorp\\; möte\\, nr 2\r\n"))
        #expect(unfolded.contains("i gångtunneln vid Ryds centrum. \\nRad två\\\\\r\n"))
        #expect(unfolded.contains("DTSTART:20261208T080000Z\r\nDTEND:20261208T093000Z\r\n") && unfolded.contains("STATUS:CANCELLED"))
    }

    @Test("En heldag (LOS-dag) skrivs som DATE, och slutet är dagen efter, också över ett årsskifte")
    func wholeDayEvents() {
        let start = Date(timeIntervalSince1970: 1_798_675_200)
        let event = ICalendar.Event(
            uid: "los@trygg", start: start, end: start.addingTimeInterval(86_400), summary: "LOS: Kontroll", location: "", description: "", url: nil,
            cancelled: false, day: "2026-12-31")
        let feed = ICalendar.feed(name: "Trygg", events: [event], now: start)
        #expect(feed.contains("\r\nDTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n") && !feed.contains("DTSTART:"))
        #expect(ICalendar.wholeDay("2028-02-28")! == ("20280228", "20280229") && ICalendar.wholeDay("2026-02-30") == nil)
    }
}

@Suite("Medborgarlöften: perioder, saknade uppföljningar och felaktiga uppföljningar")
struct CitizenPromiseTests {
    static let promise = CitizenPromise(
        id: UUID(), title: "Tryggare kvällar", areaID: nil, fromMonth: "2025-11", toMonth: "2026-06", cadence: .quarter, problem: "Otrygghet kvällstid",
        activities: [.init(text: "Fotpatrull", responsibleID: UUID())], indicators: [])

    @Test("Kvartal och månader inom perioden; passerade perioder utan uppföljning flaggas")
    func periods() {
        #expect(Self.promise.periods == ["2025-K4", "2026-K1", "2026-K2"])
        var monthly = Self.promise
        monthly.cadence = .month
        #expect(monthly.periods.count == 8 && monthly.periods.first == "2025-11" && monthly.periods.last == "2026-06")
        let done = [CitizenPromise.FollowUp(period: "2025-K4", status: .asPlanned, text: "Klart", writtenBy: "x", writtenAt: Date())]
        #expect(Self.promise.missing(followUps: done, today: "2026-05-02") == ["2026-K1"])
        #expect(Self.promise.missing(followUps: [], today: "2025-12-31").isEmpty, "den pågående perioden saknas inte än")
    }

    @Test("En uppföljning utanför perioden eller två gånger för samma period avvisas")
    func followUpProblems() {
        let done = [CitizenPromise.FollowUp(period: "2025-K4", status: .asPlanned, text: "Klart", writtenBy: "x", writtenAt: Date())]
        #expect(Self.promise.followUpProblem(period: "2026-K3", existing: [], text: "x")?.contains("utanför löftets period") == true)
        #expect(Self.promise.followUpProblem(period: "2026-03", existing: [], text: "x")?.contains("passar inte uppföljningen varje kvartal") == true)
        #expect(Self.promise.followUpProblem(period: "2025-K4", existing: done, text: "x") == "2025-K4 är redan uppföljd.")
        #expect(Self.promise.followUpProblem(period: "2026-K1", existing: done, text: "Fotpatrull varje helg") == nil)
        var empty = Self.promise
        empty.activities = []
        empty.toMonth = "2025-10"
        #expect(empty.problems() == ["Perioden måste sluta efter att den börjar.", "Ett löfte behöver minst en aktivitet med ansvarig."])
    }
}
