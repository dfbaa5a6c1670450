import Foundation
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("E-postaviseringar: utkorgen, påminnelser, återskickade svar, lägesbild, svar till invånare")
struct NoticeTests {
    static func outbox(_ harness: Harness) async throws -> [OutboxEntry] {
        try await OutboxStore(try await harness.scope("linkoping")).recent(limit: 1000)
    }

    @Test("Demons öppna uppföljning 2024 har tio dagar kvar: påminnelser köas till de organisationer som inte svarat, en gång")
    func remindersForTheDemoRound() async throws {
        try await Harness.run(openRound: true) { harness, client in
            let settings = MailSettings(publicURL: "https://trygg.linkoping.se")
            let first = try await NoticeSender(database: harness.database, settings: settings).run()
            #expect(first.reminders > 0 && first.sent == 0 && first.waiting == first.reminders)
            let reminders = try await Self.outbox(harness).filter { $0.kind == "påminnelse" }
            #expect(reminders.count == first.reminders)
            let scope = try await harness.scope("linkoping")
            let round = try #require(try await FollowUpStore(scope).rounds().first { $0.year == 2024 })
            let answered = Set(try await FollowUpStore(scope).answers(roundID: round.id).map(\.organisationID))
            let owners = Set(try await PlanStore(scope).measures(planID: round.planID).flatMap(\.responsibleOrganisations))
            let contacts = try await NoticeRecipientStore(scope).contactAddresses()
            #expect(!answered.isEmpty && !owners.subtracting(answered).isEmpty)
            for organisationID in owners.subtracting(answered) { #expect(reminders.contains { $0.message.to == contacts[organisationID] }) }
            for organisationID in answered { #expect(!reminders.contains { $0.message.to == contacts[organisationID] }) }

            let reminder = try #require(reminders.first)
            #expect(reminder.message.subject == "Påminnelse: uppföljningen av åtgärdsplanen 2024")
            #expect(reminder.message.body.contains("Sista svarsdag är 2026-03-21."))
            #expect(reminder.message.body.contains("https://trygg.linkoping.se/uppfoljning/\(round.id)/mina"))
            let officers = try await NoticeRecipientStore(scope).users(roles: [.ansvarig])
            for officer in officers where !answered.contains(officer.organisationID) {
                #expect(reminders.contains { $0.message.to == officer.email }, "handläggaren får påminnelsen också")
            }

            let again = try await NoticeSender(database: harness.database, settings: settings).run()
            #expect(again.reminders == 0, "samma påminnelse köas inte två gånger")

            // "Påminn nu" on the round's page: once a day, and the outbox shows it.
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/uppfoljning/\(round.id)").text.contains("Påminn dem nu med e-post"))
            let now = try await samordnare.submit("/uppfoljning/\(round.id)/paminn")
            #expect(now.text.contains("\(reminders.count) påminnelser ligger i utkorgen") && now.text.contains("Utskick"))
            #expect(try await samordnare.submit("/uppfoljning/\(round.id)/paminn").text.contains("Ingen ny påminnelse"))
            let officer = Browser(client)
            try await officer.login("ansvarig.sf@linkoping.demo")
            #expect(try await officer.post("/uppfoljning/\(round.id)/paminn").status == .forbidden)
        }
    }

    @Test("Att öppna en omgång meddelar varje ansvarig organisation; den som stängt av e-post får inget")
    func roundOpenedAndOptOut() async throws {
        try await Harness.run { harness, client in
            let utb = Browser(client)
            try await utb.login("ansvarig.utb@linkoping.demo")
            #expect(try await utb.get("/konto").text.contains("name=\"notices\" value=\"ja\" checked"))
            #expect(try await utb.submit("/konto/epost", [:]).text.contains("Trygg skickar inte längre e-post till dig."))
            #expect(!(try await utb.get("/konto").text.contains("value=\"ja\" checked")))

            // KOF has merged into another förvaltning: its mailbox is asked nothing.
            let scope = try await harness.scope("linkoping")
            let kof = try #require(try await OrganisationStore(scope).organisation(abbreviation: "KOF"))
            try await OrganisationStore(scope).retire(id: kof.id, on: "2026-03-01", by: .commandLine())

            let context = try await FollowUpTests.context(harness)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let round = try await FollowUpTests.openRound(samordnare, context)
            let opened = try await Self.outbox(harness).filter { $0.kind == "uppföljning öppnad" }
            let sf = try #require(opened.first { $0.message.to == "ansvarig.sf@linkoping.demo" })
            #expect(sf.message.subject == "Uppföljning av åtgärdsplanen 2023: svara senast 2025-01-31")
            #expect(sf.message.body.contains("http://127.0.0.1:8080/uppfoljning/\(round)/mina"))
            #expect(opened.contains { $0.message.to == "kontakt.utb@linkoping.demo" })
            #expect(!opened.contains { $0.message.to == "ansvarig.utb@linkoping.demo" }, "UTB:s handläggare har stängt av e-post")
            #expect(!opened.contains { $0.message.to == "kontakt.kof@linkoping.demo" }, "KOF är avvecklad")
            #expect(Set(opened.map(\.message.to)).count == opened.count, "en adress, ett meddelande")
        }
    }

    @Test("Ett återskickat svar meddelas organisationen med samordnarens kommentar och en länk till de återskickade")
    func answerReturned() async throws {
        try await Harness.run { harness, client in
            let context = try await FollowUpTests.context(harness)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let round = try await FollowUpTests.openRound(samordnare, context)
            let measure = try context.measure("9.2")
            let sf = Browser(client)
            try await sf.login("ansvarig.sf@linkoping.demo")
            try await sf.submit("/uppfoljning/\(round)/svar/\(measure.id)", ["status": "Påbörjad", "description": "Gruppen är bildad."])
            let organisation = try #require(
                try await OrganisationStore(harness.scope(id: context.kommun.id)).organisation(abbreviation: "SF"))
            try await samordnare.submit(
                "/uppfoljning/\(round)/aterskicka",
                ["measure": measure.id.uuidString, "organisation": organisation.id.uuidString, "comment": "Vilka skolor deltar?"])
            let returned = try await Self.outbox(harness).filter { $0.kind == "svar återskickat" }
            #expect(Set(returned.map(\.message.to)) == ["ansvarig.sf@linkoping.demo", "kontakt.sf@linkoping.demo"])
            let message = try #require(returned.first).message
            #expect(message.subject == "Komplettera svaret om åtgärd 9.2")
            #expect(message.body.contains("Vilka skolor deltar?") && message.body.contains("/uppfoljning/\(round)/mina?visa=aterskickade"))
        }
    }

    @Test("Veckans publicerade lägesbild meddelas deltagarna; ett svar till en invånare bara till den som lämnat adress")
    func weekAndResident() async throws {
        try await Harness.run { harness, client in
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.submit("/est/vecka/2026-W10/publicera", ["publicera": "ja"]).status == .ok)
            let week = try await Self.outbox(harness).filter { $0.kind == "lägesbild publicerad" }
            #expect(Set(week.map(\.message.to)).isSuperset(of: ["rapportor@linkoping.demo", "polisen@linkoping.demo", "stangastaden@linkoping.demo"]))
            #expect(!week.contains { $0.message.to == "admin@linkoping.demo" || $0.message.to == "ansvarig.sf@linkoping.demo" })
            #expect(week.first?.message.subject == "Veckans lägesbild, vecka 10 2026, är publicerad")

            _ = try await CitizenReportTests.submitTip(client)
            _ = try await CitizenReportTests.submitTip(client, ["epost": ""])
            for report in try await CitizenReportTests.reports(harness) {
                try await samordnare.submit("/medborgare/\(report.id.uuidString)/svara", ["svar": "Belysningen lagas nästa vecka."])
            }
            let answers = try await Self.outbox(harness).filter { $0.kind == OutboxStore.residentKind }
            #expect(answers.map(\.message.to) == ["tipsare@example.org"])
            #expect(answers.first?.message.body.contains("Belysningen lagas nästa vecka.") == true)

            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let page = try await admin.get("/utskick").text
            #expect(page.contains("Ingen är konfigurerad") && page.contains("(invånarens adress)") && !page.contains("tipsare@example.org"))
            #expect(try await Browser(client).get("/utskick").status == .seeOther)
        }
    }

    @Test("Väntande tips meddelas samordnaren en gång om dagen, på morgonen; andra kommunen och den utan tips får inget")
    func tipsWaitingInTheMorning() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let notices = Notices(database: harness.database, kommun: try await harness.kommun("linkoping"), baseURL: "https://trygg.linkoping.se")
            let today = StockholmCalendar.local(TryggClock.now)
            func at(_ hour: Int, dayOffset: Int = 0) throws -> Date {
                try StockholmCalendar.instant(year: today.year, month: today.month, day: today.day, hour: hour, minute: 0)
                    .addingTimeInterval(Double(dayOffset) * 86_400)
            }
            #expect(try await notices.tipsWaiting(now: try at(9)) == 0, "inga tips, inget meddelande")
            _ = try await CitizenReportTests.submitTip(client)
            _ = try await CitizenReportTests.submitTip(client, ["epost": ""])
            #expect(try await notices.tipsWaiting(now: try at(6)) == 0, "inte före sju")
            #expect(try await notices.tipsWaiting(now: try at(8)) == 1)
            #expect(try await notices.tipsWaiting(now: try at(15)) == 0, "en gång om dagen")
            let message = try #require(try await OutboxStore(scope).recent(limit: 10).first { $0.kind == "tips att granska" }?.message)
            #expect(message.to == "samordnare@linkoping.demo" && message.subject == "2 tips från invånare väntar på granskning")
            #expect(message.body.contains("https://trygg.linkoping.se/medborgare?status=inkommen"))
            #expect(try await notices.tipsWaiting(now: try at(8, dayOffset: 1)) == 1, "nästa dag igen, så länge tipsen väntar")
            let norrkoping = Notices(database: harness.database, kommun: try await harness.kommun("norrkoping"), baseURL: "https://x")
            #expect(try await norrkoping.tipsWaiting(now: try at(8)) == 0)
        }
    }

    @Test("Ett medborgarlöfte utan uppföljning för perioden som gått ut: de som bär aktiviteterna påminns en gång per period och ser det på startsidan")
    func promiseWithoutFollowUp() async throws {
        try await Harness.run { harness, _ in
            let scope = try await harness.scope("linkoping")
            let notices = Notices(database: harness.database, kommun: try await harness.kommun("linkoping"), baseURL: "https://trygg.linkoping.se")
            let promise = try #require(try await PromiseStore(scope).all().first { $0.title == "Tryggare kvällar i Skäggetorps centrum" })
            #expect(try await notices.promiseFollowUpsMissing(today: "2026-03-11") == 0, "första kvartalet pågår")
            let queued = try await notices.promiseFollowUpsMissing(today: "2026-04-02")
            #expect(queued >= 3)
            let sent = try await OutboxStore(scope).recent(limit: 100).filter { $0.kind == "medborgarlöfte utan uppföljning" }
            #expect(sent.contains { $0.message.to == "polisen@linkoping.demo" } && !sent.contains { $0.message.to == "admin@linkoping.demo" })
            #expect(sent.first?.message.subject == "Följ upp medborgarlöftet ”Tryggare kvällar i Skäggetorps centrum” för 2026-K1")
            #expect(sent.first?.message.body.contains("https://trygg.linkoping.se/samverkan/medborgarloften/\(promise.id)") == true)
            #expect(try await notices.promiseFollowUpsMissing(today: "2026-04-20") == 0, "en gång per period")

            let polisen = try #require(try await UserStore(scope).accounts().first { $0.email == "polisen@linkoping.demo" })
            let work = try await SamverkanWork.items(for: polisen, in: scope, today: "2026-04-02")
            #expect(work.contains { $0.title == "Medborgarlöftet ”Tryggare kvällar i Skäggetorps centrum” saknar uppföljning" })
            let utb = try #require(try await UserStore(scope).accounts().first { $0.email == "ansvarig.utb@linkoping.demo" })
            #expect(!(try await SamverkanWork.items(for: utb, in: scope, today: "2026-04-02")).contains { $0.title.hasPrefix("Medborgarlöftet") })

            try await PromiseStore(scope).followUp(promise, period: "2026-K1", status: .asPlanned, text: "Fotpatrull varje helg.", by: .commandLine())
            #expect(try await notices.promiseFollowUpsMissing(today: "2026-05-02") == 0)
            #expect(try await SamverkanWork.items(for: polisen, in: scope, today: "2026-05-02").allSatisfy { !$0.title.hasPrefix("Medborgarlöftet") })
        }
    }

    @Test("Utkorgen: ett misslyckat försök görs om senare, ett permanent nej eller tre dygn ger upp, det skickade rensas efter 30 dagar")
    func retries() async throws {
        try await Harness.run { harness, _ in
            let kommun = try await harness.kommun("linkoping")
            let outbox = OutboxStore(harness.scope(kommun))
            let delivery = OutboxDelivery(harness.database)
            let now = Harness.now
            let notices = ["a@b.se", "c@d.se"].map { OutgoingNotice(key: $0, kind: "test", message: MailMessage(to: $0, subject: "Ämne", body: "Text")) }
            #expect(try await outbox.enqueue(notices, now: now) == 2)
            #expect(try await outbox.enqueue(notices, now: now) == 0)
            let due = try await outbox.due(now: now)
            #expect(due.count == 2)
            try await delivery.markFailed(due[0], error: "E-postservern svarade inte i tid.", permanent: false, now: now)
            try await delivery.markFailed(due[1], error: "550 okänd mottagare", permanent: true, now: now)
            #expect(try await outbox.due(now: now).isEmpty)
            let retried = try await outbox.due(now: now.addingTimeInterval(301))
            #expect(retried.map(\.message.to) == ["a@b.se"] && retried.first?.attempts == 1)
            #expect(try await outbox.count(state: .failed) == 1)
            try await delivery.purge(now: now.addingTimeInterval(3 * 86_400 + 1))
            #expect(try await outbox.count(state: .waiting) == 0)
            try await delivery.purge(now: now.addingTimeInterval(31 * 86_400))
            #expect(try await outbox.count() == 0)
        }
    }
}
