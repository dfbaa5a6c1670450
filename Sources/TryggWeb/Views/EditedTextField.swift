import TryggCore
import TryggStore

/// A textarea whose text others may change at the same time (see `ConcurrentEdit`): the text it
/// shows, the fingerprint of the stored text it was built on with that text (sent back as
/// `sett_<name>`, so a change to other lines than someone else's merges), and,
/// after a save that collided with someone else's, the text stored now, shown under the
/// sender's own. Rendered by the `edited-text-field` partial.
struct EditedTextField {
    /// The confirmation after texts were saved, naming those that now also hold what someone else
    /// wrote meanwhile (merged by field or by line), so nobody wonders where those lines came from.
    static func notice(_ saved: String, typed: [(label: String, text: String)], stored: [String]) -> String {
        // As the stores keep texts: line ends of one kind, no blank space around.
        func kept(_ text: String) -> String { ConcurrentEdit.normalised(text).trimmingCharacters(in: .whitespacesAndNewlines) }
        let changed = zip(typed, stored).filter { kept($0.text) != kept($1) }.map { "”\($0.0.label)”" }
        guard !changed.isEmpty else { return saved }
        return saved + " Medan du skrev ändrade någon annan i \(SwedishGrammar.list(changed)); de ändringarna står kvar tillsammans med dina."
    }

    let name: String
    let id: String
    let label: String
    let value: String
    let seenName: String
    let seen: String
    let rows: Int
    let maxLength: Int
    let hasMeanwhile: Bool
    let meanwhile: String
    let hint: String
    let required: Bool
    let autofocus: Bool
    /// The ids that describe the field: its hint, the text saved meanwhile, and `alsoDescribedBy`.
    let describedBy: String

    /// `typed` and `typedSeen` are what a refused form sent; `conflict` the refusal, when it was a
    /// collision. A collided field's fingerprint becomes the stored text's, since the sender has
    /// now seen it; any other keeps the one it was typed on, so a refusal for another reason does
    /// not let a later save overwrite what someone else wrote meanwhile.
    init(
        name: String, id: String? = nil, label: String, stored: String, rows: Int = 6, maxLength: Int,
        typed: String? = nil, typedSeen: String? = nil, conflictKey: String? = nil, conflict: EditConflict? = nil,
        hint: String = "", required: Bool = false, autofocus: Bool = false, alsoDescribedBy: String? = nil
    ) {
        self.name = name
        self.id = id ?? name
        self.label = label
        self.rows = rows
        self.maxLength = maxLength
        seenName = "sett_\(name)"
        value = typed ?? stored
        let collided = conflictKey.flatMap { conflict?.stored[$0] }
        hasMeanwhile = collided != nil
        meanwhile = collided.map { $0.isEmpty ? "(Texten är borttagen.)" : $0 } ?? ""
        if collided == nil, let typedSeen, !typedSeen.isEmpty, typed != nil {
            seen = typedSeen
        } else {
            seen = ConcurrentEdit.shown(stored)
        }
        self.hint = hint
        self.required = required
        self.autofocus = autofocus
        let fieldID = self.id
        describedBy = [hint.isEmpty ? nil : "\(fieldID)-hint", collided == nil ? nil : "\(fieldID)-meanwhile", alsoDescribedBy]
            .compactMap { $0 }.joined(separator: " ")
    }
}
