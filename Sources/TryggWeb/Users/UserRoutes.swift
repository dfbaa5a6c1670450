import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Admins manage the kommun's users.
struct UserRoutes {
    let deps: AppDependencies

    struct Row {
        let id: String
        let href: String
        let enableAction: String
        let disableAction: String
        let email: String
        let name: String
        let role: String
        let organisation: String
        let secondFactor: Bool
        let lastLogin: String
        let disabled: Bool
        let isSelf: Bool
    }

    struct ListView {
        let rows: [Row]
        let roles: [SelectOption]
        let organisations: [SelectOption]
        let email: String
        let name: String
        let minimumLength: Int
        /// Trygg can send the new user an invitation; otherwise the admin sets a first password.
        let invites: Bool
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.users) { _, context in try await list(context: context) }
        routes.staff(SiteRoutes.userAdd) { _, context in try await add(context: context) }
        routes.staff(SiteRoutes.userDisable) { _, context in try await setDisabled(true, context: context) }
        routes.staff(SiteRoutes.userEnable) { _, context in try await setDisabled(false, context: context) }
        UserPage(deps: deps).register(on: routes)
    }

    private func add(context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .administerKommun)
        let form = try context.decodeForm(NewUserForm.self)
        func failure(_ message: String) async throws -> Response {
            try await list(context: context, keep: form, error: message, status: .badRequest)
        }
        guard let role = Role(rawValue: form.role) else { return try await failure("Välj en roll.") }
        let password = form.password
        // With a relay the form asks for no password: the user gets an invitation to choose one.
        let invites = deps.configuration.mail.hasRelay && password.isEmpty
        let personal = PasswordPolicy.personalWords(email: form.email, name: form.name, in: context.user.kommun)
        if !invites, let problem = PasswordPolicy.problem(with: password, personal: personal) { return try await failure(problem) }
        guard let organisationID = UUID(uuidString: form.organisation),
            let organisation = try await OrganisationStore(context.kommun).organisation(id: organisationID)
        else { return try await failure("Välj en organisation.") }
        do {
            // An invited account's first password is a secret nobody is told: only the link opens it.
            let created = try await UserStore(context.kommun).add(
                organisationAbbreviation: organisation.abbreviation, email: form.email,
                name: form.name, role: role, passwordHash: try await deps.hashPassword(invites ? RandomToken.make() : password), by: context.actor)
            if invites { try await UserInvitation(deps: deps).send(to: created, newAccount: true, context: context) }
            let added = "\(created.email) är tillagd som \(role.displayName.lowercased())"
            return Response.seeOther(
                SiteRoutes.users.path,
                notice: invites ? added + " och har fått en inbjudan att välja sitt lösenord (länken gäller i sju dagar)." : added + ".",
                context: context)
        } catch let error as StoreError {
            return try await failure(error.description)
        }
    }

    private func setDisabled(_ disabled: Bool, context: StaffContext) async throws -> Response {
        let admin = try context.requireUser(allowedTo: .administerKommun)
        let id = try context.parameters.require("id", as: UUID.self)
        guard let target = try await UserStore(context.kommun).account(id: id) else {
            throw HTTPError(.notFound)
        }
        guard target.id != admin.id else {
            return try await list(context: context, error: "Du kan inte inaktivera ditt eget konto.", status: .badRequest)
        }
        try await UserStore(context.kommun).setDisabled(
            userID: target.id, disabled: disabled,
            by: context.actor)
        // The user's API tokens must stop working now, not when the cache would renew them.
        deps.apiTokens.removeAll()
        return Response.seeOther(
            SiteRoutes.users.path, notice: "\(target.email) är \(disabled ? "inaktiverad och utloggad" : "aktiverad igen").", context: context)
    }

    private func list(
        context: StaffContext, keep form: NewUserForm = NewUserForm(), notice: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let admin = try context.requireUser(allowedTo: .administerKommun)
        let users = try await UserStore(context.kommun).accounts()
        let lastLogins = try await UserStore(context.kommun).lastLogins()
        let organisations = try await OrganisationStore(context.kommun).organisations()
        let rows = users.map { user in
            Row(
                id: user.id.uuidString, href: SiteRoutes.user.path(user.id), enableAction: SiteRoutes.userEnable.path(user.id),
                disableAction: SiteRoutes.userDisable.path(user.id),
                email: user.email, name: user.name, role: user.role.displayName,
                organisation: user.organisation.abbreviation, secondFactor: user.secondFactorEnabled,
                lastLogin: Self.lastLogin(lastLogins[user.id]),
                disabled: user.disabled, isSelf: user.id == admin.id)
        }
        let view = ListView(
            rows: rows,
            roles: Self.roleOptions(selected: form.role), organisations: Self.organisationOptions(organisations.current, selected: form.organisation),
            email: form.email, name: form.name, minimumLength: PasswordPolicy.minimumLength, invites: deps.configuration.mail.hasRelay)
        return deps.renderer.page(
            .users, title: "Användare", context: context, content: view,
            notice: notice, error: error, status: status)
    }
}

extension UserRoutes {
    /// "2026-12-03", or "Aldrig" for an account nobody has used: one the admin may disable.
    static func lastLogin(_ date: Date?) -> String { date.map(SwedishTime.date) ?? "Aldrig" }

    /// The roles with what each may do, for the new-user form and a user's own page.
    static func roleOptions(selected: String) -> [SelectOption] {
        Role.allCases.map { SelectOption(value: $0.rawValue, label: "\($0.displayName): \($0.summary)", selected: $0.rawValue == selected) }
    }

    static func organisationOptions(_ organisations: [Organisation], selected: String) -> [SelectOption] {
        organisations.map { SelectOption(value: $0.id.uuidString, label: $0.choiceLabel, selected: $0.id.uuidString == selected) }
    }
}

/// A new user; after a refusal the form shows what was entered, except the password.
struct NewUserForm: Decodable {
    @FormText var email: String
    @FormText var name: String
    @FormText var role: String
    @FormText var organisation: String
    @FormRaw var password: String
}
