import ArgumentParser
import Foundation
import Hummingbird
import TryggCore
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
    @Option(
        help:
            "Fil med nyckeln som övervakningen (Prometheus) skickar som Authorization: Bearer … för att läsa /metrics (minst 32 tecken). Utan den finns ingen /metrics."
    )
    var metricsTokenFile: String?
    @OptionGroup var mail: MailOptions

    func configuration(database: DatabaseLocation) throws -> AppConfiguration {
        try AppConfiguration(
            hostname: hostname, port: port, database: database, secureCookies: secureCookies,
            trustForwardedFor: trustProxy,
            publicLimits: PublicLimits(
                requestsPerMinute: max(1, publicRequestsPerMinute), reportsPerHour: max(1, publicReportsPerHour),
                open311ReportsPerHour: max(1, open311ReportsPerHour)),
            map: MapSettings(tilesOption: mapTiles, attribution: mapAttribution),
            mail: mail.settings(defaultPublicURL: "http://\(hostname):\(port)"), metricsToken: metricsToken())
    }

    /// The token in `--metrics-token-file`, read from a file so it is not in the process list.
    func metricsToken() throws -> String? {
        guard let metricsTokenFile else { return nil }
        guard let text = FileManager.default.contents(atPath: metricsTokenFile).map({ String(decoding: $0, as: UTF8.self) }) else {
            throw CLIError("--metrics-token-file: \(metricsTokenFile) går inte att läsa.")
        }
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.count >= 32, !token.contains(where: { $0.isWhitespace }) else {
            throw CLIError("--metrics-token-file: nyckeln ska vara minst 32 tecken utan mellanslag (till exempel: openssl rand -hex 32).")
        }
        return token
    }
}

/// E-mail: the relay, the sender, the address in the links and when reminders start.
struct MailOptions: ParsableArguments {
    @Option(help: "E-postserver: smtp://användare:lösenord@server:587 (STARTTLS) eller smtps://…:465. Utan den köas aviseringarna men skickas inte.")
    var smtpURL: String?
    @Option(help: "PEM-fil med de certifikatutfärdare som e-postserverns certifikat ska kontrolleras mot (standard: systemets).")
    var smtpCAFile: String?
    @Option(help: "Avsändaradress för Trygg:s e-post (krävs med --smtp-url), t.ex. trygg@kommun.se.") var smtpFrom: String?
    @Option(help: "Adressen Trygg nås på, början av länkarna i e-posten, t.ex. https://trygg.kommun.se.") var publicURL: String?
    @Option(help: "Dagar före sista svarsdag som den första påminnelsen om uppföljningen skickas.") var reminderDays = 14

    func settings(defaultPublicURL: String) throws -> MailSettings {
        var smtp: SMTPSettings?
        do { smtp = try smtpURL.map { try SMTPSettings(url: $0) } } catch { throw CLIError("--smtp-url: \(error)") }
        if let smtpCAFile, !FileManager.default.isReadableFile(atPath: smtpCAFile) {
            throw CLIError("--smtp-ca-file: \(smtpCAFile) går inte att läsa.")
        }
        smtp?.caFile = smtpCAFile
        if smtp != nil && smtpFrom == nil { throw CLIError("Ange avsändaradressen med --smtp-from när --smtp-url är satt.") }
        if let smtpFrom, !MailAddress.isUsable(smtpFrom) { throw CLIError("--smtp-from: ”\(smtpFrom)” är ingen e-postadress.") }
        if let publicURL, !(publicURL.hasPrefix("https://") || publicURL.hasPrefix("http://")) {
            throw CLIError("--public-url måste börja med https:// (eller http://).")
        }
        return MailSettings(
            smtp: smtp, fromAddress: smtpFrom ?? "trygg@localhost", publicURL: publicURL ?? defaultPublicURL,
            reminders: ReminderSchedule(daysBefore: reminderDays))
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Startar webbservern. Databasen måste vara migrerad (trygg migrate).")

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let configuration = try server.configuration(database: db.location)
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
        try await runServer(database: database, configuration: configuration)
    }
}

/// Runs until SIGINT/SIGTERM, then closes the database after the last request.
func runServer(database: TryggDatabase, configuration: AppConfiguration, banner: String? = nil) async throws {
    let url = "http://\(configuration.hostname):\(configuration.port)/"
    let app = try await buildApplication(
        configuration: configuration, database: database,
        services: [
            PeriodicJob.sessionCleanup(database), PeriodicJob.contactRetention(database),
            PeriodicJob.notices(database, settings: configuration.mail),
            DatabaseShutdownService(database: database),
        ],
        onServerRunning: { _ in
            say(banner ?? "Trygg körs på \(url) (avsluta med Ctrl-C)")
        })
    try await app.runService()
}
