import Foundation
import Hummingbird
import NIOCore
import TryggCore
import TryggReports
import TryggStore

/// Per-request state: who is asking (set by the session or token middleware) and from where.
public struct TryggRequestContext: RequestContext, RemoteAddressRequestContext, FormContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// The logged-in session (staff pages) when the cookie is valid and the second factor done.
    public var session: LoginSession?
    /// A session that has passed the password but still waits for the TOTP code.
    public var pendingSession: LoginSession?
    /// Set with `session` or `tokenUser`, so that the signed-in zones can bind their stores to
    /// the user's kommun (`StaffContext.kommun`).
    var database: TryggDatabase?
    /// The user of a bearer token (API).
    public var tokenUser: UserAccount?
    /// Client address after applying the proxy setting; what the audit log records.
    public var clientAddress: String
    /// CSRF token for visitors without a session (the login page), from a cookie.
    public var anonymousCSRFToken: String?
    /// The URL-encoded form of a POST (a multipart form's fields re-encoded), read once by the
    /// CSRF middleware; handlers decode their own form type from it (`decodeForm`).
    public var formBody = ""
    /// Files of a multipart form, by field name.
    public var files: [String: UploadedFile] = [:]
    public var maxBodyBytes: Int = 4 * 1024 * 1024
    /// Cookies get `Secure` (Trygg runs behind TLS).
    public var secureCookies = false
    /// The message a form left for this page (Post/Redirect/Get), read once by the session middleware.
    var flash: Flash?
    /// The signed-in user may open LOS: the kommun names their role or organisation
    /// (`InspectionAccess`), so the menu offers it only then.
    var seesInspections = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "okänd"
    }

    public var maxUploadSize: Int { maxBodyBytes }

    /// The token every state-changing form must carry.
    public var csrfToken: String { session?.csrfToken ?? pendingSession?.csrfToken ?? anonymousCSRFToken ?? "" }
}

/// Thrown where a page needs a login; the error middleware turns it into a redirect.
public struct AuthenticationRequired: Error {}
