/// The kind of an organisation, which decides how it is grouped in lists.
public enum OrganisationKind: String, CaseIterable, Sendable, Codable {
    case forvaltning
    case enhet
    case grupp
    case extern

    public var displayName: String {
        switch self {
        case .forvaltning: "Förvaltning"
        case .enhet: "Enhet"
        case .grupp: "Samverkansgrupp eller funktion"
        case .extern: "Extern samverkanspart"
        }
    }
}

/// An organisation a new kommun starts with.
public struct OrganisationTemplate: Sendable, Equatable {
    public let abbreviation: String
    public let name: String
    public let kind: OrganisationKind
    /// False where the governing documents use the abbreviation without expanding it: the name is
    /// our best reading and the kommun's admin is invited to correct it.
    public let nameStatedInDocuments: Bool
    /// Where the organisation exists: nil for every kommun, else kommun codes ("0580") or a
    /// county's two-digit prefix ("05" for Östergötland).
    public let onlyIn: [String]?

    public init(_ abbreviation: String, _ name: String, _ kind: OrganisationKind, stated: Bool = true, onlyIn: [String]? = nil) {
        self.abbreviation = abbreviation
        self.name = name
        self.kind = kind
        self.nameStatedInDocuments = stated
        self.onlyIn = onlyIn
    }

    public func exists(inKommun code: String) -> Bool { onlyIn?.contains { code.hasPrefix($0) } ?? true }
}

/// The organisations that Linköping's governing documents name (seeds 000–004). A new kommun
/// gets those that exist where it is: the förvaltningar and national authorities everywhere, the
/// Östergötland bodies in Östergötland, Linköping's housing company and the fire service only
/// where they work. Names are editable because other kommuner organise differently.
public enum DefaultOrganisations {
    public static func forKommun(code: String) -> [OrganisationTemplate] { all.filter { $0.exists(inKommun: code) } }

    public static let all: [OrganisationTemplate] = [
        .init("KLF", "Kommunledningsförvaltningen", .forvaltning),
        .init("KLF (SÄK)", "Säkerhetsenheten, kommunledningsförvaltningen", .enhet),
        .init("HBE", "Hållbarhetsenheten", .enhet, stated: false),
        .init("HR", "HR-avdelningen, kommunledningsförvaltningen", .enhet, stated: false),
        .init("SF", "Socialförvaltningen", .forvaltning),
        .init("VOF", "Vård- och omsorgsförvaltningen", .forvaltning, stated: false),
        .init("UTB", "Utbildningsförvaltningen", .forvaltning),
        .init("KOF", "Kultur- och fritidsförvaltningen", .forvaltning),
        .init("MOS", "Miljö- och samhällsbyggnadsförvaltningen", .forvaltning),
        .init("IAF", "Individ- och arbetsmarknadsförvaltningen", .forvaltning, stated: false),
        .init("VSS", "Verksamhetsstöd och service", .forvaltning, stated: false),
        .init("SÄKSAM", "Säkerhetssamordnare", .grupp),
        .init("Polisen", "Polismyndigheten, lokalpolisområdet", .extern),
        // The fire service Linköping and Norrköping share, among others.
        .init("RTÖG", "Räddningstjänsten Östra Götaland", .extern, onlyIn: ["0580", "0581"]),
        .init("Stångåstaden", "AB Stångåstaden (kommunalt bostadsbolag)", .extern, onlyIn: ["0580"]),
        .init("Skatteverket", "Skatteverket", .extern),
        .init("Försäkringskassan", "Försäkringskassan", .extern),
        .init("Kronofogden", "Kronofogdemyndigheten", .extern),
        .init("Arbetsförmedlingen", "Arbetsförmedlingen", .extern),
        .init("Arbetsmiljöverket", "Arbetsmiljöverket", .extern),
        .init("Migrationsverket", "Migrationsverket", .extern),
        .init("EBM", "Ekobrottsmyndigheten", .extern),
        .init("Jämställdhetsmyndigheten", "Jämställdhetsmyndigheten", .extern),
        .init("BRÅ", "Brottsförebyggande rådet", .extern),
        .init("Länsstyrelsen", "Länsstyrelsen Östergötland", .extern, onlyIn: ["05"]),
        .init("Region Östergötland", "Region Östergötland", .extern, onlyIn: ["05"]),
    ]
}
