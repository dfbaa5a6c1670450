import Foundation
import SQLKit
import TryggCore

/// One `citizen_reports` row as SQLKit reads and writes it.
struct CitizenReportRow: Codable, Sendable {
    var id: UUID
    var kommunId: UUID
    var publicNumber: Int?
    var tokenHash: String
    var categoryId: UUID
    var latitude: Double?
    var longitude: Double?
    var areaId: UUID?
    var place: String
    var description: String
    var timesOfDay: String
    var weekdays: String
    var gender: String
    var ageBand: String
    var email: String?
    var contactName: String?
    var mediaUrl: String
    var status: String
    var answer: String
    var rejectReason: String
    var duplicateOf: UUID?
    var channel: String
    var submittedAt: Int64
    var updatedAt: Int64
    var contactDeleteAfter: Int64?
    var incidentId: UUID?
    var insatsId: UUID?

    static let decoder = SQLRowDecoder(keyDecodingStrategy: .convertFromSnakeCase)

    var record: CitizenReport {
        CitizenReport(
            id: id, kommunID: kommunId, publicNumber: publicNumber, categoryID: categoryId,
            point: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } }, areaID: areaId,
            place: place, description: description,
            timesOfDay: timesOfDay.split(separator: ",").compactMap { TimeOfDay(rawValue: String($0)) },
            weekdays: weekdays.split(separator: ",").compactMap { Int($0) },
            gender: ReporterGender(rawValue: gender), ageBand: AgeBand(rawValue: ageBand), email: email, contactName: contactName,
            mediaURL: mediaUrl, status: CitizenReportStatus(rawValue: status) ?? .received, answer: answer, rejectReason: rejectReason,
            duplicateOf: duplicateOf, channel: CitizenChannel(rawValue: channel) ?? .web,
            submittedAt: Date(timeIntervalSince1970: TimeInterval(submittedAt)), updatedAt: Date(timeIntervalSince1970: TimeInterval(updatedAt)),
            contactDeleteAfter: contactDeleteAfter.map { Date(timeIntervalSince1970: TimeInterval($0)) },
            incidentID: incidentId, insatsID: insatsId)
    }

    init(_ report: CitizenReport, tokenHash: String) {
        id = report.id
        kommunId = report.kommunID
        publicNumber = report.publicNumber
        self.tokenHash = tokenHash
        categoryId = report.categoryID
        latitude = report.point?.latitude
        longitude = report.point?.longitude
        areaId = report.areaID
        place = report.place
        description = report.description
        timesOfDay = report.timesOfDay.map(\.rawValue).joined(separator: ",")
        weekdays = report.weekdays.map(String.init).joined(separator: ",")
        gender = report.gender?.rawValue ?? ""
        ageBand = report.ageBand?.rawValue ?? ""
        email = report.email
        contactName = report.contactName
        mediaUrl = report.mediaURL
        status = report.status.rawValue
        answer = report.answer
        rejectReason = report.rejectReason
        duplicateOf = report.duplicateOf
        channel = report.channel.rawValue
        submittedAt = Int64(report.submittedAt.timeIntervalSince1970)
        updatedAt = Int64(report.updatedAt.timeIntervalSince1970)
        contactDeleteAfter = report.contactDeleteAfter.map { Int64($0.timeIntervalSince1970) }
        incidentId = report.incidentID
        insatsId = report.insatsID
    }
}
