import Foundation
import Hummingbird
import TryggCore
import TryggReports
import TryggStore

/// What a page needs to know about the request to draw the layout: who is signed in (if anyone)
/// and the token its forms must carry.
protocol PageContext {
    var pageUser: UserAccount? { get }
    var csrfToken: String { get }
    var flash: Flash? { get }
    var seesInspections: Bool { get }
}

extension TryggRequestContext: PageContext {
    var pageUser: UserAccount? { session?.account }
}

/// A context that exists only with a signed-in user (a staff page, the API): everything a
/// handler needs to know about who asks follows from the user and the client address.
protocol SignedInContext {
    var user: UserAccount { get }
    var clientAddress: String { get }
    /// The user's kommun: every store a handler uses is created from it, so each of its queries
    /// is filtered to this kommun (`KommunScope`).
    var kommun: KommunScope { get }
}

extension SignedInContext {
    var kommunID: UUID { kommun.kommunID }
    /// Who the audit log names for a change made in this request.
    var actor: Actor { Actor(user: user, address: clientAddress) }

    /// The user when their role allows `permission`, else 403.
    func requireUser(allowedTo permission: Permission) throws -> UserAccount {
        guard user.role.allows(permission) else { throw HTTPError(.forbidden) }
        return user
    }
}

/// A request to a staff page. It exists only for a signed-in user whose second factor is done,
/// so `user` (and with it the kommun every query is scoped to) is never missing; without a
/// session, creating it throws and the visitor is sent to the login page.
struct StaffContext: ChildRequestContext, PageContext, SignedInContext, FormContext {
    var coreContext: CoreRequestContextStorage
    let user: UserAccount
    let kommun: KommunScope
    /// The session's id, so that a password change can keep this session and end the others.
    let sessionID: UUID
    let clientAddress: String
    let csrfToken: String
    /// The form and files of a POST, read once by the CSRF middleware.
    let formBody: String
    let files: [String: UploadedFile]
    let maxBodyBytes: Int
    let secureCookies: Bool
    let flash: Flash?
    let seesInspections: Bool

    init(context: TryggRequestContext) throws {
        guard let session = context.session, let database = context.database else { throw AuthenticationRequired() }
        kommun = KommunScope(database, kommunID: session.account.kommun.id)
        secureCookies = context.secureCookies
        flash = context.flash
        seesInspections = context.seesInspections
        coreContext = context.coreContext
        user = session.account
        sessionID = session.id
        clientAddress = context.clientAddress
        csrfToken = context.csrfToken
        formBody = context.formBody
        files = context.files
        maxBodyBytes = context.maxBodyBytes
    }

    var maxUploadSize: Int { maxBodyBytes }
    var pageUser: UserAccount? { user }
}

/// A request to the JSON API with a valid bearer token; without one, creating it throws and the
/// API answers 401 as JSON.
struct APIContext: ChildRequestContext, SignedInContext {
    var coreContext: CoreRequestContextStorage
    let user: UserAccount
    let kommun: KommunScope
    let clientAddress: String
    let maxBodyBytes: Int

    init(context: TryggRequestContext) throws {
        guard let user = context.tokenUser, let database = context.database else { throw AuthenticationRequired() }
        kommun = KommunScope(database, kommunID: user.kommun.id)
        coreContext = context.coreContext
        self.user = user
        clientAddress = context.clientAddress
        maxBodyBytes = context.maxBodyBytes
    }

    var maxUploadSize: Int { maxBodyBytes }
}
