import FluentKit
import Foundation
import SQLKit
import TryggCore

/// The sharing agreements a kommun is a side of. The only way to a store of another kommun goes
/// through here (`sharedScope`), and only while an agreement both sides decided is in force.
/// Every change, and every read of the other side's figures, is audited in both kommuner.
public struct SharingStore: Sendable {
    let db: any Database
    let database: TryggDatabase

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        database = scope.database
        kommunID = scope.kommunID
    }

    var sql: any SQLDatabase { db as! any SQLDatabase }

    static let columns = [
        "id", "owner_kommun_id", "partner_kommun_id", "subject", "subject_code", "what", "valid_from", "owner_decided_by", "owner_decided_at",
        "partner_decided_by", "partner_decided_at", "revoked_at", "revoked_by",
    ]

    static func agreement(_ row: any SQLRow) throws -> SharingAgreement {
        SharingAgreement(
            id: try row.decode(column: "id", as: UUID.self), ownerID: try row.decode(column: "owner_kommun_id", as: UUID.self),
            partnerID: try row.decode(column: "partner_kommun_id", as: UUID.self),
            subject: SharingAgreement.Subject(rawValue: try row.decode(column: "subject", as: String.self)) ?? .survey,
            subjectCode: try row.decode(column: "subject_code", as: String.self), what: try row.decode(column: "what", as: String.self),
            validFrom: try row.decode(column: "valid_from", as: String.self), ownerDecidedBy: try row.decode(column: "owner_decided_by", as: String.self),
            ownerDecidedAt: try row.decode(column: "owner_decided_at", as: Date.self),
            partnerDecidedBy: try row.decode(column: "partner_decided_by", as: String?.self),
            partnerDecidedAt: try row.decode(column: "partner_decided_at", as: Date?.self), revokedAt: try row.decode(column: "revoked_at", as: Date?.self),
            revokedBy: try row.decode(column: "revoked_by", as: String?.self))
    }

    /// Every agreement this kommun is a side of, newest first.
    public func all() async throws -> [SharingAgreement] {
        try await sql.select().columns(Self.columns).from("sharing_agreements")
            .where { $0.where("owner_kommun_id", .equal, kommunID).orWhere("partner_kommun_id", .equal, kommunID) }
            .orderBy("owner_decided_at", .descending).all().map(Self.agreement)
    }

    /// What other kommuner have offered this one and it has not yet answered.
    public func offersAwaitingAnswer() async throws -> [SharingAgreement] {
        try await all().filter { $0.partnerID == kommunID && $0.state(at: TryggClock.now) == .offered }
    }

    public func find(id: UUID) async throws -> SharingAgreement? {
        try await all().first { $0.id == id }
    }

    /// Offers the partner to share `subject`; this kommun's decision is recorded with the offer.
    @discardableResult
    public func offer(
        _ subject: SharingAgreement.Subject, code: String, to partner: Kommun, what: String, validFrom: String, decidedBy: String, by actor: Actor
    ) async throws -> SharingAgreement {
        let problems = SharingAgreement.problems(what: what, validFrom: validFrom, decidedBy: decidedBy)
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        guard partner.id != kommunID else { throw StoreError.invalid("Välj en annan kommun att dela med.") }
        let now = TryggClock.now
        let open = try await all().filter {
            $0.subject == subject && $0.subjectCode == code && $0.other(than: kommunID) == partner.id && $0.state(at: now) != .revoked
        }
        guard open.isEmpty else { throw StoreError.invalid("Det finns redan ett delningsavtal med \(partner.name) om detta.") }
        let agreement = SharingAgreement(
            id: UUID(), ownerID: kommunID, partnerID: partner.id, subject: subject, subjectCode: code, what: what, validFrom: validFrom,
            ownerDecidedBy: decidedBy, ownerDecidedAt: now)
        try await db.transaction { db in
            try await (db as! any SQLDatabase).insert(into: "sharing_agreements")
                .columns("id", "owner_kommun_id", "partner_kommun_id", "subject", "subject_code", "what", "valid_from", "owner_decided_by", "owner_decided_at")
                .values(
                    SQLBind(agreement.id), SQLBind(kommunID), SQLBind(partner.id), SQLBind(subject.rawValue), SQLBind(code), SQLBind(what), SQLBind(validFrom),
                    SQLBind(decidedBy), SQLBind(now)
                ).run()
            try await Self.audit(agreement, action: "erbjöd delning", detail: "till \(partner.name): \(what), beslutat av \(decidedBy)", actor: actor, on: db)
        }
        return agreement
    }

    /// The partner's decision: from `validFrom` both sides see what the agreement shares.
    public func accept(id: UUID, decidedBy: String, by actor: Actor) async throws -> SharingAgreement {
        guard var agreement = try await find(id: id), agreement.partnerID == kommunID else { throw StoreError.notFound("Delningsavtalet") }
        guard agreement.state(at: TryggClock.now) == .offered else { throw StoreError.invalid("Avtalet är redan besvarat eller återkallat.") }
        let problems = SharingAgreement.problems(what: agreement.what, validFrom: agreement.validFrom, decidedBy: decidedBy)
        guard problems.isEmpty else { throw StoreError.invalid(problems.joined(separator: " ")) }
        agreement.partnerDecidedBy = decidedBy
        agreement.partnerDecidedAt = TryggClock.now
        let accepted = agreement
        try await db.transaction { db in
            try await (db as! any SQLDatabase).update("sharing_agreements").set("partner_decided_by", to: decidedBy)
                .set("partner_decided_at", to: accepted.partnerDecidedAt).where("id", .equal, id).where("partner_kommun_id", .equal, kommunID).run()
            try await Self.audit(accepted, action: "godkände delning", detail: "\(accepted.what), beslutat av \(decidedBy)", actor: actor, on: db)
        }
        return accepted
    }

    /// Either side ends the sharing; the other side's figures are hidden from the next request on.
    public func revoke(id: UUID, by actor: Actor) async throws {
        guard let agreement = try await find(id: id) else { throw StoreError.notFound("Delningsavtalet") }
        guard agreement.revokedAt == nil else { throw StoreError.invalid("Avtalet är redan återkallat.") }
        try await db.transaction { db in
            try await (db as! any SQLDatabase).update("sharing_agreements").set("revoked_at", to: TryggClock.now).set("revoked_by", to: actor.label)
                .where("id", .equal, id).run()
            try await Self.audit(agreement, action: "återkallade delning", detail: agreement.what, actor: actor, on: db)
        }
    }

    /// The other kommun's stores for what an agreement in force shares, or nil: the only way
    /// from one kommun to another's data. The read is audited in both kommuner.
    public func sharedScope(
        _ subject: SharingAgreement.Subject, code: String, with partner: UUID? = nil, by actor: Actor
    ) async throws -> (SharingAgreement, KommunScope)? {
        let now = TryggClock.now
        guard
            let agreement = try await all().first(where: {
                $0.subject == subject && $0.subjectCode == code && $0.state(at: now) == .active && (partner == nil || $0.other(than: kommunID) == partner)
            })
        else { return nil }
        try await Self.audit(agreement, action: "läste delade uppgifter", detail: "\(subject.rawValue) \(code)", actor: actor, on: db)
        return (agreement, KommunScope(database, kommunID: agreement.other(than: kommunID)))
    }

    /// What an offer to this kommun is about, before it is accepted: the offering kommun's survey
    /// of that code (its questions are the offer), nothing else.
    public func offeredSurvey(_ agreement: SharingAgreement) async throws -> Survey? {
        guard agreement.partnerID == kommunID, agreement.subject == .survey, agreement.revokedAt == nil else { return nil }
        return try await SurveyStore(KommunScope(database, kommunID: agreement.ownerID)).find(code: agreement.subjectCode)
    }

    static func audit(_ agreement: SharingAgreement, action: String, detail: String, actor: Actor, on db: any Database) async throws {
        for kommun in [agreement.ownerID, agreement.partnerID] {
            try await AuditLog.record(
                actor, action: action, objectType: "delningsavtal", objectID: "\(agreement.subject.rawValue) \(agreement.subjectCode)", detail: detail,
                kommunID: kommun, on: db)
        }
    }
}
