import Foundation
import Hummingbird
import HummingbirdBcrypt
import HummingbirdOTP
import TryggCore
import TryggStore

/// Login with password, the optional TOTP step, and logout.
struct LoginRoutes {
    /// What the login page says to one who arrives from signing out or from a password link.
    static let arrivals: [(parameter: String, notice: String)] = [
        ("utloggad", "Du är utloggad."), ("nytt-losenord", "Lösenordet är bytt. Logga in med det nya."),
        ("valt-losenord", "Välkommen till Trygg! Logga in med ditt lösenord."),
    ]

    let deps: AppDependencies

    struct LoginView {
        let email: String
        let next: String
        /// "Glömt lösenordet?" where Trygg can send the link.
        var canReset = false
    }

    func loginView(email: String, next: String) -> LoginView {
        LoginView(email: email, next: next, canReset: deps.configuration.mail.hasRelay)
    }

    func register(on routes: RouteRegistry) {
        routes.login(SiteRoutes.login) { request, context in
            if context.session != nil { return Response.seeOther(SiteRoutes.home.path) }
            let query = request.uri.queryParameters
            let next = Self.safeNext(query["next"].map(String.init))
            return deps.renderer.page(
                .login, title: "Logga in", context: context, content: loginView(email: "", next: next),
                notice: Self.arrivals.first { query[Substring($0.parameter)] != nil }?.notice)
        }
        routes.login(SiteRoutes.loginSubmit) { _, context in try await login(context: context) }
        routes.login(SiteRoutes.loginCode) { _, context in
            guard context.pendingSession != nil else { return Response.seeOther(SiteRoutes.login.path) }
            return deps.renderer.page(.loginCode, title: "Tvåstegsverifiering", context: context)
        }
        routes.login(SiteRoutes.loginCodeSubmit) { _, context in try await verifyCode(context: context) }
        routes.login(SiteRoutes.logout) { _, context in
            if let session = context.session ?? context.pendingSession {
                try await SessionStore(deps.database).delete(sessionID: session.id)
                try await AuditLog.record(
                    Actor(user: session.account, address: context.clientAddress), action: "loggade ut",
                    objectType: "användare", objectID: session.account.email, on: deps.database.db)
            }
            var response = Response.seeOther(SiteRoutes.login.path(query: [("utloggad", "1")]))
            response.headers.append(.init(name: .setCookie, value: Cookies.expired(name: CookieName.session, secure: deps.configuration.secureCookies)))
            return response
        }
    }

    /// Only local paths, so the login page cannot be used to send people to another site.
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 500 else { return SiteRoutes.home.path }
        return next
    }

    private func login(context: TryggRequestContext) async throws -> Response {
        let form = try context.decodeForm(LoginForm.self)
        let email = AccountStore.normalised(email: form.email)
        let password = form.password
        let next = Self.safeNext(form.next)
        func failure(_ message: String, status: HTTPResponse.Status = .unauthorized) -> Response {
            deps.renderer.page(
                .login, title: "Logga in", context: context, content: loginView(email: email, next: next),
                error: message, status: status)
        }
        guard await deps.loginLimiter.allow(context.clientAddress) else {
            return failure("För många inloggningsförsök från din adress. Vänta en minut och försök igen.", status: .tooManyRequests)
        }
        guard !email.isEmpty, !password.isEmpty, password.utf8.count <= 200 else {
            return failure("Fyll i e-postadress och lösenord.", status: .badRequest)
        }
        let accounts = AccountStore(deps.database)
        guard let credentials = try await accounts.credentials(email: email) else {
            // Spend the same time as a real check so response time does not reveal which accounts exist.
            _ = try await deps.verifyPassword(password, hash: Self.timingDummyHash)
            return failure("Fel e-postadress eller lösenord.")
        }
        if let lockedUntil = credentials.lockedUntil, lockedUntil > Date() {
            return failure(
                "Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen efter \(SwedishTime.clock(lockedUntil)).",
                status: .tooManyRequests)
        }
        guard try await deps.verifyPassword(password, hash: credentials.passwordHash) else {
            if let lockedUntil = try await accounts.recordFailedLogin(
                userID: credentials.account.id, rule: deps.lockoutRule,
                address: context.clientAddress)
            {
                return failure("För många misslyckade försök: kontot är låst till \(SwedishTime.clock(lockedUntil)).", status: .tooManyRequests)
            }
            return failure("Fel e-postadress eller lösenord.")
        }
        guard !credentials.account.disabled else { return failure("Kontot är inaktiverat. Kontakta kommunens administratör.", status: .forbidden) }
        // Only failed attempts count against the address; see RateLimiter.refund.
        await deps.loginLimiter.refund(context.clientAddress)
        try await accounts.recordSuccessfulLogin(userID: credentials.account.id)
        let needsCode = credentials.totpSecret != nil
        let token = try await SessionStore(deps.database).create(
            userID: credentials.account.id, secondFactorPending: needsCode, address: context.clientAddress,
            lifetime: needsCode ? 300 : deps.configuration.sessionLifetime)
        if !needsCode {
            try await AuditLog.record(
                Actor(user: credentials.account, address: context.clientAddress), action: "loggade in",
                objectType: "användare", objectID: email, on: deps.database.db)
        }
        var response = Response.seeOther(needsCode ? SiteRoutes.loginCode.path(query: [("next", next)]) : next)
        response.headers.append(
            .init(
                name: .setCookie,
                value: Cookies.header(
                    name: CookieName.session, value: token, maxAge: nil, secure: deps.configuration.secureCookies)))
        return response
    }

    private func verifyCode(context: TryggRequestContext) async throws -> Response {
        guard let pending = context.pendingSession else { return Response.seeOther(SiteRoutes.login.path) }
        let accounts = AccountStore(deps.database)
        guard let secret = try await accounts.totpSecret(userID: pending.account.id) else { return Response.seeOther(SiteRoutes.login.path) }
        guard let step = SecondFactor.acceptedStep(code: try context.decodeForm(CodeForm.self).code, secret: secret),
            try await accounts.useTOTPStep(step, userID: pending.account.id)
        else {
            if try await accounts.recordFailedLogin(userID: pending.account.id, rule: deps.lockoutRule, address: context.clientAddress) != nil {
                try await SessionStore(deps.database).delete(sessionID: pending.id)
                return Response.seeOther(SiteRoutes.login.path)
            }
            return deps.renderer.page(
                .loginCode, title: "Tvåstegsverifiering", context: context,
                error: "Koden stämmer inte. Ange den sexsiffriga koden från din autentiseringsapp.",
                status: .unauthorized)
        }
        try await SessionStore(deps.database).completeSecondFactor(sessionID: pending.id)
        try await accounts.recordSuccessfulLogin(userID: pending.account.id)
        try await AuditLog.record(
            Actor(user: pending.account, address: context.clientAddress), action: "loggade in med tvåstegsverifiering",
            objectType: "användare", objectID: pending.account.email, on: deps.database.db)
        return Response.seeOther(SiteRoutes.home.path)
    }

    /// A bcrypt hash of a random string at the production cost, used only to spend time on unknown
    /// e-mail addresses. Computed on first use (static lets are lazy), not at start-up.
    static let timingDummyHash = Bcrypt.hash(RandomToken.make(), cost: 12)
}

/// Time-based one-time codes (RFC 6238) for admins and samordnare.
enum SecondFactor {
    /// Accepts the current code and its neighbours, since phone clocks drift by some seconds.
    static func accepts(code: String, secret: String, now: Date = Date()) -> Bool {
        acceptedStep(code: code, secret: secret, now: now) != nil
    }

    /// The 30-second time step the code belongs to, so that each code is used only once.
    static func acceptedStep(code: String, secret: String, now: Date = Date()) -> Int? {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let value = Int(digits) else { return nil }
        let totp = TOTP(secret: secret)
        return [-30.0, 0, 30].first { totp.compute(date: now.addingTimeInterval($0)) == value }
            .map { Int(now.addingTimeInterval($0).timeIntervalSince1970 / 30) }
    }

    /// The secret as an authenticator app wants it typed in (base32, from the otpauth URL).
    static func setup(secret: String, email: String) -> (url: String, manualKey: String) {
        let url = TOTP(secret: secret).createAuthenticatorURL(label: "Trygg:\(email)", issuer: "Trygg")
        let key = URLComponents(string: url)?.queryItems?.first { $0.name == "secret" }?.value ?? ""
        return (url, key)
    }
}

struct LoginForm: Decodable {
    @FormText var email: String
    @FormRaw var password: String
    /// The page to return to after signing in (checked by `safeNext`).
    var next: String?
}
