import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// "Utskick": what Trygg has sent and what waits, so the samordnare can see that the reminders
/// went out and the admin that the relay works.
struct OutboxRoutes {
    let deps: AppDependencies

    struct Row {
        let created: String
        let kind: String
        let recipient: String
        let subject: String
        let state: String
        let failed: Bool
        let attempts: Int
        let error: String
    }

    struct OutboxView {
        let relay: String
        let hasRelay: Bool
        let waiting: Int
        let failed: Int
        let rows: [Row]
        let hasRows: Bool
    }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.outbox) { _, context in
            _ = try context.requireUser(allowedTo: .readOutbox)
            let store = OutboxStore(context.kommun)
            let rows = try await store.recent().map { entry in
                Row(
                    created: SwedishTime.minute(entry.createdAt), kind: entry.kind,
                    // A resident's address is personal data the admin has no need of.
                    recipient: entry.kind == OutboxStore.residentKind ? "(invånarens adress)" : entry.message.to,
                    subject: entry.message.subject,
                    state: entry.state == .sent ? "Skickat \(entry.sentAt.map(SwedishTime.minute) ?? "")" : entry.state.rawValue.capitalized,
                    failed: entry.state == .failed, attempts: entry.attempts, error: entry.lastError)
            }
            let smtp = deps.configuration.mail.smtp
            let view = OutboxView(
                relay: smtp?.redacted ?? "", hasRelay: smtp != nil,
                waiting: try await store.count(state: .waiting),
                failed: try await store.count(state: .failed), rows: rows, hasRows: !rows.isEmpty)
            return deps.renderer.page(.outbox, title: "Utskick", context: context, content: view)
        }
    }
}
