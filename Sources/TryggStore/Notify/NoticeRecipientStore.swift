import FluentKit
import Foundation
import TryggCore

/// Who hears of what: each organisation's contact address and the users who have not turned
/// notices off.
public struct NoticeRecipientStore: Sendable {
    let db: any Database

    /// The kommun every query of this store is about.
    public let kommunID: UUID
    public init(_ scope: KommunScope) {
        db = scope.database.db
        kommunID = scope.kommunID
    }

    public struct Recipient: Sendable, Equatable {
        public var email: String
        public var organisationID: UUID
        public var role: Role
    }

    /// Contact address per organisation, where one is set.
    public func contactAddresses() async throws -> [UUID: String] {
        let rows = try await OrganisationContactModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$contactEmail != "").all()
        return Dictionary(rows.map { ($0.id!, $0.contactEmail) }, uniquingKeysWith: { first, _ in first })
    }

    public func setContactAddress(_ address: String, organisationID: UUID, by actor: Actor) async throws {
        let address = address.trimmingCharacters(in: .whitespaces)
        guard address.isEmpty || MailAddress.isUsable(address) else {
            throw StoreError.invalid("”\(address.prefix(60))” är ingen e-postadress.")
        }
        try await db.transaction { db in
            guard let model = try await OrganisationContactModel.query(on: db).filter(\.$id == organisationID).filter(\.$kommunID == kommunID).first()
            else { throw StoreError.notFound("Organisationen") }
            guard model.contactEmail != address else { return }
            model.contactEmail = address
            try await model.save(on: db)
            try await AuditLog.record(
                actor, action: "ändrade kontaktadress", objectType: "organisation", objectID: model.abbreviation,
                detail: address.isEmpty ? "ingen" : address, kommunID: kommunID, on: db)
        }
    }

    /// Active users with notices on, in the given roles (and organisations, when given).
    public func users(roles: Set<Role>, organisationIDs: Set<UUID>? = nil, userIDs: Set<UUID>? = nil) async throws -> [Recipient] {
        var query = UserNoticeModel.query(on: db).filter(\.$kommunID == kommunID).filter(\.$notices == true).filter(\.$disabled == false)
            .filter(\.$role ~~ roles.map(\.rawValue))
        if let organisationIDs { query = query.filter(\.$organisationID ~~ Array(organisationIDs)) }
        if let userIDs { query = query.filter(\.$id ~~ Array(userIDs)) }
        return try await query.all().compactMap { user in
            Role(rawValue: user.role).map { Recipient(email: user.email, organisationID: user.organisationID, role: $0) }
        }
    }

    public func noticesEnabled(userID: UUID) async throws -> Bool {
        try await UserNoticeModel.query(on: db).filter(\.$id == userID).filter(\.$kommunID == kommunID).first()?.notices ?? false
    }

    public func setNotices(_ enabled: Bool, userID: UUID, by actor: Actor) async throws {
        try await db.transaction { db in
            guard let user = try await UserNoticeModel.query(on: db).filter(\.$id == userID).filter(\.$kommunID == kommunID).first()
            else { throw StoreError.notFound("Användaren") }
            user.notices = enabled
            try await user.save(on: db)
            try await AuditLog.record(
                actor, action: enabled ? "slog på e-postaviseringar" : "stängde av e-postaviseringar", objectType: "användare",
                objectID: user.email, detail: "", kommunID: kommunID, on: db)
        }
    }
}

/// The columns of `organisations` this store needs, the contact address among them. A model of
/// its own rather than a field on `OrganisationModel`: Fluent writes an unset field as NULL when
/// creating, so every existing creation would have to set the address it knows nothing about.
final class OrganisationContactModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "abbreviation") var abbreviation: String
    @Field(key: "contact_email") var contactEmail: String

    init() {}
}

/// The columns of `users` this store needs.
final class UserNoticeModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "email") var email: String
    @Field(key: "role") var role: String
    @Field(key: "disabled") var disabled: Bool
    @Field(key: "notices") var notices: Bool

    init() {}
}
