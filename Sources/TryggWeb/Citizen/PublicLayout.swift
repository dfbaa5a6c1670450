import Foundation
import Hummingbird
import TryggCore

/// The frame of the public pages: the kommun's name instead of Trygg's staff navigation.
struct PublicLayout {
    let title: String
    /// "sv" when a Swedish title stands on a page in English (a survey without an English title).
    let titleLanguage: String?
    let kommun: String
    let slug: String
    let csrf: String
    let onHome: Bool
    let onForm: Bool
    let homeHref: String
    let tipHref: String
    /// The kommun's published tips as Open311 JSON, for those who build on them.
    let open311Href: String
    /// The kommun's statements every public page links to in its footer.
    let privacyHref: String
    let accessibilityHref: String
    let notice: String?
    let error: String?

    init(
        title: String, titleLanguage: String? = nil, kommun: Kommun, context: TryggRequestContext, page: Template, notice: String? = nil,
        error: String? = nil
    ) {
        self.title = title
        self.titleLanguage = titleLanguage
        self.kommun = kommun.name
        slug = kommun.slug
        csrf = RandomToken.masked(context.csrfToken)
        onHome = page == .publicHome
        onForm = page == .publicReport
        homeHref = SiteRoutes.publicHome.path(kommun.slug) + "/"
        tipHref = SiteRoutes.tipForm.path(kommun.slug)
        open311Href = SiteRoutes.open311Requests("json").path(query: [("jurisdiction_id", kommun.slug)])
        privacyHref = SiteRoutes.publicPrivacy.path(kommun.slug)
        accessibilityHref = SiteRoutes.publicAccessibility.path(kommun.slug)
        self.notice = notice
        self.error = error
    }
}

extension Renderer {
    func publicPage(
        _ template: Template, title: String, titleLanguage: String? = nil, kommun: Kommun, context: TryggRequestContext, content: Any,
        notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        let layout = PublicLayout(
            title: title, titleLanguage: titleLanguage, kommun: kommun, context: context, page: template, notice: notice, error: error)
        return html(template, ["layout": layout, "page": content], status: status)
    }
}

/// Times residents see: approximate on purpose (week and year), never the minute.
enum PublicTime {
    static func week(_ date: Date) -> String {
        let local = StockholmCalendar.local(date)
        return "vecka \(local.week.week) \(local.week.year)"
    }
}
