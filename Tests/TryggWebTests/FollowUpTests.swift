import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("Årlig uppföljning av åtgärdsplanen")
struct FollowUpTests {
    struct Context {
        let kommun: Kommun
        let plan: ActionPlan
        let measures: [Measure]
        func measure(_ reference: String) throws -> Measure { try #require(measures.first { $0.reference == reference }) }
    }

    static func context(_ harness: Harness) async throws -> Context {
        let kommun = try await harness.kommun("linkoping")
        let plan = try #require(try await PlanStore(harness.scope(kommun)).plan(year: 2023))
        return Context(kommun: kommun, plan: plan, measures: try await PlanStore(harness.scope(kommun)).measures(planID: plan.id))
    }

    static func openRound(_ browser: Browser, _ context: Context) async throws -> String {
        let response = try await browser.post("/uppfoljning", ["plan": context.plan.id.uuidString, "deadline": "2025-01-31"])
        let location = try #require(response.location)
        return String(location.dropFirst("/uppfoljning/".count))
    }

    @Test("En hel omgång: flera förvaltningar svarar, ett svar skickas tillbaka och kompletteras, omgången stängs")
    func fullRound() async throws {
        try await Harness.run { harness, client in
            let context = try await Self.context(harness)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let round = try await Self.openRound(samordnare, context)
            #expect(try await samordnare.get("/uppfoljning/\(round)").text.contains("Svar per organisation"))

            let sspf = try context.measure("9.2")  // VOF;SF
            #expect(sspf.row.responsible == ["VOF", "SF"])
            let sf = Browser(client)
            try await sf.login("ansvarig.sf@linkoping.demo")
            #expect(try await sf.get("/uppfoljning/\(round)").location == "/uppfoljning/\(round)/mina")
            let mine = try await sf.get("/uppfoljning/\(round)/mina")
            #expect(mine.text.contains("9.2 Implementera SSPF"))
            #expect(!mine.text.contains("14.1 Kommunen ska implementera"), "UTB:s åtgärd visas inte för SF")
            let saved = try await sf.submit(
                "/uppfoljning/\(round)/svar/\(sspf.id)",
                ["status": "Påbörjad", "description": "Samverkansgruppen är bildad; skolorna i Skäggetorp saknas ännu."])
            #expect(saved.text.contains("Svaret för åtgärden är sparat"))
            #expect(saved.text.contains("Besvarad av Demo ansvarig (förvaltning) (SF), "), "vem som svarade, med namn")

            let utbOnly = try context.measure("14.1")
            #expect(utbOnly.row.responsible == ["UTB"])
            let refused = try await sf.post("/uppfoljning/\(round)/svar/\(utbOnly.id)", ["status": "Pågående", "description": "Försök"])
            #expect(refused.status == .notFound)
            let utb = Browser(client)
            try await utb.login("ansvarig.utb@linkoping.demo")
            #expect(
                try await utb.submit("/uppfoljning/\(round)/svar/\(utbOnly.id)", ["status": "Pågående", "description": "Rutinen används på alla skolor."])
                    .status == .ok)

            let overview = try await samordnare.get("/uppfoljning/\(round)")
            #expect(overview.text.contains("VOF: 9.2 Implementera SSPF"), "påminnelselistan visar vem som inte svarat")
            let organisations = try await OrganisationStore(harness.scope(id: context.kommun.id)).organisations()
            let sfID = try #require(organisations.first { $0.abbreviation == "SF" }).id
            // The organisation's name in the progress table shows only its answers; a send-back from there comes back to them.
            let filtered = try await samordnare.get("/uppfoljning/\(round)?organisation=\(sfID)")
            #expect(overview.text.contains("href=\"/uppfoljning/\(round)?organisation=\(sfID)#atgarder\">SF</a>"))
            #expect(filtered.text.contains("Åtgärder som SF svarar för") && filtered.text.contains("Implementera SSPF"))
            #expect(
                !filtered.text.contains("Kommunen ska implementera") && overview.text.contains("Kommunen ska implementera"),
                "UTB:s åtgärd visas bara utan urval")
            let sentBack = try await samordnare.post(
                "/uppfoljning/\(round)/aterskicka",
                [
                    "measure": sspf.id.uuidString, "organisation": sfID.uuidString, "comment": "Beskriv vilka förutsättningar som saknas.",
                    "visa": sfID.uuidString,
                ])
            #expect(sentBack.location == "/uppfoljning/\(round)?organisation=\(sfID)#atgarder")
            let returned = try await samordnare.get("/uppfoljning/\(round)?organisation=\(sfID)")
            #expect(returned.text.contains("skickat tillbaka") && returned.text.contains("Åtgärder som SF svarar för"))
            // A part at a time: the sent back, one status, the unanswered; the organisation filter stays.
            let sfAnswer = "Samverkansgruppen är bildad"
            let sentBackOnly = try await samordnare.get("/uppfoljning/\(round)?svar=tillbakaskickade")
            #expect(sentBackOnly.text.contains(sfAnswer) && !sentBackOnly.text.contains("Rutinen används på alla skolor."))
            #expect(sentBackOnly.text.contains("<option value=\"tillbakaskickade\" selected>"))
            let going = try await samordnare.get("/uppfoljning/\(round)?svar=pagaende")
            #expect(going.text.contains("Rutinen används på alla skolor.") && !going.text.contains(sfAnswer))
            let unanswered = try await samordnare.get("/uppfoljning/\(round)?svar=obesvarade&organisation=\(sfID)")
            #expect(!unanswered.text.contains(sfAnswer) && unanswered.text.contains("<strong>SF</strong>: Ej besvarad"))
            #expect(!unanswered.text.contains("<strong>UTB</strong>") && unanswered.text.contains("name=\"organisation\" value=\"\(sfID)\""))
            let none = try await samordnare.get("/uppfoljning/\(round)?svar=ej-paborjad")
            #expect(none.text.contains("Inga svar med det urvalet."))
            let back = try await sf.get("/uppfoljning/\(round)/mina")
            #expect(back.text.contains("Tillbakaskickad för komplettering: Beskriv vilka förutsättningar som saknas."))
            #expect(
                try await sf.submit(
                    "/uppfoljning/\(round)/svar/\(sspf.id)", ["status": "Påbörjad", "description": "Kompletterat: lokaler och en samordnare saknas."]
                ).status == .ok)

            let answers = try await FollowUpStore(harness.scope(id: context.kommun.id)).answers(
                roundID: try #require(UUID(uuidString: round)))
            #expect(answers.count == 2)
            #expect(answers.first { $0.organisationID == sfID }?.state == .submitted)
            #expect(answers.first { $0.organisationID == sfID }?.description == "Kompletterat: lokaler och en samordnare saknas.")

            #expect(try await samordnare.submit("/uppfoljning/\(round)/stang").text.contains("Uppföljningen är stängd"))
            let late = try await utb.post("/uppfoljning/\(round)/svar/\(utbOnly.id)", ["status": "Påbörjad", "description": "Sent"])
            #expect(late.status == .badRequest && late.text.contains("är stängd"))
            #expect(try await harness.auditActions("linkoping").contains("skickade tillbaka svar för komplettering"))
        }
    }

    @Test("Fel status, tom eller för lång beskrivning avvisas och inget sparas")
    func badAnswers() async throws {
        try await Harness.run { harness, client in
            let context = try await Self.context(harness)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let round = try await Self.openRound(samordnare, context)
            let measure = try context.measure("9.2")
            let sf = Browser(client)
            try await sf.login("ansvarig.sf@linkoping.demo")
            let wrongStatus = try await sf.post("/uppfoljning/\(round)/svar/\(measure.id)", ["status": "Klar", "description": "x"])
            #expect(wrongStatus.status == .badRequest && wrongStatus.text.contains("Välj status"))
            let empty = try await sf.post("/uppfoljning/\(round)/svar/\(measure.id)", ["status": "Pågående", "description": "  "])
            #expect(empty.status == .badRequest && empty.text.contains("Beskriv utvecklingen"))
            let long = try await sf.post(
                "/uppfoljning/\(round)/svar/\(measure.id)", ["status": "Pågående", "description": String(repeating: "å", count: 100_000)])
            #expect(long.status == .badRequest && long.text.contains("högst 4000 tillåts"))
            #expect(
                try await FollowUpStore(harness.scope(id: context.kommun.id)).answers(roundID: try #require(UUID(uuidString: round)))
                    .isEmpty)
            let badDeadline = try await samordnare.post("/uppfoljning", ["plan": context.plan.id.uuidString, "deadline": "snart"])
            #expect(badDeadline.status == .badRequest && badDeadline.text.contains("ÅÅÅÅ-MM-DD"))
        }
    }

    @Test("En plan följs upp en gång per år; planen har en statuskolumn och en kopierad åtgärd visar uppföljningen år för år")
    func oneRoundPerYear() async throws {
        try await Harness.run(followUp: true) { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let plan = try #require(try await PlanStore(harness.scope(kommun)).plan(year: 2023))
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let again = try await samordnare.post("/uppfoljning", ["plan": plan.id.uuidString, "deadline": "2026-05-31"])
            #expect(again.status == .badRequest && again.text.contains("Uppföljningen av 2023 är redan gjord och stängd."))
            #expect(try await FollowUpStore(harness.scope(kommun)).rounds().count == 1)

            // The plan has a status column from its round, and a measure copied into next year's
            // draft shows the answers of the measure it came from.
            let planPage = try await samordnare.get("/plan/2023")
            #expect(planPage.text.contains("<th scope=\"col\">Status 2023</th>") && planPage.text.contains("<td>Pågående</td>"))
            let closed = try #require(try await FollowUpStore(harness.scope(kommun)).rounds().first)
            let answer = try #require(try await FollowUpStore(harness.scope(kommun)).answers(roundID: closed.id).first)
            let draft = try await PlanStore(harness.scope(kommun)).copy(
                planID: plan.id, toYear: 2024, by: .commandLine(kommunID: kommun.id))
            let lineage = try await PlanStore(harness.scope(kommun)).lineage()
            let copied = try #require(
                try await PlanStore(harness.scope(kommun)).measures(planID: draft.id).first { lineage[$0.id] == answer.measureID })
            let measurePage = try await samordnare.get("/plan/atgard/\(copied.id)")
            #expect(measurePage.text.contains("Uppföljning år för år") && measurePage.text.contains("<td>2023</td>"))
            #expect(measurePage.text.contains(String(answer.description.prefix(30)).htmlEscaped))
        }
    }

    @Test("Säkerhetschefens bedömning sparas på omgången och står i rapporten till kommunfullmäktige, i HTML och Word")
    func assessmentInReport() async throws {
        try await Harness.run(followUp: true) { harness, client in
            let kommun = try await harness.kommun("linkoping")
            let round = try #require(try await FollowUpStore(harness.scope(kommun)).rounds().first)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let saved = try await samordnare.submit(
                "/uppfoljning/\(round.id)/bedomning", ["bedomning": "Arbetet har kommit längst där förvaltningarna samverkar med polisen."])
            #expect(saved.text.contains("Bedömningen är sparad och står i rapporten."))
            let html = try await samordnare.get("/uppfoljning/\(round.id)/rapport")
            #expect(html.text.contains("Säkerhetschefens bedömning") && html.text.contains("samverkar med polisen"))
            let docx = try await samordnare.get("/uppfoljning/\(round.id)/rapport.docx")
            #expect(docx.status == .ok)
            let tooLong = try await samordnare.post("/uppfoljning/\(round.id)/bedomning", ["bedomning": String(repeating: "x", count: 5_000)])
            #expect(tooLong.status == .badRequest && tooLong.text.contains("högst"))
            let officer = Browser(client)
            try await officer.login("ansvarig.sf@linkoping.demo")
            #expect(try await officer.post("/uppfoljning/\(round.id)/bedomning", ["bedomning": "x"]).status == .forbidden)
        }
    }

    @Test("Rapporten: HTML och ett Word-dokument för den stängda demoomgången 2023")
    func report() async throws {
        try await Harness.run(followUp: true) { harness, client in
            let context = try await Self.context(harness)
            let round = try #require(try await FollowUpStore(harness.scope(id: context.kommun.id)).rounds().first)
            #expect(round.state == .closed && round.year == 2023)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let html = try await samordnare.get("/uppfoljning/\(round.id)/rapport")
            #expect(html.status == .ok && html.text.contains("Av planens 123 åtgärder är"))
            #expect(html.text.contains("<svg") && html.text.contains("Åtgärder som inte har kunnat påbörjas"))
            let docx = try await samordnare.get("/uppfoljning/\(round.id)/rapport.docx")
            #expect(docx.headers[.contentType] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(Array(docx.body.readableBytesView.prefix(2)) == [0x50, 0x4B], "en zip-fil (OOXML)")

            // The plan can be filtered by the status the round gave each measure.
            let summary = try #require(try await FollowUpReport.load(roundID: round.id, kommun: context.kommun, database: harness.database)).summary
            let notStarted = try await samordnare.get("/plan/2023?status=Ej%20p%C3%A5b%C3%B6rjad")
            #expect(notStarted.text.contains("\(summary.overall.ejPaborjad) av 123 åtgärder matchar"))

            let analyst = Browser(client)
            try await analyst.login("analytiker@linkoping.demo")
            #expect(try await analyst.get("/uppfoljning/\(round.id)/rapport").status == .ok)
            let sf = Browser(client)
            try await sf.login("ansvarig.sf@linkoping.demo")
            #expect(try await sf.get("/uppfoljning/\(round.id)/rapport").status == .forbidden)
        }
    }

    @Test("Sammanställningen: en delad åtgärd har den minst framskridna statusen")
    func combinedStatus() {
        #expect(FollowUpRules.combinedStatus([.pagaende, .paborjad]) == .paborjad)
        #expect(FollowUpRules.combinedStatus([.pagaende, .ejPaborjad, .paborjad]) == .ejPaborjad)
        #expect(FollowUpRules.combinedStatus([.pagaende, .pagaende]) == .pagaende)
        #expect(FollowUpRules.combinedStatus([]) == nil)
    }

    @Test("Ingen från Norrköping ser Linköpings uppföljning")
    func tenancy() async throws {
        try await Harness.run(followUp: true) { harness, client in
            let context = try await Self.context(harness)
            let round = try #require(try await FollowUpStore(harness.scope(id: context.kommun.id)).rounds().first)
            let browser = Browser(client)
            try await browser.login("samordnare@norrkoping.demo")
            #expect(try await browser.get("/uppfoljning/\(round.id)").status == .notFound)
            #expect(try await browser.get("/uppfoljning/\(round.id)/rapport").status == .notFound)
            #expect(try await browser.get("/uppfoljning/\(round.id)/rapport.docx").status == .notFound)
            #expect(try await browser.post("/uppfoljning/\(round.id)/stang").status == .notFound)
            #expect(!(try await browser.get("/uppfoljning").text.contains("2023")))
        }
    }
}
