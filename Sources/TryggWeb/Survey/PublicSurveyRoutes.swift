import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// A survey's public form at `/k/{kommun}/enkat/{code}`: no login, no JavaScript, in Swedish or
/// (with `?lang=en`) English, open only in its fieldwork window. Nothing about the respondent is
/// kept beyond the answers: no address, no cookie, no time, and a one-time code is only marked used.
struct PublicSurveyRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.publicPage(SiteRoutes.surveyForm) { request, context in
            let (kommun, survey) = try await find(context)
            // A postal invitation's QR code carries the one-time code: the form opens with it filled in.
            return try await form(
                survey, kommun: kommun, english: request.uri.queryParameters["lang"] == "en", context: context,
                code: OneTimeCode.fromLink(request.uri.queryParameters.get("kod")))
        }
        routes.publicPage(SiteRoutes.surveySubmit) { request, context in
            try await submit(english: request.uri.queryParameters["lang"] == "en", context: context)
        }
        routes.publicPage(SiteRoutes.surveyThanks) { request, context in
            let (kommun, survey) = try await find(context)
            let english = request.uri.queryParameters["lang"] == "en"
            return deps.renderer.publicPage(
                .publicSurveyThanks, title: english ? "Thank you" : "Tack för dina svar", kommun: kommun, context: context,
                content: ["english": english, "title": survey.shownTitle(english: english), "homeHref": SiteRoutes.publicHome.path(kommun.slug) + "/"]
                    as [String: Any])
        }
    }

    func find(_ context: TryggRequestContext) async throws -> (Kommun, Survey) {
        let kommun = try await PublicReportRoutes.kommun(context, deps: deps)
        guard let code = context.parameters.get("code"), SurveyRules.isCode(code),
            let survey = try await deps.referenceCache.survey(code: code, in: deps.scope(of: kommun))
        else { throw HTTPError(.notFound, message: "Enkäten finns inte. Kontrollera adressen i inbjudan.") }
        return (kommun, survey)
    }

    struct Choice {
        let name: String
        let value: String
        let label: String
        let id: String
        let checked: Bool
    }

    struct Question {
        let number: Int
        let code: String
        let text: String
        let choices: [Choice]
        let single: Bool
        let multiple: Bool
        let freeText: Bool
        let place: Bool
        let value: String
        let problem: String?
    }

    struct FormView {
        let english: Bool
        let open: Bool
        let notYet: Bool
        let window: String
        let purpose: Survey.Shown
        let action: String
        let otherLanguageHref: String
        let otherLanguage: String
        let requiresCode: Bool
        let code: String
        let codeProblem: String?
        let background: [Question]
        let questions: [Question]
        let problems: [String]
        let hasProblems: Bool
        let maxText = SurveyRules.maxTextLength
        let minimum: Int
        /// For a place question: the areas to click in (Leaflet, else the drawn map) and the point so far.
        let map: String?
        let mapJSON: String?
        let latitude: String
        let longitude: String
    }

    func form(
        _ survey: Survey, kommun: Kommun, english: Bool, context: TryggRequestContext, draft: SurveyRules.Draft? = nil, code: String = "",
        problems: [SurveyRules.Problem] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let now = TryggClock.now
        let hasPlace = survey.questions.contains { $0.kind == .place }
        let areas = hasPlace ? try await deps.referenceCache.lookups(for: deps.scope(of: kommun)).areas : []
        let point = survey.questions.first { $0.kind == .place }.flatMap { draft?.choices[$0.code]?.first }?.split(separator: " ").map(String.init) ?? []
        let problemByField = Dictionary(problems.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first })
        func options(_ name: String, _ options: [SurveyOption], chosen: [String]) -> [Choice] {
            options.enumerated().map { index, option in
                Choice(
                    name: name, value: option.code, label: english ? option.english : option.text,
                    id: "\(name.replacingOccurrences(of: "[]", with: ""))-\(index)", checked: chosen.contains(option.code))
            }
        }
        func background(_ number: Int, _ code: String, _ text: String, _ choices: [Choice]) -> Question {
            Question(
                number: number, code: code, text: text, choices: choices, single: true, multiple: false, freeText: false, place: false, value: "",
                problem: problemByField[code])
        }
        let areaChoices = survey.areas.enumerated().map { index, area in
            // Area names are names; only the system's own "Övriga kommunen" has an English label.
            Choice(
                name: "omrade", value: area, label: english && area == SurveyBackground.otherArea ? "Elsewhere in the municipality" : area,
                id: "omrade-\(index)", checked: draft?.area == area)
        }
        let whereText =
            survey.population == .boende
            ? (english ? "Where do you live?" : "Var bor du?") : (english ? "Where do you work?" : "Var arbetar eller verkar du?")
        let view = FormView(
            english: english, open: survey.isOpen(at: now), notYet: StockholmCalendar.local(now).dateText < survey.opensOn,
            window: "\(survey.opensOn) – \(survey.closesOn)", purpose: survey.shownPurpose(english: english),
            action: SiteRoutes.surveySubmit.path(kommun.slug, survey.code, query: english ? [("lang", "en")] : []),
            otherLanguageHref: SiteRoutes.surveyForm.path(kommun.slug, survey.code, query: english ? [] : [("lang", "en")]),
            otherLanguage: english ? "På svenska" : "In English", requiresCode: survey.requiresCode, code: code, codeProblem: problemByField["kod"],
            background: [
                background(1, "omrade", whereText, areaChoices),
                background(2, "kon", english ? "Gender" : "Kön", options("kon", SurveyBackground.genders, chosen: [draft?.gender ?? ""])),
                background(3, "alder", english ? "Age" : "Ålder", options("alder", SurveyBackground.ageBands, chosen: [draft?.ageBand ?? ""])),
            ],
            questions: survey.questions.enumerated().map { index, question in
                let chosen = draft?.choices[question.code] ?? []
                return Question(
                    number: index + 4, code: question.code, text: english ? question.english : question.text,
                    // Checkboxes that share a name are sent as `name[]`, the form decoder's convention.
                    choices: options(question.kind == .multiple ? question.code + "[]" : question.code, question.options, chosen: chosen),
                    single: question.kind == .single,
                    multiple: question.kind == .multiple, freeText: question.kind == .text, place: question.kind == .place,
                    value: question.kind == .text ? chosen.first ?? "" : "",
                    problem: problemByField[question.code])
            }, problems: problems.map(\.message), hasProblems: !problems.isEmpty, minimum: try await SurveyStore(deps.scope(of: kommun)).minimum(),
            map: hasPlace
                ? AreaMapSVG.render(
                    areas, label: english ? "Map of the areas. Click to mark the place." : "Karta över områdena. Klicka för att markera platsen.",
                    pickable: true) : nil,
            mapJSON: hasPlace ? InteractiveMapData.pickJSON(areas: areas, settings: deps.configuration.map) : nil,
            latitude: point.count == 2 ? point[0] : "", longitude: point.count == 2 ? point[1] : "")
        let title = survey.shownTitle(english: english)
        return deps.renderer.publicPage(
            .publicSurvey, title: title.text, titleLanguage: title.language, kommun: kommun, context: context, content: view, status: status)
    }

    private func submit(english: Bool, context: TryggRequestContext) async throws -> Response {
        let (kommun, survey) = try await find(context)
        let fields = FormFields(encoded: context.formBody)
        guard survey.isOpen(at: TryggClock.now) else {
            return try await form(
                survey, kommun: kommun, english: english, context: context,
                problems: [SurveyRules.Problem(field: "enkat", message: "Enkäten tar inte emot svar nu (fältperiod \(survey.opensOn) – \(survey.closesOn)).")],
                status: .conflict)
        }
        var choices: [String: [String]] = [:]
        for question in survey.questions where question.kind == .place {
            // The map fills in the two fields (or they are typed); one place per survey.
            let latitude = fields.text("lat"), longitude = fields.text("lon")
            if !latitude.isEmpty || !longitude.isEmpty { choices[question.code] = ["\(latitude) \(longitude)"] }
        }
        for question in survey.questions where question.kind != .place {
            let values = (fields.all(question.code) + fields.all(question.code + "[]")).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            if !values.isEmpty { choices[question.code] = values }
        }
        let draft = SurveyRules.Draft(area: fields.text("omrade"), gender: fields.text("kon"), ageBand: fields.text("alder"), choices: choices)
        let code = fields.text("kod")
        // A field people never see: only programs fill it in. A person whose browser did gets
        // her answers back, with the field emptied.
        guard fields.text("hemsida").isEmpty else {
            let message =
                english
                ? "Your answers could not be received. Turn off any program that fills in forms automatically and send again."
                : "Svaren kunde inte tas emot. Stäng av program som fyller i formulär automatiskt och skicka igen."
            return try await form(
                survey, kommun: kommun, english: english, context: context, draft: draft, code: code,
                problems: [SurveyRules.Problem(field: "enkat", message: message)], status: .badRequest)
        }
        switch SurveyRules.check(draft, for: survey) {
        case .failure(let problems):
            return try await form(
                survey, kommun: kommun, english: english, context: context, draft: draft, code: code, problems: problems.list, status: .badRequest)
        case .success(let response):
            do {
                let stored = try await deps.publicGate.whileWriting {
                    try await deps.surveyQueue.store(.init(survey: survey, response: response, code: code))
                }
                guard stored != nil else {
                    let busy = SurveyRules.Problem(
                        field: "enkat", message: "Tjänsten tar emot många svar just nu. Vänta en minut och skicka igen; dina svar finns kvar.")
                    return try await form(
                        survey, kommun: kommun, english: english, context: context, draft: draft, code: code, problems: [busy], status: .serviceUnavailable)
                }
            } catch let error as SurveyStore.ReceiveError {
                return try await form(
                    survey, kommun: kommun, english: english, context: context, draft: draft, code: code,
                    problems: [SurveyRules.Problem(field: "kod", message: error.description)], status: .badRequest)
            }
            return .seeOther(SiteRoutes.surveyThanks.path(kommun.slug, survey.code, query: english ? [("lang", "en")] : []))
        }
    }
}
