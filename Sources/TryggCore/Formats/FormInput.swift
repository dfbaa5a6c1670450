import Foundation

// Forms are read into a `Decodable` type per form (with Hummingbird's `URLEncodedFormDecoder` in
// the web layer): the field names are written once, in the type's `CodingKeys`, and a field the
// form did not send reads as "" (`@FormText`) instead of failing, so each handler still gives its own
// Swedish message for what is missing. Checkboxes that share a name are sent as `name[]` (`@FormChoices`).

/// A text field, trimmed; "" when the form did not send it.
@propertyWrapper
public struct FormText: Decodable, Sendable, Equatable {
    public var wrappedValue: String

    public init(wrappedValue: String = "") { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws {
        wrappedValue = try decoder.singleValueContainer().decode(String.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A text field as typed (passwords, free text whose spacing is kept); "" when missing.
@propertyWrapper
public struct FormRaw: Decodable, Sendable, Equatable {
    public var wrappedValue: String

    public init(wrappedValue: String = "") { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws { wrappedValue = try decoder.singleValueContainer().decode(String.self) }
}

/// The checked values of checkboxes named `name[]`; none when nothing is checked.
@propertyWrapper
public struct FormChoices: Decodable, Sendable, Equatable {
    public var wrappedValue: [String]

    public init(wrappedValue: [String] = []) { self.wrappedValue = wrappedValue }

    public init(from decoder: any Decoder) throws { wrappedValue = try decoder.singleValueContainer().decode([String].self) }
}

extension KeyedDecodingContainer {
    public func decode(_ type: FormText.Type, forKey key: Key) throws -> FormText { try decodeIfPresent(type, forKey: key) ?? FormText() }
    public func decode(_ type: FormRaw.Type, forKey key: Key) throws -> FormRaw { try decodeIfPresent(type, forKey: key) ?? FormRaw() }
    public func decode(_ type: FormChoices.Type, forKey key: Key) throws -> FormChoices { try decodeIfPresent(type, forKey: key) ?? FormChoices() }
}

/// Every field of a form as name and value, for the checks that concern all fields (the CSRF
/// token, control characters) before a handler reads its own type.
public struct AnyForm: Decodable {
    public struct Name: CodingKey {
        public let stringValue: String
        public init?(stringValue: String) { self.stringValue = stringValue }
        public var intValue: Int? { nil }
        public init?(intValue: Int) { nil }
    }

    public var pairs: [(String, String)] = []

    public init(from decoder: any Decoder) throws {
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
