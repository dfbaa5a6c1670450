import Foundation
import NIOConcurrencyHelpers

/// A secret shown once after a form (a new Open311 key): the form stores it here for its
/// session and redirects (Post/Redirect/Get), and the page it redirects to takes it out, so a
/// reload neither creates another key nor shows this one again. Kept in memory only, five
/// minutes at most: the database holds just the key's hash.
final class OneTimeNotes: Sendable {
    private let notes = NIOLockedValueBox<[UUID: (text: String, expires: Date)]>([:])
    static let lifetime: TimeInterval = 300

    func put(_ text: String, for sessionID: UUID, now: Date = Date()) {
        notes.withLockedValue { notes in
            notes = notes.filter { $0.value.expires > now }
            notes[sessionID] = (text, now.addingTimeInterval(Self.lifetime))
        }
    }

    func take(for sessionID: UUID, now: Date = Date()) -> String? {
        notes.withLockedValue { notes in
            guard let note = notes.removeValue(forKey: sessionID), note.expires > now else { return nil }
            return note.text
        }
    }
}
