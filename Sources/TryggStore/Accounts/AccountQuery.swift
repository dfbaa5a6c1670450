import Foundation
import SQLKit
import TryggCore

/// One joined query for "who is this": the session (or token) row with its user, kommun and
/// organisation. It runs on every request, so it is plain SQL instead of four Fluent lookups
/// (each of which reflects over its model).
enum AccountQuery {
    static let accountColumns = """
        u.id AS u_id, u.email AS u_email, u.name AS u_name, u.role AS u_role, u.totp_enabled AS u_totp, \
        u.disabled AS u_disabled, k.id AS k_id, k.slug AS k_slug, k.name AS k_name, k.code AS k_code, \
        o.id AS o_id, o.abbreviation AS o_abbreviation, o.name AS o_name, o.kind AS o_kind, o.name_confirmed AS o_confirmed
        """

    static let accountJoins = """
        JOIN users u ON u.id = x.user_id \
        JOIN kommuner k ON k.id = u.kommun_id \
        JOIN organisations o ON o.id = u.organisation_id
        """

    static func account(from row: any SQLRow) throws -> UserAccount? {
        guard let role = Role(rawValue: try row.decode(column: "u_role", as: String.self)) else { return nil }
        let kommun = Kommun(
            id: try row.decode(column: "k_id", as: UUID.self), slug: try row.decode(column: "k_slug", as: String.self),
            name: try row.decode(column: "k_name", as: String.self), code: try row.decode(column: "k_code", as: String.self))
        let organisation = Organisation(
            id: try row.decode(column: "o_id", as: UUID.self), kommunID: kommun.id,
            abbreviation: try row.decode(column: "o_abbreviation", as: String.self), name: try row.decode(column: "o_name", as: String.self),
            kind: OrganisationKind(rawValue: try row.decode(column: "o_kind", as: String.self)) ?? .extern,
            nameConfirmed: try row.decode(column: "o_confirmed", as: Bool.self))
        return UserAccount(
            id: try row.decode(column: "u_id", as: UUID.self), kommun: kommun, organisation: organisation,
            email: try row.decode(column: "u_email", as: String.self), name: try row.decode(column: "u_name", as: String.self),
            role: role, secondFactorEnabled: try row.decode(column: "u_totp", as: Bool.self),
            disabled: try row.decode(column: "u_disabled", as: Bool.self))
    }
}
