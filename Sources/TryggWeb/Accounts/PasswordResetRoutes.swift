import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// "Glömt lösenordet?": a link to the account's own address sets a new password. Offered only
/// where Trygg has a relay to send it through; otherwise the admin sets one (the user's page).
struct PasswordResetRoutes {
    let deps: AppDependencies

    struct ForgotView {
        let sent: Bool
        let canSend: Bool
        let action = SiteRoutes.passwordForgotSubmit.path
    }

    struct ResetView {
        let valid: Bool
        /// An invitation: the account's first password of its owner's own.
        let first: Bool
        let email: String
        let action: String
        let minimumLength = PasswordPolicy.minimumLength
        let forgotHref = SiteRoutes.passwordForgot.path
    }

    var canSend: Bool { deps.configuration.mail.hasRelay }

    func register(on routes: RouteRegistry) {
        routes.login(SiteRoutes.passwordForgot) { request, context in
            deps.renderer.page(
                .passwordForgot, title: "Glömt lösenordet", context: context,
                content: ForgotView(sent: request.uri.queryParameters["skickat"] != nil, canSend: canSend))
        }
        routes.login(SiteRoutes.passwordForgotSubmit) { _, context in try await requestLink(context: context) }
        routes.login(SiteRoutes.passwordReset) { _, context in
            let token = try context.parameters.require("token")
            let account = try await PasswordResetStore(deps.database).account(token: token)
            return try await resetPage(token: token, account: account, context: context)
        }
        routes.login(SiteRoutes.passwordResetSubmit) { _, context in try await reset(context: context) }
    }

    /// The answer is the same whether or not the address has an account, and the message is
    /// sent after the answer, so neither the page nor its timing tells which addresses exist.
    private func requestLink(context: TryggRequestContext) async throws -> Response {
        guard canSend else { return Response.seeOther(SiteRoutes.passwordForgot.path) }
        guard await deps.loginLimiter.allow(context.clientAddress) else {
            return deps.renderer.page(
                .passwordForgot, title: "Glömt lösenordet", context: context, content: ForgotView(sent: false, canSend: true),
                error: "För många försök från din adress. Vänta en minut och försök igen.", status: .tooManyRequests)
        }
        let email = try context.decodeForm(ForgotForm.self).email
        if let (token, account) = try await PasswordResetStore(deps.database).create(email: email, address: context.clientAddress) {
            let notices = Notices(database: deps.database, kommun: account.kommun, baseURL: deps.configuration.mail.publicURL)
            try await Self.deliver(notices.passwordLink(to: account, token: token), kommun: account.kommun, deps: deps)
        }
        return Response.seeOther(SiteRoutes.passwordForgot.path(query: [("skickat", "1")]))
    }

    /// A message with a link: not due for the outbox job for two minutes, since it is sent here
    /// first and only a message the relay did not take is left for the job.
    static func deliver(_ notice: OutgoingNotice, kommun: Kommun, deps: AppDependencies) async throws {
        let scope = KommunScope(deps.database, kommunID: kommun.id)
        try await OutboxStore(scope).enqueue([notice], firstAttempt: TryggClock.now.addingTimeInterval(120))
        let sender = NoticeSender(database: deps.database, settings: deps.configuration.mail)
        Task { try? await sender.sendNow(key: notice.key, in: scope) }
    }

    /// One who never signed in (an invitation) chooses a password; the others a new one.
    private func resetPage(
        token: String, account: UserAccount?, context: TryggRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        var first = false
        if let account { first = try await UserStore(deps.scope(of: account.kommun)).lastLogin(userID: account.id) == nil }
        return deps.renderer.page(
            .passwordReset, title: first ? "Välj ditt lösenord" : "Välj ett nytt lösenord", context: context,
            content: ResetView(
                valid: account != nil, first: first, email: account?.email ?? "", action: SiteRoutes.passwordResetSubmit.path(token)),
            error: error, status: account == nil ? .notFound : status)
    }

    private func reset(context: TryggRequestContext) async throws -> Response {
        let token = try context.parameters.require("token")
        let store = PasswordResetStore(deps.database)
        guard let account = try await store.account(token: token) else { return try await resetPage(token: token, account: nil, context: context) }
        let form = try context.decodeForm(ResetForm.self)
        if let problem = PasswordPolicy.problem(with: form.password, personal: PasswordPolicy.personalWords(of: account)) {
            return try await resetPage(token: token, account: account, context: context, error: problem, status: .badRequest)
        }
        guard form.password == form.repeated else {
            return try await resetPage(token: token, account: account, context: context, error: "Lösenorden är inte lika.", status: .badRequest)
        }
        let first = try await UserStore(deps.scope(of: account.kommun)).lastLogin(userID: account.id) == nil
        guard try await store.redeem(token: token, newHash: try await deps.hashPassword(form.password), address: context.clientAddress) != nil else {
            return try await resetPage(token: token, account: nil, context: context)
        }
        deps.apiTokens.removeAll()
        return Response.seeOther(SiteRoutes.login.path(query: [(first ? "valt-losenord" : "nytt-losenord", "1")]))
    }
}

struct ForgotForm: Decodable {
    @FormText var email: String
}

struct ResetForm: Decodable {
    @FormRaw var password: String
    @FormRaw var repeated: String

    enum CodingKeys: String, CodingKey {
        case password
        case repeated = "repeat"
    }
}

extension Notices {
    /// The link for a forgotten password, to the account's own address only.
    func passwordLink(to account: UserAccount, token: String) -> OutgoingNotice {
        linkMessage(to: account, token: token, subject: "Välj ett nytt lösenord till Trygg", greeting: "Hej!") { link in
            [
                "Någon, förhoppningsvis du, bad om ett nytt lösenord till Trygg för \(account.email) (\(kommun.name)).", "",
                "Välj ett nytt lösenord här inom en timme: \(link)", "",
                "Länken fungerar en gång. Har du inte bett om den kan du låta bli: ditt lösenord är oförändrat. "
                    + "Har du tvåstegsverifiering behöver du fortfarande koden från din app när du loggar in.",
            ]
        }
    }

    /// A message carrying a link to choose a password: one per link (its key), of the kind the
    /// outbox deletes once the relay has taken it, since the link is a secret.
    func linkMessage(
        to account: UserAccount, token: String, subject: String, greeting: String, lines: (_ link: String) -> [String]
    ) -> OutgoingNotice {
        let body = [greeting, ""] + lines(url(SiteRoutes.passwordReset.path(token))) + ["", "Meddelandet skickades automatiskt av Trygg, \(kommun.name)."]
        return OutgoingNotice(
            key: "lösenordslänk:\(SessionStore.hash(token))", kind: OutboxStore.passwordLinkKind,
            message: MailMessage(to: account.email, subject: subject, body: body.joined(separator: "\n")))
    }
}
