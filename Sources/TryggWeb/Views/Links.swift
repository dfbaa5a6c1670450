/// The addresses templates link to that take no parameter, printed from the route table and
/// available in every template as `{{site.name}}` (the renderer adds them to each page). An
/// address with a parameter comes from the page's own view model (`href`, `action`).
struct Links {
    let home = SiteRoutes.home.path
    let search = SiteRoutes.search.path
    let help = SiteRoutes.help.path
    let login = SiteRoutes.loginSubmit.path
    let loginCode = SiteRoutes.loginCodeSubmit.path
    let logout = SiteRoutes.logout.path
    let passwordForgot = SiteRoutes.passwordForgot.path
    let account = SiteRoutes.account.path
    let accountPassword = SiteRoutes.accountPassword.path
    let accountNotices = SiteRoutes.accountNotices.path
    let accountSessionsEnd = SiteRoutes.accountSessionsEnd.path
    let twoStepStart = SiteRoutes.twoStepStart.path
    let twoStepActivate = SiteRoutes.twoStepActivate.path
    let twoStepDisable = SiteRoutes.twoStepDisable.path
    let areas = SiteRoutes.areas.path
    let areaAdd = SiteRoutes.areaAdd.path
    let areaImport = SiteRoutes.areaImport.path
    let gatherings = SiteRoutes.gatherings.path
    let organisations = SiteRoutes.organisations.path
    let organisationAdd = SiteRoutes.organisationAdd.path
    let users = SiteRoutes.users.path
    let userAdd = SiteRoutes.userAdd.path
    let audit = SiteRoutes.audit.path
    let kommunExport = SiteRoutes.kommunExport.path
    let citizenSettings = SiteRoutes.citizenSettings.path
    let publicInformationSave = SiteRoutes.publicInformationSave.path
    let open311KeyAdd = SiteRoutes.open311KeyAdd.path
    let plan = SiteRoutes.plan.path
    let planImport = SiteRoutes.planImport.path
    let planTemplateCSV = SiteRoutes.planTemplateCSV.path
    let planTemplateXlsx = SiteRoutes.planTemplateXlsx.path
    let governingDocuments = SiteRoutes.governingDocuments.path
    let governingDocumentAdd = SiteRoutes.governingDocumentAdd.path
    let followUp = SiteRoutes.followUp.path
    let followUpOpen = SiteRoutes.followUpOpen.path
    let incidentForm = SiteRoutes.incidentForm.path
    let incidents = SiteRoutes.incidents.path
    let insatser = SiteRoutes.insatser.path
    let categories = SiteRoutes.categories.path
    let categorySave = SiteRoutes.categorySave.path
    let trends = SiteRoutes.trends.path
    let hotspots = SiteRoutes.hotspots.path
    let citizenReports = SiteRoutes.citizenReports.path
    let crimeFigures = SiteRoutes.crimeFigures.path
    let policeAreas = SiteRoutes.policeAreas.path
    let open311Discovery = SiteRoutes.open311Discovery("json").path
    let stylesheet = StaticFiles.path("trygg.css")
    let reportStylesheet = StaticFiles.path("report.css")
    let favicon = StaticFiles.path("favicon.svg")
    let fieldLimits = StaticFiles.path("field-limits.js")
    let menu = StaticFiles.path("menu.js")
    let mapPicker = StaticFiles.path("map-pick.js")
    let inspectedObjects = SiteRoutes.inspectedObjects.path
    let interactiveMap = StaticFiles.path("interactive-map.js")
    let leafletJS = SiteRoutes.leafletFile.path("leaflet.js")
    let leafletCSS = SiteRoutes.leafletFile.path("leaflet.css")
    let clusterJS = SiteRoutes.leafletFile.path("leaflet.markercluster.js")
    let clusterCSS = SiteRoutes.leafletFile.path("MarkerCluster.css")
    let clusterDefaultCSS = SiteRoutes.leafletFile.path("MarkerCluster.Default.css")

    static let shared: [String: String] = Dictionary(
        uniqueKeysWithValues: Mirror(reflecting: Links()).children.compactMap { child in
            (child.value as? String).flatMap { value in child.label.map { ($0, value) } }
        })
}
