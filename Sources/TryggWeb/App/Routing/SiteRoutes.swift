import Foundation
import HTTPTypes
import TryggCore

/// Every route Trygg answers, in one place: the app registers its handlers through these values
/// (`RouteRegistry`), links, redirects and form actions are printed from them, and each says which
/// zone it belongs to and what permission it needs. A route outside this table cannot be
/// registered, and `RouteInventoryTests` walks all of them.
enum SiteRoutes {
    // MARK: Plain
    static let health = Route0(.get, "/health", .plain)
    static let metrics = Route0(.get, "/metrics", .plain)
    static let staticFile = Route1<String>(.get, "/static/{file}", .plain)
    static let leafletFile = Route1<String>(.get, "/vendor/leaflet/{file}", .plain)
    /// Where browsers look for an icon when a page names none (the print views, JSON, files).
    static let faviconICO = Route0(.get, "/favicon.ico", .plain)

    // MARK: Login and account
    static let login = Route0(.get, "/login", .login)
    static let loginSubmit = Route0(.post, "/login", .login)
    static let loginCode = Route0(.get, "/login/kod", .login)
    static let loginCodeSubmit = Route0(.post, "/login/kod", .login)
    static let logout = Route0(.post, "/logout", .login)
    static let passwordForgot = Route0(.get, "/login/glomt", .login)
    static let passwordForgotSubmit = Route0(.post, "/login/glomt", .login)
    static let passwordReset = Route1<String>(.get, "/login/aterstall/{token}", .login)
    static let passwordResetSubmit = Route1<String>(.post, "/login/aterstall/{token}", .login)
    static let account = Route0(.get, "/konto", .staff(nil))
    static let accountPassword = Route0(.post, "/konto/losenord", .staff(nil))
    static let accountNotices = Route0(.post, "/konto/epost", .staff(nil))
    static let accountSessionsEnd = Route0(.post, "/konto/inloggningar/logga-ut-andra", .staff(nil))
    static let twoStepStart = Route0(.post, "/konto/tvastegs/starta", .staff(nil))
    static let twoStepActivate = Route0(.post, "/konto/tvastegs/aktivera", .staff(nil))
    static let twoStepDisable = Route0(.post, "/konto/tvastegs/stang-av", .staff(nil))

    // MARK: Start page and reference data
    static let home = Route0(.get, "/", .staff(nil))
    /// One search over measures, insatser, forums, decisions, löften, walks, areas and tips.
    static let search = Route0(.get, "/sok", .staff(nil))
    static let help = Route0(.get, "/hjalp", .staff(nil))
    static let organisations = Route0(.get, "/organisationer", .staff(.readReferenceData))
    static let organisationAdd = Route0(.post, "/organisationer", .staff(.administerKommun))
    static let organisationSave = Route1<UUID>(.post, "/organisationer/{id}", .staff(.administerKommun))
    static let organisationRetire = Route1<UUID>(.post, "/organisationer/{id}/avveckla", .staff(.administerKommun))
    static let organisationReinstate = Route1<UUID>(.post, "/organisationer/{id}/aterinfor", .staff(.administerKommun))
    static let organisationMoveUsers = Route1<UUID>(.post, "/organisationer/{id}/flytta-anvandare", .staff(.administerKommun))
    static let areas = Route0(.get, "/omraden", .staff(.readReferenceData))
    static let area = Route1<UUID>(.get, "/omraden/{id}", .staff(.readReferenceData))
    static let areaAdd = Route0(.post, "/omraden", .staff(.administerKommun))
    static let areaImport = Route0(.post, "/omraden/import", .staff(.administerKommun))
    static let areaSave = Route1<UUID>(.post, "/omraden/{id}", .staff(.administerKommun))
    static let areaDelete = Route1<UUID>(.post, "/omraden/{id}/ta-bort", .staff(.administerKommun))
    static let areaRetire = Route1<UUID>(.post, "/omraden/{id}/avveckla", .staff(.administerKommun))
    static let areaReinstate = Route1<UUID>(.post, "/omraden/{id}/aterinfor", .staff(.administerKommun))

    // MARK: Administration
    static let users = Route0(.get, "/admin/anvandare", .staff(.administerKommun))
    static let userAdd = Route0(.post, "/admin/anvandare", .staff(.administerKommun))
    static let user = Route1<UUID>(.get, "/admin/anvandare/{id}", .staff(.administerKommun))
    static let userSave = Route1<UUID>(.post, "/admin/anvandare/{id}", .staff(.administerKommun))
    static let userPassword = Route1<UUID>(.post, "/admin/anvandare/{id}/losenord", .staff(.administerKommun))
    static let userPasswordLink = Route1<UUID>(.post, "/admin/anvandare/{id}/lank", .staff(.administerKommun))
    static let userSecondFactorOff = Route1<UUID>(.post, "/admin/anvandare/{id}/tvasteg/stang-av", .staff(.administerKommun))
    static let userDisable = Route1<UUID>(.post, "/admin/anvandare/{id}/inaktivera", .staff(.administerKommun))
    static let userEnable = Route1<UUID>(.post, "/admin/anvandare/{id}/aktivera", .staff(.administerKommun))
    static let audit = Route0(.get, "/admin/logg", .staff(.administerKommun))
    static let auditExport = Route0(.get, "/admin/logg/export.csv", .staff(.administerKommun))
    static let kommunExport = Route0(.get, "/admin/export.zip", .staff(.administerKommun))
    static let outbox = Route0(.get, "/utskick", .staff(.readOutbox))
    static let citizenAdmin = Route0(.get, "/admin/medborgare", .staff(.administerKommun))
    static let citizenSettings = Route0(.post, "/admin/medborgare/installningar", .staff(.administerKommun))
    static let publicInformationSave = Route0(.post, "/admin/medborgare/information", .staff(.administerKommun))
    static let open311KeyAdd = Route0(.post, "/admin/medborgare/nycklar", .staff(.administerKommun))
    static let open311KeyRevoke = Route1<UUID>(.post, "/admin/medborgare/nycklar/{id}/sparra", .staff(.administerKommun))

    // MARK: Åtgärdsplan
    static let plan = Route0(.get, "/plan", .staff(.readPlan))
    static let planYear = Route1<Int>(.get, "/plan/{year}", .staff(.readPlan))
    static let planExportCSV = Route1<Int>(.get, "/plan/{year}/export.csv", .staff(.readPlan))
    static let planExportXlsx = Route1<Int>(.get, "/plan/{year}/export.xlsx", .staff(.readPlan))
    static let planImport = Route0(.post, "/plan/import", .staff(.editPlan))
    /// The import's columns with no rows, to fill in: a kommun's first plan has nothing to export.
    static let planTemplateCSV = Route0(.get, "/plan/mall.csv", .staff(.editPlan))
    static let planTemplateXlsx = Route0(.get, "/plan/mall.xlsx", .staff(.editPlan))
    static let planAdopt = Route1<Int>(.post, "/plan/{year}/anta", .staff(.editPlan))
    static let planCopy = Route1<Int>(.post, "/plan/{year}/kopiera", .staff(.editPlan))
    static let measure = Route1<UUID>(.get, "/plan/atgard/{id}", .staff(.readPlan))
    static let measureSave = Route1<UUID>(.post, "/plan/atgard/{id}", .staff(.editPlan))
    static let measureRetire = Route1<UUID>(.post, "/plan/atgard/{id}/utgatt", .staff(.editPlan))
    static let measureReinstate = Route1<UUID>(.post, "/plan/atgard/{id}/aterinfor", .staff(.editPlan))
    static let measureIndicatorRemove = Route2<UUID, UUID>(.post, "/plan/atgard/{id}/indikator/{indicator}/ta-bort", .staff(.editPlan))
    static let measureNew = Route1<Int>(.get, "/plan/{year}/ny-atgard", .staff(.editPlan))
    static let measureCreate = Route1<Int>(.post, "/plan/{year}/ny-atgard", .staff(.editPlan))
    static let governingDocuments = Route0(.get, "/plan/styrdokument", .staff(.readPlan))
    static let governingDocumentAdd = Route0(.post, "/plan/styrdokument", .staff(.editPlan))
    static let governingDocumentSave = Route1<UUID>(.post, "/plan/styrdokument/{id}", .staff(.editPlan))

    // MARK: Uppföljning
    static let followUp = Route0(.get, "/uppfoljning", .staff(.readPlan))
    static let followUpOpen = Route0(.post, "/uppfoljning", .staff(.editPlan))
    static let followUpRound = Route1<UUID>(.get, "/uppfoljning/{id}", .staff(.answerFollowUp))
    static let followUpSendBack = Route1<UUID>(.post, "/uppfoljning/{id}/aterskicka", .staff(.editPlan))
    static let followUpClose = Route1<UUID>(.post, "/uppfoljning/{id}/stang", .staff(.editPlan))
    static let followUpRemind = Route1<UUID>(.post, "/uppfoljning/{id}/paminn", .staff(.editPlan))
    static let followUpAssessment = Route1<UUID>(.post, "/uppfoljning/{id}/bedomning", .staff(.editPlan))
    static let followUpReport = Route1<UUID>(.get, "/uppfoljning/{id}/rapport", .staff(.readFollowUpReport))
    static let followUpReportDocx = Route1<UUID>(.get, "/uppfoljning/{id}/rapport.docx", .staff(.readFollowUpReport))
    static let followUpMine = Route1<UUID>(.get, "/uppfoljning/{id}/mina", .staff(.answerFollowUp))
    static let followUpAnswer = Route2<UUID, UUID>(.post, "/uppfoljning/{id}/svar/{measure}", .staff(.answerFollowUp))

    // MARK: EST
    static let est = Route0(.get, "/est", .staff(.reportIncident))
    static let incidentForm = Route0(.get, "/est/rapportera", .staff(.reportIncident))
    static let incidentReport = Route0(.post, "/est/rapportera", .staff(.reportIncident))
    static let incidents = Route0(.get, "/est/handelser", .staff(.reportIncident))
    static let incidentImport = Route0(.post, "/est/handelser/import", .staff(.leadEST))
    static let incidentExportCSV = Route0(.get, "/est/handelser/export.csv", .staff(.readAllIncidents))
    static let incidentExportXlsx = Route0(.get, "/est/handelser/export.xlsx", .staff(.readAllIncidents))
    static let gatherings = Route0(.get, "/est/sammankomster", .staff(.readAllIncidents))
    static let gatheringImport = Route0(.post, "/est/sammankomster/import", .staff(.leadEST))
    static let gatheringAdd = Route0(.post, "/est/sammankomster", .staff(.leadEST))
    static let incident = Route1<UUID>(.get, "/est/handelser/{id}", .staff(.reportIncident))
    static let incidentCorrect = Route1<UUID>(.post, "/est/handelser/{id}", .staff(.reportIncident))
    static let week = Route1<ISOWeek>(.get, "/est/vecka/{week}", .staff(.reportIncident))
    static let weekReport = Route1<ISOWeek>(.get, "/est/vecka/{week}/rapport", .staff(.reportIncident))
    static let weekReportDocx = Route1<ISOWeek>(.get, "/est/vecka/{week}/rapport.docx", .staff(.reportIncident))
    static let weekReportJSON = Route1<ISOWeek>(.get, "/est/vecka/{week}/rapport.json", .staff(.reportIncident))
    static let weekAssess = Route1<ISOWeek>(.post, "/est/vecka/{week}/bedomning", .staff(.leadEST))
    static let weekPublish = Route1<ISOWeek>(.post, "/est/vecka/{week}/publicera", .staff(.leadEST))
    static let weekPlaceAdd = Route1<ISOWeek>(.post, "/est/vecka/{week}/platser", .staff(.leadEST))
    static let weekPlaceRemove = Route2<ISOWeek, UUID>(.post, "/est/vecka/{week}/platser/{id}/ta-bort", .staff(.leadEST))
    static let weekInsatsAdd = Route1<ISOWeek>(.post, "/est/vecka/{week}/insatser", .staff(.leadEST))
    static let weekInsatsFollowUp = Route2<ISOWeek, UUID>(.post, "/est/vecka/{week}/insatser/{id}/uppfoljning", .staff(.leadEST))
    static let insatser = Route0(.get, "/est/insatser", .staff(.readAllIncidents))
    static let insats = Route1<UUID>(.get, "/est/insatser/{id}", .staff(.readAllIncidents))
    static let categories = Route0(.get, "/est/kategorier", .staff(.leadEST))
    static let categorySave = Route0(.post, "/est/kategorier", .staff(.leadEST))
    static let trends = Route0(.get, "/est/trender", .staff(.readAllIncidents))
    static let hotspots = Route0(.get, "/est/hotspots", .staff(.readAllIncidents))

    // MARK: Residents' tips, staff side
    static let citizenReports = Route0(.get, "/medborgare", .staff(.moderateCitizenReports))
    static let citizenReport = Route1<UUID>(.get, "/medborgare/{id}", .staff(.moderateCitizenReports))
    /// One action of the review (`publicera`, `avvisa`, …); see `ModerationRoutes`.
    static func citizenReview(_ action: String) -> Route1<UUID> {
        Route1(.post, "/medborgare/{id}/\(action)", .staff(.moderateCitizenReports))
    }
    static let citizenReviewActions = ["godkann", "redigera", "avvisa", "dubblett", "svara", "avsluta", "est", "insats", "radera-kontakt"]

    // MARK: Lägesbild
    static let crimeFigures = Route0(.get, "/lagesbild/brott", .staff(.readCrimeStatistics))
    static let crimeFiguresCSV = Route0(.get, "/lagesbild/brott.csv", .staff(.readCrimeStatistics))
    static let crimeFiguresJSON = Route0(.get, "/lagesbild/brott.json", .staff(.readCrimeStatistics))
    static let crimeImport = Route0(.post, "/lagesbild/brott/import", .staff(.editLagesbild))
    static let populationImport = Route0(.post, "/lagesbild/befolkning/import", .staff(.editLagesbild))
    static let regionalComparison = Route0(.get, "/lagesbild/jamforelse", .staff(.readCrimeStatistics))
    static let regionalImport = Route0(.post, "/lagesbild/jamforelse/import", .staff(.editLagesbild))
    static let sources = Route0(.get, "/lagesbild/kallor", .staff(.readCrimeStatistics))
    static let sourceAdd = Route0(.post, "/lagesbild/kallor", .staff(.editLagesbild))
    static let sourceSave = Route1<UUID>(.post, "/lagesbild/kallor/{id}", .staff(.editLagesbild))
    /// The section's own address, as people type it or shorten a link: it leads to the documents.
    static let lagesbildSection = Route0(.get, "/lagesbild", .staff(.readCrimeStatistics))
    static let lagesbildDocuments = Route0(.get, "/lagesbild/dokument", .staff(.readCrimeStatistics))
    static let lagesbildCreate = Route0(.post, "/lagesbild/dokument", .staff(.editLagesbild))
    static let lagesbildDocument = Route1<UUID>(.get, "/lagesbild/dokument/{id}", .staff(.readCrimeStatistics))
    static let lagesbildTexts = Route1<UUID>(.post, "/lagesbild/dokument/{id}/text", .staff(.editLagesbild))
    static let lagesbildProblemAdd = Route1<UUID>(.post, "/lagesbild/dokument/{id}/problem", .staff(.editLagesbild))
    static let lagesbildProblemSave = Route2<UUID, UUID>(.post, "/lagesbild/dokument/{id}/problem/{problem}", .staff(.editLagesbild))
    static let lagesbildProblemRemove = Route2<UUID, UUID>(.post, "/lagesbild/dokument/{id}/problem/{problem}/ta-bort", .staff(.editLagesbild))
    static let lagesbildPolice = Route1<UUID>(.post, "/lagesbild/dokument/{id}/polisen", .staff(.readCrimeStatistics))
    static let lagesbildNextPlan = Route1<UUID>(.post, "/lagesbild/dokument/{id}/nasta-plan", .staff(.editPlan))
    static let lagesbildDecide = Route1<UUID>(.post, "/lagesbild/dokument/{id}/besluta", .staff(.decideLagesbild))
    static let lagesbildReport = Route1<UUID>(.get, "/lagesbild/dokument/{id}/rapport", .staff(.readCrimeStatistics))
    static let lagesbildReportDocx = Route1<UUID>(.get, "/lagesbild/dokument/{id}/rapport.docx", .staff(.readCrimeStatistics))

    static let policeAreas = Route0(.get, "/lagesbild/utsatta-omraden", .staff(.readCrimeStatistics))
    static let influence = Route0(.get, "/lagesbild/kriminell-paverkan", .staff(.readCrimeStatistics))
    static let influenceSave = Route0(.post, "/lagesbild/kriminell-paverkan", .staff(.readCrimeStatistics))
    static let influenceScale = Route0(.post, "/lagesbild/kriminell-paverkan/skala", .staff(.editLagesbild))
    static let criteria = Route0(.get, "/lagesbild/eu-kriterier", .staff(.assessOrganisedCrime))
    static let criteriaCreate = Route0(.post, "/lagesbild/eu-kriterier", .staff(.assessOrganisedCrime))
    static let criteriaSettings = Route0(.post, "/lagesbild/eu-kriterier/installningar", .staff(.configureOrganisedCrime))
    static let criteriaAssessment = Route1<UUID>(.get, "/lagesbild/eu-kriterier/{id}", .staff(.assessOrganisedCrime))
    static let criteriaSave = Route1<UUID>(.post, "/lagesbild/eu-kriterier/{id}", .staff(.assessOrganisedCrime))

    // MARK: Enkäter
    static let surveys = Route0(.get, "/enkater", .staff(.readSurveys))
    static let surveyCreate = Route0(.post, "/enkater", .staff(.editSurveys))
    static let surveySettings = Route0(.post, "/enkater/installningar", .staff(.editSurveys))
    static let survey = Route1<UUID>(.get, "/enkater/{id}", .staff(.readSurveys))
    static let surveySave = Route1<UUID>(.post, "/enkater/{id}", .staff(.editSurveys))
    static let surveyCodes = Route1<UUID>(.get, "/enkater/{id}/koder", .staff(.editSurveys))
    static let surveyQuestionAdd = Route1<UUID>(.post, "/enkater/{id}/fragor", .staff(.editSurveys))
    static let surveyCodesCreate = Route1<UUID>(.post, "/enkater/{id}/koder", .staff(.editSurveys))
    static let surveyImport = Route1<UUID>(.post, "/enkater/{id}/import", .staff(.editSurveys))
    static let surveyResults = Route1<UUID>(.get, "/enkater/{id}/resultat", .staff(.readSurveys))
    static let surveyResultsCSV = Route1<UUID>(.get, "/enkater/{id}/resultat.csv", .staff(.readSurveys))
    static let surveyResultsJSON = Route1<UUID>(.get, "/enkater/{id}/resultat.json", .staff(.readSurveys))
    static let surveyResultsXlsx = Route1<UUID>(.get, "/enkater/{id}/resultat.xlsx", .staff(.readSurveys))
    static let surveyResultsDocx = Route1<UUID>(.get, "/enkater/{id}/resultat.docx", .staff(.readSurveys))
    static let surveyTexts = Route1<UUID>(.get, "/enkater/{id}/fritext", .staff(.editSurveys))
    static let surveyShare = Route1<UUID>(.post, "/enkater/{id}/dela", .staff(.editSurveys))
    static let surveyWeights = Route1<UUID>(.post, "/enkater/{id}/viktning", .staff(.editSurveys))
    static let surveyWeightsFromPopulation = Route1<UUID>(.post, "/enkater/{id}/viktning/befolkning", .staff(.editSurveys))
    static let surveyWeightsRemove = Route1<UUID>(.post, "/enkater/{id}/viktning/ta-bort", .staff(.editSurveys))
    static let surveyIndicatorAdd = Route1<UUID>(.post, "/enkater/{id}/indikator", .staff(.editPlan))
    static let surveyComparison = Route1<UUID>(.get, "/enkater/{id}/jamforelse", .staff(.readSurveys))
    static let sharingAccept = Route1<UUID>(.post, "/enkater/avtal/{id}/acceptera", .staff(.editSurveys))
    static let sharingRevoke = Route1<UUID>(.post, "/enkater/avtal/{id}/aterkalla", .staff(.editSurveys))

    // MARK: Samverkan: forums, meetings, decisions
    static let forums = Route0(.get, "/samverkan", .staff(.takePartInForums))
    static let forumCreate = Route0(.post, "/samverkan", .staff(.administerForums))
    static let forum = Route1<UUID>(.get, "/samverkan/forum/{id}", .staff(.takePartInForums))
    static let forumSave = Route1<UUID>(.post, "/samverkan/forum/{id}", .staff(.administerForums))
    static let meetingCreate = Route1<UUID>(.post, "/samverkan/forum/{id}/moten", .staff(.takePartInForums))
    static let meeting = Route1<UUID>(.get, "/samverkan/moten/{id}", .staff(.takePartInForums))
    static let meetingSave = Route1<UUID>(.post, "/samverkan/moten/{id}", .staff(.takePartInForums))
    static let meetingMinutes = Route1<UUID>(.post, "/samverkan/moten/{id}/protokoll", .staff(.takePartInForums))
    static let meetingApprove = Route1<UUID>(.post, "/samverkan/moten/{id}/justera", .staff(.administerForums))
    static let meetingCorrect = Route1<UUID>(.post, "/samverkan/moten/{id}/rattelse", .staff(.takePartInForums))
    static let meetingDecisionAdd = Route1<UUID>(.post, "/samverkan/moten/{id}/beslut", .staff(.takePartInForums))
    static let meetingReport = Route1<UUID>(.get, "/samverkan/moten/{id}/protokoll", .staff(.takePartInForums))
    static let meetingReportDocx = Route1<UUID>(.get, "/samverkan/moten/{id}/protokoll.docx", .staff(.takePartInForums))
    static let decisionFollow = Route1<UUID>(.post, "/samverkan/beslut/{id}", .staff(.takePartInForums))
    static let decisions = Route0(.get, "/samverkan/beslut", .staff(.takePartInForums))
    static let decisionsXlsx = Route0(.get, "/samverkan/beslut.xlsx", .staff(.takePartInForums))
    static let calendar = Route0(.get, "/samverkan/kalender", .staff(.takePartInForums))
    static let calendarFeedRenew = Route0(.post, "/samverkan/kalender/prenumeration", .staff(.takePartInForums))
    static let calendarFeed = Route1<String>(.get, "/kalender/{token}/moten.ics", .feed)
    static let promises = Route0(.get, "/samverkan/medborgarloften", .staff(.takePartInForums))
    static let promiseCreate = Route0(.post, "/samverkan/medborgarloften", .staff(.administerForums))
    static let promise = Route1<UUID>(.get, "/samverkan/medborgarloften/{id}", .staff(.takePartInForums))
    static let promiseSave = Route1<UUID>(.post, "/samverkan/medborgarloften/{id}", .staff(.administerForums))
    static let promisePublish = Route1<UUID>(.post, "/samverkan/medborgarloften/{id}/publicera", .staff(.administerForums))
    static let promiseFollowUp = Route1<UUID>(.post, "/samverkan/medborgarloften/{id}/uppfoljning", .staff(.takePartInForums))
    static let walks = Route0(.get, "/samverkan/vandringar", .staff(.takePartInForums))
    static let walkCreate = Route0(.post, "/samverkan/vandringar", .staff(.conductWalks))
    static let walk = Route1<UUID>(.get, "/samverkan/vandringar/{id}", .staff(.takePartInForums))
    static let walkSave = Route1<UUID>(.post, "/samverkan/vandringar/{id}", .staff(.conductWalks))
    static let walkObservationAdd = Route1<UUID>(.post, "/samverkan/vandringar/{id}/observationer", .staff(.conductWalks))
    static let walkObservationCause = Route2<UUID, UUID>(.post, "/samverkan/vandringar/{id}/observationer/{observation}/orsak", .staff(.conductWalks))
    static let walkCauseAdd = Route1<UUID>(.post, "/samverkan/vandringar/{id}/orsaker", .staff(.conductWalks))
    static let walkCauseRemove = Route2<UUID, UUID>(.post, "/samverkan/vandringar/{id}/orsaker/{cause}/ta-bort", .staff(.conductWalks))
    static let walkPhoto = Route2<UUID, UUID>(.get, "/samverkan/vandringar/{id}/bilder/{observation}", .staff(.takePartInForums))
    static let walkMeasureAdd = Route1<UUID>(.post, "/samverkan/vandringar/{id}/atgarder", .staff(.conductWalks))
    static let walkMeasureDecide = Route2<UUID, UUID>(.post, "/samverkan/vandringar/{id}/atgarder/{measure}", .staff(.administerForums))
    static let walkMeasureInsats = Route2<UUID, UUID>(.post, "/samverkan/vandringar/{id}/atgarder/{measure}/insats", .staff(.leadEST))
    static let walkPublish = Route1<UUID>(.post, "/samverkan/vandringar/{id}/publicera", .staff(.administerForums))

    // MARK: LOS and ROS
    static let inspections = Route0(.get, "/los", .staff(.readInspections))
    static let inspectionCreate = Route0(.post, "/los", .staff(.planInspections))
    static let inspection = Route1<UUID>(.get, "/los/insatser/{id}", .staff(.readInspections))
    static let inspectionSave = Route1<UUID>(.post, "/los/insatser/{id}", .staff(.planInspections))
    static let inspectionParticipants = Route1<UUID>(.post, "/los/insatser/{id}/deltagare", .staff(.planInspections))
    static let inspectionVisitAdd = Route1<UUID>(.post, "/los/insatser/{id}/objekt", .staff(.readInspections))
    static let inspectionFinding = Route2<UUID, UUID>(.post, "/los/insatser/{id}/besok/{visit}", .staff(.readInspections))
    static let inspectedObjects = Route0(.get, "/los/objekt", .staff(.readInspections))
    static let inspectedObject = Route1<UUID>(.get, "/los/objekt/{id}", .staff(.readInspections))
    static let revisits = Route0(.get, "/los/aterbesok", .staff(.readInspections))
    static let inspectionStatistics = Route0(.get, "/los/statistik", .staff(.readInspections))
    static let inspectionStatisticsDocx = Route0(.get, "/los/statistik.docx", .staff(.readInspections))
    static let inspectionStatisticsCSV = Route0(.get, "/los/statistik.csv", .staff(.readInspections))
    static let inspectionSettings = Route0(.get, "/los/installningar", .staff(.planInspections))
    static let inspectionSettingsSave = Route0(.post, "/los/installningar", .staff(.planInspections))
    static let rosOffer = Route0(.post, "/los/ros", .staff(.planInspections))
    static let rosAccept = Route1<UUID>(.post, "/los/ros/{id}/acceptera", .staff(.planInspections))
    static let rosRevoke = Route1<UUID>(.post, "/los/ros/{id}/aterkalla", .staff(.planInspections))

    // MARK: Public pages of a kommun
    static let publicHome = Route1<String>(.get, "/k/{kommun}", .public)
    static let tipForm = Route1<String>(.get, "/k/{kommun}/tipsa", .public)
    static let tipSubmit = Route1<String>(.post, "/k/{kommun}/tipsa", .public)
    static let tipStatus = Route2<String, String>(.get, "/k/{kommun}/arende/{token}", .public)
    static let tipContactErase = Route2<String, String>(.post, "/k/{kommun}/arende/{token}/radera-epost", .public)
    static let surveyForm = Route2<String, String>(.get, "/k/{kommun}/enkat/{code}", .public)
    static let surveySubmit = Route2<String, String>(.post, "/k/{kommun}/enkat/{code}", .public)
    static let surveyThanks = Route2<String, String>(.get, "/k/{kommun}/enkat/{code}/tack", .public)
    static let publicWalk = Route2<String, UUID>(.get, "/k/{kommun}/vandringar/{id}", .public)
    static let publicPrivacy = Route1<String>(.get, "/k/{kommun}/personuppgifter", .public)
    static let publicAccessibility = Route1<String>(.get, "/k/{kommun}/tillganglighet", .public)

    // MARK: JSON API
    static let openAPI = Route0(.get, "/api/v1/openapi.json", .plain)
    static let apiMe = Route0(.get, "/api/v1/me", .api(nil))
    static let apiOrganisations = Route0(.get, "/api/v1/organisations", .api(.readReferenceData))
    static let apiAreas = Route0(.get, "/api/v1/areas", .api(.readReferenceData))
    static let apiIncidents = Route0(.get, "/api/v1/incidents", .api(.reportIncident))
    static let apiIncident = Route1<UUID>(.get, "/api/v1/incidents/{id}", .api(.reportIncident))
    static let apiIncidentCreate = Route0(.post, "/api/v1/incidents", .api(.reportIncident))

    // MARK: Open311 GeoReport v2
    static let open311Base = "/open311/v2"
    static let open311Formats = ["json", "xml"]
    static func open311Discovery(_ format: String) -> Route0 { Route0(.get, "\(open311Base)/discovery.\(format)", .open311) }
    static func open311Services(_ format: String) -> Route0 { Route0(.get, "\(open311Base)/services.\(format)", .open311) }
    static func open311Requests(_ format: String) -> Route0 { Route0(.get, "\(open311Base)/requests.\(format)", .open311) }
    static func open311Post(_ format: String) -> Route0 { Route0(.post, "\(open311Base)/requests.\(format)", .open311) }
    static let open311Service = Route1<String>(.get, "\(open311Base)/services/{file}", .open311)
    static let open311Request = Route1<String>(.get, "\(open311Base)/requests/{file}", .open311)
    static let open311Token = Route1<String>(.get, "\(open311Base)/tokens/{file}", .open311)

    /// The routes whose pattern fits a path, whatever their method: answers 405 (with `Allow`)
    /// instead of 404 when the path exists but not for the method asked.
    static func routes(matching path: String) -> [RouteDescription] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        return all.filter { route in
            let expected = route.pattern.split(separator: "/", omittingEmptySubsequences: false)
            return expected.count == segments.count
                && zip(expected, segments).allSatisfy { $0.hasPrefix("{") ? !$1.isEmpty : $0 == $1 }
        }
    }

    /// Every route above, for the inventory test and the route-scope checks.
    static let all: [RouteDescription] =
        [
            health.route, metrics.route, staticFile.route, leafletFile.route, faviconICO.route,
            login.route, loginSubmit.route, loginCode.route, loginCodeSubmit.route, logout.route, passwordForgot.route, passwordForgotSubmit.route,
            passwordReset.route, passwordResetSubmit.route,
            account.route, accountPassword.route, accountNotices.route, accountSessionsEnd.route, twoStepStart.route, twoStepActivate.route,
            twoStepDisable.route,
            home.route, search.route, help.route, organisations.route, organisationAdd.route, organisationSave.route, organisationRetire.route,
            organisationReinstate.route,
            organisationMoveUsers.route,
            areas.route, area.route, areaAdd.route,
            areaImport.route,
            areaSave.route, areaDelete.route, areaRetire.route, areaReinstate.route,
            users.route, userAdd.route, user.route, userSave.route, userPassword.route, userPasswordLink.route, userSecondFactorOff.route, userDisable.route,
            userEnable.route,
            audit.route, auditExport.route, kommunExport.route, outbox.route,
            citizenAdmin.route, citizenSettings.route, publicInformationSave.route, open311KeyAdd.route, open311KeyRevoke.route,
            plan.route, planYear.route, planExportCSV.route, planExportXlsx.route, planImport.route, planTemplateCSV.route, planTemplateXlsx.route,
            planAdopt.route, planCopy.route,
            measure.route, measureSave.route, measureRetire.route, measureReinstate.route, measureIndicatorRemove.route, measureNew.route, measureCreate.route,
            governingDocuments.route, governingDocumentAdd.route, governingDocumentSave.route,
            followUp.route, followUpOpen.route, followUpRound.route, followUpSendBack.route, followUpClose.route, followUpRemind.route,
            followUpAssessment.route,
            followUpReport.route, followUpReportDocx.route, followUpMine.route, followUpAnswer.route,
            est.route, incidentForm.route, incidentReport.route, incidents.route, incidentImport.route, incidentExportCSV.route, incidentExportXlsx.route,
            gatherings.route, gatheringImport.route,
            gatheringAdd.route, incident.route,
            incidentCorrect.route,
            week.route, weekReport.route, weekReportDocx.route, weekReportJSON.route, weekAssess.route, weekPublish.route,
            weekPlaceAdd.route, weekPlaceRemove.route, weekInsatsAdd.route, weekInsatsFollowUp.route,
            insatser.route, insats.route, categories.route, categorySave.route, trends.route, hotspots.route,
            citizenReports.route, citizenReport.route,
            crimeFigures.route, crimeFiguresCSV.route, crimeFiguresJSON.route, crimeImport.route, populationImport.route,
            regionalComparison.route, regionalImport.route,
            sources.route, sourceAdd.route, sourceSave.route, lagesbildSection.route, lagesbildDocuments.route, lagesbildCreate.route, lagesbildDocument.route,
            lagesbildTexts.route, lagesbildProblemAdd.route, lagesbildProblemSave.route, lagesbildProblemRemove.route, lagesbildPolice.route,
            lagesbildNextPlan.route, lagesbildDecide.route,
            lagesbildReport.route, lagesbildReportDocx.route, policeAreas.route, influence.route, influenceSave.route, influenceScale.route, criteria.route,
            criteriaCreate.route, criteriaSettings.route,
            criteriaAssessment.route,
            criteriaSave.route,
            surveys.route, surveyCreate.route, surveySettings.route, survey.route, surveySave.route, surveyQuestionAdd.route, surveyCodes.route,
            surveyCodesCreate.route,
            surveyImport.route,
            surveyResults.route, surveyResultsCSV.route, surveyResultsJSON.route, surveyResultsXlsx.route, surveyResultsDocx.route, surveyTexts.route,
            surveyShare.route, surveyWeights.route, surveyWeightsFromPopulation.route, surveyWeightsRemove.route, surveyIndicatorAdd.route,
            surveyComparison.route,
            sharingAccept.route, sharingRevoke.route,
            forums.route, forumCreate.route, forum.route, forumSave.route, meetingCreate.route, meeting.route, meetingSave.route, meetingMinutes.route,
            meetingApprove.route, meetingCorrect.route, meetingDecisionAdd.route, meetingReport.route, meetingReportDocx.route, decisionFollow.route,
            decisions.route, decisionsXlsx.route,
            calendar.route, calendarFeedRenew.route, calendarFeed.route, promises.route, promiseCreate.route, promise.route, promiseSave.route,
            promisePublish.route, promiseFollowUp.route, walks.route, walkCreate.route, walk.route, walkSave.route, walkObservationAdd.route,
            walkObservationCause.route, walkCauseAdd.route, walkCauseRemove.route, walkPhoto.route, walkMeasureAdd.route, walkMeasureDecide.route,
            walkMeasureInsats.route, walkPublish.route,
            publicWalk.route,
            inspections.route, inspectionCreate.route, inspection.route, inspectionSave.route, inspectionParticipants.route, inspectionVisitAdd.route,
            inspectionFinding.route, inspectedObjects.route, inspectedObject.route, revisits.route, inspectionStatistics.route, inspectionStatisticsDocx.route,
            inspectionStatisticsCSV.route, inspectionSettings.route,
            inspectionSettingsSave.route, rosOffer.route, rosAccept.route, rosRevoke.route,
            publicHome.route, tipForm.route, tipSubmit.route, tipStatus.route, tipContactErase.route, surveyForm.route, surveySubmit.route, surveyThanks.route,
            publicPrivacy.route, publicAccessibility.route,
            openAPI.route, apiMe.route, apiOrganisations.route, apiAreas.route, apiIncidents.route, apiIncident.route, apiIncidentCreate.route,
            open311Service.route, open311Request.route, open311Token.route,
        ] + citizenReviewActions.map { citizenReview($0).route }
        + open311Formats.flatMap { [open311Discovery($0).route, open311Services($0).route, open311Requests($0).route, open311Post($0).route] }
}
