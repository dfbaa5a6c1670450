import Mustache

/// Every Mustache template in `Resources/templates`, by name. `Renderer.load()` checks at start-up
/// that each one is there and that no template file is left out of this list, so a missing
/// template stops the server at boot instead of answering 200 with an error text.
enum Template: String, CaseIterable, Sendable {
    // Layouts other templates inherit from, and partials they include: the assets of every
    // page's head, the CSRF field of every form, one option of a select.
    case layout, `public`, head, csrf, option
    case lagesbildProblemFields = "lagesbild-problem-fields"
    case editedTextField = "edited-text-field"
    case editedRecord = "edited-record"
    case lagesbildSourceFields = "lagesbild-source-fields"
    case interactiveMapScripts = "interactive-map-scripts"
    case homeReports = "home-reports"
    case estWeekBody = "est-week-body"
    case planDocumentForm = "plan-document-form"
    case planImport = "plan-import"
    case planMeasureForm = "plan-measure-form"
    case meetingMinutesBody = "meeting-minutes-body"
    case forumFormFields = "forum-form-fields"
    case promiseFormFields = "promise-form-fields"
    case walkFormFields = "walk-form-fields"
    case criteriaFormFields = "criteria-form-fields"
    case inspectionFormFields = "los-form-fields"
    // Staff pages.
    case home, account, login, search, help
    case loginCode = "login-code"
    case areas
    case areasDetail = "areas-detail"
    case audit, organisations, users, outbox
    case userDetail = "user-detail"
    case passwordForgot = "password-forgot"
    case passwordReset = "password-reset"
    case plan
    case planEmpty = "plan-empty"
    case planDocuments = "plan-documents"
    case planMeasure = "plan-measure"
    case planNewMeasure = "plan-new-measure"
    case followup
    case followupMine = "followup-mine"
    case followupRound = "followup-round"
    case est
    case estCategories = "est-categories"
    case estEvent = "est-event"
    case estEvents = "est-events"
    case estGatherings = "est-gatherings"
    case estHotspots = "est-hotspots"
    case estInsats = "est-insats"
    case estInsatser = "est-insatser"
    case estReportForm = "est-report-form"
    case estTrends = "est-trends"
    case estWeek = "est-week"
    case citizenList = "citizen-list"
    case citizenReport = "citizen-report"
    case citizenadmin
    case lagesbildCrimes = "lagesbild-crimes"
    case lagesbildComparison = "lagesbild-comparison"
    case lagesbildSources = "lagesbild-sources"
    case lagesbildDocuments = "lagesbild-documents"
    case lagesbildDocument = "lagesbild-document"
    case reportLagesbild = "report-lagesbild"
    case surveys, survey
    case surveyCodes = "survey-codes"
    case surveyResults = "survey-results"
    case surveyTexts = "survey-texts"
    case surveyComparison = "survey-comparison"
    case forums, forum, meeting, decisions, calendar, promises, promise, walks, walk
    case criteria
    case policeAreas = "police-areas"
    case influence
    case criteriaAssessment = "criteria-assessment"
    case inspections = "los"
    case inspection = "los-inspection"
    case inspectedObjects = "los-objects"
    case inspectedObject = "los-object"
    case inspectionRevisits = "los-revisits"
    case inspectionStatistics = "los-statistics"
    case inspectionSettings = "los-settings"
    case error
    // Residents' pages.
    case publicHome = "public-home"
    case publicReport = "public-report"
    case publicStatus = "public-status"
    case publicSurvey = "public-survey"
    case publicSurveyThanks = "public-survey-thanks"
    case publicWalk = "public-walk"
    case publicPrivacy = "public-privacy"
    case publicAccessibility = "public-accessibility"
    // Stand-alone documents.
    case reportFollowup = "report-followup"
    case reportWeek = "report-week"
    case reportMeeting = "report-meeting"

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    /// Every listed template loaded, and every loaded file listed.
    static func verify(_ library: MustacheLibrary, files: [String]) throws {
        let missing = allCases.filter { library.getTemplate(named: $0.rawValue) == nil }.map(\.rawValue)
        let unlisted = Set(files).subtracting(allCases.map(\.rawValue)).sorted()
        guard missing.isEmpty, unlisted.isEmpty else {
            throw Missing(description: "Mallarna stämmer inte med registret: saknas \(missing), ej registrerade \(unlisted).")
        }
    }
}
