import Foundation
import TryggCore
import TryggReports

/// The minutes and decision list as people read them: on the page, printed, and in Word.
struct MeetingReportView {
    struct Row {
        let number: String
        let text: String
        let responsible: String
        let dueOn: String
        let status: String
        /// The latest follow-up note: what the follow-up form starts from.
        let note: String
        /// Every follow-up, oldest first ("2026-11-03 Pågår: … (Anna Andersson)"), or the latest note alone
        /// for a decision followed up before the history was kept.
        let notes: [String]
        let links: String
        let decidedAt: String
        let overdue: Bool
    }

    struct Version {
        let label: String
        let reason: String
    }

    let kommun: String
    let title: String
    let forum: String
    let forumKind: String
    let when: String
    let place: String
    let statusText: String
    let approvedText: String
    let agenda: String
    let present: [String]
    let absent: [String]
    let hasAbsent: Bool
    let minutesText: String
    let decisions: [Row]
    let followUps: [Row]
    let versions: [Version]
    let hasCorrections: Bool

    init(_ report: MeetingReport, today: String = StockholmCalendar.local(TryggClock.now).dateText) {
        let meeting = report.meeting
        kommun = report.kommun.name
        title = "Protokoll: \(report.forum.name)"
        forum = report.forum.name
        forumKind = report.forum.kind.displayName + (report.areaName.map { ", \($0)" } ?? "")
        when = "\(SwedishTime.longDate(meeting.startsAt)) kl. \(SwedishTime.clock(meeting.startsAt))–\(SwedishTime.clock(meeting.endsAt))"
        place = meeting.place
        statusText = report.status.displayName
        if let minutes = report.latestMinutes, let at = minutes.approvedAt {
            approvedText =
                "Justerat \(SwedishTime.minute(at)) av \(report.people.name(minutes.approvedBy ?? ""))"
                + (minutes.version > 1 ? " (version \(minutes.version))." : ".")
        } else {
            approvedText = report.latestMinutes == nil ? "Protokoll saknas." : "Utkast, inte justerat."
        }
        agenda = meeting.agenda
        present = meeting.attendance.filter(\.present).map(\.label)
        absent = meeting.attendance.filter { !$0.present }.map(\.label)
        hasAbsent = !absent.isEmpty
        minutesText = report.latestMinutes?.text ?? ""
        decisions = report.decisions.map { Self.row($0, today: today, people: report.people) }
        followUps = report.followUps.map { Self.row($0, today: today, people: report.people) }
        versions = report.minutes.filter { $0.version > 1 }.map {
            Version(
                label: "Version \($0.version), \(SwedishTime.minute($0.writtenAt)) av \(report.people.name($0.writtenBy))"
                    + ($0.approvedAt.map { ", justerad \(SwedishTime.minute($0))" } ?? ", ej justerad"),
                reason: $0.reason)
        }
        hasCorrections = !versions.isEmpty
    }

    static func row(_ item: MeetingReport.Item, today: String, people: PeopleNames) -> Row {
        Row(
            number: item.number, text: item.text, responsible: item.responsible, dueOn: item.dueOn, status: item.status.displayName,
            note: item.statusNote,
            notes: item.history.isEmpty
                ? (item.statusNote.isEmpty ? [] : [item.statusNote])
                : item.history.map { $0.line(by: people.name($0.by)) },
            links: item.links.map { "\($0.kind.displayName): \($0.label)" }.joined(separator: "; "), decidedAt: item.decidedAt,
            overdue: item.status.isOpen && item.dueOn < today)
    }
}

extension MeetingReport {
    /// A self-contained HTML file (styles inline) for printing and `trygg report meeting --format html`.
    public func standaloneHTML(renderer: Renderer) throws -> String {
        let css = StaticFiles.text("trygg.css") + "\n" + StaticFiles.text("report.css")
        return renderer.render(.reportMeeting, ["page": MeetingReportView(self), "inlineStyle": css])
    }

    /// The minutes and decision list as a Word document.
    public func docx() throws -> Data {
        let view = MeetingReportView(self)
        var doc = DocxDocument(title: view.title)
        doc.paragraph(view.kommun, style: "Subtitle")
        doc.paragraph(view.title, style: "Title")
        doc.paragraph("\(view.forumKind) · \(view.when)\(view.place.isEmpty ? "" : " · \(view.place)")", style: "Subtitle")
        doc.paragraph(view.approvedText)
        doc.heading("Närvarande", level: 1)
        doc.paragraph(view.present.isEmpty ? "Ingen närvaro är antecknad." : view.present.joined(separator: "\n"))
        if !view.absent.isEmpty {
            doc.heading("Anmält förhinder", level: 2)
            doc.paragraph(view.absent.joined(separator: "\n"))
        }
        doc.heading("Dagordning", level: 1)
        doc.paragraph(view.agenda.isEmpty ? "Ingen dagordning." : view.agenda)
        doc.heading("Protokoll", level: 1)
        doc.paragraph(view.minutesText.isEmpty ? "Protokollet är inte skrivet." : view.minutesText)
        doc.heading("Beslut", level: 1)
        if view.decisions.isEmpty {
            doc.paragraph("Inga beslut.")
        } else {
            doc.table(
                header: ["§", "Beslut", "Ansvarig", "Klart senast", "Status", "Gäller"],
                rows: view.decisions.map { [$0.number, $0.text, $0.responsible, $0.dueOn, $0.status, $0.links] }, widths: [1, 5, 2, 2, 2, 3])
        }
        doc.heading("Uppföljning av tidigare beslut", level: 1)
        if view.followUps.isEmpty {
            doc.paragraph("Inga öppna beslut från tidigare möten.")
        } else {
            doc.table(
                header: ["Beslut", "Fattat", "Ansvarig", "Klart senast", "Status"],
                rows: view.followUps.map {
                    [
                        $0.number + " " + $0.text + ($0.notes.isEmpty ? "" : "\n\n" + $0.notes.joined(separator: "\n")), $0.decidedAt, $0.responsible, $0.dueOn,
                        $0.status + ($0.overdue ? " (försenat)" : ""),
                    ]
                },
                widths: [5, 3, 2, 2, 2])
        }
        if view.hasCorrections {
            doc.heading("Rättelser", level: 1)
            for version in view.versions { doc.paragraph("\(version.label): \(version.reason)") }
        }
        return try doc.data()
    }
}
