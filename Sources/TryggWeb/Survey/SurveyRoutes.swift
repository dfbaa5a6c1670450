import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// The kommun's surveys: the list, a new survey from the question bank, a survey's page with its
/// settings, one-time codes and the import of answers collected elsewhere.
struct SurveyRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.surveys) { _, context in try await list(context: context) }
        routes.staff(SiteRoutes.surveyCreate) { _, context in try await create(context: context) }
        routes.staff(SiteRoutes.surveySettings) { _, context in
            _ = try context.requireUser(allowedTo: .editSurveys)
            let form = try context.decodeForm(MinimumForm.self)
            do {
                try await SurveyStore(context.kommun).saveMinimum(Int(form.minimum) ?? 0, by: context.actor)
            } catch let error as StoreError {
                return try await list(context: context, error: error.description, status: .badRequest)
            }
            return Response.seeOther(
                SiteRoutes.surveys.path, notice: "Andelar visas nu bara för grupper med minst \(form.minimum) svar.", context: context)
        }
        routes.staff(SiteRoutes.survey) { _, context in try await page(try await survey(context), context: context) }
        routes.staff(SiteRoutes.surveySave) { _, context in try await saveSettings(context: context) }
        routes.staff(SiteRoutes.surveyCodesCreate) { _, context in
            let survey = try await survey(context)
            let form = try context.decodeForm(CodesForm.self)
            do {
                let codes = try await SurveyStore(context.kommun).createCodes(Int(form.count) ?? 0, survey: survey, by: context.actor)
                deps.oneTimeNotes.put(codes.joined(separator: "\n"), for: context.sessionID)
                return .seeOther(SiteRoutes.surveyCodes.path(survey.id))
            } catch let error as StoreError {
                return try await page(survey, context: context, error: error.description, status: .badRequest)
            }
        }
        routes.staff(SiteRoutes.surveyQuestionAdd) { _, context in
            let survey = try await survey(context)
            _ = try context.requireUser(allowedTo: .editSurveys)
            let form = try context.decodeForm(QuestionForm.self)
            let draft = OwnQuestion.Draft(
                code: form.code, text: form.text, english: form.english, kind: form.kind, options: form.options, indicator: form.indicator)
            switch OwnQuestion.check(draft, in: survey) {
            case .failure(let problems):
                return try await page(
                    survey, context: context, error: problems.list.map(\.message).joined(separator: " "), typed: .init(question: form), status: .badRequest)
            case .success(let question):
                do {
                    try await SurveyStore(context.kommun).addQuestion(question, to: survey, by: context.actor)
                } catch let error as StoreError {
                    return try await page(survey, context: context, error: error.description, typed: .init(question: form), status: .badRequest)
                }
                return Response.seeOther(SiteRoutes.survey.path(survey.id), notice: "Frågan ”\(question.text)” är tillagd.", context: context)
            }
        }
        routes.staff(SiteRoutes.surveyCodes) { _, context in try await codes(try await survey(context), context: context) }
        routes.staff(SiteRoutes.surveyImport) { _, context in try await importAnswers(try await survey(context), context: context) }
    }

    /// The survey named by the path's id, in the user's kommun (another kommun's is 404).
    func survey(_ context: StaffContext) async throws -> Survey {
        _ = try context.requireUser(allowedTo: .readSurveys)
        guard let survey = try await SurveyStore(context.kommun).find(id: try context.parameters.require("id", as: UUID.self)) else {
            throw HTTPError(.notFound, message: "Enkäten finns inte.")
        }
        return survey
    }

    static func status(_ survey: Survey, now: Date = TryggClock.now) -> String {
        let today = StockholmCalendar.local(now).dateText
        return today < survey.opensOn ? "Planerad" : today > survey.closesOn ? "Avslutad" : "Pågår"
    }

    struct ListRow {
        let title: String
        let href: String
        let code: String
        let population: String
        let fieldwork: String
        let status: String
        let responses: String
    }

    struct ListView {
        let rows: [ListRow]
        let hasRows: Bool
        let canEdit: Bool
        let createAction = SiteRoutes.surveyCreate.path
        let questionnaires: [SelectOption]
        let populations: [SelectOption]
        let codeOptions = [SelectOption(value: "nej", label: "Nej, alla får svara", selected: true), SelectOption(value: "ja", label: "Ja", selected: false)]
        let form: SurveyForm.Values
        let offers: [SurveySharingRoutes.OfferRow]
        let minimum: Int
        let settingsAction = SiteRoutes.surveySettings.path
        let lowestMinimum = SurveyStore.lowestMinimum
    }

    func list(context: StaffContext, form: SurveyForm.Values? = nil, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readSurveys)
        let summaries = try await SurveyStore(context.kommun).all()
        let values = form ?? SurveyForm.Values.suggested()
        let view = ListView(
            rows: summaries.map {
                ListRow(
                    title: $0.survey.title, href: SiteRoutes.survey.path($0.survey.id), code: $0.survey.code, population: $0.survey.population.label,
                    fieldwork: "\($0.survey.opensOn) – \($0.survey.closesOn)", status: Self.status($0.survey), responses: SwedishNumber.integer($0.responses))
            }, hasRows: !summaries.isEmpty, canEdit: user.role.allows(.editSurveys),
            questionnaires: QuestionBank.all.map {
                SelectOption(value: $0.id, label: "\($0.title) (version \($0.version))", selected: $0.id == values.questionnaire)
            },
            populations: Survey.Population.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == values.population) },
            form: values, offers: try await SurveySharingRoutes.offers(context: context, database: deps.database),
            minimum: try await SurveyStore(context.kommun).minimum())
        return deps.renderer.page(.surveys, title: "Enkäter", context: context, content: view, error: error, status: status)
    }

    func create(context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .editSurveys)
        let form = try context.decodeForm(SurveyForm.self)
        let values = form.values
        guard let questionnaire = QuestionBank.questionnaire(form.questionnaire) else {
            return try await list(context: context, form: values, error: "Välj ett frågeformulär ur frågebanken.", status: .badRequest)
        }
        let store = SurveyStore(context.kommun)
        let population = Survey.Population(rawValue: form.population) ?? .boende
        let draft = Survey(
            id: UUID(), code: form.code.lowercased(), title: form.title.isEmpty ? questionnaire.title : form.title, purpose: form.purpose,
            population: population, mode: form.mode.isEmpty ? "Webbenkät" : form.mode, sampleSize: form.sampleSize.isEmpty ? nil : Int(form.sampleSize) ?? -1,
            opensOn: form.opensOn,
            closesOn: form.closesOn, questionnaire: questionnaire.versionKey, questions: questionnaire.questions,
            areas: try await store.defaultAreas(for: population), requiresCode: form.requiresCode == "ja", titleEnglish: form.titleEnglish,
            purposeEnglish: form.purposeEnglish)
        do {
            let survey = try await store.create(draft, by: context.actor)
            return Response.seeOther(SiteRoutes.survey.path(survey.id), notice: "Enkäten ”\(survey.title)” är skapad.", context: context)
        } catch let error as StoreError {
            return try await list(context: context, form: values, error: error.description, status: .badRequest)
        }
    }

    struct Question {
        let code: String
        let text: String
        let kind: String
        let options: String
        let indicator: String
    }

    struct PageView {
        /// The survey as stored, and its settings form (as a refused save sent it).
        let survey: SurveyForm.Values
        let settingsForm: SurveyForm.Values
        let settingsOpen: Bool
        /// The fingerprints the settings form was shown with and what collided.
        let settingsEdited: EditedRecordView
        let question: QuestionFields
        let share: ShareFields
        let populationLabel: String
        let questionnaire: String
        let status: String
        let responses: String
        let publicHref: String
        let resultsHref: String
        let textsHref: String?
        let canEdit: Bool
        let saveAction: String
        let codesAction: String
        let importAction: String
        let codeOptions: [SelectOption]
        let codesTotal: String
        let codesUsed: String
        let requiresCode: Bool
        let areas: String
        let questions: [Question]
        let maxUploadMB: Int
        let sharing: SurveySharingRoutes.Section
        let questionAction: String
        /// Own questions can be added until the first answer.
        let canAddQuestions: Bool
        let weightsAction: String
        let weightsFromPopulationAction: String
        let weightsRemoveAction: String
        /// "befolkning 12 345 från fil.csv" when weighted.
        let weights: String?
    }

    func page(
        _ survey: Survey, context: StaffContext, error: String? = nil, typed: SurveyTyped = .init(), status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readSurveys)
        let store = SurveyStore(context.kommun)
        let responses = try await store.responseCount(survey)
        let codes = try await store.codeCounts(survey)
        let canEdit = user.role.allows(.editSurveys)
        let sharing = try await SurveySharingRoutes.section(for: survey, context: context, database: deps.database)
        let requiresCode = typed.settings.map { $0.requiresCode == "ja" } ?? survey.requiresCode
        let view = PageView(
            survey: SurveyForm.Values(survey), settingsForm: typed.settings?.values ?? SurveyForm.Values(survey), settingsOpen: typed.settings != nil,
            settingsEdited: EditedRecordView(stored: SurveyForm(shown: survey), typed: typed.settings, conflict: typed.settingsConflict) { field, value in
                field == "engangskod" ? (value == "ja" ? "Ja" : "Nej, alla får svara") : value
            },
            question: QuestionFields(typed.question), share: ShareFields(sharing, typed: typed.share), populationLabel: survey.population.label,
            questionnaire: survey.questionnaire,
            status: Self.status(survey), responses: SwedishNumber.integer(responses),
            publicHref: SiteRoutes.surveyForm.path(user.kommun.slug, survey.code), resultsHref: SiteRoutes.surveyResults.path(survey.id),
            textsHref: canEdit ? SiteRoutes.surveyTexts.path(survey.id) : nil, canEdit: canEdit, saveAction: SiteRoutes.surveySave.path(survey.id),
            codesAction: SiteRoutes.surveyCodesCreate.path(survey.id), importAction: SiteRoutes.surveyImport.path(survey.id),
            codeOptions: [
                SelectOption(value: "nej", label: "Nej, alla får svara", selected: !requiresCode),
                SelectOption(value: "ja", label: "Ja", selected: requiresCode),
            ],
            codesTotal: SwedishNumber.integer(codes.total), codesUsed: SwedishNumber.integer(codes.used), requiresCode: survey.requiresCode,
            areas: survey.areas.joined(separator: ", "),
            questions: survey.questions.map { question in
                Question(
                    code: question.code, text: question.text,
                    kind: question.kind == .single ? "ett svar" : question.kind == .multiple ? "flera svar" : "fritext",
                    options: question.options.map(\.text).joined(separator: " · "),
                    indicator: question.options.filter { question.indicator.contains($0.code) }.map(\.text).joined(separator: ", "))
            }, maxUploadMB: context.maxBodyBytes / 1_048_576,
            sharing: sharing,
            questionAction: SiteRoutes.surveyQuestionAdd.path(survey.id), canAddQuestions: canEdit && responses == 0,
            weightsAction: SiteRoutes.surveyWeights.path(survey.id), weightsFromPopulationAction: SiteRoutes.surveyWeightsFromPopulation.path(survey.id),
            weightsRemoveAction: SiteRoutes.surveyWeightsRemove.path(survey.id),
            weights: try await store.weights(survey).map { "befolkningen \(SwedishNumber.integer($0.total)) enligt \($0.source)" })
        return deps.renderer.page(.survey, title: survey.title, context: context, content: view, error: error, status: status)
    }

    func saveSettings(context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .editSurveys)
        let typed = try context.decodeForm(SurveyForm.self)
        return try await deps.recordLocks.serially(try context.parameters.require("id", as: UUID.self)) {
            let stored = try await survey(context)
            return try await EditedRecord.save(typed, over: SurveyForm(shown: stored)) { error, status, conflict in
                try await page(stored, context: context, error: error, typed: .init(settings: typed, settingsConflict: conflict), status: status)
            } _: { form in
                var changed = stored
                changed.title = form.title
                changed.purpose = form.purpose
                changed.titleEnglish = form.titleEnglish
                changed.purposeEnglish = form.purposeEnglish
                changed.mode = form.mode
                changed.sampleSize = form.sampleSize.isEmpty ? nil : Int(form.sampleSize) ?? -1
                changed.opensOn = form.opensOn
                changed.closesOn = form.closesOn
                changed.requiresCode = form.requiresCode == "ja"
                try await SurveyStore(context.kommun).saveSettings(changed, by: context.actor)
                return Response.seeOther(
                    SiteRoutes.survey.path(stored.id), notice: EditedRecord.notice("Inställningarna är sparade.", typed: typed, merged: form), context: context)
            }
        }
    }

    struct CodeCard {
        let code: String
        /// The QR code as inline SVG (drawn by `QRCode`, its label escaped there).
        let qr: String
    }

    struct CodesView {
        let codes: [CodeCard]
        let hasCodes: Bool
        let address: String
        let backHref: String
    }

    /// The codes just made, shown once for printing (only their hashes are stored).
    func codes(_ survey: Survey, context: StaffContext) async throws -> Response {
        let user = try context.requireUser(allowedTo: .editSurveys)
        let codes = deps.oneTimeNotes.take(for: context.sessionID)?.split(separator: "\n").map(String.init) ?? []
        let address = deps.configuration.mail.publicURL + SiteRoutes.surveyForm.path(user.kommun.slug, survey.code)
        // Each card's QR code opens the form with the code filled in.
        let cards = codes.map { code in
            CodeCard(code: code, qr: QRCode(address + "?kod=" + code)?.svg(label: "QR-kod till enkäten med koden \(code)") ?? "")
        }
        let view = CodesView(codes: cards, hasCodes: !codes.isEmpty, address: address, backHref: SiteRoutes.survey.path(survey.id))
        return deps.renderer.page(.surveyCodes, title: "Engångskoder – \(survey.title)", context: context, content: view)
    }

    func importAnswers(_ survey: Survey, context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .editSurveys)
        do {
            let upload = try context.uploadedTable(choose: "Välj en CSV-fil att importera.")
            let count = try await SurveyStore(context.kommun).importResponses(upload.table, survey: survey, fileName: upload.filename, by: context.actor)
            return Response.seeOther(SiteRoutes.survey.path(survey.id), notice: "Importerade \(SwedishNumber.integer(count)) svar.", context: context)
        } catch let refused as UploadRefused {
            return try await page(survey, context: context, error: refused.message, status: .badRequest)
        } catch let failure as ImportFailure {
            return try await page(survey, context: context, error: failure.description, status: .badRequest)
        }
    }
}
