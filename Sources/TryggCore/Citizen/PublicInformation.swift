import Foundation

/// What a kommun must tell the residents who use its public pages: who is responsible for their
/// personal data and whom to ask (the dataskyddsförordningen, article 13), and how accessible the
/// pages are and where to report a barrier (lag 2018:1937 om tillgänglighet till digital
/// offentlig service, with DIGG's model statement). Trygg knows what it collects and keeps;
/// the kommun knows who answers for it, so these are its settings.
public struct PublicInformation: Sendable, Equatable {
    /// How far the pages meet WCAG 2.1 AA, in the words of DIGG's model statement.
    public enum Conformance: String, CaseIterable, Sendable {
        case full = "helt"
        case partial = "delvis"
        case notYet = "inte"

        /// "Sidorna är [delvis förenliga med] lagen om tillgänglighet till digital offentlig service".
        public var phrase: String {
            switch self {
            case .full: "helt förenliga med"
            case .partial: "delvis förenliga med"
            case .notYet: "inte förenliga med"
            }
        }
    }

    /// Personuppgiftsansvarig: the nämnd answering for the processing, e.g. "Kommunstyrelsen".
    public var controller: String
    /// Where a resident asks about her personal data (the kommun's dataskyddsombud); empty until set.
    public var privacyContact: String
    /// Where a resident reports a barrier or asks for content in another form; empty until set.
    public var accessibilityContact: String
    public var conformance: Conformance
    /// The barriers the kommun knows of, one per line, each with its way around if there is one.
    public var knownBarriers: String
    /// The day the kommun last assessed the pages (YYYY-MM-DD), empty if never.
    public var assessedOn: String

    public static let maxNameLength = 200
    public static let maxBarriersLength = 4_000

    /// The barrier every kommun has until it says otherwise: the maps. A place can be marked with
    /// the keyboard (arrow keys and Enter), but the background map has no text alternative and a
    /// screen reader cannot tell where things lie; every form and figure has a way without the
    /// map, which the statement says.
    public static let defaultBarriers =
        "Kartorna visar områden, platser och händelser som bild: bakgrundskartan saknar textalternativ, och en skärmläsare kan inte läsa var något ligger. Du kan lämna samma uppgifter utan karta genom att välja område och skriva platsens namn, och läsa samma siffror i tabellen per område."

    public init(
        controller: String, privacyContact: String = "", accessibilityContact: String = "", conformance: Conformance = .partial,
        knownBarriers: String = PublicInformation.defaultBarriers, assessedOn: String = ""
    ) {
        self.controller = controller
        self.privacyContact = privacyContact
        self.accessibilityContact = accessibilityContact
        self.conformance = conformance
        self.knownBarriers = knownBarriers
        self.assessedOn = assessedOn
    }

    /// What a kommun that has set nothing shows: its kommunstyrelse is responsible (it leads the
    /// crime-prevention work under lag 2023:196 in most kommuner) and the maps are the known barrier.
    public static func defaults(for kommun: Kommun) -> PublicInformation {
        PublicInformation(controller: "Kommunstyrelsen i \(kommun.name)")
    }

    /// The fields trimmed, or what is wrong with them (in Swedish, for the admin's form).
    public func checked() throws(PublicInformationProblem) -> PublicInformation {
        var clean = self
        clean.controller = controller.trimmed
        clean.privacyContact = privacyContact.trimmed
        clean.accessibilityContact = accessibilityContact.trimmed
        clean.knownBarriers = knownBarriers.trimmed.replacingOccurrences(of: "\r\n", with: "\n")
        clean.assessedOn = assessedOn.trimmed
        guard !clean.controller.isEmpty else { throw .init("Ange vem som är personuppgiftsansvarig, till exempel kommunstyrelsen.") }
        guard clean.controller.count <= Self.maxNameLength else { throw .init("Personuppgiftsansvarig får vara högst \(Self.maxNameLength) tecken.") }
        for (address, what) in [(clean.privacyContact, "dataskyddsfrågor"), (clean.accessibilityContact, "tillgänglighetsfrågor")]
        where !address.isEmpty && (address.count > CitizenRules.maxEmailLength || !CitizenRules.isEmailAddress(address)) {
            throw .init("E-postadressen för \(what) ser inte ut som en e-postadress.")
        }
        guard clean.knownBarriers.count <= Self.maxBarriersLength else {
            throw .init("Beskrivningen av bristerna får vara högst \(Self.maxBarriersLength) tecken.")
        }
        guard clean.assessedOn.isEmpty || StockholmCalendar.isDate(clean.assessedOn) else {
            throw .init("Ange dagen för bedömningen som ÅÅÅÅ-MM-DD, eller lämna den tom.")
        }
        if clean.conformance != .full && clean.knownBarriers.isEmpty {
            throw .init("Beskriv bristerna när sidorna inte är helt förenliga med lagen.")
        }
        return clean
    }

    /// The known barriers as the lines the statement lists.
    public var barrierLines: [String] {
        knownBarriers.split(whereSeparator: \.isNewline).map { String($0).trimmed }.filter { !$0.isEmpty }
    }
}

public struct PublicInformationProblem: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
