import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The public e-service at `/k/{kommun}/`: the form "Tipsa om en otrygg plats" and the page
/// where the reporter follows their report. No login; anonymous unless the resident adds an
/// e-mail address.
struct PublicReportRoutes {
    let deps: AppDependencies

    struct Problem {
        let anchor: String
        let text: String
    }

    struct Choice {
        let value: String
        let label: String
        let checked: Bool
    }

    struct FormView {
        var categories: [SelectOption]
        var areas: [SelectOption]
        var map: String?
        /// The Leaflet map to click in, when installed.
        var mapJSON: String?
        var latitude: String
        var longitude: String
        var place: String
        var description: String
        var times: [Choice]
        var days: [Choice]
        var genders: [Choice]
        var ages: [SelectOption]
        var email: String
        var retentionDays: Int
        var problems: [Problem]
        var hasProblems: Bool
        let maxPlace = CitizenRules.maxPlaceLength
        let maxDescription = CitizenRules.maxDescriptionLength
    }

    func register(on routes: RouteRegistry) {
        routes.publicPage(SiteRoutes.tipForm) { _, context in
            let kommun = try await Self.kommun(context, deps: deps)
            return try await form(kommun: kommun, draft: nil, problems: [], context: context)
        }
        routes.publicPage(SiteRoutes.tipSubmit) { _, context in try await submit(context: context) }
        routes.publicPage(SiteRoutes.tipStatus) { request, context in
            let kommun = try await Self.kommun(context, deps: deps)
            let token = context.parameters.get("token") ?? ""
            guard let report = try await CitizenStore(deps.scope(of: kommun)).find(token: token) else {
                throw HTTPError(.notFound, message: "Det finns inget tips med den länken. Kontrollera att hela adressen kom med.")
            }
            return try await status(
                report, token: token, kommun: kommun, thanks: request.uri.queryParameters["tack"] != nil,
                erased: request.uri.queryParameters["raderad"] != nil, context: context)
        }
        // The link to the tip is the resident's proof that it is hers: with it she erases her
        // address herself, without asking anyone (the privacy page promises she can).
        routes.publicPage(SiteRoutes.tipContactErase) { _, context in
            let kommun = try await Self.kommun(context, deps: deps)
            let token = context.parameters.get("token") ?? ""
            let store = CitizenStore(deps.scope(of: kommun))
            guard let report = try await store.find(token: token) else {
                throw HTTPError(.notFound, message: "Det finns inget tips med den länken. Kontrollera att hela adressen kom med.")
            }
            if report.hasContact {
                try await store.eraseContact(
                    id: report.id, asked: "av den som tipsade, via länken till tipset",
                    by: Actor(userID: nil, kommunID: kommun.id, label: "medborgare (webb)", address: "ej sparad"))
            }
            return .seeOther(SiteRoutes.tipStatus.path(kommun.slug, token, query: [("raderad", "1")]))
        }
    }

    static func kommun(_ context: TryggRequestContext, deps: AppDependencies) async throws -> Kommun {
        guard let slug = context.parameters.get("kommun"), let kommun = try await deps.referenceCache.kommun(slug: slug, database: deps.database) else {
            throw HTTPError(.notFound, message: "Kommunen finns inte i Trygg.")
        }
        return kommun
    }

    private func submit(context: TryggRequestContext) async throws -> Response {
        let kommun = try await Self.kommun(context, deps: deps)
        let fields = try context.decodeForm(TipForm.self)
        let draft = CitizenDraft(
            category: fields.category, latitude: fields.latitude, longitude: fields.longitude, area: fields.area,
            place: fields.place, description: fields.description, timesOfDay: fields.timesOfDay, weekdays: fields.weekdays,
            gender: fields.gender, ageBand: fields.ageBand, email: fields.email)
        // A field people never see: only programs fill it in. A person whose browser did comes
        // back to her own text, with the field emptied.
        guard fields.homepage.isEmpty else {
            let problem = Problem(
                anchor: "beskrivning",
                text: "Tipset kunde inte tas emot. Om du använder ett program som fyller i formulär automatiskt, stäng av det och skicka igen.")
            return try await form(kommun: kommun, draft: draft, problems: [problem], context: context, status: .badRequest)
        }
        guard await deps.publicGate.webReports.allow(context.clientAddress) else {
            return try await form(
                kommun: kommun, draft: draft,
                problems: [
                    Problem(
                        anchor: "beskrivning",
                        text: "Många tips har skickats från din adress den senaste timmen. Försök igen senare.")
                ], context: context, status: .tooManyRequests)
        }
        let reference = try await deps.referenceCache.lookups(for: deps.scope(of: kommun))
        switch CitizenRules.check(draft, categories: reference.categories, areas: reference.areas, bounds: reference.citizenBounds) {
        case .failure(let problems):
            return try await form(kommun: kommun, draft: draft, problems: problems.problems.map(Self.problem), context: context, status: .badRequest)
        case .success(let checked):
            // The resident is anonymous unless she gives an address: her IP address serves the rate
            // limit in memory and is not written into the audit log (the privacy page says so).
            let actor = Actor(userID: nil, kommunID: kommun.id, label: "medborgare (webb)", address: "ej sparad")
            let tip = CitizenStore.receive(checked, kommunID: kommun.id, channel: .web, retentionDays: reference.citizenSettings.retentionDays, by: actor)
            guard
                let token = try await deps.publicGate.whileWriting({ () async throws -> String in
                    try await deps.citizenQueue.store(tip)
                    return tip.token
                })
            else {
                return try await form(
                    kommun: kommun, draft: draft,
                    problems: [
                        Problem(
                            anchor: "beskrivning",
                            text: "Tjänsten tar emot många tips just nu. Vänta en minut och skicka igen; det du skrivit finns kvar.")
                    ],
                    context: context, status: .serviceUnavailable)
            }
            return .seeOther(SiteRoutes.tipStatus.path(kommun.slug, token, query: [("tack", "1")]))
        }
    }

    static func problem(_ problem: IncidentProblem) -> Problem {
        let anchors = [
            "kategori": "kategori", "latitud": "lat", "longitud": "lon", "plats": "lat", "område": "omrade",
            "platsnamn": "platsnamn", "beskrivning": "beskrivning", "tid på dygnet": "tid-morgon", "veckodagar": "dag-man",
            "kön": "alder", "ålder": "alder", "e-post": "epost",
        ]
        let label =
            ["latitud": "Platsen", "longitud": "Platsen", "plats": "Platsen", "e-post": "E-postadressen"][problem.field]
            ?? problem.field.prefix(1).uppercased() + problem.field.dropFirst()
        return Problem(anchor: anchors[problem.field] ?? "kategori", text: "\(label): \(problem.message)")
    }

    func form(
        kommun: Kommun, draft: CitizenDraft?, problems: [Problem], context: TryggRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let reference = try await deps.referenceCache.lookups(for: deps.scope(of: kommun))
        let settings = reference.citizenSettings
        let draft = draft ?? CitizenDraft(category: "", description: "")
        let categories = reference.categories.filter { $0.isPublic && !$0.retired }
        let areas = reference.areas.current
        let view = FormView(
            categories: [SelectOption(value: "", label: "Välj …", selected: draft.category.isEmpty)]
                + categories.map { SelectOption(value: $0.code, label: $0.name, selected: $0.code == draft.category) },
            areas: [SelectOption(value: "", label: "Vet inte / annan plats i kommunen", selected: draft.area.isEmpty)]
                + areas.map { SelectOption(value: $0.name, label: $0.name, selected: $0.name == draft.area) },
            map: AreaMapSVG.render(areas, label: "Karta över kommunens områden. Klicka för att markera platsen.", pickable: true),
            mapJSON: InteractiveMapData.pickJSON(areas: areas, settings: deps.configuration.map),
            latitude: draft.latitude, longitude: draft.longitude, place: draft.place, description: draft.description,
            times: TimeOfDay.allCases.map { Choice(value: $0.rawValue, label: $0.displayName, checked: draft.timesOfDay.contains($0.rawValue)) },
            days: zip(Weekdays.codes, Weekdays.names).map { Choice(value: $0.0, label: $0.1.capitalized, checked: draft.weekdays.contains($0.0)) },
            genders: [Choice(value: "", label: "Vill inte ange", checked: draft.gender.isEmpty)]
                + ReporterGender.allCases.map { Choice(value: $0.rawValue, label: $0.displayName, checked: draft.gender == $0.rawValue) },
            ages: [SelectOption(value: "", label: "Vill inte ange", selected: draft.ageBand.isEmpty)]
                + AgeBand.allCases.map { SelectOption(value: $0.rawValue, label: $0.displayName, selected: draft.ageBand == $0.rawValue) },
            email: draft.email, retentionDays: settings.retentionDays, problems: problems, hasProblems: !problems.isEmpty)
        let title = problems.isEmpty ? "Tipsa om en otrygg plats" : "Fel i formuläret – Tipsa om en otrygg plats"
        return deps.renderer.publicPage(.publicReport, title: title, kommun: kommun, context: context, content: view, status: status)
    }

    private func status(
        _ report: CitizenReport, token: String, kommun: Kommun, thanks: Bool, erased: Bool, context: TryggRequestContext
    ) async throws -> Response {
        let reference = try await deps.referenceCache.lookups(for: deps.scope(of: kommun))
        let area = report.areaID.flatMap { id in reference.areas.first { $0.id == id }?.name }
        let view: [String: Any] = [
            "thanks": thanks, "link": SiteRoutes.tipStatus.path(kommun.slug, token), "status": report.status.displayName,
            "number": report.status.isPublic ? report.publicNumber.map(String.init) ?? "" : "",
            "submitted": PublicTime.week(report.submittedAt),
            "category": reference.categories.first { $0.id == report.categoryID }?.name ?? "",
            "place": [report.place, area ?? ""].filter { !$0.isEmpty }.joined(separator: ", ").ifEmpty("Markerad på kartan"),
            "description": report.description,
            "rejectReason": report.status == .rejected ? report.rejectReason : "", "answer": report.answer,
            "hasEmail": report.email != nil, "erased": erased && report.email == nil,
            "eraseAction": SiteRoutes.tipContactErase.path(kommun.slug, token),
        ]
        return deps.renderer.publicPage(
            .publicStatus, title: thanks ? "Tack för ditt tips" : "Ditt tips", kommun: kommun,
            context: context, content: view)
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}

/// A resident's tip as the public form sends it; the checkboxes come as `tid[]` and `dag[]`.
struct TipForm: Decodable {
    @FormText var category: String
    @FormText var latitude: String
    @FormText var longitude: String
    @FormText var area: String
    @FormRaw var place: String
    @FormRaw var description: String
    @FormChoices var timesOfDay: [String]
    @FormChoices var weekdays: [String]
    @FormText var gender: String
    @FormText var ageBand: String
    @FormText var email: String
    /// The honeypot: hidden from people, filled in by form-filling programs.
    @FormText var homepage: String

    enum CodingKeys: String, CodingKey {
        case category = "kategori", latitude = "lat", longitude = "lon", area = "omrade", place = "platsnamn"
        case description = "beskrivning", timesOfDay = "tid", weekdays = "dag", gender = "kon", ageBand = "alder"
        case email = "epost", homepage = "hemsida"
    }
}
