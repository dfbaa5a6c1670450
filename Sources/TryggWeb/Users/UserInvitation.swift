import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Where Trygg has a relay, the admin never chooses anyone's password: a new account gets an
/// invitation to its own address to choose one (the link lasts seven days), and one who forgot
/// theirs gets a link from the user's page (a day). Without a relay the admin sets a password as
/// before, and gives it on a safe way.
struct UserInvitation {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.userPasswordLink) { _, context in
            _ = try context.requireUser(allowedTo: .administerKommun)
            guard deps.configuration.mail.hasRelay else { throw HTTPError(.notFound) }
            guard let user = try await UserStore(context.kommun).account(id: try context.parameters.require("id", as: UUID.self)), !user.disabled
            else { throw HTTPError(.notFound, message: "Användaren finns inte eller är inaktiverad.") }
            let newAccount = try await UserStore(context.kommun).lastLogin(userID: user.id) == nil
            try await send(to: user, newAccount: newAccount, context: context)
            return Response.seeOther(
                SiteRoutes.user.path(user.id),
                notice: newAccount ? "En ny inbjudan är skickad till \(user.email)." : "En länk för nytt lösenord är skickad till \(user.email).",
                context: context)
        }
    }

    /// Makes the link and sends it now; the outbox keeps it if the relay does not take it.
    func send(to user: UserAccount, newAccount: Bool, context: StaffContext) async throws {
        let token = try await PasswordResetStore(deps.database).invite(user, newAccount: newAccount, by: context.actor)
        let notices = Notices(database: deps.database, kommun: user.kommun, baseURL: deps.configuration.mail.publicURL)
        try await PasswordResetRoutes.deliver(
            notices.adminLink(to: user, token: token, newAccount: newAccount, from: context.user), kommun: user.kommun, deps: deps)
    }
}

extension Notices {
    /// An invitation to a new account, or a new password for one who forgot it, sent by the admin.
    func adminLink(to account: UserAccount, token: String, newAccount: Bool, from admin: UserAccount) -> OutgoingNotice {
        linkMessage(
            to: account, token: token, subject: newAccount ? "Du har fått ett konto i Trygg" : "Välj ett nytt lösenord till Trygg",
            greeting: "Hej \(account.name)!"
        ) { link in
            newAccount
                ? [
                    "\(admin.name) har lagt till dig i Trygg för \(kommun.name): \(account.role.displayName.lowercased()), "
                        + "\(account.organisation.name).", "",
                    "Välj ditt lösenord här inom sju dagar: \(link)", "",
                    "Länken fungerar en gång. Sedan loggar du in på \(url(SiteRoutes.login.path)) med din e-postadress \(account.email).",
                ]
                : [
                    "\(admin.name) har skickat dig en länk för att välja ett nytt lösenord till Trygg för \(account.email) (\(kommun.name)).", "",
                    "Välj ett nytt lösenord här inom ett dygn: \(link)", "",
                    "Länken fungerar en gång. Ditt gamla lösenord gäller tills du har valt ett nytt.",
                ]
        }
    }
}
