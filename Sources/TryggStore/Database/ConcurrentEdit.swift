import Crypto
import Foundation
import TryggCore

/// A text typed in a form that others may have open at the same time (the lägesbild's sections,
/// the week's assessment, a follow-up answer, a meeting's minutes). The form carries a fingerprint
/// of the text as it was shown, and the text itself; on saving, each field is merged three ways
/// against what is stored now, so two people writing different sections — or different
/// paragraphs of one — both keep their work, and one who would overwrite another's newer text is
/// stopped with both texts in front of her instead.
public struct EditedText: Sendable, Equatable {
    /// The text as sent.
    public var typed: String
    /// The fingerprint of the text the form showed; nil when the sender showed none (the command
    /// line, an older page), which saves as before.
    public var seen: String?
    /// The text the form showed, when it sent it along: what a merge by line starts from.
    public var base: String?

    /// `seen` is the form's hidden value as `ConcurrentEdit.shown` wrote it: the fingerprint, or
    /// the fingerprint and the shown text.
    public init(_ typed: String, seen: String?) {
        self.typed = typed
        let parts = (seen ?? "").split(separator: ".", maxSplits: 1).map(String.init)
        self.seen = parts.first.flatMap { $0.isEmpty ? nil : $0 }
        base = parts.count > 1 ? Data(base64Encoded: parts[1]).flatMap { String(data: $0, encoding: .utf8) } : nil
    }
}

public enum ConcurrentEdit {
    /// A short fingerprint of a text. Line ends count as one kind, since browsers send `\r\n`
    /// for what was stored as `\n`.
    public static func fingerprint(_ text: String) -> String {
        let digest = SHA256.hash(data: Data(normalised(text).utf8))
        return digest.prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    /// The form's hidden value for a text it shows: its fingerprint and the text itself (base64,
    /// so line ends and quotes pass any form unchanged).
    public static func shown(_ text: String) -> String {
        fingerprint(text) + "." + Data(text.utf8).base64EncodedString()
    }

    /// The text to store, or nil when both the sender and someone else changed the same lines
    /// since the form was shown. Unchanged by the sender, the stored (perhaps newer) text stands;
    /// changed by both in different lines, both changes are kept.
    public static func merge(_ edit: EditedText, stored: String) -> String? {
        guard let seen = edit.seen, normalised(edit.typed) != normalised(stored) else { return edit.typed }
        if fingerprint(stored) == seen { return edit.typed }
        if fingerprint(edit.typed) == seen { return stored }
        // The shown text is trusted only when it is the one the fingerprint was made of.
        if let base = edit.base, fingerprint(base) == seen { return LineMerge.merge(base: base, mine: edit.typed, theirs: stored) }
        return nil
    }

    /// Every field merged, in order, or an `EditConflict` naming each field (by `key`) that
    /// both changed. `stored` is what the database holds now, read in the saving transaction.
    public static func mergeAll(_ fields: [(key: String, edit: EditedText, stored: String)]) throws -> [String] {
        var merged: [String] = []
        var conflicts: [String: String] = [:]
        for field in fields {
            if let text = merge(field.edit, stored: field.stored) { merged.append(text) } else { conflicts[field.key] = field.stored }
        }
        guard conflicts.isEmpty else { throw EditConflict(stored: conflicts) }
        return merged
    }

    /// Line ends of one kind: browsers send `\r\n` for what was stored as `\n`.
    public static func normalised(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
    }
}

/// Fields changed both by the sender and, meanwhile, by someone else: nothing was stored. Keyed
/// by the form's field name, with the text stored now, so the page can show it beside what the
/// sender typed.
public struct EditConflict: Error, Equatable, Sendable, CustomStringConvertible {
    public let stored: [String: String]

    public init(stored: [String: String]) { self.stored = stored }

    public var description: String {
        // Empty: another save landed between reading and writing; the next attempt merges with it.
        stored.isEmpty
            ? "Någon annan sparade i samma stund, så ingenting är sparat. Din text står kvar: spara igen."
            : "Någon annan har ändrat texten medan du skrev, så ingenting är sparat. Din text står kvar i rutan och den "
                + "sparade versionen visas under den: för över det du vill behålla och spara igen."
    }
}
