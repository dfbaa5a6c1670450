import Foundation
import Hummingbird
import TryggCore

// Forms are read with Hummingbird's `URLEncodedFormDecoder` into a `Decodable` type per form:
// the field names are written once, in the type's `CodingKeys`, and a field the form did not
// send reads as "" (`@Field`) instead of failing, so each handler still gives its own Swedish
// message for what is missing. Checkboxes that share a name are sent as `name[]` (`@Choices`).

/// A text field, trimmed; "" when the form did not send it.
@propertyWrapper
struct Field: Decodable, Sendable, Equatable {
    var wrappedValue: String

    init(wrappedValue: String = "") { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(String.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A text field as typed (passwords, free text whose spacing is kept); "" when missing.
@propertyWrapper
struct RawField: Decodable, Sendable, Equatable {
    var wrappedValue: String

    init(wrappedValue: String = "") { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws { wrappedValue = try decoder.singleValueContainer().decode(String.self) }
}

/// The checked values of checkboxes named `name[]`; none when nothing is checked.
@propertyWrapper
struct Choices: Decodable, Sendable, Equatable {
    var wrappedValue: [String]

    init(wrappedValue: [String] = []) { self.wrappedValue = wrappedValue }

    init(from decoder: any Decoder) throws { wrappedValue = try decoder.singleValueContainer().decode([String].self) }
}

extension KeyedDecodingContainer {
    func decode(_ type: Field.Type, forKey key: Key) throws -> Field { try decodeIfPresent(type, forKey: key) ?? Field() }
    func decode(_ type: RawField.Type, forKey key: Key) throws -> RawField { try decodeIfPresent(type, forKey: key) ?? RawField() }
    func decode(_ type: Choices.Type, forKey key: Key) throws -> Choices { try decodeIfPresent(type, forKey: key) ?? Choices() }
}

/// Every field of a form as name and value, for the checks that concern all fields (the CSRF
/// token, control characters) before a handler reads its own type.
struct AnyForm: Decodable {
    struct Name: CodingKey {
        let stringValue: String
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    var pairs: [(String, String)] = []

    init(from decoder: any Decoder) throws {
        let fields = try decoder.container(keyedBy: Name.self)
        for name in fields.allKeys {
            if let value = try? fields.decode(String.self, forKey: name) {
                pairs.append((name.stringValue, value))
            } else {
                for value in try fields.decode([String].self, forKey: name) { pairs.append((name.stringValue, value)) }
            }
        }
    }
}

enum FormBody {
    /// The form fields of a multipart body in URL encoding, so that one decoder reads both kinds.
    static func encoded(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return pairs.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
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
