/// The roles of a Trygg user. One user has one role within one kommun and one organisation.
public enum Role: String, CaseIterable, Sendable, Codable {
    case admin
    case samordnare
    case analytiker
    case ansvarig
    case rapportor
    case partner

    /// The Swedish name shown in the interface.
    public var displayName: String {
        switch self {
        case .admin: "Administratör"
        case .samordnare: "Samordnare"
        case .analytiker: "Analytiker"
        case .ansvarig: "Ansvarig (förvaltning)"
        case .rapportor: "Rapportör"
        case .partner: "Extern samverkanspart"
        }
    }

    /// One sentence on what the role is for, shown when an admin creates a user.
    public var summary: String {
        switch self {
        case .admin: "Systemadministration för kommunen: användare, organisationer, områden och granskningslogg."
        case .samordnare: "Säkerhetschef eller BFT-samordnare: äger åtgärdsplan, uppföljning, EST-lägesbild och moderering."
        case .analytiker: "Läser allt i kommunen och tar fram rapporter."
        case .ansvarig: "Tjänsteperson på en förvaltning: ser planen och rapporterar uppföljning för sin organisations åtgärder."
        case .rapportor: "EST-rapportör: rapporterar händelser och ser den publicerade lägesbilden."
        case .partner: "Extern part som Polisen eller Stångåstaden: rapporterar händelser till EST och läser det som delas med partner."
        }
    }

    /// Admins and samordnare hold the keys to the kommun's data, so they may (and should) protect
    /// their accounts with a second factor.
    public var mayUseSecondFactor: Bool { self == .admin || self == .samordnare }

    public init?(swedishOrCode text: String) {
        let key = text.lowercased().replacingOccurrences(of: "ö", with: "o")
        self.init(rawValue: key)
    }
}

/// What a user may do. Handlers ask for a permission, never for a role, so that the mapping from
/// roles to rights lives in one place.
public enum Permission: Sendable, CaseIterable {
    /// Manage users, organisations, areas and read the audit log.
    case administerKommun
    /// Read the kommun's organisations and areas (the reference data everybody needs).
    case readReferenceData
    /// Read the åtgärdsplan (an adopted public document; partners see it too).
    case readPlan
    /// Import, edit, adopt and copy åtgärdsplaner; open, follow and close follow-up rounds.
    case editPlan
    /// Answer the yearly follow-up for the measures one's own organisation is responsible for.
    case answerFollowUp
    /// Read the follow-up results and the report to kommunfullmäktige.
    case readFollowUpReport
    /// Report EST events and correct one's own reports (rapportörer and everyone above them;
    /// the police and the housing company report too).
    case reportIncident
    /// Read every event of the kommun and the lägesbild before it is published.
    case readAllIncidents
    /// Lead the EST group: categories, the weekly assessment, priority places, insatser, publishing.
    case leadEST
    /// Review residents' reports: publish, edit, reject, answer; sees their contact details.
    case moderateCitizenReports
    /// Read the kartläggning's crime figures per area (small counts hidden unless the role may
    /// also `editLagesbild`: the police and the housing company see what is shared with partners).
    case readCrimeStatistics
    /// Import the lägesbild's sources (crime extracts, population), see every count, and write
    /// the lägesbild document's drafts.
    case editLagesbild
    /// Decide a lägesbild draft on behalf of the deciding body.
    case decideLagesbild
    /// See the e-mail Trygg has sent and what waits for the relay.
    case readOutbox
    /// Read the surveys and their results (cells under the minimum hidden, as for everyone).
    case readSurveys
    /// Create surveys, codes and imports, and read the free-text answers.
    case editSurveys
    /// Open the forums one sits in, their meetings and decisions, and one's meeting calendar
    /// (which forums a user sees is decided per forum by `ForumAccess`).
    case takePartInForums
    /// Create forums, name their members and secretaries, approve minutes, decide the measures
    /// of a trygghetsvandring and publish its protocol.
    case administerForums
    /// Plan and walk trygghetsvandringar: observations on the phone, causes, proposed measures.
    case conductWalks
    /// Assess phenomena and networks against the EU criteria for organised crime (the samordnare,
    /// and partners of the police: `EUCriteria.mayAssess` checks the organisation).
    case assessOrganisedCrime
    /// Decide which of the EU criteria are mandatory in the kommun.
    case configureOrganisedCrime
    /// Open LOS: the insatser, the objects and findings (whose company data `InspectionAccess`
    /// narrows to the roles the kommun names and the participating organisations' users).
    case readInspections
    /// Plan LOS insatser, name who takes part and who sees the company data, agree on ROS.
    case planInspections
}

extension Role {
    public func allows(_ permission: Permission) -> Bool {
        switch permission {
        case .administerKommun: self == .admin
        case .readReferenceData: true
        case .readPlan: true
        case .editPlan: self == .samordnare
        // Partners answer for the measures their organisation owns (the police own 26 in Linköping's plan).
        case .answerFollowUp: self == .ansvarig || self == .samordnare || self == .partner
        case .readFollowUpReport: self == .samordnare || self == .analytiker
        case .reportIncident: true
        case .readAllIncidents: self == .samordnare || self == .analytiker
        case .leadEST: self == .samordnare
        case .moderateCitizenReports: self == .samordnare
        case .readCrimeStatistics: self != .rapportor && self != .admin
        case .editLagesbild: self == .samordnare || self == .analytiker
        case .decideLagesbild: self == .samordnare
        case .readOutbox: self == .admin || self == .samordnare
        case .readSurveys: self != .rapportor && self != .admin
        case .editSurveys: self == .samordnare || self == .analytiker
        case .takePartInForums: true
        case .administerForums: self == .samordnare
        case .conductWalks: self != .admin
        case .assessOrganisedCrime: self == .samordnare || self == .partner
        case .configureOrganisedCrime: self == .samordnare
        case .readInspections: self != .admin && self != .rapportor
        case .planInspections: self == .samordnare
        }
    }
}
