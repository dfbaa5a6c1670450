import ArgumentParser
import Foundation
import TryggStore
import TryggWeb

struct Notify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Skickar den e-post som är aktuell nu: påminnelser om uppföljningen och det som väntar i utkorgen (samma jobb som servern kör).")

    @OptionGroup var db: DatabaseOptions
    @OptionGroup var mail: MailOptions
    @Option(help: "Bara den här kommunen (kortform, t.ex. linkoping).") var kommun: String?
    @Flag(help: "Försök genast igen med allt som väntar, utan att vänta ut pausen efter ett misslyckat försök (när e-postservern är tillbaka).")
    var retryNow = false

    func run() async throws {
        let settings = try mail.settings(defaultPublicURL: "http://127.0.0.1:8080")
        let report = try await db.withDatabase { database in
            do {
                return try await NoticeSender(database: database, settings: settings).run(kommun: kommun, retryNow: retryNow)
            } catch let error as StoreError {
                throw CLIError(error.description)
            }
        }
        say(
            "\(report.summary) i utkorgen."
                + (settings.smtp == nil ? " Ingen --smtp-url: inget skickades." : ""))
        if report.failed > 0 { throw ExitCode(3) }
    }
}
