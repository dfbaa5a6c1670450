import ArgumentParser
import Foundation
import TryggCore
import TryggStore
import TryggWeb

struct ForumCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "forum", abstract: "Kommunens samverkansforum och deras möten.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Listar forumen med typ, område, medlemmar och möten (JSON eller text).",
            discussion:
                "JSON: en lista av {id, name, type, area, convener, mandate, members: [{user, organisation, secretary}], meetings: [{id, date, status}]}.")

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Format: json eller text.") var format = "text"

        func run() async throws {
            guard ["json", "text"].contains(format) else { throw CLIError("Formatet \"\(format)\" stöds inte; använd json eller text.") }
            let forums: [[String: Any]] = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                let scope = KommunScope(database, kommunID: kommun.id)
                let users = Dictionary(uniqueKeysWithValues: try await UserStore(scope).accounts().map { ($0.id, $0) })
                let organisations = Dictionary(uniqueKeysWithValues: try await OrganisationStore(scope).organisations().map { ($0.id, $0.name) })
                let areas = Dictionary(uniqueKeysWithValues: try await AreaStore(scope).all().map { ($0.id, $0.name) })
                let forums = try await ForumStore(scope).all()
                let meetings = try await MeetingStore(scope).meetings(forumIDs: forums.map(\.id))
                let now = TryggClock.now
                return forums.map { forum in
                    [
                        "id": forum.id.uuidString, "name": forum.name, "type": forum.kind.rawValue,
                        "area": forum.areaID.flatMap { areas[$0] } ?? NSNull(), "convener": forum.convenerID.flatMap { organisations[$0] } ?? NSNull(),
                        "mandate": forum.mandate,
                        "members": forum.members.map { member -> [String: Any] in
                            let user = member.userID.flatMap { users[$0] }
                            return [
                                "user": user?.name ?? NSNull(),
                                "organisation": user?.organisation.name ?? member.organisationID.flatMap { organisations[$0] } ?? NSNull(),
                                "secretary": member.secretary,
                            ]
                        },
                        "meetings": meetings.filter { $0.meeting.forumID == forum.id }.map {
                            ["id": $0.meeting.id.uuidString, "date": $0.meeting.day, "status": $0.status(now: now).rawValue]
                        },
                    ]
                }
            }
            if format == "json" {
                FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: forums, options: [.sortedKeys, .prettyPrinted]) + Data("\n".utf8))
                return
            }
            if forums.isEmpty { say("Inga forum.") }
            for forum in forums {
                let meetings = forum["meetings"] as? [[String: Any]] ?? []
                print(
                    "\(forum["name"] ?? "")\t\(forum["type"] ?? "")\t\(SwedishGrammar.count((forum["members"] as? [Any])?.count ?? 0, "medlem", "medlemmar"))\t\(SwedishGrammar.count(meetings.count, "möte", "möten"))"
                )
            }
        }
    }
}

extension ReportCommand {
    struct MeetingReportCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "meeting", abstract: "Ett mötes protokoll och beslutslista (HTML, DOCX eller JSON).",
            discussion:
                "JSON: {forum, date, attendance: [{name, organisation, present}], decisions: [{text, responsible, due_date, status, links: [{type, id, label}]}], …}. Mötets id står i `trygg forum list --format json`."
        )

        @OptionGroup var db: DatabaseOptions
        @Option(help: "Kommunens kortform.") var kommun: String
        @Option(help: "Mötets id.") var id: String
        @Option(help: "Format: html, docx eller json.") var format = "json"
        @Option(name: .shortAndLong, help: "Utfil (standard: standard ut).") var output: String?

        func run() async throws {
            guard ["json", "html", "docx"].contains(format) else { throw CLIError("Formatet \"\(format)\" stöds inte; använd html, docx eller json.") }
            guard let meetingID = UUID(uuidString: id) else { throw CLIError("\"\(id)\" är inget mötes-id.") }
            let data = try await db.withDatabase { database in
                let kommun = try await KommunStore(database).require(slug: kommun)
                guard let report = try await MeetingReport.load(meetingID: meetingID, kommun: kommun, database: database) else {
                    throw CLIError("\(kommun.name) har inget möte med id \(id).")
                }
                switch format {
                case "docx": return try report.docx()
                case "html": return Data(try report.standaloneHTML(renderer: try await Renderer.load()).utf8)
                default: return try JSONSerialization.data(withJSONObject: report.json, options: [.sortedKeys, .prettyPrinted])
                }
            }
            try writeOutput(data, to: output)
        }
    }
}
