import Foundation
import TenderDocument
import TenderFormats
import TenderLanguage
import TenderLint
import TenderReport
import TenderRules

/// Answers LanguageTool check requests with tenderlint's findings, in the server's process with
/// the engine compiled once at start-up. The text arrives as text (no file format to read), so
/// it does not go through a worker; its size is bounded by the upload limit.
struct LanguageToolChecker: Sendable {
    let engine: Engine
    /// Every rule id of the catalogue, for `enabledOnly`, `disabledRules` and categories.
    private let rules: [Rule]

    /// Characters of context on each side of a match, as LanguageTool shows.
    static let contextSize = 40

    init(engine: Engine) {
        self.engine = engine
        self.rules = engine.catalogue.rules
    }

    /// The findings in the request's text, as LanguageTool matches. `ruleURL` makes the address
    /// of a rule's explanation page from its id.
    func check(_ request: LanguageToolRequest, ruleURL: (String) -> String) -> LanguageToolResponse {
        let plain = request.text.plain
        let disabled = Set(rules.filter { !request.runs($0) }.map(\.id))
        var options = engine.options
        options.disabledRules.formUnion(disabled)
        let configured = disabled.isEmpty ? engine : engine.with(options: options)
        let document = DocumentReader.document(text: plain, path: "text")
        let result = configured.lint(document)
        let texts = FindingText(catalogue: engine.catalogue, language: request.language.messageLanguage)
        let index = TextLineIndex(plain)
        let utf16 = Array(plain.utf16)
        var matches: [LanguageToolResponse.Match] = []
        for finding in result.findings where finding.suppression == nil {
            // Built-in suppression problems (a marker without reason) have no rule in the catalogue.
            guard engine.catalogue.rule(finding.ruleId) != nil || SuppressionRule.rule(finding.ruleId) != nil,
                  let start = index.utf16Offset(finding.start), let end = index.utf16Offset(finding.end) else { continue }
            let (offset, length) = request.text.originalRange(start: start, end: max(start, end))
            let replacements = texts.model(of: finding).map { [LanguageToolResponse.Value(value: $0.text.foldingWhitespace())] } ?? []
            matches.append(LanguageToolResponse.Match(
                message: texts.message(finding),
                shortMessage: texts.title(finding),
                replacements: replacements,
                offset: offset, length: length,
                context: LanguageToolChecker.context(utf16, start: start, end: max(start, end)),
                sentence: LanguageToolChecker.sentence(of: finding, in: document),
                type: .init(typeName: "Other"),
                rule: .init(id: finding.ruleId, description: texts.title(finding),
                            issueType: LanguageToolChecker.issueType(finding.category),
                            category: .init(id: finding.category.rawValue, name: finding.category.label(request.language.messageLanguage)),
                            urls: [.init(value: ruleURL(finding.ruleId))]),
                ignoreForIncompleteSentence: false, contextForSureMatch: 0))
        }
        let language = request.language
        return LanguageToolResponse(
            software: .init(name: "tenderlint", version: TenderlintVersion.current, buildDate: "", apiVersion: 1, premium: false, status: ""),
            warnings: .init(incompleteResults: false),
            language: .init(name: language.name, code: language.longCode,
                            detectedLanguage: .init(name: language.name, code: language.longCode, confidence: request.detected ? 0.9 : 1.0)),
            matches: matches)
    }

    /// LanguageTool's issue type (ITS 2.0) for a category.
    static func issueType(_ category: Category) -> String {
        switch category {
        case .wettelijkGeregeld: return "legal"
        case .nietStandaard: return "non-conformance"
        case .disproportioneel, .verantwoordingslast: return "other"
        }
    }

    /// The match with up to `contextSize` UTF-16 units on each side, line breaks as spaces and
    /// `...` where the text was cut, as LanguageTool's context.
    static func context(_ text: [UInt16], start: Int, end: Int) -> LanguageToolResponse.Context {
        var from = max(0, start - contextSize)
        var to = min(text.count, end + contextSize)
        // Never cut a surrogate pair in half.
        if from > 0, UTF16.isTrailSurrogate(text[from]) { from -= 1 }
        if to < text.count, to > 0, UTF16.isLeadSurrogate(text[to - 1]) { to += 1 }
        let prefix = from > 0 ? "..." : ""
        let suffix = to < text.count ? "..." : ""
        let inner = String(decoding: text[from..<to], as: UTF16.self)
            .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        // Replacing "\r\n" by one space shortens the text before the match: count the pairs.
        let pairsBefore = String(decoding: text[from..<start], as: UTF16.self).components(separatedBy: "\r\n").count - 1
        return .init(text: prefix + inner + suffix, offset: prefix.utf16.count + (start - from) - pairsBefore, length: end - start)
    }

    /// The sentence of the block the finding stands in, around the finding.
    static func sentence(of finding: Finding, in document: Document) -> String {
        guard document.blocks.indices.contains(finding.position.block) else { return finding.matchedTextFolded }
        let block = document.blocks[finding.position.block]
        let bytes = Array(block.text.utf8)
        let ends = SentenceSplitter.sentenceEnds(in: bytes)
        let offset = min(finding.position.offset, bytes.count)
        var start = 0
        for end in ends {
            if end > offset {
                return String(decoding: bytes[start..<end], as: UTF8.self).foldingWhitespace()
            }
            start = end
        }
        return block.text.foldingWhitespace()
    }
}
