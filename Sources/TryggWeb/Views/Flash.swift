import Crypto
import Foundation
import Hummingbird

/// The message shown on the page a form redirects to (Post/Redirect/Get): "Åtgärden är sparad."
/// It travels in a short-lived cookie signed with the session's CSRF token, a secret only the
/// server and this browser's pages know, so another site cannot plant a message; it is shown once.
struct Flash: Sendable, Equatable {
    enum Kind: String, Sendable { case notice, error }

    let kind: Kind
    let text: String

    static let cookieName = "trygg_flash"

    /// `base64url(kind + "\n" + text) + "." + base64url(HMAC-SHA256(key, that))`
    func cookieValue(key: String) -> String {
        let payload = Self.base64url(Data((kind.rawValue + "\n" + String(text.prefix(1_000))).utf8))
        return payload + "." + Self.signature(payload, key: key)
    }

    init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// The message of a cookie this browser's session signed, else nil.
    init?(cookieValue value: String, key: String) {
        let parts = value.split(separator: ".", maxSplits: 1).map(String.init)
        guard !key.isEmpty, parts.count == 2, CSRFMiddleware.constantTimeEqual(parts[1], Self.signature(parts[0], key: key)),
            let data = Self.data(base64url: parts[0]), let text = String(data: data, encoding: .utf8),
            let newline = text.firstIndex(of: "\n"), let kind = Kind(rawValue: String(text[..<newline]))
        else { return nil }
        self.init(kind: kind, text: String(text[text.index(after: newline)...]))
    }

    private static func signature(_ payload: String, key: String) -> String {
        base64url(Data(HMAC<SHA256>.authenticationCode(for: Data(payload.utf8), using: SymmetricKey(data: Data(key.utf8)))))
    }

    private static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func data(base64url text: String) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}

extension Response {
    /// 303 to `location` with a message for the page there: the end of every successful form.
    static func seeOther(_ location: String, notice: String, context: StaffContext) -> Response {
        seeOther(location, flash: Flash(kind: .notice, text: notice), context: context)
    }

    /// 303 with an error for the page there, when the form's own page cannot show it (a button in a list).
    static func seeOther(_ location: String, error: String, context: StaffContext) -> Response {
        seeOther(location, flash: Flash(kind: .error, text: error), context: context)
    }

    private static func seeOther(_ location: String, flash: Flash, context: StaffContext) -> Response {
        var response = Response.seeOther(location)
        response.headers.append(
            .init(
                name: .setCookie,
                value: Cookies.header(
                    name: Flash.cookieName, value: flash.cookieValue(key: context.csrfToken), maxAge: 60, secure: context.secureCookies)))
        return response
    }
}
