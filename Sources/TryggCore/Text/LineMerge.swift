/// A three-way merge of texts by line, as `diff3` does it: the changes two people made to the same
/// text since `base` are both kept when they touch different lines, so one may rewrite the
/// analysis's first paragraph while another adds a paragraph at its end. Changes to the same or
/// neighbouring lines are a conflict (nil): then the people decide, not the program.
public enum LineMerge {
    /// Above this many lines in any of the three texts no merge is tried (a conflict): comparing
    /// takes time in proportion to the lines times the changes, and a form's text is never this long
    /// unless someone is trying to make the server slow.
    public static let maxLines = 2_000

    public static func merge(base: String, mine: String, theirs: String) -> String? {
        let baseLines = lines(base), myLines = lines(mine), theirLines = lines(theirs)
        guard max(baseLines.count, myLines.count, theirLines.count) <= maxLines else { return nil }
        let myChanges = changes(from: baseLines, to: myLines)
        let theirChanges = changes(from: baseLines, to: theirLines)
        var merged: [Change] = []
        var mineIndex = 0, theirIndex = 0
        while mineIndex < myChanges.count || theirIndex < theirChanges.count {
            let next: Change
            if theirIndex == theirChanges.count || (mineIndex < myChanges.count && myChanges[mineIndex].start <= theirChanges[theirIndex].start) {
                next = myChanges[mineIndex]
                mineIndex += 1
            } else {
                next = theirChanges[theirIndex]
                theirIndex += 1
            }
            if let last = merged.last, next.start <= last.end {
                // Overlapping or touching: only the very same change from both is not a conflict.
                guard last == next else { return nil }
                continue
            }
            merged.append(next)
        }
        var result: [Substring] = []
        var position = 0
        for change in merged {
            result += baseLines[position..<change.start]
            result += change.lines
            position = change.end
        }
        result += baseLines[position...]
        return result.joined(separator: "\n")
    }

    /// Lines `start..<end` of the base replaced by `lines` (an insertion has `start == end`).
    struct Change: Equatable {
        let start: Int
        let end: Int
        let lines: [Substring]
    }

    /// The changes from `base` to `text`, in order: the stretches between lines the two keep in common.
    static func changes(from base: [Substring], to text: [Substring]) -> [Change] {
        let difference = text.difference(from: base)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        let keptBase = base.indices.filter { !removed.contains($0) }
        let keptText = text.indices.filter { !inserted.contains($0) }
        // Sentinels before the first and after the last line make every stretch lie between two kept lines.
        let anchors = [(-1, -1)] + Array(zip(keptBase, keptText)) + [(base.count, text.count)]
        var changes: [Change] = []
        for (before, after) in zip(anchors, anchors.dropFirst()) {
            let start = before.0 + 1, end = after.0
            let replacement = Array(text[(before.1 + 1)..<after.1])
            if start < end || !replacement.isEmpty { changes.append(Change(start: start, end: end, lines: replacement)) }
        }
        return changes
    }

    /// The lines of a text, with line ends of one kind and without blank lines or spaces at its end:
    /// an Enter after the last line is no change that could collide with someone else's.
    public static func lines(_ text: String) -> [Substring] {
        var text = Substring(text.replacingOccurrences(of: "\r\n", with: "\n"))
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
