import ArgumentParser
import Foundation
import Hummingbird
import TryggStore
import TryggWeb

struct ServerOptions: ParsableArguments {
    @Option(help: "Adress att lyssna på.") var hostname = "127.0.0.1"
    @Option(help: "Port att lyssna på.") var port = 8080
    @Flag(help: "Trygg nås via HTTPS: kakor märks Secure och HSTS skickas.") var secureCookies = false
    @Flag(help: "Läs klientadressen från X-Forwarded-For (endast bakom en betrodd omvänd proxy).") var trustProxy = false
    @Option(help: "Förfrågningar per klientadress och minut till de publika sidorna och Open311.") var publicRequestsPerMinute = 300
    @Option(help: "Tips per klientadress och timme via e-tjänsten.") var publicReportsPerHour = 20
    @Option(help: "Tips per Open311-nyckel och timme.") var open311ReportsPerHour = 1_000
    @Option(help: "Kartbakgrundens adressmall med {z}/{x}/{y} (standard OpenStreetMap; en egen WMTS går lika bra; none: ingen bakgrund).")
    var mapTiles: String?
    @Option(help: "Upphovsrättsraden under kartan.") var mapAttribution: String?

    func configuration(database: DatabaseLocation) -> AppConfiguration {
        AppConfiguration(
            hostname: hostname, port: port, database: database, secureCookies: secureCookies,
            trustForwardedFor: trustProxy,
            publicLimits: PublicLimits(
                requestsPerMinute: max(1, publicRequestsPerMinute), reportsPerHour: max(1, publicReportsPerHour),
                open311ReportsPerHour: max(1, open311ReportsPerHour)),
            map: MapSettings(tilesOption: mapTiles, attribution: mapAttribution))
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Startar webbservern. Databasen måste vara migrerad (trygg migrate).")

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let database = try TryggDatabase(location: db.location)
        let pending: [String]
        do { pending = try await database.pendingMigrations() } catch {
            await database.shutdown()
            throw CLIError("Kan inte öppna \(database.location): \(error)")
        }
        guard pending.isEmpty else {
            await database.shutdown()
            throw CLIError("\(database.location) är inte migrerad (\(pending.count) migreringar saknas). Kör först: trygg migrate")
        }
        try await runServer(database: database, configuration: server.configuration(database: db.location))
    }
}

/// Runs until SIGINT/SIGTERM, then closes the database after the last request.
func runServer(database: TryggDatabase, configuration: AppConfiguration, banner: String? = nil) async throws {
    let url = "http://\(configuration.hostname):\(configuration.port)/"
    let app = try await buildApplication(
        configuration: configuration, database: database,
        services: [
            PeriodicJob.sessionCleanup(database), PeriodicJob.contactRetention(database),
            DatabaseShutdownService(database: database),
        ],
        onServerRunning: { _ in
            say(banner ?? "Trygg körs på \(url) (avsluta med Ctrl-C)")
        })
    try await app.runService()
}
