import ArgumentParser
import Foundation
import TryggCore
import TryggStore
import TryggWeb

struct KommunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kommun", abstract: "Hantera kommuner.", subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lägger till en kommun med standardorganisationerna.",
            discussion: "Exempel: trygg kommun add --slug motala --name \"Motala kommun\" --code 0583")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kortform i adresser och API (a–z, 0–9, -), t.ex. linkoping.") var slug: String
        @Option(help: "Kommunens namn, t.ex. \"Linköpings kommun\".") var name: String
        @Option(help: "Kommunkod, fyra siffror, t.ex. 0580.") var code: String

        func run() async throws {
            let kommun = try await db.withDatabase { database in
                try await KommunStore(database).add(slug: slug, name: name, code: code, by: .commandLine())
            }
            say(
                "Kommunen \(kommun.name) (\(kommun.slug), \(kommun.code)) är skapad med \(DefaultOrganisations.forKommun(code: kommun.code).count) organisationer."
            )
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Listar kommunerna.")
        @OptionGroup var db: DatabaseOptions

        func run() async throws {
            for kommun in try await db.withDatabase({ try await KommunStore($0).all() }) {
                print("\(kommun.slug)\t\(kommun.code)\t\(kommun.name)")
            }
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Hantera användare.", subcommands: [Add.self, Password.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lägger till en användare.",
            discussion: """
                Roller: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).

                Utan --password-stdin skapas ett slumpat lösenord som skrivs ut en gång.

                Exempel: echo 'ett långt lösenord' | trygg user add --kommun linkoping --email anna@example.se --role samordnare --organisation "KLF (SÄK)" --password-stdin
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "E-postadress (inloggningsnamn).") var email: String
        @Option(help: "Roll.") var role: String
        @Option(help: "Organisationens förkortning, t.ex. SF eller \"KLF (SÄK)\".") var organisation: String
        @Option(help: "Namn som visas.") var name: String?
        @Flag(help: "Läs lösenordet från standard in.") var passwordStdin = false

        func run() async throws {
            guard let role = Role(swedishOrCode: role) else {
                throw CLIError("Okänd roll \"\(role)\". Roller: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            let password: String
            if passwordStdin {
                password = (readLine(strippingNewline: true) ?? "")
                let personal = PasswordPolicy.personalWords(email: email, name: name ?? "", kommun: [kommun])
                if let problem = PasswordPolicy.problem(with: password, personal: personal) { throw CLIError(problem) }
            } else {
                password = RandomToken.make(length: 16)
            }
            let hash = try await Passwords.hash(password)
            let account = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                return try await UserStore(KommunScope(database, kommunID: kommun.id)).add(
                    organisationAbbreviation: organisation, email: email, name: name ?? "", role: role,
                    passwordHash: hash, by: .commandLine(kommunID: kommun.id))
            }
            say("Användaren \(account.email) (\(account.role.rawValue), \(account.organisation.abbreviation), \(account.kommun.slug)) är skapad.")
            if !passwordStdin { print("Lösenord: \(password)") }
        }
    }

    /// For the kommun's only admin, locked out: on the web another admin sets a new password.
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sätter ett nytt lösenord för en användare, lyfter en spärr och loggar ut användaren överallt.",
            discussion: """
                För den som är kommunens enda administratör och har glömt sitt lösenord; andra användare får ett nytt \
                av administratören på sidan Användare. Utan --password-stdin skapas ett slumpat lösenord som skrivs ut en gång.

                Exempel: echo 'ett långt lösenord' | trygg user password --kommun linkoping --email anna@example.se --password-stdin
                """)

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Användarens e-postadress.") var email: String
        @Flag(help: "Läs lösenordet från standard in.") var passwordStdin = false

        func run() async throws {
            let password = passwordStdin ? (readLine(strippingNewline: true) ?? "") : RandomToken.make(length: 16)
            if let problem = PasswordPolicy.problem(with: password, personal: PasswordPolicy.personalWords(email: email, kommun: [kommun])) {
                throw CLIError(problem)
            }
            let hash = try await Passwords.hash(password)
            let address = AccountStore.normalised(email: email)
            try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let users = UserStore(KommunScope(database, kommunID: kommun.id))
                guard let user = try await users.accounts().first(where: { $0.email == address }) else {
                    throw CLIError("Ingen användare med adressen \(address) i \(kommun.name).")
                }
                try await users.setPassword(userID: user.id, hash: hash, by: .commandLine(kommunID: kommun.id))
            }
            say("\(address) har ett nytt lösenord och är utloggad.")
            if !passwordStdin { print("Lösenord: \(password)") }
        }
    }
}

struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Personliga API-nycklar.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Skapar en personlig API-nyckel och skriver ut den (den kan inte visas igen).",
            discussion: "Använd den som: Authorization: Bearer <nyckel> mot /api/v1/.")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Användarens e-postadress.") var email: String
        @Option(help: "Vad nyckeln används till.") var label = "kommandorad"

        func run() async throws {
            let token = try await db.withDatabase { database in
                let tokens = APITokenStore(database)
                guard let userID = try await tokens.userID(email: email),
                    let account = try await AccountStore(database).account(id: userID)
                else {
                    throw CLIError("Ingen användare med e-postadressen \(email).")
                }
                return try await tokens.create(userID: userID, label: label, by: .commandLine(kommunID: account.kommun.id))
            }
            print(token)
        }
    }
}

struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apikey", abstract: "Open311-nycklar för en kommun.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Skapar en Open311-nyckel för kommunen och skriver ut den (den kan inte visas igen).",
            discussion: "Appen skickar den som api_key vid POST /open311/v2/requests.json|xml med jurisdiction_id=<kommun>.")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortnamn, t.ex. linkoping.") var kommun: String
        @Option(help: "Vilken app eller tjänst nyckeln är till för.") var label = "kommandorad"

        func run() async throws {
            let key = try await db.withDatabase { database in
                guard let found = try await KommunStore(database).find(slug: kommun) else { throw CLIError("Kommunen \(kommun) finns inte.") }
                return try await Open311KeyStore(KommunScope(database, kommunID: found.id)).create(label: label, by: .commandLine(kommunID: found.id))
            }
            print(key)
        }
    }
}
