import TenderDocument
import TenderLanguage
import TenderRules

/// The suppression markers of one document: where they stand, which clause they cover and what
/// they silenced.
///
/// Built before matching: the markers are blanked out of the text the matcher sees, so the words
/// of a marker's reason never trigger a rule, and a finding's fingerprint (the words of its
/// sentence) stays the same when a marker is added to the sentence.
struct Suppressions {
    /// One marker and where it stands.
    struct Entry {
        var marker: SuppressionMarker
        /// Index into `Document.blocks`.
        var block: Int
        /// Index into that block's `comments`; nil for a marker in the block's text.
        var comment: Int?
        /// The catalogue ids the marker names (aliases resolved), in the marker's order.
        var rules: [String]
        /// Ids the catalogue does not know.
        var unknown: [String]
        /// The rules of `rules` that silenced at least one finding.
        var used: Set<String> = []
    }

    private(set) var entries: [Entry] = []
    /// The document with every marker in its text replaced by blanks of the same UTF-8 length.
    let blanked: Document

    init(_ document: Document, catalogue: Catalogue) {
        var blocks = document.blocks
        var entries: [Entry] = []
        for (b, block) in document.blocks.enumerated() {
            let inText = SuppressionMarker.markers(in: block.text)
            for marker in inText {
                entries.append(Suppressions.entry(marker, block: b, comment: nil, catalogue: catalogue))
            }
            if !inText.isEmpty { blocks[b].text = Suppressions.blanking(inText.map(\.range), in: block.text) }
            for (c, comment) in block.comments.enumerated() {
                for marker in SuppressionMarker.markers(in: comment) {
                    entries.append(Suppressions.entry(marker, block: b, comment: c, catalogue: catalogue))
                }
            }
        }
        self.entries = entries
        var blanked = document
        blanked.blocks = blocks
        self.blanked = blanked
    }

    var isEmpty: Bool { entries.isEmpty }

    private static func entry(_ marker: SuppressionMarker, block: Int, comment: Int?, catalogue: Catalogue) -> Entry {
        var rules: [String] = []
        var unknown: [String] = []
        for id in marker.ruleIds {
            if let rule = catalogue.rule(id) {
                if !rules.contains(rule.id) { rules.append(rule.id) }
            } else {
                unknown.append(id)
            }
        }
        return Entry(marker: marker, block: block, comment: comment, rules: rules, unknown: unknown)
    }

    /// `text` with every character inside `ranges` replaced by white space of the same UTF-8
    /// length: offsets into the text stay valid and the normaliser folds the blanks away.
    /// Characters of four or more bytes (emoji, combining sequences) become that many ASCII
    /// spaces; only columns after such a character on the same line then count differently.
    static func blanking(_ ranges: [Range<Int>], in text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var offset = 0
        for c in text {
            let length = c.utf8.count
            defer { offset += length }
            guard ranges.contains(where: { $0.contains(offset) }), !c.isNewline else { out.append(c); continue }
            switch length {
            case 1: out.append(" ")
            case 2: out.append("\u{00A0}")
            case 3: out.append("\u{2002}")
            default: out += String(repeating: " ", count: length)
            }
        }
        return out
    }

    /// Silences `finding`, found in clause `clause`, when a marker with a reason for its rule
    /// stands in that clause. Every such marker counts as used.
    mutating func silence(_ finding: inout Finding, clause: Int, clauseOfBlock: (Int) -> Int) {
        guard finding.suppression == nil else { return }
        for i in entries.indices {
            let entry = entries[i]
            guard let reason = entry.marker.reason, entry.rules.contains(finding.ruleId),
                  clauseOfBlock(entry.block) == clause else { continue }
            entries[i].used.insert(finding.ruleId)
            if finding.suppression == nil {
                finding.suppression = reason
                finding.suppressionKind = entry.comment == nil ? .document : .comment
            }
        }
    }

    /// The engine's own findings: markers without a reason, and markers that silenced nothing
    /// (only for rules that were checked on this document; a rule that did not run cannot tell).
    func findings(original: Document, analyzed: AnalyzedDocument, checkedRules: Set<String>,
                  options: EngineOptions) -> [Finding] {
        var out: [Finding] = []
        for entry in entries {
            var problems: [(SuppressionRule, SuppressionRule.Problem, String)] = []
            if entry.marker.ruleIds.isEmpty {
                problems.append((.unused, .noRule, ""))
            } else if entry.marker.reason == nil {
                problems.append((.missingReason, .noReason(entry.marker.ruleIds), entry.marker.ruleIds.joined(separator: ",")))
            }
            for id in entry.unknown { problems.append((.unused, .unknownRule(id), id)) }
            if entry.marker.reason != nil {
                for id in entry.rules where !entry.used.contains(id) && checkedRules.contains(id) {
                    problems.append((.unused, .silencedNothing(id), id))
                }
            }
            for (rule, problem, key) in problems where !options.disabledRules.contains(rule.id) {
                out.append(finding(rule, problem, key: key, entry: entry, original: original, analyzed: analyzed, options: options))
            }
        }
        return out
    }

    private func finding(_ rule: SuppressionRule, _ problem: SuppressionRule.Problem, key: String, entry: Entry,
                         original: Document, analyzed: AnalyzedDocument, options: EngineOptions) -> Finding {
        let block = original.blocks[entry.block]
        let clause = analyzed.clauses[analyzed.blocks[entry.block].clause]
        let start: SourceLocation
        let end: SourceLocation
        let excerpt: String
        if let c = entry.comment {
            // A comment has no position of its own in the text: point at its paragraph.
            start = block.location(atUTF8Offset: 0)
            end = start
            excerpt = block.comments[c]
        } else {
            start = block.location(atUTF8Offset: entry.marker.range.lowerBound)
            end = block.location(atUTF8Offset: entry.marker.range.upperBound)
            excerpt = block.text
        }
        // Like rule findings: the words of the marker, not its position, so it survives renumbering.
        let words = Tokenizer.tokens(in: NormalizedText(entry.marker.text).bytes).filter { !$0.isNumber }.map(\.text)
        return Finding(
            ruleId: rule.id, topic: SuppressionRule.topic, category: SuppressionRule.category,
            severity: options.severityOverrides[rule.id] ?? rule.defaultSeverity,
            path: original.path, position: TextPosition(block: entry.block, offset: entry.comment == nil ? entry.marker.range.lowerBound : 0),
            start: start, end: end,
            clauseNumber: clause.number, headingPath: clause.headingPath,
            matchedText: entry.marker.text, excerpt: excerpt, excerptRange: entry.marker.range,
            message: .suppression(problem), basis: [], model: nil, alternativeModel: nil,
            burden: .none,
            fingerprint: Fingerprint.of([rule.id, key] + words), suppression: nil)
    }
}
