import Foundation
import Testing
@testable import TryggCore

@Suite("LOS: organisationsnummer, beslut och årets statistik")
struct JointInspectionTests {
    @Test("Organisationsnummer: Luhn, bindestreck och sekelsiffror; personnummer avvisas med förklaring")
    func organisationNumbers() {
        #expect(Organisationsnummer.normalised("5560360793") == "556036-0793")
        #expect(Organisationsnummer.normalised("556036-0793") == "556036-0793")
        #expect(Organisationsnummer.normalised("16556036-0793") == "556036-0793")
        #expect(Organisationsnummer.normalised("212000-0142") == "212000-0142", "Linköpings kommun")
        #expect(Organisationsnummer.normalised("556036-0794") == nil, "fel kontrollsiffra")
        #expect(Organisationsnummer.normalised("55603607") == nil)
        #expect(Organisationsnummer.problem("811218-9876")?.contains("personnummer") == true)
        #expect(Organisationsnummer.problem("556036-0794")?.contains("inte giltigt") == true)
        #expect(Organisationsnummer.problem("") == nil, "enskild firma utan nummer")
    }

    @Test("Objektregistrets sökning: namn och adress i alla versaler, organisationsnummer med eller utan bindestreck")
    func objectSearch() {
        let kiosk = InspectedObject(
            id: UUID(), name: "Torgkiosken Skäggetorp AB", orgNumber: "559100-0012", address: "Skäggetorps centrum 4", point: nil, branch: .kiosk)
        for query in ["", "torgkiosken", "SKÄGGETORP", "centrum 4", "559100-0012", "5591000012", "9100 0012", "0012"] {
            #expect(kiosk.matches(query), "\(query)")
        }
        for query in ["pizzeria", "556036", "12", "skaggetorp"] { #expect(!kiosk.matches(query), "\(query)") }
        let soleTrader = InspectedObject(id: UUID(), name: "Salong Ryd", orgNumber: "", address: "Rydsvägen 200", point: nil, branch: .frisor)
        #expect(!soleTrader.matches("0200") && soleTrader.matches("rydsvägen 200"))
    }

    @Test("Ett beslut om vite kräver ett belopp som inte är negativt; återbesök efter insatsen")
    func findingRules() {
        let visit = UUID()
        func finding(_ decisions: [InspectionFinding.Decision], due: String? = nil) -> InspectionFinding {
            InspectionFinding(
                id: UUID(), visitID: visit, organisationID: UUID(), caseNumber: "", finding: "Brister i brandskyddet", decisions: decisions, revisitDue: due)
        }
        #expect(finding([.init(.vite, amount: -100)]).problems(inspectionDate: "2026-03-10") == ["Beloppet för vite kan inte vara negativt."])
        #expect(finding([.init(.vite)]).problems(inspectionDate: "2026-03-10") == ["Ange beloppet för vite i kronor."])
        #expect(
            finding([.init(.forelaggande)], due: "2026-03-01").problems(inspectionDate: "2026-03-10") == [
                "Återbesöket måste ligga efter insatsens datum (2026-03-10)."
            ])
        #expect(
            finding([.init(.ingenAtgard), .init(.forbud)]).problems(inspectionDate: "2026-03-10").contains(
                "”Ingen åtgärd” kan inte kombineras med andra beslut."))
        #expect(finding([.init(.sanktionsavgift, amount: 25_000), .init(.stangningDelvis)], due: "2026-06-01").problems(inspectionDate: "2026-03-10").isEmpty)
    }

    @Test("Statistiken räknar objekt en gång, återbesök över årsskiftet, och andelen stängda över objekt")
    func statistics() {
        let lead = UUID()
        let kommun = UUID()
        let police = UUID()
        let tax = UUID()
        let (kiosk, salon, garage) = (UUID(), UUID(), UUID())
        let inspections = [
            JointInspection(id: UUID(), kommunID: kommun, title: "Höst", date: "2025-11-05", status: .carriedOut, leadID: lead),
            JointInspection(id: UUID(), kommunID: kommun, title: "Vår", date: "2026-03-10", status: .carriedOut, leadID: lead),
            JointInspection(id: UUID(), kommunID: kommun, title: "Sommar", date: "2026-06-15", status: .carriedOut, leadID: lead),
            JointInspection(id: UUID(), kommunID: kommun, title: "Inställd", date: "2026-09-01", status: .cancelled, leadID: lead),
            JointInspection(id: UUID(), kommunID: kommun, title: "Planerad", date: "2026-11-20", status: .planned, leadID: lead),
        ]
        func finding(_ organisation: UUID, _ decisions: [InspectionFinding.Decision]) -> InspectionFinding {
            InspectionFinding(id: UUID(), visitID: UUID(), organisationID: organisation, caseNumber: "", finding: "", decisions: decisions)
        }
        let visits: [InspectionStatistics.Visit] = [
            .init(objectID: kiosk, date: "2025-11-05", findings: [finding(police, [.init(.polisanmalan)])]),
            .init(
                objectID: kiosk, date: "2026-03-10",
                findings: [finding(tax, [.init(.sanktionsavgift, amount: 20_000)]), finding(police, [.init(.stangningHelt)])]),
            .init(objectID: salon, date: "2026-03-10", findings: [finding(tax, [.init(.vite, amount: 50_000)])]),
            .init(objectID: salon, date: "2026-06-15", findings: [finding(police, [.init(.stangningDelvis)]), finding(tax, [.init(.vite, amount: 10_000)])]),
            .init(objectID: garage, date: "2026-06-15", findings: [finding(tax, [.init(.ingenAtgard)])]),
        ]
        let year = InspectionStatistics(year: 2026, inspections: inspections, visits: visits)
        #expect((year.carriedOut, year.cancelled, year.planned) == (2, 1, 1))
        #expect(year.visits == 4 && year.objects == 3, "fyra besök, tre objekt")
        #expect(year.revisits == 2, "kiosken (besökt 2025) och salongen (besökt i mars)")
        #expect(year.viten == 60_000 && year.sanktionsavgifter == 20_000)
        #expect(year.objectsClosed == 2)
        #expect(year.closedShare.map { ($0 * 10).rounded() / 10 } == 66.7, "två av tre objekt, inte två av fyra besök")
        #expect(year.count(.vite) == 2 && year.decisions.first { $0.kind == .vite }?.amount == 60_000)
        #expect(year.count(.polisanmalan) == 0, "polisanmälan 2025 hör till förra året")
    }
}
