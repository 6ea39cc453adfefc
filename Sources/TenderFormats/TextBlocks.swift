import Foundation
import TenderDocument

/// Splits plain text into blocks: blank lines separate paragraphs, and a line that starts a new
/// clause, list item or table row starts a new block even without a blank line before it.
struct TextBlocks {
    /// Whether the text is Markdown (headings `#`, tables `|`, emphasis are read as such).
    var markdown: Bool

    func blocks(of text: String) -> [Block] {
        // Readers hand over text with "\n" line ends; "\r\n" and "\r" are folded here once.
        let lines = Self.lines(of: text.replacingCRLF())
        var blocks: [Block] = []
        var pending: [Substring] = []
        var pendingStart = 0
        var pendingKind = BlockKind.paragraph
        var inFence = false

        func flush() {
            guard !pending.isEmpty else { return }
            blocks.append(Block(kind: pendingKind, text: pending.joined(separator: "\n"), firstLine: pendingStart + 1))
            pending = []
            pendingKind = .paragraph
        }

        for (n, line) in lines.enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if markdown, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flush(); inFence.toggle(); continue
            }
            if inFence { continue }
            if trimmed.isEmpty { flush(); continue }
            if markdown, let level = headingLevel(trimmed) {
                flush()
                blocks.append(Block(kind: .heading(level: level), text: String(line), firstLine: n + 1))
                continue
            }
            if markdown, trimmed.first == "|" {
                flush()
                if isTableSeparator(trimmed) { continue }
                var row = Block(kind: .tableCell, text: String(line), firstLine: n + 1)
                // A row right after a line that is no row (a blank line ends a table) begins one.
                row.startsTable = n == 0 || !lines[n - 1].drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("|")
                blocks.append(row)
                continue
            }
            if markdown, isSetextUnderline(trimmed), pending.count == 1 {
                let level = trimmed.first == "=" ? 1 : 2
                let title = pending[0]
                pending = []
                blocks.append(Block(kind: .heading(level: level), text: String(title), firstLine: pendingStart + 1))
                continue
            }
            if isBullet(trimmed) || Segmenter.startsClause(trimmed) || LeadIn.startsQuestionOrAnswerLabel(trimmed) { flush() }
            if pending.isEmpty {
                pendingStart = n
                pendingKind = isBullet(trimmed) ? .listItem : .paragraph
            }
            pending.append(line)
        }
        flush()
        return blocks
    }

    /// The lines of `text` (without their "\n"), found on the UTF-8 bytes: once "\r\n" is folded,
    /// "\n" is a `Character` of its own, so this equals `split(separator: "\n")` without grapheme
    /// breaking the whole text (which took a tenth of a corpus run).
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            if utf8[i] == 0x0A {
                lines.append(text[start..<i])
                start = utf8.index(after: i)
            }
            utf8.formIndex(after: &i)
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    private func headingLevel(_ s: Substring) -> Int? {
        let hashes = s.prefix(while: { $0 == "#" }).count
        guard hashes >= 1, hashes <= 6, s.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private func isTableSeparator(_ s: Substring) -> Bool {
        s.allSatisfy { $0 == "|" || $0 == "-" || $0 == ":" || $0 == " " }
    }

    private func isSetextUnderline(_ s: Substring) -> Bool {
        s.count >= 3 && (s.allSatisfy { $0 == "=" } || s.allSatisfy { $0 == "-" })
    }

    private func isBullet(_ s: Substring) -> Bool {
        guard let f = s.first, "-*•–·▪◦".contains(f) else { return false }
        return s.dropFirst().first == " " || s.dropFirst().first == "\t"
    }
}

extension String {
    func replacingCRLF() -> String {
        guard utf8.contains(0x0D) else { return self }
        // "\r\n" is one Character in Swift; rebuild the scalars.
        var out = String.UnicodeScalarView()
        var previousCR = false
        for s in unicodeScalars {
            if s == "\r" { out.append("\n"); previousCR = true; continue }
            if s == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(s)
        }
        return String(out)
    }
}
