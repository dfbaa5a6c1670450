import Foundation

/// A Swedish organisationsnummer (Bolagsverket/Skatteverket): ten digits, the last a Luhn check
/// digit, and the third digit at least 2 so that it cannot be a person's personnummer (a sole
/// trader's number is the owner's personnummer, which Trygg does not store).
public enum Organisationsnummer {
    /// "556036-0793" from "5560360793", "556036-0793" or "16556036-0793"; nil when invalid.
    public static func normalised(_ text: String) -> String? {
        var digits = text.filter { !$0.isWhitespace && $0 != "-" }
        // Skatteverket writes legal persons with the century prefix 16 in some registers.
        if digits.count == 12, digits.hasPrefix("16") { digits.removeFirst(2) }
        guard digits.count == 10, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let values = digits.compactMap { $0.wholeNumberValue }
        guard values.count == 10, values[2] >= 2, luhnValid(values) else { return nil }
        return String(digits.prefix(6)) + "-" + String(digits.suffix(4))
    }

    /// The message for a number that is not valid, or nil when it is (or left empty).
    public static func problem(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || normalised(trimmed) != nil { return nil }
        let digits = trimmed.filter(\.isNumber)
        if digits.count == 10, let third = digits.dropFirst(2).first?.wholeNumberValue, third < 2 {
            return "\(trimmed) ser ut som ett personnummer. En enskild firma registreras med firmanamn och adress, utan nummer."
        }
        return "Organisationsnumret \(trimmed) är inte giltigt (tio siffror, NNNNNN-NNNN, med rätt kontrollsiffra)."
    }

    /// The Luhn check over all ten digits (the tenth is the check digit).
    static func luhnValid(_ digits: [Int]) -> Bool {
        var sum = 0
        for (index, digit) in digits.enumerated() {
            let weighted = index % 2 == 0 ? digit * 2 : digit
            sum += weighted > 9 ? weighted - 9 : weighted
        }
        return sum % 10 == 0
    }
}
