import Foundation
import Hummingbird
import TryggCore
import TryggStore

/// Joint surveys: a kommun offers its survey to another, which accepts and runs the same
/// questions in its own tenant with its own window; while the agreement is in force both see the
/// comparison of their aggregates (never answers or free text). Either side may revoke it.
struct SurveySharingRoutes {
    let deps: AppDependencies
    var surveys: SurveyRoutes { SurveyRoutes(deps: deps) }

    func register(on routes: RouteRegistry) {
        routes.staff(SiteRoutes.surveyShare) { _, context in try await offer(try await surveys.survey(context), context: context) }
        routes.staff(SiteRoutes.sharingAccept) { _, context in try await accept(context: context) }
        routes.staff(SiteRoutes.sharingRevoke) { _, context in
            _ = try context.requireUser(allowedTo: .editSurveys)
            let id = try context.parameters.require("id", as: UUID.self)
            // An ROS agreement is ended from the LOS settings, not from here.
            guard try await SharingStore(context.kommun).find(id: id)?.subject == .survey else {
                throw HTTPError(.notFound, message: "Delningsavtalet finns inte.")
            }
            do {
                try await SharingStore(context.kommun).revoke(id: id, by: context.actor)
            } catch StoreError.notFound {
                throw HTTPError(.notFound, message: "Delningsavtalet finns inte.")
            } catch let error as StoreError {
                return Response.seeOther(SiteRoutes.surveys.path, error: error.description, context: context)
            }
            return Response.seeOther(
                SiteRoutes.surveys.path, notice: "Delningen är återkallad: den andra kommunen ser inte längre era resultat.", context: context)
        }
        routes.staff(SiteRoutes.surveyComparison) { _, context in try await comparison(try await surveys.survey(context), context: context) }
    }

    func offer(_ survey: Survey, context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .editSurveys)
        let form = try context.decodeForm(ShareForm.self)
        guard let partner = try await KommunStore(deps.database).all().first(where: { $0.slug == form.partner && $0.id != context.kommunID }) else {
            return try await surveys.page(
                survey, context: context, error: "Välj kommunen som ska erbjudas enkäten.", typed: .init(share: form), status: .badRequest)
        }
        do {
            try await SharingStore(context.kommun).offer(
                .survey, code: survey.code, to: partner, what: form.what, validFrom: form.validFrom, decidedBy: form.decidedBy, by: context.actor)
        } catch let error as StoreError {
            return try await surveys.page(survey, context: context, error: error.description, typed: .init(share: form), status: .badRequest)
        }
        return Response.seeOther(
            SiteRoutes.survey.path(survey.id), notice: "Enkäten är erbjuden till \(partner.name). Jämförelsen visas när de har godkänt.", context: context)
    }

    /// The partner accepts: its own survey with the offered questions and its own window, and its decision on the agreement.
    func accept(context: StaffContext) async throws -> Response {
        _ = try context.requireUser(allowedTo: .editSurveys)
        let sharing = SharingStore(context.kommun)
        guard let agreement = try await sharing.find(id: try context.parameters.require("id", as: UUID.self)), agreement.partnerID == context.kommunID,
            let offered = try await sharing.offeredSurvey(agreement)
        else { throw HTTPError(.notFound, message: "Erbjudandet finns inte.") }
        let form = try context.decodeForm(AcceptForm.self)
        let store = SurveyStore(context.kommun)
        do {
            var own = try await store.find(code: offered.code)
            if own == nil {
                own = try await store.create(
                    Survey(
                        id: UUID(), code: offered.code, title: offered.title, purpose: offered.purpose, population: offered.population, mode: offered.mode,
                        sampleSize: nil, opensOn: form.opensOn, closesOn: form.closesOn, questionnaire: offered.questionnaire, questions: offered.questions,
                        areas: try await store.defaultAreas(for: offered.population), requiresCode: false, titleEnglish: offered.titleEnglish,
                        purposeEnglish: offered.purposeEnglish), by: context.actor)
            }
            _ = try await sharing.accept(id: agreement.id, decidedBy: form.decidedBy, by: context.actor)
            return Response.seeOther(
                SiteRoutes.survey.path(own!.id), notice: "Erbjudandet är godkänt. Enkäten finns nu hos er med er egen fältperiod.", context: context)
        } catch let error as StoreError {
            return Response.seeOther(SiteRoutes.surveys.path, error: error.description, context: context)
        }
    }

    struct Side {
        let kommun: String
        let fieldwork: String
        let respondents: String
    }

    struct Line {
        let question: String
        let cells: [SurveyResultsRoutes.Cell]
    }

    struct ComparisonView {
        let sides: [Side]
        let refusal: String?
        let warning: String?
        let what: String
        let lines: [Line]
        let minimum: Int
        let columns: [String]
        let backHref: String
    }

    func comparison(_ survey: Survey, context: StaffContext) async throws -> Response {
        let user = try context.requireUser(allowedTo: .readSurveys)
        guard let (agreement, otherScope) = try await SharingStore(context.kommun).sharedScope(.survey, code: survey.code, by: context.actor),
            let other = try await SurveyStore(otherScope).find(code: survey.code)
        else {
            // As for anything of another kommun: no agreement in force, nothing to see.
            throw HTTPError(.notFound, message: "Det finns inget gällande delningsavtal för den här enkäten.")
        }
        let names = try await KommunStore(deps.database).names()
        let otherName = names[otherScope.kommunID] ?? "den andra kommunen"
        var refusal: String?
        if other.questionnaire != survey.questionnaire {
            refusal =
                "Resultaten kan inte jämföras: \(user.kommun.name) använde frågeformuläret \(survey.questionnaire) och \(otherName) \(other.questionnaire). Bara samma version av frågorna ger jämförbara andelar."
        }
        let overlap = survey.opensOn <= other.closesOn && other.opensOn <= survey.closesOn
        let warning =
            overlap
            ? nil
            : "Inte samtidiga: \(user.kommun.name) samlade in \(survey.opensOn) – \(survey.closesOn), \(otherName) \(other.opensOn) – \(other.closesOn). Skillnader kan bero på tidpunkten."
        // Each side's cells hidden by the stricter of the two kommuner's rules.
        let strictest = max(try await SurveyStore(context.kommun).minimum(), try await SurveyStore(otherScope).minimum())
        let own = try await SurveyStore(context.kommun).results(survey, minimum: strictest)
        let theirs = try await SurveyStore(otherScope).results(other, minimum: strictest)
        var lines: [Line] = []
        if refusal == nil {
            for question in own.questions {
                guard let match = theirs.questions.first(where: { $0.question.code == question.question.code }) else { continue }
                // The kommun as a whole and by gender only: a unit (förvaltning) or an area is never shown to the other kommun.
                let cells = [question, match].flatMap { side in
                    [side.cell(), side.cell(gender: "kvinna"), side.cell(gender: "man")].map(SurveyResultsRoutes.cell)
                }
                lines.append(Line(question: question.question.text, cells: cells))
            }
        }
        let view = ComparisonView(
            sides: [
                Side(kommun: user.kommun.name, fieldwork: "\(survey.opensOn) – \(survey.closesOn)", respondents: SwedishNumber.integer(own.respondents)),
                Side(kommun: otherName, fieldwork: "\(other.opensOn) – \(other.closesOn)", respondents: SwedishNumber.integer(theirs.respondents)),
            ], refusal: refusal, warning: warning, what: SwedishGrammar.sentence(agreement.what), lines: lines, minimum: strictest,
            columns: [user.kommun.name, otherName].flatMap { ["\($0): alla", "kvinnor", "män"] }, backHref: SiteRoutes.survey.path(survey.id))
        return deps.renderer.page(
            .surveyComparison, title: "Jämförelse – \(survey.title)", context: context, content: view, status: refusal == nil ? .ok : .conflict)
    }
}

struct ShareForm: Decodable {
    @FormText var partner: String
    @FormText var what: String
    @FormText var validFrom: String
    @FormText var decidedBy: String
    enum CodingKeys: String, CodingKey { case partner = "kommun", what = "vad", validFrom = "fran", decidedBy = "beslutat_av" }
}

struct AcceptForm: Decodable {
    @FormText var decidedBy: String
    @FormText var opensOn: String
    @FormText var closesOn: String
    enum CodingKeys: String, CodingKey { case decidedBy = "beslutat_av", opensOn = "fran", closesOn = "till" }
}

/// What the survey's page and the list show of the kommun's agreements.
extension SurveySharingRoutes {
    struct AgreementRow {
        let partner: String
        let state: String
        let what: String
        let validFrom: String
        let decided: String
        let revokeAction: String?
    }

    struct Section {
        let agreements: [AgreementRow]
        let hasAgreements: Bool
        let comparisonHref: String?
        let shareAction: String
        let partners: [SelectOption]
        let defaultWhat =
            "Aggregerade resultat per fråga för hela kommunen och per kön; celler med färre än 30 svar visas inte. Inga enskilda svar och ingen fritext."
        let today: String
    }

    static func section(for survey: Survey, context: StaffContext, database: TryggDatabase) async throws -> Section {
        let kommuner = try await KommunStore(database).all()
        let names = Dictionary(kommuner.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let now = TryggClock.now
        let agreements = try await SharingStore(context.kommun).all().filter { $0.subject == .survey && $0.subjectCode == survey.code }
        let rows = agreements.map { agreement in
            let state = agreement.state(at: now)
            let ownName = names[agreement.ownerID] ?? "", partnerName = names[agreement.partnerID] ?? ""
            return AgreementRow(
                partner: names[agreement.other(than: context.kommunID)] ?? "", state: state.label, what: agreement.what, validFrom: agreement.validFrom,
                decided: "\(ownName): \(agreement.ownerDecidedBy)" + (agreement.partnerDecidedBy.map { "; \(partnerName): \($0)" } ?? ""),
                revokeAction: state == .revoked || !context.user.role.allows(.editSurveys) ? nil : SiteRoutes.sharingRevoke.path(agreement.id))
        }
        return Section(
            agreements: rows, hasAgreements: !rows.isEmpty,
            comparisonHref: agreements.contains { $0.state(at: now) == .active } ? SiteRoutes.surveyComparison.path(survey.id) : nil,
            shareAction: SiteRoutes.surveyShare.path(survey.id),
            partners: kommuner.filter { $0.id != context.kommunID }.map { SelectOption(value: $0.slug, label: $0.name, selected: false) },
            today: StockholmCalendar.local(now).dateText)
    }

    struct OfferRow {
        let from: String
        let title: String
        let questionnaire: String
        let what: String
        let decidedBy: String
        let acceptAction: String
        let id: String
        let opensOn: String
        let closesOn: String
    }

    /// Surveys other kommuner have offered this one and that wait for its answer.
    static func offers(context: StaffContext, database: TryggDatabase) async throws -> [OfferRow] {
        let sharing = SharingStore(context.kommun)
        let names = try await KommunStore(database).names()
        var rows: [OfferRow] = []
        for agreement in try await sharing.offersAwaitingAnswer() {
            guard let survey = try await sharing.offeredSurvey(agreement) else { continue }
            rows.append(
                OfferRow(
                    from: names[agreement.ownerID] ?? "", title: survey.title, questionnaire: survey.questionnaire,
                    what: SwedishGrammar.sentence(agreement.what),
                    decidedBy: agreement.ownerDecidedBy, acceptAction: SiteRoutes.sharingAccept.path(agreement.id), id: agreement.id.uuidString,
                    opensOn: survey.opensOn, closesOn: survey.closesOn))
        }
        return rows
    }
}
