import Hummingbird
import TryggCore
import TryggReports

/// Every state-changing form of the cookie zones (staff, login, public pages) carries the session's
/// token in `_csrf`; the API and Open311 take no cookies, so a forged cross-site request carries
/// no credentials there. Forms are read here once
/// (with the body size limit) with Hummingbird's form decoder; the handler decodes its own form
/// type from `context.formBody`.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = TryggRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head, request.method != .options else {
            return try await next(request, context)
        }
        var request = request
        var context = context
        let body = try await request.collectBody(upTo: context.maxBodyBytes)
        let contentType = request.headers[.contentType] ?? ""
        if MultipartForm.isMultipart(contentType) {
            guard let boundary = MultipartForm.boundary(fromContentType: contentType), let parsed = MultipartForm.parse(body, boundary: boundary) else {
                throw HTTPError(.badRequest, message: "Formuläret kunde inte läsas (felaktig multipart-kodning).")
            }
            context.formBody = FormBody.encoded(parsed.fields)
            context.files = parsed.files
        } else {
            context.formBody = String(buffer: body)
        }
        // Read once here with the same decoder the handler uses: a body it cannot read is refused
        // before anything else.
        context.formBody = FormBody.normalisingBreaks(context.formBody)
        let form = FormFields(pairs: try FormBody.decode(AnyForm.self, from: context.formBody).pairs)
        let sent = form["_csrf"] ?? ""
        guard !context.csrfToken.isEmpty, Self.sent(sent, matches: context.csrfToken) else {
            // A session cookie that no longer opens a session: the login expired (or ended in
            // another tab) while the form was open. The page's script kept the text in the tab.
            if request.cookies[CookieName.session] != nil && context.session == nil && context.pendingSession == nil {
                throw HTTPError(
                    .forbidden,
                    message: "Du har blivit utloggad, så det du skickade är inte sparat. Logga in igen och öppna sidan i samma flik: "
                        + "text du skrev fylls i igen.")
            }
            throw HTTPError(.forbidden, message: "Formuläret har gått ut eller kom inte från Trygg. Ladda om sidan och försök igen.")
        }
        // Fields without their own text rules (names, titles, notes) are covered here, before any
        // handler can store them: PostgreSQL refuses U+0000 and SQLite cuts text off at it.
        if let (name, scalar) = Self.controlCharacter(in: form) {
            throw HTTPError(
                .badRequest,
                message: "Fältet ”\(name.prefix(40))” innehåller ett osynligt styrtecken (\(TextInput.codePoint(scalar))) "
                    + "som inte kan sparas. Ta bort det och försök igen.")
        }
        return try await next(request, context)
    }

    static func controlCharacter(in form: FormFields) -> (String, Unicode.Scalar)? {
        for (name, value) in form.pairs {
            if let scalar = TextInput.forbiddenCharacter(in: value) ?? TextInput.forbiddenCharacter(in: name) { return (name, scalar) }
        }
        return nil
    }

    /// Pages carry the token masked, with a new mask on each page (`RandomToken.masked`); a form
    /// opened before that came in carries it as it is, and is still taken.
    static func sent(_ sent: String, matches token: String) -> Bool {
        constantTimeEqual(RandomToken.unmasked(sent) ?? sent, token)
    }

    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
