import Foundation

/// A LOS insats: a day of joint inspections of businesses by the police, the tax agency,
/// Kronofogden and the other authorities together with the kommun's förvaltningar (seed 003
/// §6.1.2). An ROS insats is planned together with another kommun under a sharing agreement
/// (seed 004): each kommun records its own objects and findings, and sees the other's only for
/// the insatser they share.
public struct JointInspection: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case planned = "planerad"
        case carriedOut = "genomford"
        case cancelled = "installd"

        public var displayName: String {
            switch self {
            case .planned: "Planerad"
            case .carriedOut: "Genomförd"
            case .cancelled: "Inställd"
            }
        }
    }

    public var id: UUID
    /// The kommun that planned it (and edits its date, lead and status).
    public var kommunID: UUID
    /// The other kommun of an ROS insats.
    public var partnerKommunID: UUID?
    public var title: String
    /// `yyyy-MM-dd`.
    public var date: String
    public var status: Status
    /// The organisation that leads the day (one of the planning kommun's organisations).
    public var leadID: UUID
    public var areaID: UUID?
    /// What the day is about and how it is organised; never names of persons.
    public var note: String

    public init(
        id: UUID, kommunID: UUID, partnerKommunID: UUID? = nil, title: String, date: String, status: Status, leadID: UUID, areaID: UUID? = nil,
        note: String = ""
    ) {
        self.id = id
        self.kommunID = kommunID
        self.partnerKommunID = partnerKommunID
        self.title = title
        self.date = date
        self.status = status
        self.leadID = leadID
        self.areaID = areaID
        self.note = note
    }

    public var isShared: Bool { partnerKommunID != nil }

    public func problems() -> [String] {
        var problems: [String] = []
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if title.isEmpty || title.count > 200 { problems.append("Ge insatsen en rubrik (högst 200 tecken).") }
        if !StockholmCalendar.isDate(date) { problems.append("Ange insatsens datum (åååå-mm-dd).") }
        if note.count > 4000 { problems.append("Beskrivningen får vara högst 4 000 tecken.") }
        for (text, field) in [(title, "Rubriken"), (note, "Beskrivningen")] {
            if let message = TextInput.message(for: text, field: field) { problems.append(message) }
        }
        return problems
    }
}

/// A business inspected at a LOS insats. The same business over time is one object, so a second
/// visit is a revisit.
public struct InspectedObject: Sendable, Equatable {
    public enum Branch: String, Sendable, CaseIterable {
        case restaurang
        case frisor = "frisor-skonhet"
        case bygg, transport, stad
        case kiosk = "kiosk-tobak"
        case bilverkstad = "bilverkstad-biltvatt"
        case gym
        case vard = "vard-omsorg"
        case annat

        public var displayName: String {
            switch self {
            case .restaurang: "Restaurang"
            case .frisor: "Frisör/skönhet"
            case .bygg: "Bygg"
            case .transport: "Transport"
            case .stad: "Städ"
            case .kiosk: "Kiosk/tobak"
            case .bilverkstad: "Bilverkstad/biltvätt"
            case .gym: "Gym"
            case .vard: "Vård/omsorg"
            case .annat: "Annat"
            }
        }
    }

    public var id: UUID
    public var name: String
    /// Normalised `NNNNNN-NNNN`, or empty for a sole trader (whose number is a personnummer).
    public var orgNumber: String
    public var address: String
    public var point: GeoPoint?
    public var branch: Branch

    public init(id: UUID, name: String, orgNumber: String, address: String, point: GeoPoint?, branch: Branch) {
        self.id = id
        self.name = name
        self.orgNumber = orgNumber
        self.address = address
        self.point = point
        self.branch = branch
    }

    public func problems() -> [String] {
        var problems: [String] = []
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 { problems.append("Ange verksamhetens namn (högst 200 tecken).") }
        if let problem = Organisationsnummer.problem(orgNumber) { problems.append(problem) }
        let address = address.trimmingCharacters(in: .whitespacesAndNewlines)
        if address.isEmpty || address.count > 300 { problems.append("Ange verksamhetens adress (högst 300 tecken).") }
        if let point, !point.isInSweden { problems.append("Punkten ligger inte i Sverige.") }
        for (text, field) in [(name, "Namnet"), (address, "Adressen")] {
            if let message = TextInput.message(for: text, field: field) { problems.append(message) }
        }
        return problems
    }

    /// Whether the words typed into the register's search are in the name or the address, in any
    /// case, or are (part of) the organisationsnummer, with or without its hyphen.
    public func matches(_ query: String) -> Bool {
        let query = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { return true }
        if name.range(of: query, options: .caseInsensitive) != nil || address.range(of: query, options: .caseInsensitive) != nil { return true }
        let digits = query.filter(\.isNumber)
        return digits.count >= 4 && digits.count == query.filter { $0 != "-" && $0 != " " }.count
            && orgNumber.filter(\.isNumber).contains(digits)
    }

    /// Two records are the same business when their numbers agree, or (without numbers) their
    /// name and address do.
    public func isSame(as other: InspectedObject) -> Bool {
        if !orgNumber.isEmpty || !other.orgNumber.isEmpty { return orgNumber == other.orgNumber }
        func key(_ text: String) -> String { text.lowercased().filter { $0.isLetter || $0.isNumber } }
        return key(name) == key(other.name) && key(address) == key(other.address)
    }
}

/// What one authority found at one object on one insats, what it decided, and its follow-up.
/// Each authority keeps its own protocol, so Trygg keeps one of these per authority.
public struct InspectionFinding: Sendable, Equatable {
    public enum DecisionKind: String, Sendable, CaseIterable, Codable {
        case forelaggande, forbud, vite, sanktionsavgift, aterkallelse, polisanmalan
        case stangningHelt = "stangning-helt"
        case stangningDelvis = "stangning-delvis"
        case ingenAtgard = "ingen-atgard"

        public var displayName: String {
            switch self {
            case .forelaggande: "Föreläggande"
            case .forbud: "Förbud"
            case .vite: "Vite"
            case .sanktionsavgift: "Sanktionsavgift"
            case .aterkallelse: "Återkallelse av tillstånd"
            case .polisanmalan: "Polisanmälan"
            case .stangningHelt: "Stängning, helt"
            case .stangningDelvis: "Stängning, delvis"
            case .ingenAtgard: "Ingen åtgärd"
            }
        }

        /// Vite and sanktionsavgift are decided with an amount in kronor.
        public var hasAmount: Bool { self == .vite || self == .sanktionsavgift }
        public var closes: Bool { self == .stangningHelt || self == .stangningDelvis }
    }

    public struct Decision: Sendable, Equatable, Codable {
        public var kind: DecisionKind
        /// Kronor, for vite and sanktionsavgift.
        public var amount: Int?

        public init(_ kind: DecisionKind, amount: Int? = nil) {
            self.kind = kind
            self.amount = amount
        }
    }

    public var id: UUID
    public var visitID: UUID
    /// The participating authority or förvaltning (an organisation of the visit's kommun).
    public var organisationID: UUID
    /// The authority's own case number (diarienummer).
    public var caseNumber: String
    public var finding: String
    public var decisions: [Decision]
    /// `yyyy-MM-dd`: when the object is to be visited again, if it is.
    public var revisitDue: String?
    public var revisitOutcome: String
    public var revisitDoneOn: String?

    public init(
        id: UUID, visitID: UUID, organisationID: UUID, caseNumber: String, finding: String, decisions: [Decision], revisitDue: String? = nil,
        revisitOutcome: String = "", revisitDoneOn: String? = nil
    ) {
        self.id = id
        self.visitID = visitID
        self.organisationID = organisationID
        self.caseNumber = caseNumber
        self.finding = finding
        self.decisions = decisions
        self.revisitDue = revisitDue
        self.revisitOutcome = revisitOutcome
        self.revisitDoneOn = revisitDoneOn
    }

    /// What is wrong with the finding, given the date of the insats it was made at.
    public func problems(inspectionDate: String) -> [String] {
        var problems: [String] = []
        if caseNumber.count > 100 { problems.append("Diarienumret får vara högst 100 tecken.") }
        if finding.count > 4000 { problems.append("Iakttagelserna får vara högst 4 000 tecken.") }
        if finding.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && decisions.isEmpty {
            problems.append("Skriv vad myndigheten konstaterade eller välj ett beslut.")
        }
        for decision in decisions {
            if decision.kind.hasAmount {
                guard let amount = decision.amount else {
                    problems.append("Ange beloppet för \(decision.kind.displayName.lowercased()) i kronor.")
                    continue
                }
                if amount < 0 { problems.append("Beloppet för \(decision.kind.displayName.lowercased()) kan inte vara negativt.") }
                if amount > 1_000_000_000 { problems.append("Beloppet för \(decision.kind.displayName.lowercased()) är orimligt stort.") }
            } else if decision.amount != nil {
                problems.append("\(decision.kind.displayName) har inget belopp.")
            }
        }
        if Set(decisions.map(\.kind)).count != decisions.count { problems.append("Samma beslut är valt två gånger.") }
        if decisions.contains(where: { $0.kind == .ingenAtgard }) && decisions.count > 1 {
            problems.append("”Ingen åtgärd” kan inte kombineras med andra beslut.")
        }
        if let due = revisitDue {
            if !StockholmCalendar.isDate(due) {
                problems.append("Ange datum för återbesöket (åååå-mm-dd).")
            } else if due <= inspectionDate {
                problems.append("Återbesöket måste ligga efter insatsens datum (\(inspectionDate)).")
            }
        }
        if let done = revisitDoneOn {
            if !StockholmCalendar.isDate(done) {
                problems.append("Ange när återbesöket gjordes (åååå-mm-dd).")
            } else if done <= inspectionDate {
                problems.append("Återbesöket kan inte ha gjorts före eller samma dag som insatsen.")
            }
            if revisitOutcome.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.append("Skriv vad återbesöket visade.") }
        }
        if revisitOutcome.count > 4000 { problems.append("Utfallet av återbesöket får vara högst 4 000 tecken.") }
        for (text, field) in [(caseNumber, "Diarienumret"), (finding, "Iakttagelserna"), (revisitOutcome, "Utfallet")] {
            if let message = TextInput.message(for: text, field: field) { problems.append(message) }
        }
        return problems
    }
}

/// Who takes part in LOS in a kommun and who may see the company data it records: the roles the
/// kommun names (by default samordnare and analytiker) and users of the participating
/// authorities and förvaltningar.
public struct InspectionAccess: Sendable, Equatable {
    public static let defaultRoles: Set<Role> = [.samordnare, .analytiker]
    /// The seeds' LOS network (003 §6.1.2) and the A-krim authorities (000 §3.6), by the
    /// abbreviations of `DefaultOrganisations`.
    public static let defaultParticipants: [String] = [
        "Polisen", "SF", "MOS", "KLF (SÄK)", "Skatteverket", "Kronofogden", "Försäkringskassan", "Arbetsförmedlingen", "Arbetsmiljöverket",
        "Migrationsverket", "EBM", "Jämställdhetsmyndigheten",
    ]

    public var roles: Set<Role>
    /// Organisations of the kommun that take part in LOS insatser.
    public var participants: Set<UUID>

    public init(roles: Set<Role>, participants: Set<UUID>) {
        self.roles = roles
        self.participants = participants
    }

    /// The roles an admin or a rapportör has never see company data, whatever their organisation.
    public func maySee(_ user: UserAccount) -> Bool {
        guard user.role != .admin && user.role != .rapportor else { return false }
        return roles.contains(user.role) || participants.contains(user.organisation.id)
    }

    /// The samordnare records for every authority; anyone else only for their own.
    public func mayRecord(for organisationID: UUID, user: UserAccount) -> Bool {
        maySee(user) && (user.role == .samordnare || user.organisation.id == organisationID)
    }
}
