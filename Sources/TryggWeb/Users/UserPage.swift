import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// One user as the admin manages them: a new role or organisation when someone moves, a new
/// password when they lost theirs, the second factor turned off when they lost their phone.
struct UserPage {
    let deps: AppDependencies

    struct View {
        let email: String
        let name: String
        let roles: [SelectOption]
        let organisations: [SelectOption]
        let secondFactor: Bool
        let lastLogin: String
        let disabled: Bool
        let isSelf: Bool
        let minimumLength: Int
        let saveAction: String
        let passwordAction: String
        let secondFactorAction: String
        /// With a relay: a link to the user's own address, an invitation again for one who never signed in.
        let linkAction: String?
        let linkIsInvitation: Bool
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.user) { _, context in try await page(context: context) }
        routes.staff(SiteRoutes.userSave) { _, context in try await save(context: context) }
        routes.staff(SiteRoutes.userPassword) { _, context in try await setPassword(context: context) }
        routes.staff(SiteRoutes.userSecondFactorOff) { _, context in try await turnOffSecondFactor(context: context) }
    }

    private func target(_ context: StaffContext) async throws -> UserAccount {
        _ = try context.requireUser(allowedTo: .administerKommun)
        guard let user = try await UserStore(context.kommun).account(id: try context.parameters.require("id", as: UUID.self)) else {
            throw HTTPError(.notFound, message: "Användaren finns inte.")
        }
        return user
    }

    private func page(
        context: StaffContext, typed: UserForm? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try await target(context)
        let role = typed?.role ?? user.role.rawValue, organisation = typed?.organisation ?? user.organisation.id.uuidString
        let lastLogin = try await UserStore(context.kommun).lastLogin(userID: user.id)
        let view = View(
            email: user.email, name: typed?.name ?? user.name,
            roles: UserRoutes.roleOptions(selected: role),
            organisations: UserRoutes.organisationOptions(
                try await OrganisationStore(context.kommun).organisations().offered(keeping: [user.organisation.id]), selected: organisation),
            secondFactor: user.secondFactorEnabled, lastLogin: UserRoutes.lastLogin(lastLogin),
            disabled: user.disabled, isSelf: user.id == context.user.id,
            minimumLength: PasswordPolicy.minimumLength, saveAction: SiteRoutes.userSave.path(user.id),
            passwordAction: SiteRoutes.userPassword.path(user.id), secondFactorAction: SiteRoutes.userSecondFactorOff.path(user.id),
            linkAction: deps.configuration.mail.hasRelay && !user.disabled ? SiteRoutes.userPasswordLink.path(user.id) : nil,
            linkIsInvitation: lastLogin == nil)
        return deps.renderer.page(.userDetail, title: user.name, context: context, content: view, error: error, status: status)
    }

    private func save(context: StaffContext) async throws -> Response {
        let user = try await target(context)
        let form = try context.decodeForm(UserForm.self)
        guard let role = Role(rawValue: form.role), let organisationID = UUID(uuidString: form.organisation) else {
            return try await page(context: context, typed: form, error: "Välj en roll och en organisation.", status: .badRequest)
        }
        if user.id == context.user.id && role != user.role {
            return try await page(context: context, typed: form, error: "Du kan inte byta din egen roll.", status: .badRequest)
        }
        do {
            let saved = try await UserStore(context.kommun).update(
                userID: user.id, name: form.name, role: role, organisationID: organisationID, by: context.actor)
            // A token cached with the old role must not outlive the change.
            deps.apiTokens.removeAll()
            return Response.seeOther(
                SiteRoutes.user.path(user.id),
                notice: "\(saved.email) är sparad: \(saved.role.displayName.lowercased()) i \(saved.organisation.abbreviation).", context: context)
        } catch let error as StoreError {
            return try await page(context: context, typed: form, error: error.description, status: .badRequest)
        }
    }

    private func setPassword(context: StaffContext) async throws -> Response {
        let user = try await target(context)
        let password = try context.decodeForm(NewPasswordForm.self).password
        if let problem = PasswordPolicy.problem(with: password, personal: PasswordPolicy.personalWords(of: user)) {
            return try await page(context: context, error: problem, status: .badRequest)
        }
        try await UserStore(context.kommun).setPassword(userID: user.id, hash: try await deps.hashPassword(password), by: context.actor)
        deps.apiTokens.removeAll()
        return Response.seeOther(
            SiteRoutes.user.path(user.id),
            notice: "\(user.email) har ett nytt lösenord och är utloggad. Ge det på ett säkert sätt och be användaren byta det under Mitt konto.",
            context: context)
    }

    private func turnOffSecondFactor(context: StaffContext) async throws -> Response {
        let user = try await target(context)
        try await UserStore(context.kommun).turnOffSecondFactor(userID: user.id, by: context.actor)
        return Response.seeOther(
            SiteRoutes.user.path(user.id),
            notice: "Tvåstegsverifieringen för \(user.email) är avstängd och användaren utloggad. Be användaren slå på den igen under Mitt konto.",
            context: context)
    }
}

/// What the admin changes about a user; after a refusal the form shows what was chosen.
struct UserForm: Decodable {
    @FormText var name: String
    @FormText var role: String
    @FormText var organisation: String
}

struct NewPasswordForm: Decodable {
    @FormRaw var password: String
}
