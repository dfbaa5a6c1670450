import Foundation
import Hummingbird
import TryggCore

// The form types and their field wrappers are in TryggCore (`Formats/FormInput.swift`); here they
// meet Hummingbird's decoder and the request.

enum FormBody {
    /// The form fields of a multipart body in URL encoding, so that one decoder reads both kinds.
    static func encoded(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    /// Vertical tab and form feed are line and page breaks by meaning: Word puts them in text
    /// copied from a document (a manual line break, a page break). In the encoded body they become
    /// line feeds, so a text pasted from Word is saved as it reads instead of being refused for an
    /// invisible character. A `%` in a value is itself encoded (`%25`), so `%0B` is only ever U+000B.
    static func normalisingBreaks(_ body: String) -> String {
        guard body.contains("%0") else { return body }
        var result = body
        for code in ["%0B", "%0b", "%0C", "%0c"] { result = result.replacingOccurrences(of: code, with: "%0A") }
        return result
    }

    static func decode<Form: Decodable>(_ type: Form.Type, from body: String) throws -> Form {
        do {
            return try URLEncodedFormDecoder().decode(type, from: body)
        } catch {
            throw HTTPError(.badRequest, message: "Formuläret kunde inte läsas. Ladda om sidan och försök igen.")
        }
    }
}

/// A context whose POST body was read by the CSRF middleware.
protocol FormContext {
    var formBody: String { get }
}

extension FormContext {
    /// The form of this request as its type; 400 when the body is not a form of that shape.
    func decodeForm<Form: Decodable>(_ type: Form.Type = Form.self) throws -> Form { try FormBody.decode(type, from: formBody) }
}
