import Foundation
import TryggCore
import TryggStore

/// The demo's EST year: synthetic events, an insats that worked with its follow-up, published
/// weekly lägesbilder with assessments, and a few reports by the demo rapportör.
enum DemoEST {
    static func seed(_ database: TryggDatabase, kommun: Kommun, now: Date = TryggClock.now) async throws {
        let actor = Actor.commandLine(kommunID: kommun.id)
        let categories = try await CategoryStore(KommunScope(database, kommunID: kommun.id)).all()
        let byCode = Dictionary(uniqueKeysWithValues: categories.map { ($0.code, $0) })
        let rows = DemoEvents.generate(kommunSlug: kommun.slug, now: now).enumerated().compactMap { index, event -> IncidentCSV.Row? in
            guard let category = byCode[event.category] else { return nil }
            return IncidentCSV.Row(
                line: index + 2,
                incident: CheckedIncident(
                    category: category, subcategory: event.subcategory, occurredAt: event.occurredAt, endedAt: nil, precision: .exact,
                    point: event.point, areaName: "", place: event.place, description: event.description), organisation: event.organisation)
        }
        try await IncidentStore(KommunScope(database, kommunID: kommun.id)).importRows(rows, fileName: "demo", source: .est, by: actor)

        let organisations = try await OrganisationStore(KommunScope(database, kommunID: kommun.id)).organisations()
        // The EST group's decisions, follow-ups and published weeks are the samordnare's, as in a
        // real week; the pages name her, not "kommandoraden".
        let lead =
            try await UserStore(KommunScope(database, kommunID: kommun.id)).accounts().first { $0.role == .samordnare }
            .map { Actor(user: $0, address: "demo") } ?? actor
        let thisWeek = ISOWeek.containing(now)
        let est = ESTStore(KommunScope(database, kommunID: kommun.id))
        // The insatser carry out the plan's measure 24.2 (vidareutveckla EST), shown on its page.
        let plans = PlanStore(KommunScope(database, kommunID: kommun.id))
        var estMeasure: Measure?
        if let plan = try await plans.planInForce() { estMeasure = try await plans.measures(planID: plan.id).first { $0.reference == "24.2" } }
        for measure in DemoEvents.measures where measure.kommunSlug == kommun.slug {
            guard let organisation = organisations.first(where: { $0.abbreviation == measure.organisation }) else { continue }
            let week = thisWeek.adding(-measure.weeksAgo)
            let startText = StockholmCalendar.local(week.start).dateText
            let insats = try await InsatsStore(KommunScope(database, kommunID: kommun.id)).decide(
                .init(
                    kind: .situational, what: measure.what, place: measure.place, point: measure.point, organisationID: organisation.id,
                    startsOn: startText, dueOn: startText, measureID: estMeasure?.id), week: week.adding(-1), by: lead)
            try await InsatsStore(KommunScope(database, kommunID: kommun.id)).followUp(
                insatsID: insats.id, week: week.adding(2), status: .done,
                note: "Belysningen är bytt och kameran i drift sedan start (demo).", by: lead)
            try await est.addPriorityPlace(
                name: measure.place, point: measure.point, note: "Återkommande skadegörelse och otrygghet (demo).",
                week: week.adding(-1), by: lead)
        }
        // The last eight finished weeks are assessed and published, as the EST group does every week.
        for weeksAgo in 1...8 {
            let week = thisWeek.adding(-weeksAgo)
            try await est.saveAssessment(
                weeksAgo == DemoEvents.spikeWeeksAgo && kommun.slug == "linkoping"
                    ? "Kraftig ökning av ordningsstörningar i Berga kring skolgården under helgen. Polis och fältassistenter samordnar närvaro fredag–lördag kväll (demo)."
                    : "Läget i stort oförändrat. Skadegörelsen vid de heta platserna fortsätter och följs upp med fastighetsägaren (demo).",
                week: week, by: lead)
            try await est.setPublished(true, week: week, by: lead)
        }
        if kommun.slug == "linkoping", let polisen = organisations.first(where: { $0.abbreviation == "Polisen" }) {
            // Decided at the EST group's meeting the week after the weekend's spike at the school yard.
            let week = thisWeek.adding(-DemoEvents.spikeWeeksAgo + 1)
            try await InsatsStore(KommunScope(database, kommunID: kommun.id)).decide(
                .init(
                    // At the school yard where the spike's events were, so its effect can be estimated.
                    kind: .presence, what: "Polis, fältassistenter och nattvandrare", place: "Bergaskolans skolgård",
                    point: DemoAreas.all.first { $0.kommunSlug == kommun.slug && $0.name == "Berga" }?.centre,
                    organisationID: polisen.id, startsOn: StockholmCalendar.local(week.start).dateText,
                    dueOn: StockholmCalendar.local(week.adding(4).start).dateText,
                    presenceDays: "fredag–lördag", presenceTimes: "19–01", measureID: estMeasure?.id), week: week, by: lead)
        }
        try await seedGatherings(database, kommun: kommun, now: now)
        // The demo rapportör's own reports, so "Mina rapporter" shows something.
        if let reporter = try await UserStore(KommunScope(database, kommunID: kommun.id)).accounts().first(where: { $0.role == .rapportor }),
            let litter = byCode["nedskrapning"], let damage = byCode["skadegorelse"]
        {
            let reporterActor = Actor(user: reporter, address: "demo")
            for (index, category) in [litter, damage, litter].enumerated() {
                let checked = CheckedIncident(
                    category: category, subcategory: "", occurredAt: now.addingTimeInterval(-Double(index + 1) * 26 * 3600),
                    endedAt: nil, precision: .approximate, point: DemoEvents.hotPlace.point, areaName: "",
                    place: DemoEvents.hotPlace.name, description: "Min rapport från kvällsrundan (demo).")
                try await IncidentStore(KommunScope(database, kommunID: kommun.id)).add(
                    checked, organisationID: reporter.organisation.id,
                    reporterID: reporter.id, source: .est, by: reporterActor)
            }
        }
    }

    /// The police's decisions on gatherings the EST group plans by: two coming (one in the
    /// Berga district), one refused last month. Synthetic, in the police's own list format.
    static func seedGatherings(_ database: TryggDatabase, kommun: Kommun, now: Date) async throws {
        guard let berga = DemoAreas.all.first(where: { $0.kommunSlug == kommun.slug && $0.name == "Berga" })?.centre else { return }
        func day(_ offset: Int) -> String { StockholmCalendar.local(now.addingTimeInterval(Double(offset) * 86_400)).dateText }
        let gatherings = [
            Gathering(
                plannedOn: day(4), place: "Stora torget", decision: "Bifall", outcome: .bifall, point: GeoPoint(latitude: 58.41086, longitude: 15.62157)),
            Gathering(plannedOn: day(9), place: "Bergas centrum, vid skolgården", decision: "Bifall", outcome: .bifall, point: berga),
            Gathering(
                plannedOn: day(-24), place: "Bergas centrum, alternativt Trädgårdstorget", decision: "Avslag Bergas centrum, Bifall Trädgårdstorget",
                outcome: .delvis, point: berga),
        ]
        _ = try await GatheringStore(KommunScope(database, kommunID: kommun.id)).importDecisions(
            gatherings, source: "demo", by: .commandLine(kommunID: kommun.id))
    }
}
