import TenderDocument
import TenderLanguage

/// One word of a clause as it is compared.
struct Word: Sendable, Equatable {
    /// The matching form: the normalised token (lower case, no diacritics), or for a template
    /// placeholder such as `[naam gemeente]` the whole bracketed text.
    var key: String
    var isNumber: Bool
    var isPlaceholder: Bool
    /// The block of the document the word stands in, and its UTF-8 range in that block's text.
    var block: Int
    var rawRange: Range<Int>
}

/// A clause of a document prepared for comparison: its number and headings, its words without
/// the clause marker (so renumbering is no change), and its stems for similarity.
public struct ClauseUnit: Sendable {
    /// The position of the clause in its document (0-based).
    public var index: Int
    /// The number as written (`Artikel 7`, `7.3`, `Artikel 5 lid 2`), nil for text before the first number.
    public var number: String?
    public var headingPath: [String]
    /// A heading on its own (`Artikel 7 Acceptatieplicht`): compared only with headings.
    public var isHeading: Bool
    /// The heading's words without its number (`Acceptatieplicht`), for headings.
    public var title: String?
    public var blocks: Range<Int>
    /// Where the clause starts in the file.
    public var location: SourceLocation
    /// The clause's text as written, its blocks joined by a line break, marker included.
    public var text: String
    var words: [Word]
    /// Similarity keys: the `WordKey` of each word, `#` for a number; placeholders left out.
    var stems: [String]

    /// The number in the form compared between documents (`artikel 7`, `7.3`).
    var numberKey: String? { number.map { $0.lowercased() } }
}

/// Reads the clauses of a document as comparison units.
enum ClauseUnits {
    static func units(of document: Document, stemmer: DutchStemmer) -> [ClauseUnit] {
        let clauses = Segmenter().clauses(of: document.blocks)
        var units: [ClauseUnit] = []
        units.reserveCapacity(clauses.count)
        for clause in clauses {
            var words: [Word] = []
            for b in clause.blocks {
                let block = document.blocks[b]
                let skip = b == clause.blocks.lowerBound ? Segmenter.markerLength(of: block) : 0
                words += ClauseUnits.words(of: block, index: b, skippingRawPrefix: skip)
            }
            let first = document.blocks[clause.blocks.lowerBound]
            let isHeading = clause.blocks.count == 1 && (isHeadingBlock(first) || clause.headingPath.last == firstLine(first))
            let stems = words.compactMap { w -> String? in
                if w.isPlaceholder { return nil }
                return w.isNumber ? "#" : WordKey.key(w.key, stemmer: stemmer)
            }
            let text = clause.blocks.map { document.blocks[$0].text }.joined(separator: "\n")
            units.append(ClauseUnit(
                index: units.count, number: clause.number, headingPath: clause.headingPath, isHeading: isHeading,
                title: isHeading ? titleWithoutNumber(first) : nil, blocks: clause.blocks,
                location: first.lineOrigins[0], text: text, words: words, stems: stems))
        }
        return units
    }

    static func isHeadingBlock(_ block: Block) -> Bool {
        if case .heading = block.kind { return true }
        return false
    }

    static func firstLine(_ block: Block) -> String {
        let line = block.text.prefix(while: { $0 != "\n" })
        var s = Substring(block.label.map { $0 + " " + line } ?? String(line))
        while let f = s.first, f == " " || f == "\t" || f == "#" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "#" { s = s.dropLast() }
        return String(s)
    }

    /// A heading's words after its number: `Artikel 18 Betaaltermijn` → `Betaaltermijn`.
    static func titleWithoutNumber(_ block: Block) -> String {
        let skip = Segmenter.markerLength(of: block)
        let utf8 = block.text.utf8
        let rest = block.text[utf8.index(utf8.startIndex, offsetBy: skip)...]
        return String(rest.prefix(while: { $0 != "\n" })).trimming(" \t#")
    }

    /// The words of one block, from the original UTF-8 offset `skip` on.
    static func words(of block: Block, index: Int, skippingRawPrefix skip: Int) -> [Word] {
        let normalized = NormalizedText(block.text)
        let start = skip > 0 ? normalized.normalizedOffset(forRaw: skip) : 0
        let bytes = normalized.bytes
        let tokens = Tokenizer.tokens(in: bytes)
        // Template placeholders: `[naam gemeente]`, `[aantal]`, at most 40 bytes between the brackets.
        var spans: [Range<Int>] = []
        var i = start
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "[") {
                var j = i + 1
                while j < bytes.count, j - i <= 41, bytes[j] != UInt8(ascii: "]"), bytes[j] != UInt8(ascii: "[") { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "]"), j > i + 1 { spans.append(i..<(j + 1)); i = j + 1; continue }
            }
            i += 1
        }
        var words: [Word] = []
        var span = 0
        for token in tokens where token.range.lowerBound >= start {
            while span < spans.count, spans[span].upperBound <= token.range.lowerBound { span += 1 }
            if span < spans.count, spans[span].contains(token.range.lowerBound) {
                let s = spans[span]
                if let last = words.last, last.isPlaceholder, last.block == index,
                   normalized.rawRange(s) == last.rawRange { continue }
                let key = String(decoding: bytes[s], as: UTF8.self)
                words.append(Word(key: key, isNumber: false, isPlaceholder: true, block: index, rawRange: normalized.rawRange(s)))
                continue
            }
            words.append(Word(key: token.text, isNumber: token.isNumber, isPlaceholder: false, block: index,
                              rawRange: normalized.rawRange(token.range)))
        }
        return words
    }
}

extension String {
    func trimming(_ set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
