import Foundation
import TryggCore

/// The lägesbild document as JSON: `trygg report lagesbild --format json`. Measures are named by
/// their number in the plan ("24.2"), as the decision documents do.
public enum LagesbildFiles {
    struct Document: Encodable {
        struct Source: Encodable {
            var name: String
            var included: Bool
            var reason: String
        }

        struct Problem: Encodable {
            var title: String
            var area: String
            var priorityReasons: [String]
            var victims: String
            var offenders: String
            var place: String
            var measures: [String]
            var noMeasureReason: String
        }

        struct Sections: Encodable {
            var mapping: String
            var otherInformation: String
            var analysis: String
            var criminalInfluence: String
            var policeAssessment: String
        }

        var kommun: String
        var version: Int
        var status: String
        var periodFrom: String
        var periodTo: String
        var decidedBy: String?
        var decidedAt: String?
        var diarienummer: String?
        var nextDue: String?
        var sections: Sections
        var sources: [Source]
        var problems: [Problem]

        /// Every key always present: an undecided draft has `null` decision fields.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(kommun, forKey: .kommun)
            try container.encode(version, forKey: .version)
            try container.encode(status, forKey: .status)
            try container.encode(periodFrom, forKey: .periodFrom)
            try container.encode(periodTo, forKey: .periodTo)
            try container.encode(decidedBy, forKey: .decidedBy)
            try container.encode(decidedAt, forKey: .decidedAt)
            try container.encode(diarienummer, forKey: .diarienummer)
            try container.encode(nextDue, forKey: .nextDue)
            try container.encode(sections, forKey: .sections)
            try container.encode(sources, forKey: .sources)
            try container.encode(problems, forKey: .problems)
        }

        enum CodingKeys: String, CodingKey {
            case kommun, version, status, periodFrom, periodTo, decidedBy, decidedAt, diarienummer, nextDue, sections, sources, problems
        }
    }

    public static func json(
        _ document: LagesbildDocument, kommun: Kommun, measureNumbers: [UUID: String], sources: [SourceEntry]
    ) throws -> Data {
        let file = Document(
            kommun: kommun.name, version: document.version, status: document.status.rawValue, periodFrom: document.periodFrom,
            periodTo: document.periodTo, decidedBy: document.decision?.decidedBy, decidedAt: document.decision?.decidedOn,
            diarienummer: document.decision?.diarienummer, nextDue: document.decision?.nextDue,
            sections: .init(
                mapping: document.text.mapping, otherInformation: document.text.otherInformation, analysis: document.text.analysis,
                criminalInfluence: document.text.criminalInfluence, policeAssessment: document.text.policeAssessment),
            sources: sources.map { .init(name: $0.name, included: $0.included, reason: $0.reason) },
            problems: document.problems.map {
                .init(
                    title: $0.title, area: $0.area, priorityReasons: $0.reasons.map(\.rawValue), victims: $0.victims, offenders: $0.offenders,
                    place: $0.place, measures: $0.measureIDs.compactMap { measureNumbers[$0] }, noMeasureReason: $0.noMeasureReason)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(file)
    }
}
