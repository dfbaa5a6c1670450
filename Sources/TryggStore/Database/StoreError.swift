/// Errors the storage layer reports to people. The text is Swedish because it reaches the UI and
/// the CLI as is.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notFound(String)
    case duplicate(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .notFound(let what): "\(what) finns inte."
        case .duplicate(let what): "\(what) finns redan."
        case .invalid(let message): message
        }
    }
}
