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
            return try await CitizenListPage(deps: deps).render(user: user, status: status, context: context)
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
        action(routes, "godkann", done: "Tipset är publicerat och finns i EST-lägesbilden som medborgarrapport.") { report, user, actor, form in
            let edit = try await edit(from: form, report: report, kommunID: user.kommun.id)
            try await CitizenStore(deps.database).approve(id: report.id, kommunID: user.kommun.id, edit: edit, by: actor)
        }
        action(routes, "redigera", done: "Ändringen är sparad; den tidigare texten finns bara i granskningsloggen.") { report, user, actor, form in
            guard let edit = try await edit(from: form, report: report, kommunID: user.kommun.id) else {
                throw StoreError.invalid("Beskrivningen saknas.")
            }
            try await CitizenStore(deps.database).edit(id: report.id, kommunID: user.kommun.id, edit: edit, by: actor)
        }
        action(routes, "avvisa", done: "Tipset är avvisat.") { report, user, actor, form in
            let reason = try text(form, "skal", "Skäl", required: true)
            try await CitizenStore(deps.database).reject(id: report.id, kommunID: user.kommun.id, reason: reason, by: actor)
        }
        action(routes, "dubblett", done: "Tipset är markerat som dubblett.") { report, user, actor, form in
            guard let original = UUID(uuidString: form.text("original")) else { throw StoreError.invalid("Välj vilket tips det är en dubblett av.") }
            try await CitizenStore(deps.database).markDuplicate(id: report.id, of: original, kommunID: user.kommun.id, by: actor)
        }
        action(routes, "svara", done: "Svaret är sparat och syns för den som tipsade.") { report, user, actor, form in
            let answer = try text(form, "svar", "Svaret", required: true)
            try await CitizenStore(deps.database).answer(id: report.id, kommunID: user.kommun.id, text: answer, by: actor)
        }
        action(routes, "avsluta", done: "Tipset är avslutat.") { report, user, actor, _ in
            try await CitizenStore(deps.database).close(id: report.id, kommunID: user.kommun.id, by: actor)
        }
        action(routes, "est", done: "Tipset är nu en EST-händelse rapporterad av din organisation.") { report, user, actor, _ in
            try await CitizenStore(deps.database).makeESTEvent(
                id: report.id, kommunID: user.kommun.id, organisationID: user.organisation.id,
                reporterID: user.id, by: actor)
        }
        action(routes, "insats", done: "Insatsen är beslutad och kopplad till tipset.") { report, user, actor, form in
            guard let organisationID = UUID(uuidString: form.text("organisation")) else { throw StoreError.invalid("Välj en ansvarig organisation.") }
            let week = StockholmCalendar.local(Date()).week
            let insats = try await InsatsStore(deps.database).decide(
                .init(
                    kind: Insats.Kind(rawValue: form.text("typ")) ?? .situational, what: form.text("vad"), place: form.text("plats"),
                    point: report.point, organisationID: organisationID, startsOn: form.text("start"), dueOn: form.text("klart")),
                week: week, kommunID: user.kommun.id, by: actor)
            try await CitizenStore(deps.database).linkInsats(id: report.id, kommunID: user.kommun.id, insatsID: insats.id, by: actor)
        }
    }

    private func load(_ context: StaffContext) async throws -> (UserAccount, CitizenReport) {
        let user = try context.requireUser(allowedTo: .moderateCitizenReports)
        guard let id = context.parameters.get("id", as: UUID.self),
            let report = try await CitizenStore(deps.database).find(id: id, kommunID: user.kommun.id)
        else { throw HTTPError(.notFound) }
        return (user, report)
    }

    /// A POST under `/medborgare/{id}/…`: on success the report page with `done`, on a refused
    /// change the same page with the reason.
    private func action(
        _ routes: RouteRegistry, _ name: String, done: String,
        _ change: @escaping @Sendable (CitizenReport, UserAccount, Actor, FormFields) async throws -> Void
    ) {
        routes.staff(SiteRoutes.citizenReview(name)) { _, context in
            let (user, report) = try await load(context)
            let page = CitizenReportPage(deps: deps)
            do {
                try await change(report, user, context.actor, context.form)
            } catch StoreError.notFound {
                throw HTTPError(.notFound)
            } catch let error as StoreError {
                return try await page.render(report, user: user, context: context, error: error.description, status: .badRequest)
            }
            return Response.seeOther(SiteRoutes.citizenReport.path(report.id), notice: done, context: context)
        }
    }

    private func edit(from form: FormFields, report: CitizenReport, kommunID: UUID) async throws -> CitizenStore.Edit? {
        guard form["beskrivning"] != nil else { return nil }
        let categories = try await CategoryStore(deps.database).all(kommunID: kommunID)
        guard let category = categories.first(where: { $0.id.uuidString == form.text("kategori") && !$0.retired }) else {
            throw StoreError.invalid("Välj en kategori.")
        }
        var problems: [IncidentProblem] = []
        CitizenRules.checkText(
            form["platsnamn"] ?? "", field: "platsnamn", label: "Platsnamnet", limit: CitizenRules.maxPlaceLength,
            required: false, problems: &problems)
        CitizenRules.checkText(
            form["beskrivning"] ?? "", field: "beskrivning", label: "Beskrivningen", limit: CitizenRules.maxDescriptionLength,
            required: true, problems: &problems)
        guard problems.isEmpty else { throw StoreError.invalid(problems.map(\.description).joined(separator: "\n")) }
        return CitizenStore.Edit(categoryID: category.id, place: form.text("platsnamn"), description: form.text("beskrivning"))
    }

    private func text(_ form: FormFields, _ name: String, _ label: String, required: Bool) throws -> String {
        let value = form.text(name)
        if required && value.isEmpty { throw StoreError.invalid("\(label) saknas.") }
        guard value.count <= CitizenRules.maxAnswerLength else {
            throw StoreError.invalid("\(label) får vara högst \(CitizenRules.maxAnswerLength) tecken.")
        }
        if let message = PersonalDataGuard.message(for: value, field: label) { throw StoreError.invalid(message) }
        return value
    }
}
