import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The admin's page for residents' reports: how long contact details are kept, the rectangle
/// reports must lie in, the statements on personal data and accessibility the public pages link
/// to, and the Open311 API keys (created, shown once, revoked).
struct CitizenAdminRoutes {
    let deps: AppDependencies

    struct KeyLine {
        let id: String
        let revokeAction: String
        let label: String
        let createdBy: String
        let created: String
        let revoked: String
        let active: Bool
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.citizenAdmin) { _, context in
            let user = try context.requireUser(allowedTo: .administerKommun)
            return try await page(user: user, context: context)
        }
        routes.staff(SiteRoutes.citizenSettings) { _, context in
            let user = try context.requireUser(allowedTo: .administerKommun)
            do {
                let settings = try Self.settings(from: try context.decodeForm(CitizenSettingsForm.self))
                try await CitizenSettingsStore(context.kommun).save(settings, by: context.actor)
            } catch let error as StoreError {
                return try await page(user: user, context: context, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.citizenAdmin.path, notice: "Inställningarna är sparade.", context: context)
        }
        routes.staff(SiteRoutes.publicInformationSave) { _, context in
            let user = try context.requireUser(allowedTo: .administerKommun)
            let form = try context.decodeForm(PublicInformationForm.self)
            let information = PublicInformation(
                controller: form.controller, privacyContact: form.privacyContact, accessibilityContact: form.accessibilityContact,
                conformance: PublicInformation.Conformance(rawValue: form.conformance) ?? .partial, knownBarriers: form.knownBarriers,
                assessedOn: form.assessedOn)
            do {
                try await PublicInformationStore(context.kommun).save(information, by: context.actor)
            } catch let error as StoreError {
                return try await page(user: user, context: context, typed: information, error: error.description, status: .badRequest)
            }
            return Response.seeOther(
                SiteRoutes.citizenAdmin.path, notice: "Informationen om personuppgifter och tillgänglighet är sparad.", context: context)
        }
        routes.staff(SiteRoutes.open311KeyAdd) { _, context in
            let user = try context.requireUser(allowedTo: .administerKommun)
            do {
                let key = try await Open311KeyStore(context.kommun).create(
                    label: try context.decodeForm(NameForm.self).name,
                    by: context.actor)
                deps.oneTimeNotes.put(key, for: context.sessionID)
                return Response.seeOther(
                    SiteRoutes.citizenAdmin.path, notice: "Nyckeln är skapad. Kopiera den nu: den visas bara den här gången.", context: context)
            } catch let error as StoreError {
                return try await page(user: user, context: context, error: error.description, status: .badRequest)
            }
        }
        routes.staff(SiteRoutes.open311KeyRevoke) { _, context in
            _ = try context.requireUser(allowedTo: .administerKommun)
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            do {
                try await Open311KeyStore(context.kommun).revoke(id: id, by: context.actor)
                deps.open311Keys.removeAll()
            } catch StoreError.notFound {
                throw HTTPError(.notFound)
            }
            return Response.seeOther(SiteRoutes.citizenAdmin.path, notice: "Nyckeln är spärrad.", context: context)
        }
    }

    static func settings(from form: CitizenSettingsForm) throws -> CitizenSettings {
        guard let days = Int(form.days) else { throw StoreError.invalid("Ange lagringstiden i hela dagar.") }
        let fields = [form.minLat, form.maxLat, form.minLon, form.maxLon].map { $0.replacingOccurrences(of: ",", with: ".") }
        if fields.allSatisfy(\.isEmpty) { return CitizenSettings(bounds: nil, retentionDays: days) }
        let numbers = fields.compactMap(Double.init)
        guard numbers.count == 4, numbers.allSatisfy(\.isFinite) else {
            throw StoreError.invalid("Fyll i alla fyra gränserna som decimaltal (WGS84), eller lämna alla tomma.")
        }
        return CitizenSettings(
            bounds: KommunBounds(
                minLatitude: numbers[0], maxLatitude: numbers[1], minLongitude: numbers[2],
                maxLongitude: numbers[3]), retentionDays: days)
    }

    /// The page; `typed` is a statement the admin sent that could not be saved, shown as she wrote it.
    private func page(
        user: UserAccount, context: StaffContext, typed: PublicInformation? = nil, notice: String? = nil, error: String? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let settings = try await CitizenSettingsStore(context.kommun).settings()
        let information: PublicInformation
        if let typed { information = typed } else { information = try await PublicInformationStore(context.kommun).saved() ?? .defaults(for: user.kommun) }
        let keys = try await Open311KeyStore(context.kommun).all().map {
            KeyLine(
                id: $0.id.uuidString, revokeAction: SiteRoutes.open311KeyRevoke.path($0.id), label: $0.label, createdBy: $0.createdBy,
                created: SwedishTime.date($0.createdAt),
                revoked: $0.revokedAt.map(SwedishTime.date) ?? "", active: $0.revokedAt == nil)
        }
        func text(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        var view: [String: Any] = [
            "days": settings.retentionDays, "minLat": text(settings.bounds?.minLatitude), "maxLat": text(settings.bounds?.maxLatitude),
            "minLon": text(settings.bounds?.minLongitude), "maxLon": text(settings.bounds?.maxLongitude), "keys": keys,
            "slug": user.kommun.slug, "publicHref": SiteRoutes.publicHome.path(user.kommun.slug) + "/",
            "information": PublicInformationRoutes.adminView(information, kommun: user.kommun),
        ]
        if let newKey = deps.oneTimeNotes.take(for: context.sessionID) { view["newKey"] = newKey }
        return deps.renderer.page(
            .citizenadmin, title: "Tips och Open311", context: context, content: view, notice: notice, error: error,
            status: status)
    }
}

/// How long residents' contact details are kept, and the box their tips must fall in.
struct CitizenSettingsForm: Decodable {
    @FormText var days: String
    @FormText var minLat: String
    @FormText var maxLat: String
    @FormText var minLon: String
    @FormText var maxLon: String

    enum CodingKeys: String, CodingKey {
        case days = "dagar"
        case minLat = "min_lat", maxLat = "max_lat", minLon = "min_lon", maxLon = "max_lon"
    }
}

/// A form with just a name (`namn`).
struct NameForm: Decodable {
    @FormText var name: String

    enum CodingKeys: String, CodingKey { case name = "namn" }
}
