import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TryggCore
import TryggReports
import TryggStore
@testable import TryggWeb
import TryggDemo

@Suite("Åtgärdsplanen i webben")
struct PlanTests {
    static func planID(_ harness: Harness, year: Int = 2023) async throws -> (Kommun, ActionPlan) {
        let kommun = try await harness.kommun("linkoping")
        let plan = try #require(try await PlanStore(harness.scope(kommun)).plan(year: year))
        return (kommun, plan)
    }

    @Test("Demoplanen 2023 är antagen, har 123 åtgärder och kan läsas av alla roller i Linköping")
    func demoPlan() async throws {
        try await Harness.run { harness, client in
            let (_, plan) = try await Self.planID(harness)
            #expect(plan.status == .antagen && plan.diarienummer == "KS 2023-638" && plan.adoptedOn == "2023-12-14")
            for email in ["rapportor@linkoping.demo", "polisen@linkoping.demo", "ansvarig.sf@linkoping.demo"] {
                let browser = Browser(client)
                try await browser.login(email)
                #expect(try await browser.get("/plan").location == "/plan/2023")
                let page = try await browser.get("/plan/2023")
                #expect(page.status == .ok && page.text.contains("123 åtgärder."))
                #expect(page.text.contains("Målområde 3: Ökad trygghet och minskad brottslighet kopplat till allmän plats"))
                #expect(page.text.contains("5.3 Parallella samhällsstrukturer"), "undernummer som i originalet")
            }
        }
    }

    @Test("Filter: vad äger min förvaltning, samverkanspart och fritext")
    func filters() async throws {
        try await Harness.run { harness, client in
            let (kommun, plan) = try await Self.planID(harness)
            let sf = try #require(try await OrganisationStore(harness.scope(kommun)).organisation(abbreviation: "SF"))
            let owned = try await PlanStore(harness.scope(kommun)).measures(
                planID: plan.id,
                filter: MeasureFilter(responsibleOrganisation: sf.id))
            #expect(owned.count > 20)
            // SF's own measures, and those every förvaltning answers for ("Samtliga förvaltningar", "Chefer").
            #expect(owned.allSatisfy { $0.row.responsible.contains { ["SF", "Samtliga", "Chefer"].contains(where: $0.contains) } })
            let browser = Browser(client)
            try await browser.login("ansvarig.sf@linkoping.demo")
            let mine = try await browser.get("/plan/2023?ansvarig=\(sf.id)")
            #expect(mine.text.contains("\(owned.count) av 123 åtgärder matchar"))
            let camera = try await browser.get("/plan/2023?q=kamerabevakning")
            #expect(camera.text.contains("2 av 123 åtgärder matchar") && camera.text.contains("Utvärdera effekterna av installerad kamerabevakning"))
            let novahuset = try await browser.get("/plan/2023?samverkan=novahuset")
            #expect(novahuset.text.contains("2 av 123 åtgärder matchar"))
            let section = try await browser.get("/plan/2023?avsnitt=M%C3%A5lomr%C3%A5de%202")
            #expect(section.text.contains("23 av 123 åtgärder matchar") && !section.text.contains("<h2>Målområde 1:"))
        }
    }

    @Test("En antagen plan kan inte ändras; en ny version kan, och varje ändring syns i historiken")
    func versionsAndHistory() async throws {
        try await Harness.run { harness, client in
            let (kommun, plan) = try await Self.planID(harness)
            let measure = try #require(
                try await PlanStore(harness.scope(kommun)).measures(planID: plan.id).first { $0.reference == "3.2" })
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            var fields = Self.fields(measure.row)
            fields["measure"] = "Utvärdera effekterna av kamerabevakning i Skäggetorp och City"
            let refused = try await browser.post("/plan/atgard/\(measure.id)", fields)
            #expect(refused.status == .badRequest && refused.text.contains("är antagen och kan inte ändras"))

            let version = try await browser.post("/plan/2023/kopiera?version=1", ["mal": "ny-version"])
            #expect(version.location == "/plan/2023")
            let draft = try #require(try await PlanStore(harness.scope(kommun)).plan(year: 2023))
            #expect(draft.version == 2 && draft.status == .utkast)
            let copy = try #require(
                try await PlanStore(harness.scope(kommun)).measures(planID: draft.id).first { $0.reference == "3.2" })
            let saved = try await browser.submit("/plan/atgard/\(copy.id)", fields)
            #expect(saved.status == .ok && saved.text.contains("Åtgärden är sparad"))
            #expect(saved.text.contains("Demo samordnare (KLF (SÄK)) ändrade"), "vem som ändrade, med namn")
            #expect(saved.text.contains("Utvärdera effekterna av installerad kamerabevakning"), "före")
            #expect(saved.text.contains("Utvärdera effekterna av kamerabevakning i Skäggetorp och City"), "efter")
            // The adopted version is untouched.
            let original = try #require(try await PlanStore(harness.scope(kommun)).measure(id: measure.id))
            #expect(original.measure.row.measure == "Utvärdera effekterna av installerad kamerabevakning")
            #expect(try await harness.auditActions("linkoping").contains("ändrade åtgärd"))
        }
    }

    @Test("Lägg till, flytta och ta bort åtgärder i ett utkast; fel i formuläret sparar inget")
    func addMoveRetire() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            #expect(try await browser.post("/plan/2023/kopiera?version=1", ["mal": "nasta-ar"]).location == "/plan/2024")
            let (kommun, draft) = try await Self.planID(harness, year: 2024)
            #expect(try await PlanStore(harness.scope(kommun)).measures(planID: draft.id).count == 123)

            var row = PlanRow(
                year: 2024, section: .malomrade3, groupNumber: 24, groupTitle: "Kartlägga brottslighet och otrygghet på allmänna platser",
                subgroupLabel: "24.2", subgroupTitle: "Vidareutveckla arbetet med Effektiv samordning för trygghet (EST)",
                position: 7, measure: "Följa upp EST-insatsernas effekt kvartalsvis", responsible: ["KLF (SÄK)"], partners: ["Polisen"], funding: "")
            let added = try await browser.post("/plan/2024/ny-atgard", Self.fields(row))
            #expect(added.status == .seeOther)
            let unknown = try await browser.post("/plan/2024/ny-atgard", Self.fields(row, responsible: "Okänd förvaltning"))
            #expect(unknown.status == .badRequest && unknown.text.contains("okänd organisation"))
            row.position = 8
            let duplicate = try await browser.post("/plan/2024/ny-atgard", Self.fields(row, position: "1"))
            #expect(duplicate.status == .badRequest && duplicate.text.contains("finns redan"))
            let measures = try await PlanStore(harness.scope(kommun)).measures(planID: draft.id)
            #expect(measures.count == 124)

            // Move 24.7 to group 25 position 4.
            let new = try #require(measures.first { $0.reference == "24.7" })
            var moved = new.row
            moved.groupNumber = 25
            moved.groupTitle = "Integrera BFT- faktorer samt lokal problembild i hela planprocessen och vid utformning och modernisering av allmänna ytor"
            moved.subgroupLabel = ""
            moved.subgroupTitle = ""
            moved.position = 4
            #expect(try await browser.submit("/plan/atgard/\(new.id)", Self.fields(moved)).status == .ok)
            #expect(try await PlanStore(harness.scope(kommun)).measure(id: new.id)?.measure.reference == "25.4")

            #expect(try await browser.submit("/plan/atgard/\(new.id)/utgatt").text.contains("utgången"))
            #expect(try await PlanStore(harness.scope(kommun)).measures(planID: draft.id).count == 123)
            #expect(try await browser.get("/plan/2024?utgangna=1").text.contains("124 åtgärder"))
        }
    }

    @Test(
        "Bara samordnare ändrar planen; andra roller får 403 och inget ändras",
        arguments: ["admin@linkoping.demo", "ansvarig.sf@linkoping.demo", "analytiker@linkoping.demo"])
    func onlySamordnareEdits(email: String) async throws {
        try await Harness.run { harness, client in
            let (kommun, plan) = try await Self.planID(harness)
            do {
                let browser = Browser(client)
                try await browser.login(email)
                #expect(try await browser.post("/plan/2023/kopiera?version=1", ["mal": "nasta-ar"]).status == .forbidden, "\(email)")
                #expect(!(try await browser.get("/plan/2023").text.contains("Hantera planen")))
            }
            #expect(try await PlanStore(harness.scope(kommun)).plans().map(\.id) == [plan.id])
        }
    }

    @Test("Import i webben: fel anges med rad och kolumn och inget importeras; rätt fil blir ett utkast")
    func importUpload() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let bad =
                PlanCSV.columns.joined(separator: ",") + "\n2025,Målområde 1,,5,Styrdokument,,,1,Text,Okänd,,\n2025,Målområde 7,,5,Styrdokument,,,2,Text,SF,,\n"
            let refused = try await Self.upload(browser, csv: bad)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("Rad 3, kolumn section"))
            let unknown = try await Self.upload(browser, csv: PlanCSV.columns.joined(separator: ",") + "\n2025,Målområde 1,,5,Styrdokument,,,1,Text,Okänd,,\n")
            #expect(unknown.text.contains("Rad 2, kolumn responsible: okänd organisation"))
            let kommun = try await harness.kommun("linkoping")
            #expect(try await PlanStore(harness.scope(kommun)).plan(year: 2025) == nil)

            let export = try await browser.get("/plan/2023/export.csv")
            #expect(export.headers[.contentType]?.hasPrefix("text/csv") == true)
            let original = try PlanCSV.parse(Data(contentsOf: DemoSeed.linkopingPlan2023))
            #expect(try PlanCSV.parse(Data(export.text.utf8)) == original, "export → import är förlustfritt")
            let nextYear = export.text.replacingOccurrences(of: "\r\n2023,", with: "\r\n2025,")
            let imported = try await Self.upload(browser, csv: nextYear)
            #expect(imported.location == "/plan/2025?version=1")
            let draft = try #require(try await PlanStore(harness.scope(kommun)).plan(year: 2025))
            #expect(draft.status == .utkast)
            #expect(
                try await PlanStore(harness.scope(kommun)).measures(planID: draft.id).map(\.row.measure) == original.map(\.measure)
            )
            // An adopted plan is never overwritten by an import.
            let over = try await Self.upload(browser, csv: export.text)
            #expect(over.status == .badRequest && over.text.contains("är antagen och kan inte skrivas över"))
        }
    }

    @Test("Norrköping ser inte Linköpings plan")
    func tenancy() async throws {
        try await Harness.run { harness, client in
            let (kommun, plan) = try await Self.planID(harness)
            let measure = try #require(try await PlanStore(harness.scope(kommun)).measures(planID: plan.id).first)
            let browser = Browser(client)
            try await browser.login("samordnare@norrkoping.demo")
            #expect(try await browser.get("/plan").text.contains("ingen åtgärdsplan"))
            #expect(try await browser.get("/plan/2023").status == .notFound)
            #expect(try await browser.get("/plan/2023/export.csv").status == .notFound)
            #expect(try await browser.get("/plan/atgard/\(measure.id)").status == .notFound)
            #expect(try await browser.post("/plan/atgard/\(measure.id)/utgatt").status == .notFound)
        }
    }

    @Test("En kommun utan plan börjar från en tom mall: Excel och CSV med importens kolumner; ifylld blir den ett utkast")
    func template() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("samordnare@norrkoping.demo")
            let empty = try await browser.get("/plan")
            #expect(empty.text.contains("href=\"/plan/mall.xlsx\"") && empty.text.contains("href=\"/plan/mall.csv\""))
            let workbook = try XlsxReader.read(Data(buffer: try await browser.get("/plan/mall.xlsx").body))
            #expect(workbook.header == PlanCSV.columns && workbook.rows.isEmpty)
            let csv = try await browser.get("/plan/mall.csv")
            #expect(csv.headers[.contentDisposition]?.contains("atgardsplan-mall.csv") == true)
            let filled = csv.text + "2027,Målområde 1,,1,Organiserad brottslighet,,,1,Kartlägga kriminell påverkan i centrum,KLF (SÄK),,\n"
            #expect(try await Self.upload(browser, csv: filled).status == .seeOther)
            let plan = try #require(try await PlanStore(harness.scope("norrkoping")).plans().first)
            #expect(plan.year == 2027 && plan.status == .utkast)
            let reader = Browser(client)
            try await reader.login("rapportor@linkoping.demo")
            #expect(try await reader.get("/plan/mall.xlsx").status == .forbidden, "bara den som får ändra planen")
        }
    }

    static func fields(_ row: PlanRow, responsible: String? = nil, position: String? = nil) -> [String: String] {
        [
            "section": row.section.rawValue, "group_number": String(row.groupNumber), "group_title": row.groupTitle,
            "subgroup_label": row.subgroupLabel, "subgroup_title": row.subgroupTitle, "position": position ?? String(row.position),
            "measure": row.measure, "responsible": responsible ?? row.responsible.joined(separator: ";"),
            "partners": row.partners.joined(separator: ";"), "funding": row.funding,
        ]
    }

    static func upload(_ browser: Browser, csv: String) async throws -> TestResponse {
        try await browser.upload("/plan/import", file: Data(csv.utf8), filename: "plan.csv")
    }
}

@Suite("Program och styrdokument")
struct GoverningDocumentTests {
    @Test("Linköpings styrdokument med diarienummer; samordnaren lägger till länk; fel länk avvisas")
    func documents() async throws {
        try await Harness.run { harness, client in
            let browser = Browser(client)
            try await browser.login("samordnare@linkoping.demo")
            let page = try await browser.get("/plan/styrdokument")
            #expect(page.status == .ok)
            for text in ["KS 2021-178", "KS 2023-543", "SBN 2023-424", "KS 2023-638", "Förebygga framväxt av parallella samhällsstrukturer", "Indikerad"] {
                #expect(page.text.contains(text), "\(text)")
            }
            let kommun = try await harness.kommun("linkoping")
            let program = try #require(try await GoverningDocumentStore(harness.scope(kommun)).all().first { $0.kind == .program })
            var fields = [
                "kind": "program", "title": program.title, "diarienummer": program.diarienummer, "adopted_by": "Kommunfullmäktige",
                "links": "javascript:alert(1)",
            ]
            let bad = try await browser.post("/plan/styrdokument/\(program.id)", fields)
            #expect(bad.status == .badRequest && bad.text.contains("ingen webbadress"))
            fields["links"] = "https://www.linkoping.se/program"
            #expect(try await browser.submit("/plan/styrdokument/\(program.id)", fields).text.contains("är sparat"))
            let saved = try #require(try await GoverningDocumentStore(harness.scope(kommun)).all().first { $0.id == program.id })
            #expect(saved.adoptedBy == "Kommunfullmäktige" && saved.links == ["https://www.linkoping.se/program"])

            let admin = Browser(client)
            try await admin.login("admin@linkoping.demo")
            #expect(try await admin.post("/plan/styrdokument", ["kind": "program", "title": "Nytt"]).status == .forbidden)
            let norrkoping = Browser(client)
            try await norrkoping.login("samordnare@norrkoping.demo")
            #expect(try await norrkoping.post("/plan/styrdokument/\(program.id)", fields).status == .notFound)
            #expect(!(try await norrkoping.get("/plan/styrdokument").text.contains("KS 2021-178")))
        }
    }
}
