import Foundation
import TryggCore
import TryggStore

/// The demo's surveys: Linköping's trygghetsundersökning 2025 in its priority areas (about 2,000
/// synthetic answers in which women in Skäggetorp and Berga are more often otrygga at night), one
/// open now so that the public form can be tried, and the joint otillåten-påverkan survey of 2022
/// in both kommuner under a sharing agreement. The answers are generated with a fixed seed, so every demo shows the same figures.
enum DemoSurveys {
    static func seed(_ database: TryggDatabase, kommun: Kommun) async throws {
        let scope = KommunScope(database, kommunID: kommun.id)
        let store = SurveyStore(scope)
        let actor = Actor.commandLine(kommunID: kommun.id)
        var random = SplitMix64(seed: kommun.slug == "linkoping" ? 2025 : 2022)
        if kommun.slug == "linkoping" {
            let areas = try await store.defaultAreas(for: .boende)
            let survey = try await store.create(
                Survey(
                    id: UUID(), code: "trygghet-2025", title: "Trygghetsundersökning 2025",
                    purpose:
                        "Hur trygga känner sig de boende i de prioriterade områdena, och vad ser de som problem? Genomförs varje år tillsammans med polisen.",
                    population: .boende, mode: "Webbenkät och postenkät till ett slumpmässigt urval", sampleSize: 6_000, opensOn: "2025-09-01",
                    closesOn: "2025-09-30", questionnaire: QuestionBank.trygghet.versionKey, questions: QuestionBank.trygghet.questions, areas: areas,
                    requiresCode: false), by: actor)
            let responses = (0..<2_000).map { _ in residentAnswer(survey, random: &random) }
            try await store.importResponses(responses, survey: survey, fileName: "demo", by: actor)
            let today = TryggClock.now
            // This year's survey has run a week: its first answers are in, so the results page and
            // the start page show a survey under way rather than an empty one.
            let running = try await store.create(
                Survey(
                    id: UUID(), code: "trygghet-\(StockholmCalendar.local(today).year)", title: "Trygghetsundersökning \(StockholmCalendar.local(today).year)",
                    purpose: "Årets trygghetsundersökning: svara gärna, det tar fem minuter.", population: .boende, mode: "Webbenkät", sampleSize: nil,
                    opensOn: StockholmCalendar.local(today.addingTimeInterval(-7 * 86_400)).dateText,
                    closesOn: StockholmCalendar.local(today.addingTimeInterval(30 * 86_400)).dateText,
                    questionnaire: QuestionBank.trygghet.versionKey, questions: QuestionBank.trygghet.questions, areas: areas, requiresCode: false,
                    titleEnglish: "Safety survey \(StockholmCalendar.local(today).year)",
                    purposeEnglish: "This year's survey of how safe you feel where you live. Please take part: it takes five minutes."),
                by: actor)
            try await store.importResponses((0..<420).map { _ in residentAnswer(running, random: &random) }, survey: running, fileName: "demo", by: actor)
        }
        // The joint survey: Linköping's, offered to Norrköping, which runs it a week later in its own tenant.
        let linkoping = kommun.slug == "linkoping"
        let joint = try await store.create(
            Survey(
                id: UUID(), code: "paverkan-2022", title: "Otillåten påverkan 2022",
                purpose: "Samtidig och likvärdig undersökning i Linköping och Norrköping av hot, våld och andra försök att påverka anställda.",
                population: .medarbetare, mode: "Webbenkät till alla medarbetare", sampleSize: nil, opensOn: linkoping ? "2022-10-03" : "2022-10-10",
                closesOn: linkoping ? "2022-10-28" : "2022-11-04", questionnaire: QuestionBank.paverkan.versionKey,
                questions: QuestionBank.paverkan.questions, areas: try await store.defaultAreas(for: .medarbetare), requiresCode: false),
            by: actor)
        let sharing = SharingStore(scope)
        if linkoping, let norrkoping = try await KommunStore(database).find(slug: "norrkoping") {
            try await sharing.offer(
                .survey, code: joint.code, to: norrkoping,
                what: "Aggregerade resultat per fråga för hela kommunen och per kön; celler med färre än 30 svar visas inte.", validFrom: "2022-09-01",
                decidedBy: "Säkerhetschef, Linköpings kommun", by: actor)
        } else if let offer = try await sharing.all().first(where: { $0.partnerID == kommun.id && $0.subjectCode == joint.code }) {
            _ = try await sharing.accept(id: offer.id, decidedBy: "Säkerhetssamordnare, Norrköpings kommun", by: actor)
        }
        let count = kommun.slug == "linkoping" ? 900 : 600
        try await store.importResponses((0..<count).map { _ in employeeAnswer(joint, random: &random) }, survey: joint, fileName: "demo", by: actor)
    }

    static func pick<T>(_ items: [T], _ random: inout SplitMix64) -> T { items[Int(random.next() % UInt64(items.count))] }

    /// One of the options by weight.
    static func weighted(_ options: [(String, Double)], _ random: inout SplitMix64) -> String {
        var left = random.unit() * options.reduce(0) { $0 + $1.1 }
        for (code, weight) in options {
            left -= weight
            if left < 0 { return code }
        }
        return options.last!.0
    }

    static func residentAnswer(_ survey: Survey, random: inout SplitMix64) -> SurveyResponse {
        let area = weighted(survey.areas.map { ($0, $0 == SurveyBackground.otherArea ? 2.0 : 1.0) }, &random)
        let gender = weighted([("kvinna", 0.5), ("man", 0.46), ("annat", 0.01), ("vill_ej", 0.03)], &random)
        let age = weighted([("16-24", 0.18), ("25-44", 0.35), ("45-64", 0.28), ("65+", 0.19)], &random)
        let exposed = ["Skäggetorp", "Berga"].contains(area)
        // Otrygghet at night: twice as common among women, and highest where the lägesbild points.
        var unsafe = gender == "kvinna" ? 0.3 : 0.13
        if exposed { unsafe += gender == "kvinna" ? 0.25 : 0.08 }
        if age == "65+" { unsafe += 0.05 }
        var choices: [String: [String]] = [:]
        choices["otrygg_kvall"] = [
            random.unit() < unsafe
                ? weighted([("ganska_otrygg", 0.6), ("mycket_otrygg", 0.25), ("gar_inte_ut", 0.15)], &random)
                : weighted([("mycket_trygg", 0.45), ("ganska_trygg", 0.5), ("vet_ej", 0.05)], &random)
        ]
        choices["oro_brott"] = [
            weighted([("aldrig", 0.35), ("nagon_gang", 0.45), ("ganska_ofta", unsafe * 0.4), ("mycket_ofta", unsafe * 0.15), ("vet_ej", 0.03)], &random)
        ]
        choices["avstatt"] = [random.unit() < unsafe * 0.8 ? "ja" : "nej"]
        let crimes = ["stold", "skadegorelse", "hot", "vald", "trakasserier"].filter { _ in random.unit() < (exposed ? 0.09 : 0.05) }
        choices["utsatt"] = crimes.isEmpty ? ["inget"] : crimes
        for trust in ["fortroende_polis", "fortroende_kommun"] {
            choices[trust] = [
                weighted(
                    [("mycket_stort", 0.2), ("ganska_stort", 0.4), ("ganska_litet", exposed ? 0.25 : 0.15), ("mycket_litet", 0.08), ("vet_ej", 0.1)], &random)
            ]
        }
        for item in ["problem_nedskrapning", "problem_skadegorelse", "problem_stok", "problem_narkotika", "problem_trafik"] {
            let big = exposed ? 0.35 : 0.15
            choices[item] = [weighted([("inget", 0.4), ("litet", 0.3), ("ganska_stort", big), ("mycket_stort", big / 2), ("vet_ej", 0.05)], &random)]
        }
        // Those who feel unsafe often mark a place: near their area's centre (the torget, the tunnel).
        if random.unit() < unsafe * 0.6, let centre = DemoAreas.all.first(where: { $0.kommunSlug == "linkoping" && $0.name == area })?.centre {
            let latitude = centre.latitude + (random.unit() - 0.5) * 0.006, longitude = centre.longitude + (random.unit() - 0.5) * 0.010
            choices["otrygg_plats"] = ["\(latitude) \(longitude)"]
        }
        if random.unit() < 0.04 {
            choices["kommentar"] = [
                pick(
                    ["Bättre belysning i gångtunneln.", "Fler vuxna ute på kvällarna.", "Att buskörningen på gården tas på allvar.", "Mer polis vid torget."],
                    &random)
            ]
        }
        // Generated within the questions' rules, so the check cannot fail.
        guard case .success(let response) = SurveyRules.check(SurveyRules.Draft(area: area, gender: gender, ageBand: age, choices: choices), for: survey) else {
            preconditionFailure("demosvaret följer inte enkätens regler")
        }
        return response
    }

    static func employeeAnswer(_ survey: Survey, random: inout SplitMix64) -> SurveyResponse {
        let unit = weighted(survey.areas.enumerated().map { ($1, $0 < 3 ? 3.0 : 1.0) }, &random)
        let gender = weighted([("kvinna", 0.6), ("man", 0.37), ("annat", 0.01), ("vill_ej", 0.02)], &random)
        let age = weighted([("16-24", 0.06), ("25-44", 0.42), ("45-64", 0.45), ("65+", 0.07)], &random)
        var choices: [String: [String]] = [:]
        let forms = ["trakasserier", "hot", "vald", "skadegorelse", "korruption", "filmning"].filter { _ in random.unit() < 0.07 }
        choices["utsatt_paverkan"] = forms.isEmpty ? ["inget"] : forms
        if !forms.isEmpty {
            choices["av_vem"] = [weighted([("enskild", 0.7), ("grupp", 0.12), ("extremist", 0.03), ("okand", 0.15)], &random)]
            choices["konsekvens"] = [weighted([("oro", 0.5), ("undvikit_beslut", 0.1), ("andrat", 0.08), ("sluta", 0.12), ("inget", 0.2)], &random)]
            choices["anmalt"] = [weighted([("ja", 0.45), ("nej_ide", 0.3), ("nej_radd", 0.1), ("nej_annat", 0.15)], &random)]
        } else {
            choices["anmalt"] = ["ej_aktuellt"]
        }
        guard case .success(let response) = SurveyRules.check(SurveyRules.Draft(area: unit, gender: gender, ageBand: age, choices: choices), for: survey) else {
            preconditionFailure("demosvaret följer inte enkätens regler")
        }
        return response
    }
}
