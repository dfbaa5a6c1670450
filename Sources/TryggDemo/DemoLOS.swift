import Foundation
import TryggCore
import TryggStore

/// LOS in Linköping: three inspection days this year with findings per authority (a kiosk
/// revisited and closed, a salon with a sanktionsavgift, a garage in order), one day planned, and
/// an ROS agreement with Norrköping with a shared day where both record their own objects. The
/// businesses are invented and marked "(demo)"; their numbers are valid only in form.
enum DemoLOS {
    static func seed(_ database: TryggDatabase, linkoping: Kommun, norrkoping: Kommun?) async throws {
        let scope = KommunScope(database, kommunID: linkoping.id)
        guard let samordnare = try await UserStore(scope).accounts().first(where: { $0.role == .samordnare }) else { return }
        let actor = Actor(user: samordnare, address: "demo")
        let organisations = try await OrganisationStore(scope).organisations()
        func organisation(_ abbreviation: String) -> UUID { organisations.first { $0.abbreviation == abbreviation }!.id }
        let (police, tax, kfm, fk, av, mos, sf) = (
            organisation("Polisen"), organisation("Skatteverket"), organisation("Kronofogden"), organisation("Försäkringskassan"),
            organisation("Arbetsmiljöverket"), organisation("MOS"), organisation("SF")
        )
        let areas = try await AreaStore(scope).all()
        try await seedInfluence(scope, areas: areas, actor: actor)
        try await seedCriteria(scope, actor: actor)
        func day(_ offset: Int) -> String { StockholmCalendar.local(TryggClock.now.addingTimeInterval(Double(offset) * 86_400)).dateText }
        let inspections = InspectionStore(scope)
        let objects = InspectedObjectStore(scope)
        func plan(_ title: String, _ offset: Int, _ status: JointInspection.Status, area: String?, _ participants: Set<UUID>, partner: UUID? = nil) async throws
            -> JointInspection
        {
            try await inspections.save(
                JointInspection(
                    id: UUID(), kommunID: linkoping.id, partnerKommunID: partner, title: title, date: day(offset), status: status, leadID: police,
                    areaID: areas.first { $0.name == area }?.id, note: "Kontroll av tillstånd, anställningar, skatter och arbetsmiljö (demo)."),
                participants: participants, id: nil, by: actor)
        }
        // A business seen before is visited again by its id (the register keeps the id it was given).
        var registered = Set<UUID>()
        func visit(_ inspection: JointInspection, _ object: InspectedObject) async throws -> UUID {
            let seen = registered.contains(object.id)
            registered.insert(object.id)
            return try await objects.addVisit(inspection: inspection, objectID: seen ? object.id : nil, new: seen ? nil : object, by: actor)
        }
        func record(
            _ visitID: UUID, _ organisation: UUID, _ text: String, _ decisions: [InspectionFinding.Decision], due: String? = nil, case number: String = ""
        )
            async throws
        {
            try await objects.saveFinding(
                InspectionFinding(
                    id: UUID(), visitID: visitID, organisationID: organisation, caseNumber: number, finding: text, decisions: decisions, revisitDue: due),
                by: actor)
        }
        let kiosk = InspectedObject(
            id: UUID(), name: "Torgkiosken Skäggetorp AB (demo)", orgNumber: orgNumber("559100001"), address: "Skäggetorps centrum 4", point: nil,
            branch: .kiosk)
        let salon = InspectedObject(
            id: UUID(), name: "Salong Ryd HB (demo)", orgNumber: orgNumber("969700002"), address: "Rydsvägen 200", point: nil, branch: .frisor)
        let garage = InspectedObject(
            id: UUID(), name: "Bergabilverkstad AB (demo)", orgNumber: orgNumber("559100003"), address: "Bergavägen 12", point: nil, branch: .bilverkstad)

        let spring = try await plan("Kontroll av kiosker och frisörer", -120, .carriedOut, area: "Skäggetorp", [police, tax, kfm, mos, av])
        let kioskVisit = try await visit(spring, kiosk)
        try await record(
            kioskVisit, police, "Försäljning av tobak utan tillstånd; narkotikaklassade preparat i lagret.", [.init(.polisanmalan)], case: "5000-K123-26")
        try await record(kioskVisit, tax, "Kassaregister saknas.", [.init(.sanktionsavgift, amount: 25_000)], case: "SKV 131 123456-26")
        try await record(kioskVisit, mos, "Tillstånd för tobaksförsäljning saknas.", [.init(.forbud)], due: day(-90))
        let salonVisit = try await visit(spring, salon)
        try await record(salonVisit, av, "Två anställda utan anställningsavtal; brister i kemikaliehantering.", [.init(.forelaggande)], due: day(20))
        try await record(salonVisit, tax, "Personalliggare förs inte.", [.init(.sanktionsavgift, amount: 12_500)])

        let summer = try await plan("Återbesök och bilverkstäder", -60, .carriedOut, area: "Berga", [police, tax, fk, mos])
        let kioskAgain = try await visit(summer, kiosk)
        try await record(kioskAgain, mos, "Försäljningen fortsatte trots förbudet.", [.init(.vite, amount: 50_000), .init(.stangningHelt)])
        try await record(kioskAgain, police, "Beslag av otillåtna varor.", [.init(.polisanmalan)])
        let garageVisit = try await visit(summer, garage)
        try await record(garageVisit, fk, "Inga avvikelser mot utbetalda ersättningar.", [.init(.ingenAtgard)])
        try await record(garageVisit, tax, "Verksamheten i ordning.", [.init(.ingenAtgard)])

        _ = try await plan("Kontroll av restauranger i city", -20, .cancelled, area: nil, [police, tax, mos])
        _ = try await plan("Kontroll av städ- och byggföretag", 25, .planned, area: "Ryd", [police, tax, kfm, av, sf])

        guard let norrkoping else { return }
        let sharing = SharingStore(scope)
        let agreement = try await sharing.offer(
            .ros, code: InspectionStore.rosCode, to: norrkoping,
            what: "Gemensamma ROS-insatser: planering, objekt och iakttagelser i delade insatser, och årets samlade statistik", validFrom: day(-200),
            decidedBy: "Säkerhetschefen (demo)", by: actor)
        _ = try await SharingStore(KommunScope(database, kommunID: norrkoping.id)).accept(
            id: agreement.id, decidedBy: "Säkerhetschefen i Norrköping (demo)", by: .commandLine(kommunID: norrkoping.id))
        let shared = try await plan(
            "ROS-dag Linköping–Norrköping: transport och bilverkstäder", -30, .carriedOut, area: nil, [police, tax], partner: norrkoping.id)
        try await record(
            try await visit(shared, garage), tax, "Uppgifter om anställda stämmer inte med arbetsgivardeklarationen.", [.init(.forelaggande)], due: day(60))
        let norrkopingScope = KommunScope(database, kommunID: norrkoping.id)
        let partnerActor = Actor.commandLine(kommunID: norrkoping.id)
        let partnerPolice = try await OrganisationStore(norrkopingScope).organisation(abbreviation: "Polisen")!.id
        try await InspectionStore(norrkopingScope).saveParticipants(inspectionID: shared.id, [partnerPolice], by: partnerActor)
        let haulier = try await InspectedObjectStore(norrkopingScope).addVisit(
            inspection: shared, objectID: nil,
            new: InspectedObject(
                id: UUID(), name: "Åkeri Hageby AB (demo)", orgNumber: orgNumber("559100004"), address: "Hagebygatan 9", point: nil, branch: .transport),
            by: partnerActor)
        try await InspectedObjectStore(norrkopingScope).saveFinding(
            InspectionFinding(
                id: UUID(), visitID: haulier, organisationID: partnerPolice, caseNumber: "", finding: "Fordon i trafik trots körförbud.",
                decisions: [.init(.polisanmalan)]), by: partnerActor)
    }

    /// Kriminell påverkan in the three priority districts, assessed with the police for the years
    /// of the demo's lägesbild (2022–2023) and for Skäggetorp last year too.
    static func seedInfluence(_ scope: KommunScope, areas: [Area], actor: Actor) async throws {
        let lastYear = StockholmCalendar.local(TryggClock.now).year - 1
        let assessments: [(String, Int, Int, String)] = [
            ("Skäggetorp", 2022, 3, "Öppen narkotikahandel vid centrum, kriminella nätverk med inflytande över boende och näringsidkare (demo)."),
            ("Skäggetorp", 2023, 3, "Utsatt område på polisens lista 2023; påverkan oförändrad, färre öppna konflikter (demo)."),
            ("Skäggetorp", lastYear, 2, "Tydlig minskning av öppen handel efter samordnade insatser; nätverken finns kvar (demo)."),
            ("Ryd", 2023, 2, "Rekrytering av unga till narkotikaförsäljning, ökande otrygghet kvällstid (demo)."),
            ("Berga", 2023, 1, "Enstaka händelser kopplade till nätverk i andra områden (demo)."),
        ]
        for (name, year, stage, motivation) in assessments {
            guard let area = areas.first(where: { $0.name == name }) else { continue }
            try await InfluenceStore(scope).save(
                InfluenceAssessment(
                    id: UUID(), areaID: area.id, year: year, stage: stage, stageLabel: "", assessedOn: "\(year + 1)-02-15",
                    assessors: "Kommunpolis och säkerhetssamordnare", motivation: motivation), by: actor)
        }
    }

    /// Two assessments against the EU criteria, described without personal data: a network that
    /// meets the definition and a group that does not (two mandatory criteria unmet).
    static func seedCriteria(_ scope: KommunScope, actor: Actor) async throws {
        func assessment(_ title: String, _ description: String, daysAgo: Int, evidence: [Int: String]) -> CriteriaAssessment {
            CriteriaAssessment(
                id: UUID(), title: title, description: description,
                assessedOn: StockholmCalendar.local(TryggClock.now.addingTimeInterval(-Double(daysAgo) * 86_400)).dateText,
                assessedBy: "Kommunpolis och säkerhetssamordnare",
                criteria: (1...11).map { .init(number: $0, met: evidence[$0] != nil, evidence: evidence[$0] ?? "") })
        }
        let store = CriteriaStore(scope)
        try await store.save(
            assessment(
                "Nätverk kring narkotikaförsäljning i nordvästra stadsdelarna (demo)",
                "Bedömt inför den strategiska lägesbilden med stöd av polisens underrättelser och kommunens iakttagelser (demo).", daysAgo: 60,
                evidence: [
                    1: "Minst fem personer återkommer i polisens underrättelser om samma försäljning.",
                    2: "Tydlig rollfördelning: försäljare, kurirer, förvaring och indrivning av skulder.",
                    3: "Verksamheten har pågått sedan åtminstone 2021.",
                    4: "Skuldsatta unga hotas när de vill lämna; interna regler för var och när man säljer.",
                    5: "Grova narkotikabrott och utpressning.",
                    7: "Våld och hot mot konkurrenter och mot boende som vittnat.",
                    11: "Vinst från försäljningen och kontroll över platser i området.",
                ]), id: nil, by: actor)
        try await store.save(
            assessment(
                "Grupp kring olaglig spelverksamhet (demo)",
                "Uppmärksammad vid en LOS-kontroll; bedömningen visar vad som saknas för att tala om organiserad brottslighet (demo).", daysAgo: 20,
                evidence: [
                    1: "Tre personer driver verksamheten tillsammans.",
                    3: "Spelverksamheten har pågått i mer än två år enligt Spelinspektionen.",
                    5: "Brott mot spellagen och misstänkt penninghäleri.",
                    8: "En förening och en kiosk används som täckmantel.",
                    11: "Vinning.",
                ]), id: nil, by: actor)
    }

    /// A ten-digit number with a correct Luhn check digit after the nine given.
    static func orgNumber(_ nine: String) -> String {
        String(nine.prefix(6)) + "-" + String(nine.suffix(3)) + String(Luhn.checkDigit(for: nine.compactMap(\.wholeNumberValue)))
    }
}
