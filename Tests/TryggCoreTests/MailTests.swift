import Foundation
import Testing
@testable import TryggCore

@Suite("E-post: meddelandets form, reläadressen, påminnelsernas tidpunkter")
struct MailTests {
    /// Decodes RFC 2047 words the way a mail reader shows the subject (adjacent words join without space).
    static func decodedHeader(_ value: String) -> String {
        value.split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) }
            return String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) ?? Data(), as: UTF8.self)
        }.joined()
    }

    static func header(_ name: String, in text: String) -> String? {
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: " ")
        return unfolded.components(separatedBy: "\r\n").first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
    }

    @Test("Ämnet med å, ä och ö läses tillbaka oförändrat, kroppen är UTF-8 i base64 och ingen rad är längre än 78 tecken")
    func renderedMessage() throws {
        let subject = "Påminnelse: uppföljningen av åtgärdsplanen 2024 – Stångåstaden, Räddningstjänsten och Överförmyndarförvaltningen"
        let body = "Hej!\n\nSvara i Trygg: https://trygg.linkoping.se/uppfoljning/1/mina\n.\nEn rad som börjar med punkt."
        let text = MailFormat.render(
            MailMessage(to: "kontakt.sf@linkoping.se", subject: subject, body: body), from: "trygg@linkoping.se",
            fromName: "Trygg", date: Date(timeIntervalSince1970: 1_796_226_000), messageID: "1@trygg")
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 78 })
        #expect(lines.contains("To: <kontakt.sf@linkoping.se>"))
        #expect(lines.contains("Date: Wed, 02 Dec 2026 15:40:00 +0000"))
        let encodedSubject = try #require(text.components(separatedBy: "\r\n\r\n").first.flatMap { Self.header("Subject", in: $0 + "\r\n") })
        #expect(Self.decodedHeader(encodedSubject) == subject)
        let encodedBody = text.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
        #expect(String(decoding: Data(base64Encoded: encodedBody) ?? Data(), as: UTF8.self) == body.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("Ett ämne med radbrytning kan inte skriva egna huvuden, en adress med radbrytning används inte")
    func headerInjection() {
        let text = MailFormat.render(
            MailMessage(to: "a@b.se", subject: "Hej\r\nBcc: alla@example.org", body: "x"), from: "trygg@b.se", fromName: "Trygg",
            date: Date(timeIntervalSince1970: 0), messageID: "2@trygg")
        #expect(!text.contains("\r\nBcc:"))
        #expect(!MailAddress.isUsable("a@b.se\r\nBcc: alla@example.org"))
        #expect(!MailAddress.isUsable("a@b.se\u{0}"))
        #expect(MailAddress.isUsable("kontakt.sf@linkoping.demo"))
    }

    @Test("--smtp-url: användare, lösenord med procentkodning, port och säkerhet; fel förklaras på svenska")
    func smtpURL() throws {
        let relay = try SMTPSettings(url: "smtp://trygg%40linkoping.se:hemligt%3Aord@smtp.linkoping.se:587")
        #expect(relay == SMTPSettings(host: "smtp.linkoping.se", port: 587, username: "trygg@linkoping.se", password: "hemligt:ord", security: .startTLS))
        #expect(relay.redacted == "smtp://trygg@linkoping.se:***@smtp.linkoping.se:587" && !relay.redacted.contains("hemligt"))
        #expect(try SMTPSettings(url: "smtps://relay.kommun.se") == SMTPSettings(host: "relay.kommun.se", port: 465, security: .implicitTLS))
        #expect(try SMTPSettings(url: "smtp://127.0.0.1:2525").isLoopback)
        #expect(throws: SMTPSettingsError("Adressen måste börja med smtp:// eller smtps://, inte http://.")) { try SMTPSettings(url: "http://relay") }
        #expect(throws: SMTPSettingsError.self) { try SMTPSettings(url: "smtp://användare@relay") }
    }

    @Test("Påminnelser: första inom 14 dagar, sista de två sista dagarna, en efter sista svarsdag, sedan inga")
    func reminderStages() {
        let schedule = ReminderSchedule(daysBefore: 14)
        #expect(schedule.stage(deadline: "2026-12-12", today: "2026-11-20") == nil)
        #expect(schedule.stage(deadline: "2026-12-12", today: "2026-12-02") == .first)
        #expect(schedule.stage(deadline: "2026-12-12", today: "2026-12-10") == .last)
        #expect(schedule.stage(deadline: "2026-12-12", today: "2026-12-12") == .last)
        #expect(schedule.stage(deadline: "2026-12-12", today: "2026-12-13") == .overdue)
        #expect(schedule.stage(deadline: "2026-12-12", today: "2027-01-12") == nil)
        #expect(schedule.stage(deadline: "inte ett datum", today: "2026-12-02") == nil)
        #expect(ReminderSchedule.days(from: "2026-12-31", to: "2027-01-01") == 1)
        #expect(ReminderSchedule.days(from: "2024-02-28", to: "2024-03-01") == 2)
    }

    @Test("Reläets svar: flerradiga svar, uppdelade var som helst i strömmen; ett svar som inte är SMTP avvisas")
    func replies() throws {
        var parser = SMTPReplyParser()
        #expect(try parser.feed(Array("250-relay.kommun.se\r\n250-STAR".utf8)).isEmpty)
        let replies = try parser.feed(Array("TTLS\r\n250 HELP\r\n220 Ready\r\n".utf8))
        #expect(replies == [SMTPReply(code: 250, lines: ["relay.kommun.se", "STARTTLS", "HELP"]), SMTPReply(code: 220, lines: ["Ready"])])
        var hostile = SMTPReplyParser()
        #expect(throws: SMTPReplyParser.Problem.self) { try hostile.feed(Array("HTTP/1.1 200 OK\r\n".utf8)) }
        var endless = SMTPReplyParser()
        #expect(throws: SMTPReplyParser.Problem.self) { try endless.feed([UInt8](repeating: UInt8(ascii: "2"), count: 70_000)) }
    }
}
