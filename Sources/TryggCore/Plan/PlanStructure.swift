/// The fixed frame of the programme (seed 001) that every åtgärdsplan hangs on.
public enum PlanSection: String, CaseIterable, Sendable, Codable {
    case kunskapsbaseradMetodik = "Kunskapsbaserad metodik"
    case samverkan = "Väl avvägd och utvecklad samverkan"
    case innovativaLosningar = "Innovativa lösningar och teknik"
    case transparens = "Transparens och gemensamt ansvar"
    case malomrade1 = "Målområde 1"
    case malomrade2 = "Målområde 2"
    case malomrade3 = "Målområde 3"

    /// The four arbetssätt come first in the plan (groups 1–4), then the three målområden.
    public var isWorkingMethod: Bool { !isTargetArea }
    public var isTargetArea: Bool { self == .malomrade1 || self == .malomrade2 || self == .malomrade3 }

    /// The målområde's own name, as the programme words it.
    public var targetAreaName: String? {
        switch self {
        case .malomrade1: "Organiserad brottslighet och våldsbejakande extremism"
        case .malomrade2: "Våld i nära relation och hedersrelaterat våld och förtryck"
        case .malomrade3: "Ökad trygghet och minskad brottslighet kopplat till allmän plats"
        default: nil
        }
    }

    public var heading: String {
        if let name = targetAreaName { return "\(rawValue): \(name)" }
        return rawValue
    }

    /// Accepts the name in any letter case, with or without the målområde's own name.
    public init?(text: String) {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard
            let match = Self.allCases.first(where: {
                wanted == $0.rawValue.lowercased() || wanted == $0.heading.lowercased()
                    || wanted == $0.targetAreaName?.lowercased()
            })
        else { return nil }
        self = match
    }
}

/// The yearly follow-up status of a measure, with the plan's own definitions.
public enum FollowUpStatus: String, CaseIterable, Sendable, Codable {
    case pagaende = "Pågående"
    case paborjad = "Påbörjad"
    case ejPaborjad = "Ej påbörjad"

    public var definition: String {
        switch self {
        case .pagaende: "Åtgärden fortlöper enligt plan"
        case .paborjad: "Åtgärden är inledd men behöver utvecklas"
        case .ejPaborjad: "Åtgärden kan ej inledas då förutsättningar saknas"
        }
    }

    public init?(text: String) {
        let wanted = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == wanted }) else { return nil }
        self = match
    }
}

/// Prevention levels of the programme.
public enum PreventionLevel: String, CaseIterable, Sendable, Codable {
    case universell = "Universell"
    case selektiv = "Selektiv"
    case indikerad = "Indikerad"
}

/// The programme's three prioritised long-term efforts.
public enum LongTermEffort: String, CaseIterable, Sendable, Codable {
    case maskulinitetsnormer = "Förebygga destruktiva maskulinitetsnormer och våldsutövande"
    case ogynnsamUtveckling = "Förebygga ogynnsam utveckling hos barn och ungdomar"
    case parallellaStrukturer = "Förebygga framväxt av parallella samhällsstrukturer"
}
