import Foundation

/// The strategic lägesbild (Lag 2023:196 §4) as a versioned document: a draft is written,
/// decided by a body, and replaced by the next decided version. Sections follow the law and
/// Brå's method: kartläggning, annan information, analys, prioriterade problem, and the
/// assessment of kriminell påverkan made with the police.
public struct LagesbildDocument: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case utkast, beslutad, ersatt

        public var label: String {
            switch self {
            case .utkast: "Utkast"
            case .beslutad: "Beslutad"
            case .ersatt: "Ersatt"
            }
        }
    }

    public var id: UUID
    public var version: Int
    public var status: Status
    /// The period the lägesbild describes (ÅÅÅÅ-MM-DD).
    public var periodFrom: String
    public var periodTo: String
    public var text: Texts
    public var decision: Decision?
    public var problems: [PrioritisedProblem]

    /// The figures the author can put in the kartläggning.
    public enum Figure: String, Sendable, CaseIterable {
        case crimeTable = "brott"
        case areaMap = "karta"
        case comparison = "jamforelse"
        case trend = "utveckling"

        public var label: String {
            switch self {
            case .crimeTable: "Tabell: anmälda brott i kommunen per brottskod"
            case .areaMap: "Karta: anmälda brott per 1 000 invånare per område"
            case .comparison: "Diagram: kommunen jämförd med län och riket över åren"
            case .trend: "Diagram: anmälda brott per 1 000 invånare per område år för år"
            }
        }
    }

    /// The author's text per section, the figures she puts in, and the police's own assessment
    /// of kriminell påverkan (written by the police, beside the kommun's text).
    public struct Texts: Sendable, Equatable {
        public var mapping: String
        public var otherInformation: String
        public var analysis: String
        public var criminalInfluence: String
        public var policeAssessment: String
        public var figures: Set<Figure>

        public init(
            mapping: String = "", otherInformation: String = "", analysis: String = "", criminalInfluence: String = "",
            policeAssessment: String = "", figures: Set<Figure> = Set(Figure.allCases)
        ) {
            self.mapping = mapping
            self.otherInformation = otherInformation
            self.analysis = analysis
            self.criminalInfluence = criminalInfluence
            self.policeAssessment = policeAssessment
            self.figures = figures
        }
    }

    /// Who decided, when, under which diarienummer, and when the next lägesbild is due.
    public struct Decision: Sendable, Equatable {
        public var decidedBy: String
        public var decidedOn: String
        public var diarienummer: String
        public var nextDue: String

        public init(decidedBy: String, decidedOn: String, diarienummer: String, nextDue: String) {
            self.decidedBy = decidedBy
            self.decidedOn = decidedOn
            self.diarienummer = diarienummer
            self.nextDue = nextDue
        }
    }

    public init(
        id: UUID, version: Int, status: Status, periodFrom: String, periodTo: String, text: Texts = Texts(), decision: Decision? = nil,
        problems: [PrioritisedProblem] = []
    ) {
        self.id = id
        self.version = version
        self.status = status
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.text = text
        self.decision = decision
        self.problems = problems
    }
}

/// A problem the lägesbild gives priority, with why, its causes along Brå's triangle, and the
/// åtgärder of the plan that address it — or why none does.
public struct PrioritisedProblem: Sendable, Equatable {
    public enum Reason: String, Sendable, CaseIterable {
        case vanligast, okar, avviker
        case mangaPaverkas = "manga-paverkas"
        case allvarligaKonsekvenser = "allvarliga-konsekvenser"

        public var label: String {
            switch self {
            case .vanligast: "Vanligast"
            case .okar: "Ökar"
            case .avviker: "Avviker från län eller riket"
            case .mangaPaverkas: "Många påverkas"
            case .allvarligaKonsekvenser: "Allvarliga konsekvenser"
            }
        }
    }

    public var id: UUID
    public var title: String
    public var area: String
    public var reasons: [Reason]
    /// Brå's problem triangle: the victims, the offenders, the place.
    public var victims: String
    public var offenders: String
    public var place: String
    /// The plan's measures that address the problem.
    public var measureIDs: [UUID]
    /// Why no measure addresses it; required when `measureIDs` is empty before a decision.
    public var noMeasureReason: String

    public init(
        id: UUID, title: String, area: String, reasons: [Reason], victims: String = "", offenders: String = "", place: String = "",
        measureIDs: [UUID] = [], noMeasureReason: String = ""
    ) {
        self.id = id
        self.title = title
        self.area = area
        self.reasons = reasons
        self.victims = victims
        self.offenders = offenders
        self.place = place
        self.measureIDs = measureIDs
        self.noMeasureReason = noMeasureReason
    }
}
