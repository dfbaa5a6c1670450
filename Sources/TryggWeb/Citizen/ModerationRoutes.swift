import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// The samordnare's queue of residents' reports at `/medborgare`: review, publish, edit away
/// personal data, reject, mark duplicates, answer, close, and hand over to EST.
struct ModerationRoutes {
    let deps: AppDependencies

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.citizenReports) { request, context in
            let user = try context.requireUser(allowedTo: .moderateCitizenReports)
            let status = request.uri.queryParameters["status"].flatMap { CitizenReportStatus(rawValue: String($0)) } ?? .received
            let email = request.uri.queryParameters["epost"].map { String($0).trimmed } ?? ""
            return try await CitizenListPage(deps: deps).render(user: user, status: status, email: email, context: context)
        }
        routes.staff(SiteRoutes.citizenReport) { _, context in
            let (user, report) = try await load(context)
            if report.hasContact {
                // Contact details are personal data: who looked at them is recorded.
                try await AuditLog.record(
                    context.actor, action: "läste kontaktuppgifter", objectType: "medborgarrapport",
                    objectID: report.id.uuidString, kommunID: user.kommun.id, on: deps.database.db)
            }
            return try await CitizenReportPage(deps: deps).render(report, user: user, context: context)
        }
        action(routes, "godkann", done: "Tipset är publicerat och finns i EST-lägesbilden som medborgarrapport.") { report, context in
            let edit = try await edit(from: try context.decodeForm(), report: report, kommun: context.kommun)
            try await CitizenStore(context.kommun).approve(id: report.id, edit: edit, by: context.actor)
        }
        action(routes, "redigera", done: "Ändringen är sparad; den tidigare texten finns bara i granskningsloggen.") { report, context in
            guard let edit = try await edit(from: try context.decodeForm(), report: report, kommun: context.kommun) else {
                throw StoreError.invalid("Beskrivningen saknas.")
            }
            try await CitizenStore(context.kommun).edit(id: report.id, edit: edit, by: context.actor)
        }
        action(routes, "avvisa", done: "Tipset är avvisat.") { report, context in
            let reason = try text(try context.decodeForm(ReviewForm.self).reason, "Skäl", required: true)
            try await CitizenStore(context.kommun).reject(id: report.id, reason: reason, by: context.actor)
        }
        action(routes, "dubblett", done: "Tipset är markerat som dubblett.") { report, context in
            guard let original = UUID(uuidString: try context.decodeForm(ReviewForm.self).original) else {
                throw StoreError.invalid("Välj vilket tips det är en dubblett av.")
            }
            try await CitizenStore(context.kommun).markDuplicate(id: report.id, of: original, by: context.actor)
        }
        action(routes, "svara", done: "Svaret är sparat och syns för den som tipsade.") { report, context in
            let form = try context.decodeForm(ReviewForm.self)
            let answer = try text(form.answer, "Svaret", required: true)
            try await CitizenStore(context.kommun).answer(id: report.id, text: answer, seen: form.seenAnswer, by: context.actor)
            await deps.notify(context.user.kommun) { try await $0.residentAnswered(reportID: report.id) }
        }
        action(routes, "avsluta", done: "Tipset är avslutat.") { report, context in
            try await CitizenStore(context.kommun).close(id: report.id, by: context.actor)
        }
        action(routes, "est", done: "Tipset är nu en EST-händelse rapporterad av din organisation.") { report, context in
            try await CitizenStore(context.kommun).makeESTEvent(
                id: report.id, organisationID: context.user.organisation.id,
                reporterID: context.user.id, by: context.actor)
        }
        action(routes, "radera-kontakt", done: "Kontaktuppgifterna är raderade. Tipset finns kvar utan dem.") { report, context in
            try await CitizenStore(context.kommun).eraseContact(id: report.id, by: context.actor)
        }
        action(routes, "insats", done: "Insatsen är beslutad och kopplad till tipset.") { report, context in
            let form = try context.decodeForm(InsatsForm.self)
            let week = StockholmCalendar.local(TryggClock.now).week
            let insats = try await InsatsStore(context.kommun).decide(try form.decision(at: report.point), week: week, by: context.actor)
            try await CitizenStore(context.kommun).linkInsats(id: report.id, insatsID: insats.id, by: context.actor)
        }
    }

    private func load(_ context: StaffContext) async throws -> (UserAccount, CitizenReport) {
        let user = try context.requireUser(allowedTo: .moderateCitizenReports)
        guard let id = context.parameters.get("id", as: UUID.self),
            let report = try await CitizenStore(context.kommun).find(id: id)
        else { throw HTTPError(.notFound) }
        return (user, report)
    }

    /// A POST under `/medborgare/{id}/…`: on success the report page with `done`, on a refused
    /// change the same page with the reason.
    private func action(
        _ routes: RouteRegistry, _ name: String, done: String,
        _ change: @escaping @Sendable (CitizenReport, StaffContext) async throws -> Void
    ) {
        routes.staff(SiteRoutes.citizenReview(name)) { _, context in
            // One review of a tip at a time, on the tip as it is then: two reviewers publishing or
            // editing it at once merge (`EditedRecord`) instead of overwriting each other.
            guard let id = context.parameters.get("id", as: UUID.self) else { throw HTTPError(.notFound) }
            return try await deps.recordLocks.serially(id) { try await review(context, done: done, change) }
        }
    }

    private func review(
        _ context: StaffContext, done: String, _ change: (CitizenReport, StaffContext) async throws -> Void
    ) async throws -> Response {
        let (user, report) = try await load(context)
        let page = CitizenReportPage(deps: deps)
        // The page comes back with what was typed in the refused form.
        let typed = try? context.decodeForm(ReviewForm.self)
        do {
            try await change(report, context)
        } catch let conflict as RecordConflict<ReviewForm> {
            return try await page.render(
                report, user: user, context: context, error: conflict.description, typed: typed, recordConflict: conflict, status: .conflict)
        } catch StoreError.notFound {
            throw HTTPError(.notFound)
        } catch let error as StoreError {
            return try await page.render(report, user: user, context: context, error: error.description, typed: typed, status: .badRequest)
        } catch let conflict as EditConflict {
            return try await page.render(
                report, user: user, context: context, error: conflict.description, typed: typed, conflict: conflict, status: .conflict)
        }
        return Response.seeOther(SiteRoutes.citizenReport.path(report.id), notice: done, context: context)
    }

    private func edit(from typed: ReviewForm, report: CitizenReport, kommun: KommunScope) async throws -> CitizenStore.Edit? {
        guard typed.description != nil else { return nil }
        let form = try EditedRecord.merge(typed, stored: ReviewForm(shown: report))
        let description = form.descriptionText
        let categories = try await CategoryStore(kommun).all()
        guard let category = categories.first(where: { $0.id.uuidString == form.category && !$0.retired }) else {
            throw StoreError.invalid("Välj en kategori.")
        }
        var problems: [IncidentProblem] = []
        CitizenRules.checkText(
            form.place, field: "platsnamn", label: "Platsnamnet", limit: CitizenRules.maxPlaceLength,
            required: false, problems: &problems)
        CitizenRules.checkText(
            description, field: "beskrivning", label: "Beskrivningen", limit: CitizenRules.maxDescriptionLength,
            required: true, problems: &problems)
        guard problems.isEmpty else { throw StoreError.invalid(problems.map(\.description).joined(separator: "\n")) }
        return CitizenStore.Edit(
            categoryID: category.id, place: form.place.trimmingCharacters(in: .whitespacesAndNewlines),
            description: description.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func text(_ value: String, _ label: String, required: Bool) throws -> String {
        if required && value.isEmpty { throw StoreError.invalid("\(label) saknas.") }
        guard value.count <= CitizenRules.maxAnswerLength else {
            throw StoreError.invalid("\(label) får vara högst \(CitizenRules.maxAnswerLength) tecken.")
        }
        if let message = PersonalDataGuard.message(for: value, field: label) { throw StoreError.invalid(message) }
        return value
    }
}

/// The fields of the review page's forms: the edit, the rejection, the duplicate and the answer.
struct ReviewForm: Decodable, EditedRecordForm {
    /// Present only in the edit and publish forms; its absence means "publish as written".
    var description: String?
    @FormText var category: String
    @FormRaw var place: String
    @FormText var reason: String
    @FormText var original: String
    @FormText var answer: String
    /// The fingerprint of the answer the page showed (see `ConcurrentEdit`).
    @FormText var seenAnswer: String
    /// The fingerprints of the tip the edit form showed (see `EditedRecord`).
    @FormText var seen: String

    enum CodingKeys: String, CodingKey {
        case description = "beskrivning", category = "kategori", place = "platsnamn", reason = "skal", original, answer = "svar"
        case seenAnswer = "sett_svar", seen = "sett"
    }

    /// The edit form's fields (the other actions' fields are not the tip's).
    static let editedFields: [EditedField<ReviewForm>] = [
        .init(name: "kategori", label: "Kategori", path: \.category), .init(name: "platsnamn", label: "Platsnamn", path: \.place),
        .init(name: "beskrivning", label: "Beskrivning", path: \.descriptionText),
    ]

    init() {}

    /// The edit form as it shows a stored tip.
    init(shown report: CitizenReport) {
        category = report.categoryID.uuidString
        place = report.place
        description = report.description
    }

    var descriptionText: String {
        get { description ?? "" }
        set { description = newValue }
    }
}
