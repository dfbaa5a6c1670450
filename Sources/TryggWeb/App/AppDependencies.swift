import Foundation
import HummingbirdBcrypt
import Logging
import NIOPosix
import TryggCore
import TryggStore

/// What route handlers share: the database, the templates, the settings and the rate limiters.
struct AppDependencies: Sendable {
    let database: TryggDatabase
    let renderer: Renderer
    let configuration: AppConfiguration
    let loginLimiter: RateLimiter
    /// Areas and categories for the event intake API, kept a few seconds.
    let referenceCache = ReferenceCache()
    /// Saves of record forms, one at a time per record (see `EditedRecord`).
    let recordLocks: RecordLocks
    /// API tokens confirmed in the last seconds (see CredentialCache for why and the bound).
    let apiTokens = CredentialCache<UserAccount>()
    /// Open311 keys confirmed in the last seconds: their kommun and label.
    let open311Keys = CredentialCache<Open311Key>()
    /// Secrets shown once after a redirect (a new Open311 key).
    let oneTimeNotes = OneTimeNotes()
    /// Group commit for events posted to the API.
    let incidentQueue: IncidentWriteQueue
    /// Group commit for residents' tips (e-service and Open311).
    let citizenQueue: CitizenWriteQueue
    /// Group commit for answers to the public survey forms.
    let surveyQueue: SurveyWriteQueue
    /// Rate limits and intake slots of the public pages and Open311.
    let publicGate: PublicGate

    /// The user of a bearer token, if the token is valid and unexpired and the user enabled.
    func tokenUser(_ token: String) async throws -> UserAccount? {
        guard !token.isEmpty, token.utf8.count <= 100 else { return nil }
        return try await apiTokens.value(for: token) { hash in
            try await APITokenStore(database).account(forTokenHash: hash).map { ($0.account, $0.expires) }
        }
    }

    /// The stores of a kommun named in the address (`/k/{kommun}`, Open311's `jurisdiction_id`).
    /// Signed-in zones use `context.kommun` instead, the user's own kommun.
    func scope(of kommun: Kommun) -> KommunScope { KommunScope(database, kommunID: kommun.id) }

    /// Queues an e-mail notice about something that has just happened. The action itself is
    /// done and committed: a notice that cannot be queued is logged, not turned into an error page.
    func notify(_ kommun: Kommun, _ queue: (Notices) async throws -> Void) async {
        do {
            try await queue(Notices(database: database, kommun: kommun, baseURL: configuration.mail.publicURL))
        } catch {
            Logger(label: "trygg.notices").warning("Kunde inte köa e-postavisering: \(error)")
        }
    }

    var lockoutRule: LoginLockoutRule {
        LoginLockoutRule(maxFailures: configuration.lockout.maxFailures, lockoutSeconds: configuration.lockout.seconds)
    }

    /// bcrypt is deliberately slow; it runs on the thread pool so the event loops keep serving.
    func hashPassword(_ password: String) async throws -> String {
        let cost = configuration.bcryptCost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
