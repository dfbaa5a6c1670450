/// Free text from outside (forms, the API, Open311, imported files) may not carry control
/// characters. U+0000 in particular was stored by SQLite and then cut off on reading ("a\0b" came
/// back as "a"), and PostgreSQL refuses it outright; the other C0 controls have no place in what a
/// person types and XML documents cannot hold them. Tab, line feed and carriage return are text.
public enum TextInput {
    /// The first forbidden control character, or nil when the text is clean.
    public static func forbiddenCharacter(in text: String) -> Unicode.Scalar? {
        // Scanning bytes first keeps the common case (no byte below 0x20 but tab/newlines) cheap.
        guard text.utf8.contains(where: isForbidden) else { return nil }
        return text.unicodeScalars.first { $0.value < 0x80 && isForbidden(UInt8($0.value)) }
    }

    /// The message a user sees, or nil when the text is clean.
    public static func message(for text: String, field: String = "Texten") -> String? {
        guard let scalar = forbiddenCharacter(in: text) else { return nil }
        return "\(field) innehåller ett osynligt styrtecken (\(codePoint(scalar))) som inte kan sparas. Ta bort det och försök igen."
    }

    /// "U+0000"
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func isForbidden(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D }
}
