import Foundation
import TryggCore
import TryggStore

/// The demo's residents' tips: clearly synthetic texts around the priority areas, in every status
/// of the review, so the public map, the queue and the Open311 feed all show something.
enum DemoCitizen {
    struct Template {
        let category: String
        let place: String
        let description: String
        let times: [TimeOfDay]
        let days: [Int]
    }

    static let templates: [Template] = [
        Template(
            category: "otrygg-plats", place: "Gångtunneln under vägen", description: "Trasig belysning i tunneln, mörkt och otäckt att gå igenom (demo).",
            times: [.evening, .night], days: [1, 2, 3, 4, 5, 6, 7]),
        Template(
            category: "otrygg-plats", place: "Stigen bakom centrum", description: "Buskarna har vuxit igen så man ser inte vem som kommer (demo).",
            times: [.evening], days: [5, 6]),
        Template(
            category: "skadegorelse", place: "Busshållplatsen", description: "Krossat glas i väderskyddet sedan flera dagar (demo).",
            times: [.morning, .day], days: [1, 2, 3, 4, 5]),
        Template(
            category: "nedskrapning", place: "Lekplatsen", description: "Mycket skräp och glasflaskor i sandlådan (demo).",
            times: [.morning], days: [6, 7]),
        Template(
            category: "ordningsstorning", place: "Torget", description: "Stökigt och högljutt på kvällarna, känns otryggt att gå förbi (demo).",
            times: [.evening, .night], days: [5, 6]),
        Template(
            category: "otrygg-plats", place: "Parkeringen vid idrottshallen", description: "Flera lampor ur funktion på parkeringen (demo).",
            times: [.evening, .night], days: [1, 2, 3, 4, 5]),
    ]

    static let answers = [
        "Tack! Belysningen är anmäld till gatuavdelningen och lagas inom två veckor (demo).",
        "Vi har tagit upp platsen i EST-gruppen och fastighetsägaren röjer vegetationen (demo).",
        "Tack för tipset. Platsen ingår nu i vår samordnade närvaro på helgkvällar (demo).",
    ]

    static func seed(_ database: TryggDatabase, kommun: Kommun, now: Date = TryggClock.now) async throws {
        let actor = Actor.commandLine(kommunID: kommun.id)
        let bounds: KommunBounds = kommun.slug == "norrkoping" ? .norrkoping : .linkoping
        try await CitizenSettingsStore(KommunScope(database, kommunID: kommun.id)).save(CitizenSettings(bounds: bounds), by: actor)
        // Contacts as a kommun would give them; no own assessment yet, which the statement then says.
        var information = PublicInformation.defaults(for: kommun)
        information.privacyContact = "dataskyddsombud@\(kommun.slug).demo"
        information.accessibilityContact = "trygghet@\(kommun.slug).demo"
        try await PublicInformationStore(KommunScope(database, kommunID: kommun.id)).save(information, by: actor)
        let categories = try await CategoryStore(KommunScope(database, kommunID: kommun.id)).all()
        let areas = try await AreaStore(KommunScope(database, kommunID: kommun.id)).all()
        let definitions = DemoAreas.all.filter { $0.kommunSlug == kommun.slug }
        guard !definitions.isEmpty else { return }
        var random = SplitMix64(seed: kommun.slug == "linkoping" ? 311 : 312)
        let store = CitizenStore(KommunScope(database, kommunID: kommun.id))
        let count = kommun.slug == "linkoping" ? 40 : 12
        for index in 0..<count {
            let template = templates[index % templates.count]
            let definition = definitions[Int(random.next() % UInt64(definitions.count))]
            let point = GeoPoint(
                latitude: definition.centre.latitude + (random.unit() - 0.5) * 0.008,
                longitude: definition.centre.longitude + (random.unit() - 0.5) * 0.014)
            guard let category = categories.first(where: { $0.code == template.category }) else { continue }
            let gender: ReporterGender? = [ReporterGender.woman, .woman, .man, nil, .other][index % 5]
            let checked = CheckedCitizenReport(
                category: category, point: point, area: areas.first { $0.shape?.contains(point) == true }, place: template.place,
                description: template.description, timesOfDay: template.times, weekdays: template.days, gender: gender,
                ageBand: AgeBand.allCases[index % AgeBand.allCases.count], email: index % 4 == 0 ? "tipsare\(index)@example.org" : nil,
                contactName: nil, mediaURL: "")
            // Oldest first, so the public numbers follow time; the newest few are still waiting for review.
            let submitted = now.addingTimeInterval(-Double(count - index) * 5 * 86_400 - random.unit() * 86_400)
            let citizen = Actor(userID: nil, kommunID: kommun.id, label: "medborgare (webb)", address: "demo")
            let (report, _) = try await store.submit(
                checked, channel: index % 7 == 3 ? .open311 : .web,
                retentionDays: CitizenSettings.defaultRetentionDays, by: citizen, now: submitted)
            switch index {
            case count - 3..<count: continue
            case _ where index % 9 == 4:
                try await store.reject(
                    id: report.id,
                    reason: "Tipset gäller en enskild person, inte en plats (demo).", by: actor)
            default:
                try await store.approve(id: report.id, edit: nil, by: actor)
                if index % 3 == 0 {
                    try await store.answer(id: report.id, text: answers[(index / 3) % answers.count], by: actor)
                    if index < count / 2 { try await store.close(id: report.id, by: actor) }
                }
            }
        }
    }
}
