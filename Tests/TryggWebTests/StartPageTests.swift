import Foundation
import Testing
import TryggCore
import TryggStore

@testable import TryggWeb

/// The start page shows each role its work, most urgent first (issue 14).
@Suite("Startsidan visar arbetet")
struct StartPageTests {
    @Test("Samordnaren ser tips att granska och en försenad uppföljning; handläggaren sina åtgärder; rapportören en stor knapp; polisen lägesbilden")
    func workPerRole() async throws {
        try await Harness.run(est: true, citizen: true) { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let scope = harness.scope(kommun)
            let plan = try #require(try await PlanStore(scope).plan(year: 2023))
            // Opened with a deadline that has passed (the tests run on 2026-03-11).
            let round = try await FollowUpStore(scope).open(planID: plan.id, deadline: "2026-03-01", by: .commandLine(kommunID: kommun.id))
            // One of two responsible organisations answers: the measure still waits for the other,
            // as the round's own page counts it.
            let shared = try #require(try await PlanStore(scope).measures(planID: plan.id).first { $0.responsibleOrganisations.count >= 2 })
            try await FollowUpStore(scope).submit(
                roundID: round.id, measureID: shared.id, organisationID: shared.responsibleOrganisations[0], status: .pagaende,
                description: "Arbetet pågår.", by: .commandLine(kommunID: kommun.id))

            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let home = try await samordnare.get("/")
            #expect(home.text.components(separatedBy: "<h2 id=\"work\">Att göra</h2>").count == 2, "en lista, inte en per uppgift")
            #expect(home.text.contains("tips väntar på granskning") && home.text.contains("/medborgare?status=inkommen"))
            #expect(home.text.contains("Uppföljning 2023: 0 av 123 åtgärder besvarade") && home.text.contains("Sista svarsdag 2026-03-01 har passerat."))
            #expect(home.text.contains("<li class=\"card urgent\"><h3>Uppföljning 2023"), "en försenad omgång står först och är markerad")
            // The law wants a lägesbild behind the plan: none decided is work, and urgent.
            #expect(home.text.contains("<li class=\"card urgent\"><h3>Ingen beslutad lägesbild</h3><p>Ingen lägesbild är beslutad."))

            let officer = Browser(client)
            try await officer.login("ansvarig.sf@linkoping.demo")
            let officerHome = try await officer.get("/")
            #expect(officerHome.text.contains("SF: ") && officerHome.text.contains("åtgärder att besvara") && officerHome.text.contains("Svara för SF"))
            #expect(!officerHome.text.contains("tips väntar på granskning"))
            #expect(officerHome.text.contains("Uppföljning 2023: SF har besvarat 0 av "), "hur långt förvaltningen har kommit")
            #expect(!officerHome.text.contains("Uppföljning 2023 pågår"), "omgången står en gång, som arbete, inte också som kort")
            // The officer's work is the follow-up; reporting an event comes after it.
            let work = try #require(officerHome.text.range(of: "<h2 id=\"work\">Att göra</h2>"))
            let report = try #require(officerHome.text.range(of: "Rapportera en händelse</a>"))
            #expect(work.lowerBound < report.lowerBound)

            // Every measure answered: the card says so and leads to the answers, which can still be changed.
            let sf = try #require(try await OrganisationStore(scope).organisation(abbreviation: "SF"))
            for measure in try await PlanStore(scope).measures(planID: plan.id, filter: MeasureFilter(responsibleOrganisation: sf.id)) {
                try await FollowUpStore(scope).submit(
                    roundID: round.id, measureID: measure.id, organisationID: sf.id, status: .pagaende, description: "Enligt plan.",
                    by: .commandLine(kommunID: kommun.id))
            }
            let answeredHome = try await officer.get("/").text
            #expect(answeredHome.contains("SF har besvarat alla sina ") && answeredHome.contains("Svaren kan ändras till sista svarsdag 2026-03-01."))
            #expect(answeredHome.contains("Se SF:s svar") && !answeredHome.contains("åtgärder att besvara"))

            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            let reporterHome = try await reporter.get("/")
            #expect(reporterHome.text.contains("<a class=\"button big\" href=\"/est/rapportera\">Rapportera en händelse</a>"))
            #expect(reporterHome.text.contains("Mina senaste rapporter"))
            #expect(
                try #require(reporterHome.text.range(of: "Rapportera en händelse</a>")).lowerBound
                    < reporterHome.text.range(of: "Välkommen")!.lowerBound, "rapportören börjar med knappen")

            let police = Browser(client)
            try await police.login("polisen@linkoping.demo")
            let policeHome = try await police.get("/")
            #expect(policeHome.text.contains("Senaste publicerade lägesbild: vecka"))
            // The police work with the kommun, not in it.
            #expect(policeHome.text.contains("Du samverkar med Linköpings kommun för Polismyndigheten, lokalpolisområdet"))
            #expect(!policeHome.text.contains("Du arbetar i"))
            // The police own 26 measures of Linköping's plan: the start page says so and filters the plan to them.
            #expect(policeHome.text.contains("Polisen ansvarar för 26 åtgärder i åtgärdsplanen 2023"))
            #expect(policeHome.text.contains("Se Polisens åtgärder"), "genitiv utan kolon efter ett vanligt ord")
            #expect(!policeHome.text.contains("Ingen beslutad lägesbild"), "lägesbildens förnyelse är samordnarens arbete")
            // (On PostgreSQL the police's own test may have answered one meanwhile: the count is not the point.)
            #expect(policeHome.text.contains("Uppföljning 2023: Polisen har besvarat ") && policeHome.text.contains(" av 26 åtgärder."))

            // The housing company answers for no measure of the plan: the round is not its business.
            let housing = Browser(client)
            try await housing.login("stangastaden@linkoping.demo")
            #expect(!(try await housing.get("/").text.contains("Uppföljning 2023")))
            let ownHref = try #require(
                policeHome.text.components(separatedBy: "href=\"").first { $0.hasPrefix("/plan/2023?ansvarig=") }?.components(separatedBy: "\"").first)
            #expect(try await police.get(ownHref.replacingOccurrences(of: "&amp;", with: "&")).text.contains("26 av 123 åtgärder"))
            #expect(!policeHome.text.contains("åtgärder besvarade"))
            // Partners report to EST too, after their work, with their own latest reports.
            let policeReport = try #require(policeHome.text.range(of: "Rapportera en händelse</a>"))
            #expect(try #require(policeHome.text.range(of: "<h2 id=\"work\">Att göra</h2>")).lowerBound < policeReport.lowerBound)
            #expect(policeHome.text.contains("Mina senaste rapporter"))
        }
    }
}

extension StartPageTests {
    @Test("Ett erbjudande om ROS från Linköping väntar på Norrköpings samordnares startsida tills det är godkänt")
    func sharingOfferWaits() async throws {
        try await Harness.run { harness, client in
            let linkoping = try await harness.scope("linkoping")
            let norrkoping = try await harness.kommun("norrkoping")
            try await SharingStore(linkoping).offer(
                .ros, code: InspectionStore.rosCode, to: norrkoping, what: "Gemensamma kontrolldagar och deras samlade tal", validFrom: "2026-01-01",
                decidedBy: "Säkerhetschefen", by: .commandLine(kommunID: linkoping.kommunID))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@norrkoping.demo")
            let home = try await samordnare.get("/")
            #expect(home.text.contains("<h3>Linköpings kommun erbjuder ROS-samverkan</h3>"))
            #expect(home.text.contains("Vad som delas: Gemensamma kontrolldagar och deras samlade tal. Inget delas förrän ni har godkänt."))
            #expect(home.text.contains("href=\"/los/installningar\">Svara på erbjudandet</a>"))
            let offered = Browser(client)
            try await offered.login("samordnare@linkoping.demo")
            #expect(!(try await offered.get("/").text.contains("erbjuder ROS-samverkan")), "den som erbjöd har inget att svara på")
        }
    }
}

extension StartPageTests {
    @Test("Administratören ser utskick som inte gick fram och obekräftade organisationsnamn, men ingen rapportknapp")
    func administratorsWork() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let outbox = OutboxStore(scope)
            try await outbox.enqueue([
                OutgoingNotice(
                    key: "test-1", kind: "påminnelse", message: MailMessage(to: "finns.inte@linkoping.demo", subject: "Påminnelse", body: "Text"))
            ])
            let entry = try #require(try await outbox.due().first)
            try await OutboxDelivery(harness.database).markFailed(entry, error: "550 Okänd mottagare", permanent: true)
            let unconfirmed = try await OrganisationStore(scope).organisations().filter { !$0.nameConfirmed }.count

            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            let home = try await admin.get("/")
            #expect(home.text.contains("<li class=\"card urgent\"><h3>1 utskick kunde inte skickas</h3>"))
            #expect(home.text.contains("med obekräftat namn") == (unconfirmed > 0))
            #expect(!home.text.contains("Rapportera en händelse</a>"), "administratören rapporterar inte från startsidan")
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let own = try await samordnare.get("/")
            #expect(own.text.contains("1 utskick kunde inte skickas") && !own.text.contains("med obekräftat namn"))
        }
    }
}

@Suite("Polisen i det dagliga arbetet")
struct PolicePartnerTests {
    @Test("Polisen besvarar uppföljningen för sina åtgärder men inte andras, och veckosidan länkar inte till insatssidor de inte får öppna")
    func policeAnswerAndWeekLinks() async throws {
        try await Harness.run(est: true) { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let scope = harness.scope(kommun)
            let plan = try #require(try await PlanStore(scope).plan(year: 2023))
            let round = try await FollowUpStore(scope).open(planID: plan.id, deadline: "2026-04-30", by: .commandLine(kommunID: kommun.id))
            let police = try #require(try await OrganisationStore(scope).organisation(abbreviation: "Polisen"))
            let measures = try await PlanStore(scope).measures(planID: plan.id)
            let own = try #require(measures.first { $0.responsibleOrganisations == [police.id] })
            let other = try #require(measures.first { !$0.responsibleOrganisations.contains(police.id) })

            let browser = Browser(client)
            try await browser.login("polisen@linkoping.demo")
            let mine = try await browser.get("/uppfoljning/\(round.id)/mina")
            #expect(mine.status == .ok && mine.text.contains(own.row.measure.prefix(40)))
            let saved = try await browser.submit(
                "/uppfoljning/\(round.id)/svar/\(own.id)", ["status": "Pågående", "description": "Medborgarlöftet följs upp varje kvartal."])
            #expect(saved.text.contains("Svaret för åtgärden är sparat."))
            #expect(try await browser.post("/uppfoljning/\(round.id)/svar/\(other.id)", ["status": "Pågående", "description": "x"]).status != .seeOther)
            #expect(try await FollowUpStore(scope).answers(roundID: round.id).map(\.measureID) == [own.id])

            let insats = try #require(try await InsatsStore(scope).all().first)
            let week = try await browser.get("/est/vecka/\(insats.decidedWeek)")
            #expect(week.status == .ok && week.text.contains(insats.what) && !week.text.contains("/est/insatser/\(insats.id)"))
        }
    }
}

@Suite("Uppföljningen för handläggaren")
struct OfficerFollowUpTests {
    @Test("Handläggaren ser sina åtgärder med status, filtrerar på obesvarade, ser förra årets svar och kommer tillbaka till åtgärden efter att ha sparat")
    func officerFlow() async throws {
        try await Harness.run(followUp: true) { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let scope = harness.scope(kommun)
            let actor = Actor.commandLine(kommunID: kommun.id)
            let plan2023 = try #require(try await PlanStore(scope).plan(year: 2023))
            let next = try await PlanStore(scope).copy(planID: plan2023.id, toYear: 2024, by: actor)
            try await PlanStore(scope).adopt(
                planID: next.id, metadata: PlanMetadata(title: "Åtgärdsplan 2024", adoptedBy: "KF", adoptedOn: "2024-02-01"), by: actor)
            let round = try await FollowUpStore(scope).open(planID: next.id, deadline: "2026-04-30", by: actor)
            let sf = try #require(try await OrganisationStore(scope).organisation(abbreviation: "SF"))
            let own = try await PlanStore(scope).measures(planID: next.id, filter: MeasureFilter(responsibleOrganisation: sf.id))

            let officer = Browser(client)
            try await officer.login("ansvarig.sf@linkoping.demo")
            let page = try await officer.get("/uppfoljning/\(round.id)/mina")
            #expect(page.text.contains("Obesvarade (\(own.count))") && page.text.contains("<th scope=\"col\">Status</th>"))
            #expect(page.text.contains("Förra årets svar</strong> 2023:"), "svaret för åtgärden den kopierades från")
            let measure = try #require(own.first)
            let saved = try await officer.post(
                "/uppfoljning/\(round.id)/svar/\(measure.id)", ["status": "Pågående", "description": "Arbetet fortsätter enligt plan."])
            #expect(saved.status == .seeOther && saved.location?.hasSuffix("#m-\(measure.id)") == true, "tillbaka till samma åtgärd")
            let unanswered = try await officer.get("/uppfoljning/\(round.id)/mina?visa=obesvarade")
            #expect(unanswered.text.contains("Obesvarade (\(own.count - 1))") && !unanswered.text.contains("id=\"m-\(measure.id)\""))
            #expect(try await officer.get("/uppfoljning/\(round.id)/mina?visa=aterskickade").text.contains("Inga åtgärder i det här urvalet."))
        }
    }
}

extension StartPageTests {
    @Test("Analytikern ser var kommunens uppgifter står: veckans händelser, polisens senaste uttag, den nyaste enkäten; rapportören inget av det")
    func overviewForThoseWhoReadEverything() async throws {
        try await Harness.run(est: true, statistics: true) { harness, client in
            let analyst = Browser(client)
            try await analyst.login("analytiker@linkoping.demo")
            let home = try await analyst.get("/").text
            let week = ISOWeek.containing(TryggClock.now)
            #expect(home.contains("<h2>EST vecka \(week.week)</h2>") && home.contains("rapporterade hittills i veckan"))
            #expect(home.contains("href=\"/est/vecka/\(week)\">Till veckan</a>"))
            #expect(home.contains("Polisens senaste uttag gäller anmälningar till och med 2024-"), "demons uttag slutar 2024")
            let surveys = try await SurveyStore(try await harness.scope("linkoping")).all()
            let newest = try #require(surveys.first)
            #expect(home.contains("<h2>\(newest.survey.title)</h2>") && home.contains("href=\"/enkater/\(newest.survey.id)\""))

            let reporter = Browser(client)
            try await reporter.login("rapportor@linkoping.demo")
            let reporterHome = try await reporter.get("/").text
            #expect(!reporterHome.contains("Polisens senaste uttag") && !reporterHome.contains("rapporterade hittills i veckan"))
            #expect(reporterHome.contains("Rapportera en händelse"), "kontroll: rapportörens sida visas")
        }
    }
}
