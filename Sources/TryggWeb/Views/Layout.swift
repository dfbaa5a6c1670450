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

    init(title: String, context: TryggRequestContext, currentTemplate: String, notice: String?, error: String?) {
        self.title = title
        csrf = context.csrfToken
        self.notice = notice
        self.error = error
        guard let user = context.session?.account else {
            self.user = nil
            nav = []
            return
        }
        self.user = SignedIn(name: user.name, role: user.role.displayName, organisation: user.organisation.abbreviation,
                             kommun: user.kommun.name)
        let section = currentTemplate.split(separator: "-").first.map(String.init) ?? currentTemplate
        nav = Self.modules(for: user.role).map { NavItem(label: $0.label, href: $0.href, current: $0.section == section) }
    }

    /// The modules that exist, in the order a user meets them. Only what the role may open is shown.
    static func modules(for role: Role) -> [(label: String, href: String, section: String)] {
        var items: [(String, String, String)] = [("Start", "/", "home")]
        if role.allows(.readPlan) { items.append(("Åtgärdsplan", "/plan", "plan")) }
        if role.allows(.answerFollowUp) || role.allows(.readFollowUpReport) { items.append(("Uppföljning", "/uppfoljning", "followup")) }
        if role.allows(.reportIncident) { items.append(("EST", "/est", "est")) }
        if role.allows(.moderateCitizenReports) { items.append(("Medborgartips", "/medborgare", "citizen")) }
        if role.allows(.readReferenceData) {
            items.append(("Områden", "/omraden", "areas"))
            items.append(("Organisationer", "/organisationer", "organisations"))
        }
        if role.allows(.administerKommun) {
            items.append(("Användare", "/admin/anvandare", "users"))
            items.append(("Granskningslogg", "/admin/logg", "audit"))
            items.append(("Tips och Open311", "/admin/medborgare", "citizenadmin"))
        }
        items.append(("Mitt konto", "/konto", "account"))
        return items
    }
}
