import FluentKit
import Foundation
import TryggCore

final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "kommun_id") var kommunID: UUID?
    @OptionalField(key: "user_id") var userID: UUID?
    /// The user's e-mail at the time: the entry must stay readable if the user is renamed.
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: String
    @Field(key: "object_type") var objectType: String
    @Field(key: "object_id") var objectID: String
    @Field(key: "detail") var detail: String
    @Field(key: "address") var address: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var record: AuditEntry {
        AuditEntry(
            id: id!, kommunID: kommunID, actor: actor, action: action, objectType: objectType,
            objectID: objectID, detail: detail, address: address, at: createdAt)
    }
}
