import Foundation

/// Splits a document's blocks into clauses, reading Dutch contract structure: `Hoofdstuk 3`,
/// `Artikel 12`, `Art. 12.3`, `12.3.1`, `lid 2`, `a.`, `1)`, `Bijlage 4`, Markdown and ALL-CAPS
/// headings. Bullets, table rows and unnumbered paragraphs belong to the clause above them.
public struct Segmenter: Sendable {
    public init() {}

    private struct Open {
        var level: Int
        var title: String
        var number: String?
        var isItem: Bool
        var isArticle: Bool
    }

    /// The clauses of `blocks`, in order; every block belongs to exactly one clause.
    public func clauses(of blocks: [Block]) -> [Clause] {
        var clauses: [Clause] = []
        var stack: [Open] = []
        var current = Clause(number: nil, headingPath: [], blocks: 0..<0)

        func close(at index: Int) {
            current.blocks = current.blocks.lowerBound..<index
            if !current.blocks.isEmpty { clauses.append(current) }
        }

        for (index, block) in blocks.enumerated() {
            let firstLine = Segmenter.firstLine(of: block)
            let marker = ClauseMarker.parse(firstLine[...])
            let heading = Segmenter.isHeading(block, firstLine: firstLine)
                || (marker.map { Segmenter.isTitleLine(block, marker: $0) } ?? false)
            guard marker != nil || heading else { continue }

            var level: Int
            var title: String
            var number: String?
            var isItem = false
            var isArticle = false
            let titleText = firstLine.trimmingBlanks()

            let inArticle = stack.last(where: { $0.isArticle })
            switch marker?.kind {
            case let .keyword(name)?:
                number = name
                isArticle = name.hasPrefix("Artikel")
                level = name.hasPrefix("Artikel") ? 3 : name.hasPrefix("Paragraaf") ? 2 : 1
                title = heading ? titleText : name
            case let .dotted(parts)?:
                let joined = parts.joined(separator: ".")
                if parts.count == 1, !heading, let article = inArticle {
                    // "1. De aanbieder …" inside Artikel 5 is lid 1 of that article.
                    number = "\(article.number!) lid \(joined)"
                    level = article.level + 1
                    title = "lid \(joined)"
                } else {
                    number = joined
                    level = 2 + parts.count
                    isArticle = parts.count == 1
                    title = heading ? titleText : joined
                }
            case let .lid(n)?:
                let base = inArticle?.number
                number = base.map { "\($0) lid \(n)" } ?? "lid \(n)"
                level = (inArticle?.level ?? 3) + 1
                title = "lid \(n)"
            case let .item(n)?:
                let parent = stack.last(where: { !$0.isItem })
                number = parent?.number.map { "\($0) sub \(n)" } ?? "sub \(n)"
                level = (parent?.level ?? 3) + 1
                title = "sub \(n)"
                isItem = true
            case nil:
                // An unnumbered heading: Markdown level, or level 1 for an ALL-CAPS line.
                if case let .heading(l) = block.kind { level = l } else { level = 1 }
                title = titleText
                number = nil
            }

            close(at: index)
            while let top = stack.last, top.level >= level { stack.removeLast() }
            stack.append(Open(level: level, title: title, number: number, isItem: isItem, isArticle: isArticle))
            // An unnumbered heading's clause is cited by the nearest number above it.
            let citedNumber = number ?? stack.last(where: { $0.number != nil })?.number
            current = Clause(number: citedNumber, headingPath: stack.map(\.title), blocks: index..<index)
        }
        close(at: blocks.count)
        return clauses
    }

    /// Whether `line` opens a new clause (`Artikel 3`, `3.2`, `lid 2`, `a.`, `1)`).
    public static func startsClause(_ line: Substring) -> Bool {
        ClauseMarker.parse(line) != nil
    }

    /// The UTF-8 length of the clause marker at the start of `block.text` (`Artikel 12 `, `12.3 `,
    /// `lid 2 `, `a. `, with the `#` of a Markdown heading): where the clause's own words begin.
    /// 0 when the text starts with no marker, or when the number is an automatic label outside the text.
    public static func markerLength(of block: Block) -> Int {
        if let label = block.label, !label.isEmpty { return 0 }
        let text = Substring(block.text)
        let line = text.prefix(while: { $0 != "\n" })
        guard let marker = ClauseMarker.parse(line) else { return 0 }
        return text.utf8.distance(from: text.utf8.startIndex, to: marker.rest.startIndex)
    }

    /// The first line of a block as the reader of the document sees it, automatic number included.
    static func firstLine(of block: Block) -> String {
        // The first "\n" character is the first 0x0A byte not preceded by 0x0D ("\r\n" is one
        // character, and "\n" never joins the character after it); found on the bytes.
        let utf8 = block.text.utf8
        var end = utf8.endIndex
        var previous: UInt8 = 0
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A, previous != 0x0D { end = i; break }
            previous = b
            utf8.formIndex(after: &i)
        }
        let line = block.text[..<end]
        if let label = block.label, !label.isEmpty { return label + " " + line }
        return String(line)
    }

    /// A one-line block such as `Artikel 12 Verantwoording` or `12.3 Rapportage`: a title, not a sentence.
    static func isTitleLine(_ block: Block, marker: ClauseMarker) -> Bool {
        guard !(block.text.utf8.contains(0x0A) && block.text.contains("\n")) else { return false }
        switch marker.kind {
        case .keyword, .dotted: break
        default: return false
        }
        // Foundation's trimming is slow; a line that starts and ends with an ASCII character
        // other than a space or tab has nothing to trim (`.whitespaces` is Zs and tab).
        let raw = marker.rest.utf8
        let rest: String
        if let first = raw.first, let last = raw.last, first < 0x80, last < 0x80,
           first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            rest = String(marker.rest)
        } else {
            rest = marker.rest.trimmingCharacters(in: .whitespaces)
        }
        // The cheap end checks first: most numbered paragraphs end with a full stop.
        return !rest.hasSuffix(".") && !rest.hasSuffix(":") && !rest.hasSuffix(";") && !rest.hasSuffix(",")
            && rest.split(separator: " ").count <= 8
    }

    /// A heading by kind, or a short line written in capitals (`ALGEMENE BEPALINGEN`).
    static func isHeading(_ block: Block, firstLine: String) -> Bool {
        if case .heading = block.kind { return true }
        // Byte checks first, as most blocks are sentences: no 0x0A byte means no "\n" character,
        // and a lower-case ASCII letter means not every letter is a capital.
        guard !(block.text.utf8.contains(0x0A) && block.text.contains("\n")) else { return false }
        if firstLine.utf8.contains(where: { $0 >= 97 && $0 <= 122 }) { return false }
        let letters = firstLine.filter(\.isLetter)
        guard letters.count >= 4 else { return false }
        let words = firstLine.split(separator: " ").count
        return words <= 12 && letters.allSatisfy(\.isUppercase)
    }
}

extension String {
    func trimmingBlanks() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "#" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "#" { s = s.dropLast() }
        return String(s)
    }
}
