import ArgumentParser
import Foundation
import TryggStore
import TryggWeb
import TryggDemo

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Skapar (vid behov) en demodatabas med Linköping och Norrköping och startar servern.")

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var server: ServerOptions
    @Flag(help: "Skapa demodatabasen men starta inte servern.") var noServe = false

    func run() async throws {
        let configuration = try server.configuration(database: db.location)
        let database = try TryggDatabase(location: db.location)
        do {
            try await database.migrate()
            let seeded = try await DemoSeed.seedIfEmpty(database)
            say(seeded ? "Demodata skapad i \(database.location)." : "Demodata finns redan i \(database.location); den återanvänds.")
        } catch {
            await database.shutdown()
            throw error
        }
        if noServe {
            await database.shutdown()
            return
        }
        let url = "http://\(server.hostname):\(server.port)/"
        var lines = ["", "Trygg demo körs på \(url)", "", "Demokonton (lösenord för alla: \(DemoSeed.password)):"]
        for account in DemoSeed.accounts {
            lines.append(
                "  \(account.email.padding(toLength: 32, withPad: " ", startingAt: 0)) \(account.role.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(account.organisation), \(account.kommun)"
            )
        }
        lines.append("")
        lines.append("Invånarnas e-tjänst: \(url)k/linkoping/ (Open311: \(url)open311/v2/discovery.json)")
        lines.append("")
        lines.append("Avsluta med Ctrl-C.")
        try await runServer(
            database: database, configuration: configuration,
            banner: lines.joined(separator: "\n"))
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Kör databasens migreringar (skapar eller uppdaterar tabellerna).")

    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        let database = try TryggDatabase(location: db.location)
        let ran: [String]
        do { ran = try await database.migrate() } catch {
            await database.shutdown()
            throw CLIError("Migreringen misslyckades i \(db.location): \(error)")
        }
        await database.shutdown()
        say(ran.isEmpty ? "\(db.location) är redan migrerad." : "Körde \(ran.count) migreringar i \(db.location).")
    }
}
