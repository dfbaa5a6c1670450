/// Rules for how a kommun is named in URLs, the CLI and the Open311 `jurisdiction_id`.
public enum KommunIdentity {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case invalidSlug(String)
        case invalidCode(String)
        case emptyName

        public var description: String {
            switch self {
            case .invalidSlug(let slug):
                "Ogiltig kortform \"\(slug)\": använd 2–40 tecken a–z, 0–9 och bindestreck (t.ex. linkoping)."
            case .invalidCode(let code):
                "Ogiltig kommunkod \"\(code)\": en kommunkod är fyra siffror (t.ex. 0580 för Linköping)."
            case .emptyName:
                "Kommunens namn saknas."
            }
        }
    }

    /// A slug appears in URLs, so it is plain lowercase ASCII.
    public static func validateSlug(_ slug: String) throws(Problem) {
        let allowed = slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
        guard (2...40).contains(slug.utf8.count), allowed, slug.first != "-", slug.last != "-" else {
            throw .invalidSlug(slug)
        }
    }

    /// SCB's kommunkod: two digits for the län, two for the kommun.
    public static func validateCode(_ code: String) throws(Problem) {
        guard code.utf8.count == 4, code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw .invalidCode(code)
        }
    }

    public static func validate(slug: String, name: String, code: String) throws(Problem) {
        try validateSlug(slug)
        try validateCode(code)
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw .emptyName }
    }
}
