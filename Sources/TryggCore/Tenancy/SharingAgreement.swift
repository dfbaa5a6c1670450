import Foundation

/// An agreement between two kommuner to share something (so far: the aggregated results of a
/// joint survey): what is shared, from when, and who decided it on each side. Nothing of one
/// kommun is visible to the other until both sides have agreed; either side may revoke it, and
/// from then the other side sees nothing again.
public struct SharingAgreement: Sendable, Equatable {
    public enum Subject: String, Sendable {
        /// A joint survey, named by the code both kommuner's surveys carry.
        case survey = "enkat"
        /// Regional operative samverkan: LOS insatser planned together (code `InspectionStore.rosCode`).
        case ros = "ros"
    }

    public var id: UUID
    /// The kommun that offered it.
    public var ownerID: UUID
    public var partnerID: UUID
    public var subject: Subject
    public var subjectCode: String
    /// What is shared, in words ("Aggregerade resultat, celler med minst 30 svar").
    public var what: String
    /// `yyyy-MM-dd`: sharing starts this day (once both have agreed).
    public var validFrom: String
    public var ownerDecidedBy: String
    public var ownerDecidedAt: Date
    public var partnerDecidedBy: String?
    public var partnerDecidedAt: Date?
    public var revokedAt: Date?
    public var revokedBy: String?

    public init(
        id: UUID, ownerID: UUID, partnerID: UUID, subject: Subject, subjectCode: String, what: String, validFrom: String, ownerDecidedBy: String,
        ownerDecidedAt: Date, partnerDecidedBy: String? = nil, partnerDecidedAt: Date? = nil, revokedAt: Date? = nil, revokedBy: String? = nil
    ) {
        self.id = id
        self.ownerID = ownerID
        self.partnerID = partnerID
        self.subject = subject
        self.subjectCode = subjectCode
        self.what = what
        self.validFrom = validFrom
        self.ownerDecidedBy = ownerDecidedBy
        self.ownerDecidedAt = ownerDecidedAt
        self.partnerDecidedBy = partnerDecidedBy
        self.partnerDecidedAt = partnerDecidedAt
        self.revokedAt = revokedAt
        self.revokedBy = revokedBy
    }

    public enum State: Sendable, Equatable {
        case offered, active, notYet, revoked

        public var label: String {
            switch self {
            case .offered: "Erbjuden, väntar på svar"
            case .active: "Gäller"
            case .notYet: "Godkänd, gäller från startdagen"
            case .revoked: "Återkallad"
            }
        }
    }

    public func state(at date: Date) -> State {
        if revokedAt != nil { return .revoked }
        if partnerDecidedAt == nil { return .offered }
        return StockholmCalendar.local(date).dateText >= validFrom ? .active : .notYet
    }

    /// The other side of the agreement seen from `kommunID`.
    public func other(than kommunID: UUID) -> UUID { kommunID == ownerID ? partnerID : ownerID }

    /// What is wrong with an offer as typed; empty when it may be saved.
    public static func problems(what: String, validFrom: String, decidedBy: String) -> [String] {
        var problems: [String] = []
        if let message = TextInput.message(for: what, field: "Vad som delas") {
            problems.append(message)
        } else if what.trimmingCharacters(in: .whitespaces).isEmpty || what.count > 500 {
            problems.append("Skriv vad som delas (högst 500 tecken).")
        }
        if !StockholmCalendar.isDate(validFrom) { problems.append("Ange från vilket datum delningen gäller (ÅÅÅÅ-MM-DD).") }
        if let message = TextInput.message(for: decidedBy, field: "Beslutat av") {
            problems.append(message)
        } else if decidedBy.trimmingCharacters(in: .whitespaces).isEmpty || decidedBy.count > 200 {
            problems.append("Skriv vem som beslutat om delningen (högst 200 tecken).")
        }
        return problems
    }
}
