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
        guard values.count == 10, values[2] >= 2, Luhn.isValid(values) else { return nil }
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
}

/// The Luhn check of Swedish ten-digit numbers (personnummer, samordningsnummer,
/// organisationsnummer): the digits weighted 2, 1, 2, … from the left, digit sums added.
public enum Luhn {
    public static func isValid(_ digits: [Int]) -> Bool { sum(digits) % 10 == 0 }

    /// The digit that makes the nine before it valid.
    public static func checkDigit(for digits: [Int]) -> Int { (10 - sum(digits) % 10) % 10 }

    static func sum(_ digits: [Int]) -> Int {
        digits.enumerated().reduce(0) { total, item in
            let weighted = item.offset % 2 == 0 ? item.element * 2 : item.element
            return total + (weighted > 9 ? weighted - 9 : weighted)
        }
    }
}
