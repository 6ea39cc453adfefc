import TenderDocument

/// A text or Markdown document's corrected copy and the unified diff from the original.
public struct TextRedline: Sendable {
    public var original: [UInt8]
    public var corrected: [UInt8]
    public var changes: Int

    /// A unified diff (three lines of context) that `git apply` and `patch -p0` accept; empty when nothing changed.
    public func diff(oldName: String, newName: String) -> String {
        UnifiedDiff.make(old: original, new: corrected, oldName: oldName, newName: newName)
    }
}

/// Replaces each unit that a finding proposes a model article for, in the source bytes.
///
/// The unit's text is looked up in the source from the block's first line on: Markdown
/// and text readers keep a block's words as written, so the unit stands there verbatim unless
/// it was reflowed over several lines, in which case it is found with any run of white space
/// standing for a space. A unit that is not found is left as it is.
public enum TextRedliner {
    public static func redline(_ input: [UInt8], document: Document, plan: RedlinePlan) throws(RedlineError) -> TextRedline {
        var replacements: [(range: Range<Int>, text: [UInt8])] = []
        let lineStarts = [0] + input.indices.filter { input[$0] == 0x0A }.map { $0 + 1 }
        for edit in plan.edits {
            guard let replacement = edit.replacement else { continue }
            let block = document.blocks[edit.block]
            let unit = Array(block.text.utf8)[replacement.range]
            let line = block.lineOrigins.first?.lineNumber ?? 1
            let from = lineStarts[max(0, min(line - 1, lineStarts.count - 1))]
            guard let found = find(Array(unit), in: input, from: from),
                  !replacements.contains(where: { $0.range.overlaps(found) }) else { continue }
            replacements.append((found, Array(replacement.text.utf8)))
        }
        var out: [UInt8] = []
        var cursor = 0
        for r in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            out += input[cursor..<r.range.lowerBound]
            out += r.text
            cursor = r.range.upperBound
        }
        out += input[cursor...]
        return TextRedline(original: input, corrected: out, changes: replacements.count)
    }

    /// `needle` in `haystack` at or after `from`, white space in the needle matching any run of
    /// white space.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Range<Int>? {
        guard !needle.isEmpty else { return nil }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var start = from
        while start < haystack.count {
            var i = start, j = 0
            while j < needle.count, i < haystack.count {
                if isSpace(needle[j]) {
                    guard isSpace(haystack[i]) else { break }
                    while i < haystack.count, isSpace(haystack[i]) { i += 1 }
                    while j < needle.count, isSpace(needle[j]) { j += 1 }
                } else if needle[j] == haystack[i] {
                    i += 1; j += 1
                } else { break }
            }
            if j == needle.count { return start..<i }
            start += 1
        }
        return nil
    }
}

/// A unified diff of two texts by lines (longest common subsequence, three lines of context).
enum UnifiedDiff {
    static func make(old: [UInt8], new: [UInt8], oldName: String, newName: String) -> String {
        let a = lines(old), b = lines(new)
        // Common prefix and suffix first: replacements touch few lines of a long document.
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let am = Array(a[prefix..<(a.count - suffix)]), bm = Array(b[prefix..<(b.count - suffix)])
        guard !am.isEmpty || !bm.isEmpty else { return "" }
        // LCS table over the middle.
        var table = Array(repeating: Array(repeating: 0, count: bm.count + 1), count: am.count + 1)
        for i in stride(from: am.count - 1, through: 0, by: -1) {
            for j in stride(from: bm.count - 1, through: 0, by: -1) {
                table[i][j] = am[i] == bm[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        enum Op { case same(Int, Int), del(Int), ins(Int) }
        var ops: [Op] = (0..<prefix).map { .same($0, $0) }
        var i = 0, j = 0
        while i < am.count || j < bm.count {
            if i < am.count, j < bm.count, am[i] == bm[j] { ops.append(.same(prefix + i, prefix + j)); i += 1; j += 1 }
            else if i < am.count, j == bm.count || table[i + 1][j] >= table[i][j + 1] { ops.append(.del(prefix + i)); i += 1 }
            else { ops.append(.ins(prefix + j)); j += 1 }
        }
        for k in 0..<suffix { ops.append(.same(a.count - suffix + k, b.count - suffix + k)) }
        // Hunks: changes with three lines of context, merged when their context touches.
        var out = "--- \(oldName)\n+++ \(newName)\n"
        var k = 0
        let context = 3
        while k < ops.count {
            guard let firstChange = ops[k...].firstIndex(where: { if case .same = $0 { return false }; return true }) else { break }
            var end = firstChange
            var last = firstChange
            while end < ops.count {
                if case .same = ops[end] {
                    if end - last > 2 * context { break }
                } else { last = end }
                end += 1
            }
            let lo = max(k, firstChange - context), hi = min(ops.count, last + context + 1)
            var body = ""
            var oldStart = -1, newStart = -1, oldCount = 0, newCount = 0
            var oldNext = 0, newNext = 0
            for op in ops[lo..<hi] {
                switch op {
                case let .same(x, y):
                    if oldStart < 0 { oldStart = x; newStart = y }
                    body += " " + a[x]; oldCount += 1; newCount += 1; oldNext = x + 1; newNext = y + 1
                case let .del(x):
                    if oldStart < 0 { oldStart = x; newStart = newNext }
                    body += "-" + a[x]; oldCount += 1; oldNext = x + 1
                    if x == a.count - 1, !old.isEmpty, old.last != 0x0A { body += "\n\\ No newline at end of file\n" }
                case let .ins(y):
                    if oldStart < 0 { oldStart = oldNext; newStart = y }
                    body += "+" + b[y]; newCount += 1; newNext = y + 1
                    if y == b.count - 1, !new.isEmpty, new.last != 0x0A { body += "\n\\ No newline at end of file\n" }
                }
            }
            func header(_ start: Int, _ count: Int) -> String { count == 0 ? "\(start),0" : "\(start + 1),\(count)" }
            out += "@@ -\(header(oldStart, oldCount)) +\(header(newStart, newCount)) @@\n" + body
            k = hi
        }
        return out
    }

    /// Lines with their terminating `\n` (the last one may lack it).
    static func lines(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            out.append(String(decoding: bytes[start...i], as: UTF8.self)); start = i + 1
        }
        if start < bytes.count { out.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return out
    }
}
