import FluentKit
import Foundation
import TryggCore

final class KommunModel: Model, @unchecked Sendable {
    static let schema = "kommuner"

    @ID(key: .id) var id: UUID?
    @Field(key: "slug") var slug: String
    @Field(key: "name") var name: String
    @Field(key: "code") var code: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(slug: String, name: String, code: String) {
        self.slug = slug
        self.name = name
        self.code = code
    }

    var record: Kommun { Kommun(id: id!, slug: slug, name: name, code: code) }
}

final class OrganisationModel: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "kommun_id") var kommunID: UUID
    @Field(key: "abbreviation") var abbreviation: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "name_confirmed") var nameConfirmed: Bool
    @OptionalField(key: "retired_on") var retiredOn: String?

    init() {}

    init(kommunID: UUID, template: OrganisationTemplate) {
        self.kommunID = kommunID
        abbreviation = template.abbreviation
        name = template.name
        kind = template.kind.rawValue
        nameConfirmed = template.nameStatedInDocuments
    }

    var record: Organisation {
        Organisation(
            id: id!, kommunID: kommunID, abbreviation: abbreviation, name: name,
            kind: OrganisationKind(rawValue: kind) ?? .extern, nameConfirmed: nameConfirmed, retiredOn: retiredOn)
    }
}
