import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggReports
import TryggStore
@testable import TryggWeb

@Suite("Samverkan: forum, möten, protokoll, beslut och möteskalender")
struct SamverkanWebTests {
    @Test("Samordnaren skapar en områdesgrupp, sekreteraren skriver mötet, samordnaren justerar; bara forumets medlemmar ser det")
    func forumMeetingFlow() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let users = try await UserStore(scope).accounts()
            let sf = try #require(users.first { $0.email == "ansvarig.sf@linkoping.demo" })
            let stangastaden = try #require(try await OrganisationStore(scope).organisation(abbreviation: "Stångåstaden"))
            let socialen = try #require(try await OrganisationStore(scope).organisation(abbreviation: "SF"))
            let skaggetorp = try #require(try await AreaStore(scope).all().first { $0.name == "Skäggetorp" })
            let forumsBefore = try await ForumStore(scope).all().count

            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let noArea = try await samordnare.post("/samverkan", ["namn": "Trygghetsgrupp Skäggetorp", "typ": "omradesgrupp"])
            #expect(noArea.status == .badRequest && noArea.text.contains("En områdesgrupp hör till ett område: välj området."))
            #expect(noArea.text.contains("value=\"Trygghetsgrupp Skäggetorp\""), "det ifyllda finns kvar")
            #expect(try await ForumStore(scope).all().count == forumsBefore)
            let created = try await samordnare.post(
                "/samverkan",
                pairs: [
                    ("namn", "Trygghetsgrupp Skäggetorp"), ("typ", "omradesgrupp"), ("omrade", skaggetorp.id.uuidString),
                    ("mandat", "Beslutar om lokala insatser."), ("anvandare[]", sf.id.uuidString), ("sekreterare[]", sf.id.uuidString),
                    ("organisationer[]", stangastaden.id.uuidString),
                ])
            #expect(created.status == .seeOther)
            let forum = try #require(try await ForumStore(scope).all().first { $0.name == "Trygghetsgrupp Skäggetorp" })
            #expect(created.location == "/samverkan/forum/\(forum.id)")
            #expect(
                forum.members.contains(Forum.Member(userID: sf.id, secretary: true)) && forum.members.contains(Forum.Member(organisationID: stangastaden.id)))

            // The secretary plans the meeting (held yesterday) and writes it.
            let secretary = Browser(client)
            try await secretary.login("ansvarig.sf@linkoping.demo")
            let planned = try await secretary.post(
                "/samverkan/forum/\(forum.id)/moten",
                ["datum": "2026-03-10", "fran": "13:00", "till": "14:30", "plats": "Skäggetorps bibliotek", "dagordning": "1. Läget"])
            #expect(planned.status == .seeOther)
            let meeting = try #require(try await MeetingStore(scope).meetings(forumIDs: [forum.id]).first?.meeting)
            #expect(planned.location == "/samverkan/moten/\(meeting.id)" && meeting.day == "2026-03-10")
            let noResponsible = try await secretary.post(
                "/samverkan/moten/\(meeting.id)/beslut", ["beslut": "Ny belysning i gångtunneln", "klart": "2026-06-30"])
            #expect(noResponsible.status == .badRequest && noResponsible.text.contains("Ett beslut behöver en ansvarig organisation."))
            let early = try await secretary.post(
                "/samverkan/moten/\(meeting.id)/beslut", ["beslut": "Ny belysning i gångtunneln", "ansvarig": socialen.id.uuidString, "klart": "2026-03-01"])
            #expect(early.status == .badRequest && early.text.contains("Beslutet kan inte ha ett slutdatum före mötet (2026-03-10)."))
            #expect(try await DecisionStore(scope).decisions(meetingIDs: [meeting.id]).isEmpty)
            let page = try await secretary.submit(
                "/samverkan/moten/\(meeting.id)/beslut", ["beslut": "Ny belysning i gångtunneln", "ansvarig": socialen.id.uuidString, "klart": "2026-06-30"])
            #expect(page.text.contains("Beslutet är antecknat.") && page.text.contains("§ 1</strong> Ny belysning i gångtunneln"))
            try await secretary.submit(
                "/samverkan/moten/\(meeting.id)/protokoll",
                [
                    "narvarande": "Demo ansvarig, Socialförvaltningen\nLena Lund, Stångåstaden", "franvarande": "Erik Ek, Polisen",
                    "protokoll": "§ 1 Läget gicks igenom.",
                ])
            #expect(try await MeetingStore(scope).find(id: meeting.id)?.attendance.filter(\.present).count == 2)
            #expect(try await secretary.post("/samverkan/moten/\(meeting.id)/justera").status == .forbidden, "sekreteraren justerar inte")

            let approved = try await samordnare.submit("/samverkan/moten/\(meeting.id)/justera")
            #expect(approved.text.contains("Protokollet är justerat och låst.") && approved.text.contains("Justerat"))
            #expect(approved.text.contains(" av Demo samordnare (KLF (SÄK))."), "protokollet namnger den som justerade, inte en e-postadress")
            let late = try await secretary.post("/samverkan/moten/\(meeting.id)/protokoll", ["protokoll": "Ändrat i efterhand"])
            #expect(late.status == .badRequest && late.text.contains("Protokollet är justerat och låst."))
            #expect(try await MeetingStore(scope).minutes(meetingID: meeting.id).last?.text == "§ 1 Läget gicks igenom.")

            // The housing company sits in the forum through its organisation; the police and a rapportör do not.
            let housing = Browser(client)
            try await housing.login("stangastaden@linkoping.demo")
            let seen = try await housing.get("/samverkan/moten/\(meeting.id)")
            #expect(seen.status == .ok && seen.text.contains("Ny belysning i gångtunneln") && !seen.text.contains("Spara protokollet"))
            for email in ["polisen@linkoping.demo", "rapportor@linkoping.demo"] {
                let outsider = Browser(client)
                try await outsider.login(email)
                #expect(try await outsider.get("/samverkan/moten/\(meeting.id)").status == .notFound, "\(email)")
                #expect(try await outsider.get("/samverkan/forum/\(forum.id)").status == .notFound, "\(email)")
                #expect(!(try await outsider.get("/samverkan").text.contains("Trygghetsgrupp Skäggetorp")), "\(email)")
            }

            // The printable minutes and the Word file.
            let printed = try await housing.get("/samverkan/moten/\(meeting.id)/protokoll")
            #expect(printed.status == .ok && printed.text.contains("Protokoll: Trygghetsgrupp Skäggetorp") && printed.text.contains("Erik Ek, Polisen"))
            let word = try await housing.get("/samverkan/moten/\(meeting.id)/protokoll.docx")
            #expect(word.status == .ok && word.headers[.contentType] == Response.docxType && word.body.readableBytes > 3000)
            // The next meeting's agenda brings the open decision back.
            let next = try await MeetingStore(scope).create(
                Meeting(
                    id: UUID(), forumID: forum.id, startsAt: Harness.now.addingTimeInterval(7 * 86_400),
                    endsAt: Harness.now.addingTimeInterval(7 * 86_400 + 3600), place: "", agenda: ""),
                in: forum, by: .commandLine(kommunID: scope.kommunID))
            let nextPage = try await secretary.get("/samverkan/moten/\(next.id)")
            #expect(nextPage.text.contains("Fattat Trygghetsgrupp Skäggetorp 2026-03-10"))
            let decision = try #require(try await DecisionStore(scope).decisions(meetingIDs: [meeting.id]).first)
            let named = try await secretary.post(
                "/samverkan/beslut/\(decision.id)", ["status": "pagar", "kommentar": "Beställt av anna.svensson@example.com", "tillbaka": next.id.uuidString])
            #expect(named.status == .badRequest && named.text.contains("Kommentaren ser ut att innehålla"))
            #expect(named.text.contains(#"value="Beställt av anna.svensson@example.com""#), "kommentaren står kvar i det mötets formulär")
            #expect(named.text.contains(#"<option value="pagar" selected>"#))
            try await secretary.submit(
                "/samverkan/beslut/\(decision.id)", ["status": "pagar", "kommentar": "Armaturerna beställda", "tillbaka": next.id.uuidString])
            try await secretary.submit(
                "/samverkan/beslut/\(decision.id)", ["status": "klar", "kommentar": "Belysningen är bytt", "tillbaka": next.id.uuidString])
            #expect(try await DecisionStore(scope).find(id: decision.id)?.status == .done)
            // The minutes keep every follow-up, not only the last.
            let followedMinutes = try await housing.get("/samverkan/moten/\(meeting.id)/protokoll").text
            #expect(followedMinutes.contains("Pågår: Armaturerna beställda") && followedMinutes.contains("Klar: Belysningen är bytt"))
            #expect(!(try await secretary.get("/samverkan/moten/\(next.id)").text.contains("Fattat Trygghetsgrupp Skäggetorp 2026-03-10")))
        }
    }

    @Test("Möteskalendern prenumereras från Outlook med en hemlig adress som ger iCalendar; en ny adress stänger den gamla")
    func calendarFeed() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let police = try #require(try await OrganisationStore(scope).organisation(abbreviation: "Polisen")).id
            try await InspectionStore(scope).save(
                JointInspection(id: UUID(), kommunID: scope.kommunID, title: "Kontroll i Skäggetorp", date: "2026-03-18", status: .planned, leadID: police),
                participants: [police], id: nil, by: .commandLine(kommunID: scope.kommunID))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let month = try await samordnare.get("/samverkan/kalender?manad=2026-03")
            #expect(month.status == .ok && month.text.contains("mars 2026") && month.text.contains("Trygghetsrådet"))
            #expect(month.text.contains("LOS: Kontroll i Skäggetorp") && month.text.contains("i de forum du sitter i och en LOS- eller ROS-dag."))
            // On a phone the same month is a list of the days that have something.
            #expect(month.text.contains("<h3>onsdag 18 mars</h3>"))
            let shown = try await samordnare.submit("/samverkan/kalender/prenumeration")
            let url = try #require(shown.text.firstMatch(of: /value="(http[^"]+moten\.ics)"/).map { String($0.1) })
            let path = String(url.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" })
            #expect(path.hasPrefix("/kalender/"))
            #expect(!(try await samordnare.get("/samverkan/kalender").text.contains(url)), "adressen visas bara en gång")

            let calendarProgram = Browser(client)
            let feed = try await calendarProgram.get(path)
            #expect(feed.status == .ok && feed.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(feed.text.hasPrefix("BEGIN:VCALENDAR\r\n") && feed.text.contains("BEGIN:VEVENT") && feed.text.contains("SUMMARY:Trygghetsrådet"))
            #expect(feed.headers[.setCookie] == nil, "ett kalenderprogram får inga kakor")
            // The samordnare sees LOS: the inspection days come along as whole days.
            #expect(feed.text.contains("SUMMARY:LOS: Kontroll i Skäggetorp\r\n") && feed.text.contains("DTSTART;VALUE=DATE:20260318\r\n"))

            try await samordnare.submit("/samverkan/kalender/prenumeration")
            #expect(try await calendarProgram.get(path).status == .notFound)
            // A rapportör's feed holds only the forums the rapportör sits in (the EST group).
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            let own = try await rapportor.submit("/samverkan/kalender/prenumeration")
            let ownURL = try #require(own.text.firstMatch(of: /value="(http[^"]+moten\.ics)"/).map { String($0.1) })
            let ownFeed = try await calendarProgram.get(String(ownURL.drop { $0 != "/" }.dropFirst(2).drop { $0 != "/" }))
            #expect(ownFeed.text.contains("SUMMARY:EST-gruppen") && !ownFeed.text.contains("Trygghetsrådet") && !ownFeed.text.contains("OS: "))
        }
    }

    @Test("EST-gruppens möte har veckans beslutade insatser som sina beslut, med länk till insatsen och planens åtgärd")
    func estMeetingDecisions() async throws {
        try await Harness.run(est: true) { harness, _ in
            let scope = try await harness.scope("linkoping")
            let insats = try #require(try await InsatsStore(scope).all().first { $0.measureID != nil })
            let est = try #require(try await ForumStore(scope).all().first { $0.kind == .estGrupp })
            let meeting = try #require(try await MeetingStore(scope).meetings(forumIDs: [est.id]).first { $0.meeting.week == insats.decidedWeek }?.meeting)
            let report = try #require(
                try await MeetingReport.load(meetingID: meeting.id, kommun: try await harness.kommun("linkoping"), database: harness.database))
            let json = report.json
            let decisions = try #require(json["decisions"] as? [[String: Any]])
            let links = decisions.flatMap { $0["links"] as? [[String: String]] ?? [] }
            #expect(links.contains { $0["type"] == "insats" && $0["id"] == insats.id.uuidString })
            #expect(links.contains { $0["type"] == "measure" && $0["id"] == insats.measureID?.uuidString && $0["label"]?.hasPrefix("24.2") == true })
            #expect(json["forum"] as? String == "EST-gruppen" && json["date"] as? String == meeting.day && json["attendance"] is [[String: Any]])
        }
    }

    @Test("EST-gruppens möte länkar polisen till veckans sida först när veckan är publicerad; EST-gruppen alltid")
    func estMeetingWeekLink() async throws {
        try await Harness.run(est: true) { harness, client in
            let scope = try await harness.scope("linkoping")
            let est = try #require(try await ForumStore(scope).all().first { $0.kind == .estGrupp })
            var published: Meeting?
            var unpublished: Meeting?
            for meeting in try await MeetingStore(scope).meetings(forumIDs: [est.id]).map(\.meeting) {
                if try await ESTStore(scope).week(meeting.week).isPublished { published = meeting } else { unpublished = meeting }
            }
            let open = try #require(published)
            let closed = try #require(unpublished)
            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let seen = try await police.get("/samverkan/moten/\(open.id)")
            #expect(seen.text.contains("href=\"/est/vecka/\(open.week)\""), "en publicerad vecka går att öppna")
            let notYet = try await police.get("/samverkan/moten/\(closed.id)")
            #expect(notYet.status == .ok && !notYet.text.contains("href=\"/est/vecka/\(closed.week)\""), "länken gav 404")
            #expect(notYet.text.contains("som visas här när veckans lägesbild är publicerad"))
            #expect(try await police.get("/est/vecka/\(closed.week)").status == .notFound)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/samverkan/moten/\(closed.id)").text.contains("href=\"/est/vecka/\(closed.week)\""))
        }
    }
}

@Suite("Medborgarlöften: skapa, följa upp varje kvartal och publicera på den öppna sidan")
struct PromiseWebTests {
    @Test("Samordnaren skapar och publicerar ett löfte; polisen följer upp sin period; fel period och dubbletter avvisas")
    func promiseFlow() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let polisen = try #require(try await OrganisationStore(scope).organisation(abbreviation: "Polisen"))
            let before = try await PromiseStore(scope).all().count
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let fields: [(String, String)] = [
                ("rubrik", "Lugnare helger vid Ryds centrum"), ("fran", "2025-10"), ("till", "2026-09"), ("uppfoljning", "kvartal"),
                ("problem", "Bilar som kör runt och stör på kvällarna."), ("aktivitet[]", "Trafikkontroller varannan helg"),
            ]
            let missing = try await samordnare.post("/samverkan/medborgarloften", pairs: fields + [("ansvarig[]", "")])
            #expect(missing.status == .badRequest && missing.text.contains("Varje aktivitet behöver en ansvarig organisation."))
            #expect(missing.text.contains("value=\"Trafikkontroller varannan helg\""), "det skrivna finns kvar")
            #expect(try await PromiseStore(scope).all().count == before)
            let created = try await samordnare.post("/samverkan/medborgarloften", pairs: fields + [("ansvarig[]", polisen.id.uuidString)])
            #expect(created.status == .seeOther)
            let promise = try #require(try await PromiseStore(scope).all().first { $0.title == "Lugnare helger vid Ryds centrum" })
            // The test runs in March 2026: the last quarter of 2025 has ended without a follow-up.
            let page = try await samordnare.get("/samverkan/medborgarloften/\(promise.id)")
            #expect(page.text.contains("Uppföljning saknas för 2025-K4."))

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let outside = try await police.post(
                "/samverkan/medborgarloften/\(promise.id)/uppfoljning", ["period": "2026-K4", "status": "enligt-plan", "text": "Kontroller"])
            #expect(outside.status == .badRequest && outside.text.contains("2026-K4 ligger utanför löftets period"))
            let followed = try await police.submit(
                "/samverkan/medborgarloften/\(promise.id)/uppfoljning", ["period": "2025-K4", "status": "delvis", "text": "Fyra kontroller av sex planerade."])
            #expect(followed.text.contains("Uppföljningen för 2025-K4 är sparad.") && !followed.text.contains("Uppföljning saknas"))
            #expect(followed.text.contains(" av Demo extern samverkanspart (Polisen)"), "vem som följde upp, med namn")
            let twice = try await police.post(
                "/samverkan/medborgarloften/\(promise.id)/uppfoljning", ["period": "2025-K4", "status": "delvis", "text": "Igen"])
            #expect(twice.status == .badRequest && twice.text.contains("2025-K4 är redan uppföljd."))
            #expect(try await PromiseStore(scope).followUps(promiseID: promise.id).count == 1)
            let rapportor = Browser(client)
            try await rapportor.login("rapportor@linkoping.demo")
            #expect(
                try await rapportor.post("/samverkan/medborgarloften/\(promise.id)/uppfoljning", ["period": "2026-K1", "status": "delvis", "text": "x"]).status
                    == .forbidden)
            #expect(try await police.post("/samverkan/medborgarloften/\(promise.id)/publicera").status == .forbidden)

            let resident = Browser(client)
            #expect(!(try await resident.get("/k/linkoping/").text.contains("Lugnare helger vid Ryds centrum")), "inte publicerat än")
            try await samordnare.submit("/samverkan/medborgarloften/\(promise.id)/publicera")
            let publicPage = try await resident.get("/k/linkoping/").text
            #expect(publicPage.contains("Medborgarlöfte: Lugnare helger vid Ryds centrum") && publicPage.contains("2025-K4: Delvis genomfört."))
            #expect(publicPage.contains("Trafikkontroller varannan helg – Polismyndigheten, lokalpolisområdet"))
            #expect(!(try await resident.get("/k/norrkoping/").text.contains("Lugnare helger")))
        }
    }
}

@Suite("Samverkan på startsidan")
struct SamverkanStartPageTests {
    /// A meeting of the beredningsgrupp (where SF sits) a month before the tests' day.
    static func meetingAMonthAgo(_ scope: KommunScope) async throws -> Meeting {
        let forum = try #require(try await ForumStore(scope).all().first { $0.name == "Samordnings- och beredningsgruppen" })
        let start = Harness.now.addingTimeInterval(-30 * 86_400)
        return try await MeetingStore(scope).create(
            Meeting(id: UUID(), forumID: forum.id, startsAt: start, endsAt: start.addingTimeInterval(3600), place: "", agenda: ""), in: forum,
            by: .commandLine(kommunID: scope.kommunID))
    }

    @Test("Samordnaren ser protokoll att justera; handläggaren ser försenade beslut som förvaltningen ansvarar för")
    func startPage() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/").text.contains("protokoll väntar på justering"))
            let socialen = try #require(try await OrganisationStore(scope).organisation(abbreviation: "SF"))
            let meeting = try await Self.meetingAMonthAgo(scope)
            try await DecisionStore(scope).add(
                to: meeting, text: "Kartlägg belysningen vid skolorna", responsibleID: socialen.id, dueOn: "2026-03-01", links: [],
                by: .commandLine(kommunID: scope.kommunID))
            let officer = Browser(client)
            try await officer.login("ansvarig.sf@linkoping.demo")
            let home = try await officer.get("/").text
            #expect(home.contains("som er organisation ansvarar för") && home.contains("Kartlägg belysningen vid skolorna, klart senast 2026-03-01"))
        }
    }

    @Test("Beslut att följa upp: alla forums beslut i en lista, det försenade först, per ansvarig organisation, och bara ur forum man ser")
    func decisionRegister() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let socialen = try #require(try await OrganisationStore(scope).organisation(abbreviation: "SF"))
            let meeting = try await Self.meetingAMonthAgo(scope)
            var late: [Decision] = []
            for (text, due) in [("Kartlägg belysningen vid skolorna", "2026-03-01"), ("Bjud in fastighetsägarna i Ryd", "2026-02-20")] {
                late.append(
                    try await DecisionStore(scope).add(
                        to: meeting, text: text, responsibleID: socialen.id, dueOn: due, links: [], by: .commandLine(kommunID: scope.kommunID)))
            }
            let officer = Browser(client)
            try await officer.login("ansvarig.sf@linkoping.demo")
            let home = try await officer.get("/").text
            let href = "/samverkan/beslut?ansvarig=\(socialen.id.uuidString)&amp;visa=forsenade"
            #expect(home.contains("2 beslut som er organisation ansvarar för är försenade") && home.contains("<a href=\"\(href)\">Följ upp besluten</a>"))
            let list = try await officer.get(href.replacingOccurrences(of: "&amp;", with: "&")).text
            #expect(list.contains("2 beslut."))
            let ryd = try #require(list.range(of: "Bjud in fastighetsägarna i Ryd")), schools = try #require(list.range(of: "Kartlägg belysningen"))
            #expect(ryd.lowerBound < schools.lowerBound, "det som skulle ha varit klart först står först")
            #expect(list.contains("<strong>(försenat)</strong>") && list.contains("Samordnings- och beredningsgruppen \(meeting.day)"))
            // The same list in Excel, for the papers of the next meeting.
            let excel = "/samverkan/beslut.xlsx?ansvarig=\(socialen.id.uuidString)&visa=forsenade"
            #expect(list.contains(excel.replacingOccurrences(of: "&", with: "&amp;")))
            let sheet = try XlsxReader.read(Data((try await officer.get(excel)).body.readableBytesView))
            #expect(sheet.header == ["Nr", "Beslut", "Möte", "Ansvarig", "Klart senast", "Status", "Försenat", "Senaste uppföljning"])
            #expect(
                sheet.rows.map { [$0.fields[1], $0.fields[4], $0.fields[6]] } == [
                    ["Bjud in fastighetsägarna i Ryd", "2026-02-20", "Ja"], ["Kartlägg belysningen vid skolorna", "2026-03-01", "Ja"],
                ])

            // Done: gone from the open list, there among the closed ones.
            try await DecisionStore(scope).follow(id: late[1].id, status: .done, note: "Mötet hölls 2026-01-28.", by: .commandLine(kommunID: scope.kommunID))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let open = try await samordnare.get("/samverkan/beslut").text
            #expect(open.contains("Kartlägg belysningen") && !open.contains("Bjud in fastighetsägarna i Ryd"))
            #expect(open.contains("varav") && open.contains("försenade."))
            let closed = try await samordnare.get("/samverkan/beslut?visa=avslutade").text
            #expect(closed.contains("Bjud in fastighetsägarna i Ryd") && closed.contains("Mötet hölls 2026-01-28."))

            // The housing company sits in no such forum: neither the decisions nor their meeting.
            let housing = Browser(client)
            try await housing.login("stangastaden@linkoping.demo")
            let theirs = try await housing.get("/samverkan/beslut?visa=alla").text
            #expect(!theirs.contains("Kartlägg belysningen") && !theirs.contains("Samordnings- och beredningsgruppen"))
        }
    }
}
