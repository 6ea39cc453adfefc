import Foundation
import Testing
import TenderLanguage
@testable import TenderRules

/// The phrase syntax is described once, in the table of docs/writing-rules.md: every construct
/// there parses as the table says, and the table names every construct the parser accepts.
@Suite struct PhraseSyntaxDocTests {
    /// The constructs of `PhrasePattern.parse` and `RuleParser.expand`, with what each must
    /// compile to. A construct added to the parser belongs here and in the table.
    static let constructs: [String: (WordPattern.Kind?, optional: Bool)] = [
        "word": (nil, false), "[word]": (nil, true), "*ending": (.suffix(""), false), "beginning*": (.prefix(""), false),
        "*part*": (.contains(""), false), "=form": (.surface(""), false), "*": (.anyWord, false), "[*]": (.anyWord, true),
        "... (or …)": (.anyWord, true), "$set": (nil, false),
    ]

    /// The rows of the table: construct and example, without their backticks.
    static func table() throws -> [(construct: String, example: String)] {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let text = try String(contentsOf: url.appendingPathComponent("docs/writing-rules.md"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let header = lines.firstIndex(where: { $0.hasPrefix("| construct |") }) else { return [] }
        return lines[(header + 2)...].prefix { $0.hasPrefix("|") }.map { line in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            func unquote(_ s: String) -> String { s.replacingOccurrences(of: "`", with: "") }
            return (unquote(cells[0]), unquote(cells[2]))
        }
    }

    @Test func theTableNamesEveryConstructOfTheParser() throws {
        let rows = try Self.table()
        #expect(Set(rows.map(\.construct)) == Set(Self.constructs.keys), "\(rows.map(\.construct))")
    }

    @Test func everyExampleOfTheTableCompilesAsDescribed() throws {
        let stemmer = DutchStemmer()
        for (construct, example) in try Self.table() where construct != "$set" {
            let pattern = try #require(PhrasePattern.compile(example, stemmer: stemmer), "\(construct): \(example) does not parse")
            guard let (kind, optional) = Self.constructs[construct] else { continue }
            let words = pattern.words
            if let kind {
                let same = words.contains { w in
                    w.optional == optional && {
                        switch (w.kind, kind) {
                        case (.suffix, .suffix), (.prefix, .prefix), (.contains, .contains), (.surface, .surface), (.anyWord, .anyWord): true
                        default: false
                        }
                    }()
                }
                #expect(same, "\(construct): \(example) gives \(words)")
            } else {
                #expect(words.allSatisfy { if case .exact = $0.kind { true } else { false } }, "\(construct): \(example) gives \(words)")
                #expect(words.contains { $0.optional } == optional, "\(construct): \(example)")
            }
        }
        // `...` stands for up to four words; `…` is the same.
        #expect(PhrasePattern.compile("stuurt ... toe", stemmer: stemmer)?.words.count == 6)
        #expect(PhrasePattern.compile("stuurt … toe", stemmer: stemmer) == PhrasePattern.compile("stuurt ... toe", stemmer: stemmer))
    }

    /// The rule the table states under it: a phrase starts and ends with a real word.
    @Test func aPhraseStartsAndEndsWithARealWord() {
        for phrase in ["... toe", "stuurt ...", "* dagen", "[de] verklaring", "binnen *"] {
            #expect(PhrasePattern.parse(phrase) == nil, "\(phrase)")
        }
    }

    /// `$set` is expanded by the rule parser from the lexicon's sets (an unknown one is an error).
    @Test func aWordSetComesFromTheLexicon() throws {
        let catalogue = try BundledCatalogue.result.get()
        #expect(catalogue.lexicon.sets["demand"]?.isEmpty == false)
    }
}
