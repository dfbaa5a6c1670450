import Foundation

/// A governing document of the kommun's BFT work: the programme, handlingsplaner, åtgärdsplaner.
public struct GoverningDocument: Sendable, Equatable {
    public enum Kind: String, CaseIterable, Sendable {
        case program
        case handlingsplan
        case atgardsplan

        public var displayName: String {
            switch self {
            case .program: "Program"
            case .handlingsplan: "Handlingsplan"
            case .atgardsplan: "Åtgärdsplan"
            }
        }
    }

    public var id: UUID
    public var kind: Kind
    public var title: String
    public var diarienummer: String
    public var adoptedBy: String
    public var adoptedOn: String
    public var validity: String
    public var reviewOn: String
    public var links: [String]

    public init(
        id: UUID, kind: Kind, title: String, diarienummer: String, adoptedBy: String, adoptedOn: String,
        validity: String, reviewOn: String, links: [String]
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.diarienummer = diarienummer
        self.adoptedBy = adoptedBy
        self.adoptedOn = adoptedOn
        self.validity = validity
        self.reviewOn = reviewOn
        self.links = links
    }

    /// Linköping's documents as the seeds name them (other fields are filled in by the kommun).
    public static let linkoping: [(Kind, String, String, String, String, String)] = [
        (.program, "Program för trygghetsskapande och brottsförebyggande arbete i Linköpings kommun", "KS 2021-178", "", "", ""),
        (
            .atgardsplan, "Åtgärdsplan för det brottsförebyggande och trygghetsskapande arbetet i Linköpings kommun 2023", "KS 2023-638",
            "Kommundirektör", "2023-12-14", "2023"
        ),
        (
            .handlingsplan, "Handlingsplan för att förebygga organiserad brottslighet och våldsbejakande extremism i Linköpings kommun",
            "KS 2023-543", "", "", ""
        ),
        (.handlingsplan, "Handlingsplan för ökad trygghet och minskad brottslighet på allmän plats i Linköpings kommun", "SBN 2023-424", "", "", ""),
        (.handlingsplan, "Handlingsplan mot våld i nära relationer och hedersrelaterat våld", "KS 2018-06-12 § 267", "", "", ""),
    ]
}
