import Foundation
import TryggCore
import TryggStore

/// LOS (issue 17): five years of a busy kommun — 200 insatser, 1,000 businesses, 3,000 visits
/// with two authorities' findings each — then the reads the pages make: the year's statistics,
/// one insats with its objects, the revisit queue, the object register and the start page's count.
/// On SQLite and, when DATABASE_URL names one, PostgreSQL. Median of seven runs each.
func benchmarkLOS(directory: URL) async throws {
    var locations: [(String, DatabaseLocation)] = [("SQLite", .sqliteFile(path: directory.appendingPathComponent("los.sqlite").path))]
    if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { locations.append(("PostgreSQL", DatabaseLocation.isolatedForTest())) }
    print("LOS: 200 insatser, 1 000 objekt, 3 000 besök, 6 000 iakttagelser")
    for (name, location) in locations {
        let database = try TryggDatabase(location: location)
        try await database.migrate()
        let kommun = try await KommunStore(database).add(slug: "linkoping", name: "Linköpings kommun", code: "0580", by: .commandLine())
        let scope = KommunScope(database, kommunID: kommun.id)
        let actor = Actor.commandLine(kommunID: kommun.id)
        let organisations = try await OrganisationStore(scope).organisations()
        let police = organisations.first { $0.abbreviation == "Polisen" }!.id
        let tax = organisations.first { $0.abbreviation == "Skatteverket" }!.id
        let objects = InspectedObjectStore(scope)
        var random = SplitMix64(seed: 17)
        var registered: [UUID] = []
        let seeding = Date()
        var inspections: [JointInspection] = []
        for index in 0..<200 {
            let year = 2021 + index / 40, day = index % 40
            let date = String(format: "%04d-%02d-%02d", year, 1 + day / 4, 1 + (day % 4) * 7)
            inspections.append(
                try await InspectionStore(scope).save(
                    JointInspection(id: UUID(), kommunID: kommun.id, title: "Insats \(index)", date: date, status: .carriedOut, leadID: police),
                    participants: [police, tax], id: nil, by: actor))
        }
        for inspection in inspections {
            for slot in 0..<15 {
                let reuse = registered.count >= 1_000 || (!registered.isEmpty && random.next() % 3 == 0)
                let objectID = reuse ? registered[Int(random.next() % UInt64(registered.count))] : nil
                let new =
                    reuse
                    ? nil
                    : InspectedObject(
                        id: UUID(), name: "Verksamhet \(registered.count)", orgNumber: "", address: "Gatan \(registered.count)", point: nil,
                        branch: InspectedObject.Branch.allCases[slot % 10])
                guard let visit = try? await objects.addVisit(inspection: inspection, objectID: objectID, new: new, by: actor) else { continue }
                if let new { registered.append(new.id) }
                for (organisation, decision) in [(police, InspectionFinding.DecisionKind.polisanmalan), (tax, .sanktionsavgift)] {
                    try await objects.saveFinding(
                        InspectionFinding(
                            id: UUID(), visitID: visit, organisationID: organisation, caseNumber: "", finding: "Iakttagelse",
                            decisions: [.init(decision, amount: decision.hasAmount ? 10_000 : nil)], revisitDue: slot % 5 == 0 ? "2099-01-01" : nil),
                        by: actor)
                }
            }
        }
        print("  \(name): inläsning \(String(format: "%.0f", Date().timeIntervalSince(seeding))) s")
        func median(_ label: String, _ work: () async throws -> Void) async throws {
            var times: [Double] = []
            for _ in 0..<7 {
                let start = Date()
                try await work()
                times.append(Date().timeIntervalSince(start) * 1000)
            }
            print("  \(name): \(label) \(String(format: "%.1f", times.sorted()[3])) ms")
        }
        try await median("årets statistik") { _ = try await objects.statistics(year: 2025) }
        try await median("en insats med 15 objekt") { _ = try await objects.visits(inspectionID: inspections[150].id, by: actor) }
        try await median("återbesöksköen") { _ = try await objects.revisitQueue(by: actor) }
        try await median("objektregistret") { _ = try await objects.objects(by: actor) }
        try await median("startsidans antal") { _ = try await objects.overdueRevisits(today: "2026-01-01") }
        await database.shutdown()
    }
}
