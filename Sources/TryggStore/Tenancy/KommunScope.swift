import Foundation

/// One kommun's data. Every store that reads or writes a kommun's rows is created from a scope
/// and filters each query by its kommun itself, so no query can be written without the tenant
/// filter: a store has no method that takes a kommun id. The web layer builds the scope from the
/// signed-in user (`StaffContext.kommun`), from the token's user (API), or from the address
/// `/k/{kommun}`; the CLI from `--kommun`.
public struct KommunScope: Sendable {
    public let database: TryggDatabase
    public let kommunID: UUID

    public init(_ database: TryggDatabase, kommunID: UUID) {
        self.database = database
        self.kommunID = kommunID
    }
}
