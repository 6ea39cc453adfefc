import Foundation
import TenderDocument
import TenderLanguage
import TenderLint
import TenderReport
import TenderRules

/// How a redlined copy is written.
public struct RedlineOptions: Sendable {
    /// The author of the comments and revisions.
    public var author: String
    /// The date of the comments and revisions (ISO 8601, UTC).
    public var date: Date
    public var language: Language
    /// Comments only, no tracked changes.
    public var commentsOnly: Bool

    public init(author: String = "tenderlint", date: Date = Date(), language: Language = .nl, commentsOnly: Bool = false) {
        self.author = author
        self.date = date
        self.language = language
        self.commentsOnly = commentsOnly
    }

    /// The date as OOXML and ODF write it: `2026-12-02T03:00:00Z`.
    public var isoDate: String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }

    /// `SOURCE_DATE_EPOCH` when it is set (reproducible output), else now.
    public static func date(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Double($0) }) { return Date(timeIntervalSince1970: epoch) }
        return Date()
    }
}

/// What the writer does for one finding: a comment on the match and, when the finding proposes
/// a model article, the unit to replace and the article's text.
public struct RedlineEdit: Sendable, Hashable {
    public var finding: Finding
    /// The block the finding stands in.
    public var block: Int
    /// The matched text: UTF-8 range in the block's text.
    public var match: Range<Int>
    /// The unit that the model article replaces (UTF-8 range in the block's text), and the text.
    public var replacement: (range: Range<Int>, text: String)? {
        get { replacementRange.map { ($0, replacementText) } }
        set { replacementRange = newValue?.range; replacementText = newValue?.text ?? "" }
    }
    public var replacementRange: Range<Int>?
    public var replacementText = ""
    /// The paragraphs of the comment.
    public var comment: [String]
}

/// Decides, format-independently, what a redlined copy holds: one comment per finding and at most
/// one tracked change per unit.
///
/// **The unit replaced** is the sentence that holds the match (through the sentence that holds
/// its end), found with the linter's own sentence splitter on the block's line: a clause number
/// typed at the start of the line (`4.7`, `Artikel 4`, `a)`) stays, and so does the white space
/// around the sentence. A list item or sub-clause of one sentence is therefore replaced whole,
/// and accepting every change never leaves half a sentence. When two findings fall in one unit,
/// the first in reading order replaces it and the others comment on it.
public struct RedlinePlan: Sendable {
    public var edits: [RedlineEdit]

    public init(document: Document, findings: [Finding], text: FindingText, options: RedlineOptions) {
        var edits: [RedlineEdit] = []
        var replaced: [Int: [Range<Int>]] = [:]
        for f in findings.sorted(by: Finding.inReadingOrder) where f.suppression == nil {
            let blockIndex = f.position.block
            guard document.blocks.indices.contains(blockIndex) else { continue }
            let block = document.blocks[blockIndex]
            var edit = RedlineEdit(finding: f, block: blockIndex, match: f.excerptRange,
                                   comment: RedlinePlan.comment(for: f, text: text, language: options.language))
            if !options.commentsOnly, let model = text.model(of: f), !model.text.isEmpty {
                let unit = RedlinePlan.unit(of: f.excerptRange, in: block.text)
                if !(replaced[blockIndex] ?? []).contains(where: { $0.overlaps(unit) }) {
                    edit.replacement = (unit, RedlinePlan.oneParagraph(model.text))
                    replaced[blockIndex, default: []].append(unit)
                }
            }
            edits.append(edit)
        }
        self.edits = edits
    }

    /// A model article's paragraphs joined into one (it replaces a sentence inside a paragraph).
    static func oneParagraph(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The unit that holds `match` in `text` (see the type's documentation).
    public static func unit(of match: Range<Int>, in text: String) -> Range<Int> {
        let bytes = Array(text.utf8)
        let lower = max(0, min(match.lowerBound, bytes.count)), upper = max(lower, min(match.upperBound, bytes.count))
        // The line (a table cell's paragraph, a line break) holding the match.
        var lineStart = lower
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var lineEnd = max(upper, lower)
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        var line = Array(bytes[lineStart..<lineEnd])
        for i in line.indices where line[i] == 0x09 { line[i] = 0x20 }
        let numberLength = typedNumber(line)
        var start = numberLength, end = line.count
        var previous = 0
        for sentenceEnd in SentenceSplitter.sentenceEnds(in: line) {
            if sentenceEnd <= lower - lineStart { previous = sentenceEnd; continue }
            if sentenceEnd >= upper - lineStart { end = sentenceEnd; break }
        }
        start = max(start, previous)
        while start < end, line[start] == 0x20 { start += 1 }
        while end > start, line[end - 1] == 0x20 { end -= 1 }
        if start >= end || start > lower - lineStart { return match }
        return (lineStart + start)..<(lineStart + max(end, upper - lineStart))
    }

    /// The length of a clause number typed at the start of a line, with the space after it.
    static func typedNumber(_ line: [UInt8]) -> Int {
        var i = 0
        func skipSpaces() { while i < line.count, line[i] == 0x20 { i += 1 } }
        let text = String(decoding: line.prefix(12), as: UTF8.self).lowercased()
        if text.hasPrefix("artikel ") { i = 8 } else if text.hasPrefix("art. ") { i = 5 }
        let digitsStart = i
        while i < line.count, (0x30...0x39).contains(line[i]) || line[i] == UInt8(ascii: ".") { i += 1 }
        if i > digitsStart, i < line.count, line[i] == 0x20 { skipSpaces(); return i }
        i = 0
        if line.count > 2, (0x61...0x7A).contains(line[0]), line[1] == UInt8(ascii: ")"), line[2] == 0x20 { i = 3; skipSpaces(); return i }
        return 0
    }

    /// The comment's paragraphs: title, why, legal basis with its link, burden, model article,
    /// rule id and how to record an exception.
    static func comment(for f: Finding, text: FindingText, language: Language) -> [String] {
        let en = language == .en
        var out = ["tenderlint — \(f.severity.label(language)): \(text.title(f))", text.message(f)]
        for basis in f.basis {
            var line = (en ? "Legal basis: " : "Grondslag: ") + basis.citation
            if let url = basis.url ?? basis.bwb.map({ "https://wetten.overheid.nl/\($0)" }) { line += " — " + url }
            out.append(line)
        }
        out.append((en ? "Burden: " : "Last: ") + Formatting.hours(f.burden.hoursPerYear, language)
                   + (en ? " hours per year per " : " uur per jaar per ") + f.burden.bearer
                   + " (" + Formatting.euros(f.burden.eurosPerYear, language) + ")")
        if let model = text.model(of: f) {
            out.append((en ? "Model article: " : "Modelartikel: ") + "\(model.title) (\(model.id))")
        }
        // Described, not written out: a written-out marker in the comment would itself be read as one.
        out.append(en
            ? "Rule: \(f.ruleId). To keep the clause anyway, write in it or in a comment, between square brackets: the word tenderlint, a colon, ignore \(f.ruleId), two hyphens and your reason."
            : "Regel: \(f.ruleId). Wilt u de clausule toch houden, zet dan in de clausule of in een opmerking, tussen vierkante haken: het woord tenderlint, een dubbele punt, negeer \(f.ruleId), een gedachtestreep en uw reden.")
        return out
    }
}

/// What a writer says in a finding's comment about what it did with the finding: the same
/// sentences in every format.
enum RedlineNote {
    /// The unit was replaced by the model article as a tracked change.
    case replaced
    /// The finding has no anchor in the body; `frames` when the format has frames (ODF).
    case outsideBody(frames: Bool)

    func text(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case .replaced:
            return en ? "The sentence is replaced by the model article as a tracked change."
                      : "De zin is als bijgehouden wijziging vervangen door het modelartikel."
        case let .outsideBody(frames):
            return en
                ? "This finding stands in a \(frames ? "frame, " : "")text box, note, header or footer; the comment is on the paragraph nearest to it, and nothing is changed."
                : "Deze bevinding staat in een \(frames ? "kader, " : "")tekstvak, voetnoot, kop- of voettekst; de opmerking staat bij de dichtstbijzijnde alinea en er is niets gewijzigd."
        }
    }
}
