import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The two statements every public page links to: how the kommun handles residents' personal
/// data (what Trygg collects and keeps, in the kommun's name) and the accessibility statement
/// the law asks of public-sector web services. The admin sets who answers for them on the page
/// for residents' reports (`CitizenAdminRoutes`).
struct PublicInformationRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.publicPage(SiteRoutes.publicPrivacy) { _, context in
            let kommun = try await PublicReportRoutes.kommun(context, deps: deps)
            let information = try await PublicInformationStore(deps.scope(of: kommun)).saved() ?? .defaults(for: kommun)
            let retention = try await CitizenSettingsStore(deps.scope(of: kommun)).settings().retentionDays
            return deps.renderer.publicPage(
                .publicPrivacy, title: "Så behandlar vi dina personuppgifter", kommun: kommun, context: context,
                content: PrivacyView(
                    information: information, kommun: kommun, retentionDays: retention, tileHost: tileHost))
        }
        routes.publicPage(SiteRoutes.publicAccessibility) { _, context in
            let kommun = try await PublicReportRoutes.kommun(context, deps: deps)
            let information = try await PublicInformationStore(deps.scope(of: kommun)).saved() ?? .defaults(for: kommun)
            return deps.renderer.publicPage(
                .publicAccessibility, title: "Tillgänglighetsredogörelse", kommun: kommun, context: context,
                content: AccessibilityView(information: information, kommun: kommun))
        }
    }

    /// The host residents' browsers fetch map tiles from, when the public maps show tiles at all.
    private var tileHost: String? {
        let map = deps.configuration.map
        guard map.leafletAvailable, let origin = map.tileOrigin else { return nil }
        return origin.components(separatedBy: "://").last?.replacingOccurrences(of: "*.", with: "")
    }

    struct PrivacyView {
        let controller: String
        let kommun: String
        let contact: String
        let retentionDays: Int
        let tileHost: String?
        let imyHref = "https://www.imy.se/"

        init(information: PublicInformation, kommun: Kommun, retentionDays: Int, tileHost: String?) {
            controller = information.controller
            self.kommun = kommun.name
            contact = information.privacyContact
            self.retentionDays = retentionDays
            self.tileHost = tileHost
        }
    }

    struct AccessibilityView {
        let kommun: String
        let phrase: String
        let complete: Bool
        let barriers: [String]
        let hasBarriers: Bool
        let contact: String
        let assessedOn: String
        let diggHref = "https://www.digg.se/tdosanmalan"

        init(information: PublicInformation, kommun: Kommun) {
            self.kommun = kommun.name
            phrase = information.conformance.phrase
            complete = information.conformance == .full
            barriers = information.barrierLines
            hasBarriers = !barriers.isEmpty
            contact = information.accessibilityContact
            assessedOn = information.assessedOn
        }
    }

    /// The admin's form on the page for residents' reports, filled in with what is saved.
    static func adminView(_ information: PublicInformation, kommun: Kommun) -> [String: Any] {
        [
            "controller": information.controller, "privacyContact": information.privacyContact,
            "accessibilityContact": information.accessibilityContact, "knownBarriers": information.knownBarriers,
            "assessedOn": information.assessedOn,
            "conformances": PublicInformation.Conformance.allCases.map {
                ["value": $0.rawValue, "label": "Sidorna är \($0.phrase) lagen", "checked": $0 == information.conformance]
            },
            "privacyHref": SiteRoutes.publicPrivacy.path(kommun.slug),
            "accessibilityHref": SiteRoutes.publicAccessibility.path(kommun.slug),
        ]
    }
}

/// The admin's statements for the public pages.
struct PublicInformationForm: Decodable {
    @FormText var controller: String
    @FormText var privacyContact: String
    @FormText var accessibilityContact: String
    @FormText var conformance: String
    @FormText var knownBarriers: String
    @FormText var assessedOn: String

    enum CodingKeys: String, CodingKey {
        case controller = "ansvarig"
        case privacyContact = "dataskydd_epost"
        case accessibilityContact = "tillganglighet_epost"
        case conformance = "forenlighet"
        case knownBarriers = "brister"
        case assessedOn = "bedomd"
    }
}
