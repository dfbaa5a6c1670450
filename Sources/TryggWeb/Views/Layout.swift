import TryggCore

/// What every page's frame shows: title, who is logged in, the navigation their role opens.
struct Layout {
    struct NavItem {
        let label: String
        let href: String
        let current: Bool
    }

    struct SignedIn {
        let name: String
        let role: String
        let organisation: String
        let kommun: String
    }

    let title: String
    let csrf: String
    let user: SignedIn?
    let nav: [NavItem]
    let notice: String?
    let error: String?

    /// `route` is the pattern of the route being answered; the module whose page it lies under is
    /// marked as current.
    init(title: String, context: some PageContext, route: String, notice: String?, error: String?) {
        self.title = title
        csrf = RandomToken.masked(context.csrfToken)
        self.notice = notice
        self.error = error
        guard let user = context.pageUser else {
            self.user = nil
            nav = []
            return
        }
        self.user = SignedIn(
            name: user.name, role: user.role.displayName, organisation: user.organisation.abbreviation,
            kommun: user.kommun.name)
        nav = Self.modules(for: user.role, seesInspections: context.seesInspections).map { module in
            let path = module.route.path
            // The lägesbild's pages (figures, sources, documents) share one module.
            let scope = path.hasPrefix("/lagesbild/") ? "/lagesbild" : path
            return NavItem(label: module.label, href: path, current: route == path || (path != "/" && route.hasPrefix(scope + "/")))
        }
    }

    /// The modules that exist, in the order a user meets them. Only what the role may open is
    /// shown; LOS only to those the kommun's LOS settings name.
    static func modules(for role: Role, seesInspections: Bool) -> [(label: String, route: Route0)] {
        var items: [(String, Route0)] = [("Start", SiteRoutes.home)]
        if role.allows(.readCrimeStatistics) { items.append(("Lägesbild", SiteRoutes.lagesbildDocuments)) }
        if role.allows(.readSurveys) { items.append(("Enkäter", SiteRoutes.surveys)) }
        if role.allows(.readPlan) { items.append(("Åtgärdsplan", SiteRoutes.plan)) }
        if role.allows(.answerFollowUp) || role.allows(.readFollowUpReport) { items.append(("Uppföljning", SiteRoutes.followUp)) }
        if role.allows(.reportIncident) { items.append(("EST", SiteRoutes.est)) }
        if role.allows(.takePartInForums) { items.append(("Samverkan", SiteRoutes.forums)) }
        if seesInspections { items.append(("LOS", SiteRoutes.inspections)) }
        if role.allows(.moderateCitizenReports) { items.append(("Medborgartips", SiteRoutes.citizenReports)) }
        if role.allows(.readReferenceData) {
            items.append(("Områden", SiteRoutes.areas))
            items.append(("Organisationer", SiteRoutes.organisations))
        }
        if role.allows(.administerKommun) {
            items.append(("Användare", SiteRoutes.users))
            items.append(("Granskningslogg", SiteRoutes.audit))
            items.append(("Tips och Open311", SiteRoutes.citizenAdmin))
        }
        if role.allows(.readOutbox) { items.append(("Utskick", SiteRoutes.outbox)) }
        items.append(("Mitt konto", SiteRoutes.account))
        return items
    }
}
