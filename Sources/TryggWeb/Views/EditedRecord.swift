import Hummingbird
import TryggCore
import TryggStore

/// A form over a whole record — a measure, a forum, a walk — that someone else may have open at
/// the same time. The form carries one hidden field, `sett`, with the fingerprint of each field as
/// it was shown. On saving, a field the sender left alone takes what is stored now, one she
/// changed takes hers, and one that both she and someone else changed stops the save, with what
/// is stored now shown beside her form. Long texts that several people write in at once (the
/// lägesbild's sections) use `EditedTextField` instead, which also merges by line.
protocol EditedRecordForm {
    /// Each field the form edits: its name in the form, its label on the page, and where it is.
    static var editedFields: [EditedField<Self>] { get }
    /// The `sett` field as sent: the fingerprints of the fields the form showed.
    var seen: String { get }
}

struct EditedField<Form> {
    let name: String
    let label: String
    let path: WritableKeyPath<Form, String>
}

/// Fields both the sender and someone else changed since the form was shown; nothing was saved.
/// The page shows the record as stored now beside the sender's form (`EditedRecordView`).
struct RecordConflict<Form: EditedRecordForm>: Error {
    /// The names of the fields that collided.
    let fields: [String]

    var description: String {
        "Någon annan har ändrat samma uppgifter medan du hade formuläret öppet, så ingenting är sparat. Dina värden står kvar i "
            + "formuläret och det som är sparat nu visas ovanför det: ändra det du vill behålla och spara igen."
    }
}

enum EditedRecord {
    static let seenName = "sett"

    /// The `sett` value of a form showing `form`: each field's fingerprint, in the order of `editedFields`.
    static func seen<Form: EditedRecordForm>(_ form: Form) -> String {
        Form.editedFields.map { ConcurrentEdit.fingerprint(form[keyPath: $0.path]) }.joined(separator: ".")
    }

    /// The fingerprints a form sent, one per field of `editedFields`, or nil when it sent another
    /// number (none: the command line or an older page).
    static func fingerprints<Form: EditedRecordForm>(sentBy form: Form) -> [String]? {
        let sent = form.seen.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return sent.count == Form.editedFields.count ? sent : nil
    }

    /// The record to save: `typed` merged field by field with `stored`, what the database holds
    /// now. A form that sent no fingerprints (the command line, a page from before this existed,
    /// or one changed to another field list) saves as typed.
    static func merge<Form: EditedRecordForm>(_ typed: Form, stored: Form) throws -> Form {
        guard let seen = fingerprints(sentBy: typed) else { return typed }
        var merged = typed
        var collided: [String] = []
        for (field, fingerprint) in zip(Form.editedFields, seen) {
            let edit = EditedText(typed[keyPath: field.path], seen: fingerprint)
            if let text = ConcurrentEdit.merge(edit, stored: stored[keyPath: field.path]) {
                merged[keyPath: field.path] = text
            } else {
                collided.append(field.name)
            }
        }
        guard collided.isEmpty else { throw RecordConflict<Form>(fields: collided) }
        return merged
    }
}

/// A merged form that breaks a rule (a field missing, personal data in free text): nothing is
/// saved and the page comes back with the message and what was typed.
struct FormRefusal: Error {
    let message: String
}

extension EditedRecord {
    /// Saves one edit of a record, the shape every record form shares. `stored` is the record as it
    /// is now, read inside its `RecordLocks` queue; `typed` is merged with it field by field and
    /// `save` checks and stores the merged form and answers (a redirect). A collision answers 409,
    /// a `FormRefusal` or `StoreError` from `save` 400, each through `refused`, which shows the
    /// page again with what was typed.
    static func save<Form: EditedRecordForm>(
        _ typed: Form, over stored: Form,
        refused: (_ message: String, _ status: HTTPResponse.Status, _ conflict: RecordConflict<Form>?) async throws -> Response,
        _ save: (_ merged: Form) async throws -> Response
    ) async throws -> Response {
        do {
            return try await save(try merge(typed, stored: stored))
        } catch let conflict as RecordConflict<Form> {
            return try await refused(conflict.description, .conflict, conflict)
        } catch let refusal as FormRefusal {
            return try await refused(refusal.message, .badRequest, nil)
        } catch let error as StoreError {
            return try await refused(error.description, .badRequest, nil)
        }
    }

    /// The confirmation after a save, naming the fields that kept what someone else saved while
    /// the form was open, so nobody wonders where a value she did not type came from.
    static func notice<Form: EditedRecordForm>(_ saved: String, typed: Form, merged: Form) -> String {
        let kept = Form.editedFields.filter { field in
            ConcurrentEdit.normalised(typed[keyPath: field.path]) != ConcurrentEdit.normalised(merged[keyPath: field.path])
        }
        guard !kept.isEmpty else { return saved }
        let names = SwedishGrammar.list(kept.map { "”\($0.label)”" })
        return saved + " Medan du hade formuläret öppet ändrade någon annan \(names); "
            + (kept.count == 1 ? "den ändringen står kvar." : "de ändringarna står kvar.")
    }
}

/// The hidden `sett` field of a record form and, after a collision, what is stored now. Rendered
/// by the `edited-record` partial inside the form.
struct EditedRecordView {
    struct Line {
        let label: String
        let text: String
    }

    let seenName = EditedRecord.seenName
    let seen: String
    let meanwhile: [Line]
    let hasMeanwhile: Bool

    /// `stored` is the record as stored now, `typed` what a refused form sent. A collided field's
    /// fingerprint becomes the stored value's, since the sender has now seen it; the others keep
    /// the one they were typed on, so a refusal for another reason does not let the next save
    /// overwrite what someone else changed meanwhile. `describe` turns a field's value into what
    /// the form shows for it (a select's label rather than its code).
    init<Form: EditedRecordForm>(
        stored: Form, typed: Form? = nil, conflict: RecordConflict<Form>? = nil, describe: (_ field: String, _ value: String) -> String = { $1 }
    ) {
        let fields = Form.editedFields
        let collided = Set(conflict?.fields ?? [])
        let shown = EditedRecord.seen(stored).split(separator: ".").map(String.init)
        if let typed, let sent = EditedRecord.fingerprints(sentBy: typed) {
            seen = zip(fields, zip(sent, shown)).map { field, pair in collided.contains(field.name) ? pair.1 : pair.0 }.joined(separator: ".")
        } else {
            seen = shown.joined(separator: ".")
        }
        meanwhile = fields.filter { collided.contains($0.name) }.map { field in
            let text = describe(field.name, stored[keyPath: field.path])
            return Line(label: field.label, text: text.isEmpty ? "(tomt)" : text)
        }
        hasMeanwhile = !meanwhile.isEmpty
    }
}
