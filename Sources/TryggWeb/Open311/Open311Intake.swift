import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// POST `requests`: a resident's report sent by an app. Checked by the same rules as the web
/// form; stored as received; answered with a token.
struct Open311Intake {
    let deps: AppDependencies

    func post(request: Request, context: TryggRequestContext, format: Open311Format) async throws -> Response {
        var request = request
        let body = try await request.collectBody(upTo: context.maxBodyBytes)
        // Parameters may come in the body (the standard) or the query string; the body wins.
        let bodyPairs = FormFields(encoded: String(buffer: body)).pairs
        let bodyNames = Set(bodyPairs.map(\.0))
        let queryPairs = request.uri.queryParameters.map { (String($0.key), String($0.value)) }.filter { !bodyNames.contains($0.0) }
        let form = FormFields(pairs: queryPairs + bodyPairs)
        let kommun = try await Open311Routes.kommun(form["jurisdiction_id"], deps: deps)
        let key = form.text("api_key")
        guard !key.isEmpty else { throw Open311Error(.forbidden, "api_key saknas. Nycklar utfärdas av kommunen.") }
        let found =
            key.utf8.count > 100
            ? nil
            : try await deps.open311Keys.value(for: key) { hash in
                try await Open311KeyStore.key(forHash: hash, in: deps.database).map { (Open311Key(kommunID: $0.kommunID, label: $0.label), nil) }
            }
        guard let keyLabel = found.flatMap({ $0.kommunID == kommun.id ? $0.label : nil }) else {
            throw Open311Error(.forbidden, "api_key är ogiltig eller spärrad för \(kommun.name).")
        }
        let draft: CitizenDraft
        do { draft = try Open311Input.draft(from: form) } catch { throw Open311Error(.badRequest, error.description) }
        let reference = try await deps.referenceCache.lookups(for: deps.scope(of: kommun))
        guard reference.categories.contains(where: { $0.isPublic && !$0.retired && $0.code == draft.category }) else {
            throw Open311Error(.badRequest, "service_code ”\(draft.category.prefix(60))” finns inte. Se services.\(format == .json ? "json" : "xml").")
        }
        let checked: CheckedCitizenReport
        switch CitizenRules.check(draft, categories: reference.categories, areas: reference.areas, bounds: reference.citizenBounds) {
        case .success(let report): checked = report
        case .failure(let problems): throw Open311Error(.badRequest, all: problems.problems.map { "\($0.field): \($0.message)" })
        }
        guard await deps.publicGate.open311Reports.allow("\(kommun.id):\(keyLabel)") else {
            throw Open311Error(.tooManyRequests, "För många rapporter med den här nyckeln den senaste timmen.")
        }
        let actor = Actor(userID: nil, kommunID: kommun.id, label: "open311: \(keyLabel)", address: context.clientAddress)
        let tip = CitizenStore.receive(checked, kommunID: kommun.id, channel: .open311, retentionDays: reference.citizenSettings.retentionDays, by: actor)
        guard
            let token = try await deps.publicGate.whileWriting({ () async throws -> String in
                try await deps.citizenQueue.store(tip)
                return tip.token
            })
        else {
            throw Open311Error(.serviceUnavailable, "Tjänsten tar emot många rapporter just nu. Försök igen om en stund.")
        }
        let answer = Open311Value.object([("token", .text(token)), ("service_notice", .text(Self.notice)), ("account_id", .null)])
        return Open311Response.document(.list(element: "request", [answer]), root: "service_requests", format: format, status: .created)
    }

    static let notice = "Tack! Rapporten granskas av kommunen innan den publiceras; fråga tokens/{token} efter dess nummer."
}

/// Who an Open311 `api_key` was issued to.
struct Open311Key: Sendable {
    let kommunID: UUID
    let label: String
}
