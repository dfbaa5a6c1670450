import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggStore
@testable import TryggWeb

@Suite("LOS och ROS: insatser, objekt, iakttagelser per myndighet, återbesök, statistik och delning")
struct InspectionWebTests {
    static func organisation(_ abbreviation: String, _ scope: KommunScope) async throws -> String {
        try #require(try await OrganisationStore(scope).organisation(abbreviation: abbreviation)).id.uuidString
    }

    static func plan(title: String, date: String, lead: String, participants: [String], partner: String = "") -> [(String, String)] {
        [("rubrik", title), ("datum", date), ("status", "genomford"), ("leds_av", lead), ("omrade", ""), ("ros_partner", partner)]
            + participants.map { ("deltagare[]", $0) }
    }

    @Test("En insats med myndigheternas delar: felaktig inmatning sparar inget, polisen skriver bara för sig, återbesök och statistik räknar objekt")
    func inspectionDay() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let police = try await Self.organisation("Polisen", scope)
            let tax = try await Self.organisation("Skatteverket", scope)
            let kfm = try await Self.organisation("Kronofogden", scope)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")

            let none = try await samordnare.post("/los", pairs: Self.plan(title: "Kontroll av kiosker", date: "2026-03-10", lead: police, participants: []))
            #expect(none.status == .badRequest && none.text.contains("Välj minst en deltagande myndighet eller förvaltning."))
            #expect(try await InspectionStore(scope).inspections().isEmpty)
            let created = try await samordnare.post(
                "/los", pairs: Self.plan(title: "Kontroll av kiosker", date: "2026-03-10", lead: police, participants: [police, tax]))
            let page = try #require(created.location)
            let inspection = try #require(try await InspectionStore(scope).inspections().first)

            let badNumber = try await samordnare.post(
                page + "/objekt", pairs: [("objekt", ""), ("namn", "Kiosken vid torget AB"), ("orgnr", "556036-0794"), ("adress", "Skäggetorps centrum 1")])
            #expect(badNumber.status == .badRequest && badNumber.text.contains("Organisationsnumret 556036-0794 är inte giltigt"))
            let actor = Actor.commandLine(kommunID: scope.kommunID)
            #expect(try await InspectedObjectStore(scope).objects(by: actor).isEmpty)
            try await samordnare.submit(
                page + "/objekt",
                pairs: [
                    ("objekt", ""), ("namn", "Kiosken vid torget AB"), ("orgnr", "5560360793"), ("adress", "Skäggetorps centrum 1"), ("bransch", "kiosk-tobak"),
                ])
            let visit = try #require(try await InspectedObjectStore(scope).visits(inspectionID: inspection.id, by: actor).first)
            #expect(visit.object.orgNumber == "556036-0793")

            let policeUser = Browser(client)
            try await policeUser.login("polisen@linkoping.demo")
            let findingPath = page + "/besok/\(visit.id.uuidString)"
            #expect(try await policeUser.post(findingPath, pairs: [("organisation", tax), ("iakttagelser", "Kassaregister saknas")]).status == .forbidden)
            let negative = try await samordnare.post(findingPath, pairs: [("organisation", tax), ("beslut[]", "vite"), ("vite", "-5000")])
            #expect(negative.status == .badRequest && negative.text.contains("Beloppet för vite kan inte vara negativt."))
            let outsider = try await samordnare.post(findingPath, pairs: [("organisation", kfm), ("iakttagelser", "Skulder")])
            #expect(outsider.status == .badRequest && outsider.text.contains("Organisationen deltar inte i insatsen"))
            let early = try await policeUser.post(findingPath, pairs: [("organisation", police), ("beslut[]", "polisanmalan"), ("aterbesok", "2026-03-01")])
            #expect(early.status == .badRequest && early.text.contains("Återbesöket måste ligga efter insatsens datum (2026-03-10)."))
            #expect(try await InspectedObjectStore(scope).visits(inspectionID: inspection.id, by: actor).first?.findings.isEmpty == true)
            try await policeUser.submit(
                findingPath,
                pairs: [("organisation", police), ("iakttagelser", "Otillåten tobaksförsäljning"), ("beslut[]", "polisanmalan"), ("aterbesok", "2026-05-01")])
            try await samordnare.submit(
                findingPath,
                pairs: [
                    ("organisation", tax), ("diarienummer", "SKV 2026-113"), ("beslut[]", "sanktionsavgift"), ("sanktionsavgift", "25 000"),
                    ("beslut[]", "stangning-delvis"),
                ])

            let shown = try await samordnare.get(page)
            #expect(shown.text.contains("Sanktionsavgift 25") && shown.text.contains("dnr SKV 2026-113"))
            #expect(shown.text.contains("Polisanmälan · återbesök senast 2026-05-01"))
            let queue = try await samordnare.get("/los/aterbesok")
            #expect(queue.text.contains("Kiosken vid torget AB") && queue.text.contains("2026-05-01"), "\(queue.text)")

            // The same business again is a revisit, not a second object.
            let second = try await samordnare.post("/los", pairs: Self.plan(title: "Uppföljning", date: "2026-06-01", lead: police, participants: [police]))
            let secondPage = try #require(second.location)
            let duplicate = try await samordnare.post(
                secondPage + "/objekt", pairs: [("objekt", ""), ("namn", "Kiosken"), ("orgnr", "556036-0793"), ("adress", "Annan adress")])
            #expect(duplicate.status == .badRequest && duplicate.text.contains("finns redan i objektregistret"))
            try await samordnare.submit(secondPage + "/objekt", pairs: [("objekt", visit.object.id.uuidString)])
            #expect(try await samordnare.get(secondPage).text.contains("Återbesök"))

            let statistics = try await samordnare.get("/los/statistik?ar=2026")
            #expect(statistics.text.contains("<th scope=\"row\">Kontrollerade objekt</th><td class=\"num\">1</td>"))
            #expect(statistics.text.contains("<th scope=\"row\">Varav återbesök</th><td class=\"num\">1</td>"))
            #expect(
                statistics.text.contains("<th scope=\"row\">Sanktionsavgifter</th><td class=\"num\">25\u{00A0}000 kr</td>")
                    || statistics.text.contains("25 000 kr"))
            #expect(statistics.text.contains("100,0"), "det enda objektet är delvis stängt")
            // A sole trader has no number: the same name and address is the same business.
            try await samordnare.submit(secondPage + "/objekt", pairs: [("objekt", ""), ("namn", "Salong Ryd"), ("adress", "Rydsvägen 200")])
            let soleTrader = try await samordnare.post(page + "/objekt", pairs: [("objekt", ""), ("namn", "SALONG RYD"), ("adress", "Rydsvägen 200 ")])
            #expect(soleTrader.status == .badRequest && soleTrader.text.contains("Salong Ryd finns redan i objektregistret"))

            for email in ["stangastaden@linkoping.demo", "ansvarig.utb@linkoping.demo", "rapportor@linkoping.demo", "admin@linkoping.demo"] {
                let other = Browser(client)
                try await other.login(email)
                #expect(try await other.get("/los/objekt/\(visit.object.id.uuidString)").status == .forbidden, "\(email)")
                #expect(try await other.get(page).status == .forbidden, "\(email)")
            }
            let reads = try await AuditLog.search(AuditQuery(text: "LOS-objekt", limit: 200), in: scope).map(\.action)
            #expect(reads.contains("läste LOS-objekt") && reads.contains("registrerade LOS-objekt"))
            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            #expect(try await norrkoping.get(page).status == .notFound)
        }
    }

    @Test("ROS: utan avtal ingen gemensam insats; med avtal ser båda kommunerna varandras objekt i den delade insatsen, och efter återkallelse inte")
    func regional() async throws {
        try await Harness.run { harness, client in
            let linkoping = try await harness.scope("linkoping")
            let norrkopingScope = try await harness.scope("norrkoping")
            let police = try await Self.organisation("Polisen", linkoping)
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            let partnerID = norrkopingScope.kommunID.uuidString

            let refused = try await samordnare.post(
                "/los", pairs: Self.plan(title: "ROS-dag", date: "2026-04-14", lead: police, participants: [police], partner: partnerID))
            #expect(refused.status == .badRequest && refused.text.contains("Det finns inget gällande ROS-avtal"))

            try await samordnare.submit("/los/ros", pairs: [("kommun", "norrkoping"), ("galler_fran", "2026-01-01"), ("beslutat_av", "Säkerhetschefen")])
            let offer = try #require(try await SharingStore(norrkopingScope).all().first { $0.subject == .ros })
            try await norrkoping.submit("/los/ros/\(offer.id.uuidString)/acceptera", pairs: [("beslutat_av", "Kommundirektören")])
            let created = try await samordnare.post(
                "/los", pairs: Self.plan(title: "ROS-dag", date: "2026-04-14", lead: police, participants: [police], partner: partnerID))
            let page = try #require(created.location)
            let partnerCalendar = try await norrkoping.get("/los?ar=2026").text
            #expect(partnerCalendar.contains("ROS med Linköping"))
            // Linköping's police lead it: Norrköping's list names the kommun that leads, not a placeholder.
            #expect(partnerCalendar.contains("<td data-label=\"Leds av\">Linköpings kommun</td>") && !partnerCalendar.contains("Partnerkommunens organisation"))
            let partnerPolice = try await Self.organisation("Polisen", norrkopingScope)
            try await norrkoping.submit(page + "/deltagare", pairs: [("deltagare[]", partnerPolice)])
            try await norrkoping.submit(
                page + "/objekt",
                pairs: [
                    ("objekt", ""), ("namn", "Bilverkstaden i Hageby AB"), ("orgnr", "212000-0142"), ("adress", "Hagebygatan 2"),
                    ("bransch", "bilverkstad-biltvatt"),
                ])
            #expect(try await samordnare.get(page).text.contains("Bilverkstaden i Hageby AB"))
            let statistics = try await samordnare.get("/los/statistik?ar=2026")
            #expect(statistics.text.contains("<th scope=\"col\" class=\"num\">Norrköpings kommun</th>") && statistics.text.contains("färre än 5"))
            let csv = try await samordnare.get("/los/statistik.csv?ar=2026")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("Mått,Linköpings kommun,Norrköpings kommun\r\n") && csv.text.contains(/Kontrollerade objekt,\d+,färre än 5\r\n/))
            let word = try await samordnare.get("/los/statistik.docx?ar=2026")
            #expect(word.status == .ok && word.headers[.contentType] == Response.docxType)
            #expect(try await Browser(client).get("/los/statistik.csv?ar=2026").status == .seeOther, "utloggad får inga siffror")

            try await norrkoping.submit("/los/ros/\(offer.id.uuidString)/aterkalla", pairs: [])
            #expect(try await norrkoping.get(page).status == .notFound)
            #expect(!(try await samordnare.get(page).text.contains("Bilverkstaden i Hageby AB")))
        }
    }

    @Test("Polisens uppföljning av planens LOS-åtgärd får årets LOS-siffror som underlag")
    func followUpOfTheLOSMeasure() async throws {
        try await Harness.run(followUp: true) { harness, client in
            let scope = try await harness.scope("linkoping")
            let round = try #require(try await FollowUpStore(scope).rounds().first)
            let police = try await Self.organisation("Polisen", scope)
            let actor = Actor.commandLine(kommunID: scope.kommunID)
            let day = try await InspectionStore(scope).save(
                JointInspection(
                    id: UUID(), kommunID: scope.kommunID, title: "Kontroll", date: "\(round.year)-04-02", status: .carriedOut, leadID: UUID(uuidString: police)!
                ),
                participants: [UUID(uuidString: police)!], id: nil, by: actor)
            let visit = try await InspectedObjectStore(scope).addVisit(
                inspection: day, objectID: nil,
                new: InspectedObject(id: UUID(), name: "Kiosken AB", orgNumber: "556036-0793", address: "Torget 1", point: nil, branch: .kiosk), by: actor)
            try await InspectedObjectStore(scope).saveFinding(
                InspectionFinding(
                    id: UUID(), visitID: visit, organisationID: UUID(uuidString: police)!, caseNumber: "", finding: "", decisions: [.init(.stangningHelt)]),
                by: actor)
            let browser = Browser(client)
            try await browser.login("polisen@linkoping.demo")
            let mine = try await browser.get("/uppfoljning/\(round.id.uuidString)/mina")
            #expect(mine.text.contains("Återkommande myndighetsgemensamma verksamhetskontroller (LOS)"))
            #expect(
                mine.text.contains(
                    "LOS i Trygg \(round.year): 1 genomförda insatser, 1 kontrollerade objekt (0 återbesök), 1 beslut, 100\u{00A0}% av objekten stängda helt eller delvis."
                ))
        }
    }

    @Test("Objektregistret söks på namn, nummer och bransch; varje visning är en loggad läsning")
    func registerSearch() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let police = try #require(try await OrganisationStore(scope).organisation(abbreviation: "Polisen")).id
            let actor = Actor.commandLine(kommunID: scope.kommunID)
            let held = try await InspectionStore(scope).save(
                JointInspection(id: UUID(), kommunID: scope.kommunID, title: "Kontroll", date: "2026-03-01", status: .carriedOut, leadID: police),
                participants: [police], id: nil, by: actor)
            for object in [
                InspectedObject(id: UUID(), name: "Kiosken vid torget AB", orgNumber: "556036-0793", address: "Torget 1", point: nil, branch: .kiosk),
                InspectedObject(id: UUID(), name: "Salong Ryd", orgNumber: "", address: "Rydsvägen 200", point: nil, branch: .frisor),
            ] {
                _ = try await InspectedObjectStore(scope).addVisit(inspection: held, objectID: nil, new: object, by: actor)
            }
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            let all = try await samordnare.get("/los/objekt").text
            #expect(all.contains("2 objekt.") && all.contains("Kiosken vid torget AB") && all.contains("Salong Ryd"))
            let byNumber = try await samordnare.get("/los/objekt?q=5560360793").text
            #expect(byNumber.contains("1 av 2 objekt matchar.") && byNumber.contains("Kiosken vid torget AB") && !byNumber.contains(">Salong Ryd<"))
            let byBranch = try await samordnare.get("/los/objekt?bransch=frisor-skonhet").text
            #expect(byBranch.contains("1 av 2 objekt matchar.") && byBranch.contains(">Salong Ryd<"))
            #expect(byBranch.contains("<option value=\"frisor-skonhet\" selected>"))
            #expect(try await samordnare.get("/los/objekt?q=pizzeria").text.contains("0 av 2 objekt matchar."))
            let reads = try await harness.auditActions("linkoping").filter { $0 == "läste LOS-objekt" }
            #expect(reads.count == 4, "varje visning av registret loggas")
        }
    }

    @Test("Startsidan: polisen ser sin nästa insats och sina försenade återbesök, utan att något företag nämns; bostadsbolaget ser inget av LOS")
    func startPage() async throws {
        try await Harness.run { harness, client in
            let scope = try await harness.scope("linkoping")
            let police = try #require(try await OrganisationStore(scope).organisation(abbreviation: "Polisen")).id
            let tax = try #require(try await OrganisationStore(scope).organisation(abbreviation: "Skatteverket")).id
            let actor = Actor.commandLine(kommunID: scope.kommunID)
            let held = try await InspectionStore(scope).save(
                JointInspection(id: UUID(), kommunID: scope.kommunID, title: "Kontroll av kiosker", date: "2026-03-01", status: .carriedOut, leadID: police),
                participants: [police, tax], id: nil, by: actor)
            let visit = try await InspectedObjectStore(scope).addVisit(
                inspection: held, objectID: nil,
                new: InspectedObject(id: UUID(), name: "Kiosken vid torget AB", orgNumber: "556036-0793", address: "Torget 1", point: nil, branch: .kiosk),
                by: actor)
            for organisation in [police, tax] {
                try await InspectedObjectStore(scope).saveFinding(
                    InspectionFinding(
                        id: UUID(), visitID: visit, organisationID: organisation, caseNumber: "", finding: "Brister", decisions: [.init(.forelaggande)],
                        revisitDue: "2026-03-05"), by: actor)
            }
            _ = try await InspectionStore(scope).save(
                JointInspection(id: UUID(), kommunID: scope.kommunID, title: "Kontroll av bilverkstäder", date: "2026-03-18", status: .planned, leadID: police),
                participants: [police], id: nil, by: actor)
            let reads = try await AuditLog.search(AuditQuery(text: "läste LOS-objekt", limit: 100), in: scope).count

            let policeUser = Browser(client)
            try await policeUser.login("polisen@linkoping.demo")
            let start = try await policeUser.get("/")
            #expect(start.text.contains("1 återbesök efter en LOS-insats är försenat") && start.text.contains("LOS-insats 2026-03-18"))
            #expect(!start.text.contains("Kiosken vid torget AB"))
            #expect(start.text.contains("href=\"/los\""), "polisen deltar i LOS och har det i menyn")
            let samordnare = Browser(client)
            try await samordnare.login("samordnare@linkoping.demo")
            #expect(try await samordnare.get("/").text.contains("2 återbesök efter LOS-insatser är försenade"))
            let housing = Browser(client)
            try await housing.login("stangastaden@linkoping.demo")
            let housingStart = try await housing.get("/").text
            #expect(!housingStart.contains("LOS-insats"))
            #expect(!housingStart.contains("href=\"/los\""), "menyn visar inte LOS för en partner som inte deltar i LOS")
            #expect(
                try await AuditLog.search(AuditQuery(text: "läste LOS-objekt", limit: 100), in: scope).count == reads, "startsidan läser inga företagsuppgifter"
            )
        }
    }
}
