import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// "Mitt konto": password change, e-mail, the optional second factor and the user's logins.
struct AccountRoutes {
    let deps: AppDependencies

    struct AccountView {
        let email: String
        let name: String
        let role: String
        let organisation: String
        let kommun: String
        let mayUseSecondFactor: Bool
        let secondFactorEnabled: Bool
        let minimumLength: Int
        let setup: SetupView?
        /// E-mail about the follow-up and the weekly lägesbild.
        let notices: Bool
        let sessions: [SessionLine]
        let hasOtherSessions: Bool
    }

    struct SessionLine {
        let started: String
        let lastUsed: String
        let address: String
        let current: Bool
    }

    struct SetupView {
        let manualKey: String
        let url: String
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.account) { _, context in try await page(context: context) }
        routes.staff(SiteRoutes.accountPassword) { _, context in try await changePassword(context: context) }
        routes.staff(SiteRoutes.accountNotices) { _, context in
            let enabled = try context.decodeForm(NoticesForm.self).notices == "ja"
            try await NoticeRecipientStore(context.kommun).setNotices(enabled, userID: context.user.id, by: context.actor)
            return Response.seeOther(
                SiteRoutes.account.path, notice: enabled ? "Du får e-post från Trygg." : "Trygg skickar inte längre e-post till dig.", context: context)
        }
        routes.staff(SiteRoutes.accountSessionsEnd) { _, context in
            let ended = try await SessionStore(deps.database).endOthers(userID: context.user.id, keeping: context.sessionID, by: context.actor)
            return Response.seeOther(
                SiteRoutes.account.path,
                notice: ended == 0
                    ? "Du var inte inloggad någon annanstans."
                    : ended == 1 ? "Den andra inloggningen är utloggad." : "\(SwedishNumber.integer(ended)) andra inloggningar är utloggade.",
                context: context)
        }
        routes.staff(SiteRoutes.twoStepStart) { _, context in
            let user = context.user
            guard user.role.mayUseSecondFactor else { throw HTTPError(.forbidden) }
            let secret = RandomToken.make(length: 20)
            try await AccountStore(deps.database).storePendingTOTPSecret(userID: user.id, secret: secret)
            // The account page shows the pending secret until it is activated: a reload shows it again.
            return Response.seeOther(
                SiteRoutes.account.path, notice: "Lägg in nyckeln i din autentiseringsapp och ange koden den visar.", context: context)
        }
        routes.staff(SiteRoutes.twoStepActivate) { _, context in
            let user = context.user
            guard user.role.mayUseSecondFactor else { throw HTTPError(.forbidden) }
            guard let secret = try await AccountStore(deps.database).totpSecret(userID: user.id),
                SecondFactor.accepts(code: try context.decodeForm(CodeForm.self).code, secret: secret)
            else {
                return try await page(
                    context: context, error: "Koden stämmer inte. Starta om aktiveringen och försök igen.",
                    status: .badRequest)
            }
            try await AccountStore(deps.database).setSecondFactor(userID: user.id, enabled: true, by: context.actor)
            return Response.seeOther(SiteRoutes.account.path, notice: "Tvåstegsverifiering är aktiverad. Nästa inloggning kräver en kod.", context: context)
        }
        routes.staff(SiteRoutes.twoStepDisable) { _, context in
            let user = context.user
            guard let credentials = try await AccountStore(deps.database).credentials(email: user.email),
                try await deps.verifyPassword(try context.decodeForm(PasswordForm.self).password, hash: credentials.passwordHash)
            else {
                return try await page(context: context, error: "Fel lösenord: tvåstegsverifieringen är kvar.", status: .badRequest)
            }
            try await AccountStore(deps.database).setSecondFactor(userID: user.id, enabled: false, by: context.actor)
            return Response.seeOther(SiteRoutes.account.path, notice: "Tvåstegsverifiering är avstängd.", context: context)
        }
    }

    private func page(
        context: StaffContext, notice: String? = nil, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = context.user
        // Re-read: the session's copy predates a change made by this very request.
        let fresh = try await AccountStore(deps.database).account(id: user.id) ?? user
        // A secret started but not yet confirmed with a code: shown to its owner until activated.
        var setup: SetupView?
        if fresh.role.mayUseSecondFactor, !fresh.secondFactorEnabled, let secret = try await AccountStore(deps.database).totpSecret(userID: user.id) {
            let parts = SecondFactor.setup(secret: secret, email: user.email)
            setup = SetupView(manualKey: parts.manualKey, url: parts.url)
        }
        let sessions = try await SessionStore(deps.database).active(userID: user.id, lifetime: deps.configuration.sessionLifetime)
        let view = AccountView(
            email: fresh.email, name: fresh.name, role: fresh.role.displayName,
            organisation: "\(fresh.organisation.abbreviation) – \(fresh.organisation.name)",
            kommun: fresh.kommun.name, mayUseSecondFactor: fresh.role.mayUseSecondFactor,
            secondFactorEnabled: fresh.secondFactorEnabled, minimumLength: PasswordPolicy.minimumLength,
            setup: setup, notices: try await NoticeRecipientStore(context.kommun).noticesEnabled(userID: user.id),
            sessions: sessions.map {
                SessionLine(
                    started: $0.createdAt.map(SwedishTime.minute) ?? "", lastUsed: SwedishTime.minute($0.lastUsed), address: $0.address,
                    current: $0.id == context.sessionID)
            }, hasOtherSessions: sessions.contains { $0.id != context.sessionID })
        return deps.renderer.page(
            .account, title: "Mitt konto", context: context, content: view,
            notice: notice, error: error, status: status)
    }

    private func changePassword(context: StaffContext) async throws -> Response {
        let user = context.user
        let form = try context.decodeForm(PasswordChangeForm.self)
        let current = form.current
        let new = form.new
        guard new == form.repeated else {
            return try await page(context: context, error: "De två nya lösenorden är inte lika.", status: .badRequest)
        }
        if let problem = PasswordPolicy.problem(with: new, personal: PasswordPolicy.personalWords(of: user)) {
            return try await page(context: context, error: problem, status: .badRequest)
        }
        guard let credentials = try await AccountStore(deps.database).credentials(email: user.email),
            try await deps.verifyPassword(current, hash: credentials.passwordHash)
        else {
            return try await page(context: context, error: "Nuvarande lösenord är fel.", status: .badRequest)
        }
        try await AccountStore(deps.database).changePassword(
            userID: user.id, newHash: try await deps.hashPassword(new), keepingSession: context.sessionID,
            by: context.actor)
        return Response.seeOther(SiteRoutes.account.path, notice: "Lösenordet är bytt. Du har loggats ut på andra enheter.", context: context)
    }
}

/// A one-time code from the authenticator app (also the login's second step).
struct CodeForm: Decodable {
    @FormText var code: String
}

/// The checkbox "E-post från Trygg" ("ja" when ticked; absent when not).
struct NoticesForm: Decodable {
    @FormText var notices: String
}

/// The password, to confirm turning the second factor off.
struct PasswordForm: Decodable {
    @FormRaw var password: String
}

struct PasswordChangeForm: Decodable {
    @FormRaw var current: String
    @FormRaw var new: String
    @FormRaw var repeated: String

    enum CodingKeys: String, CodingKey {
        case current, new
        case repeated = "repeat"
    }
}
