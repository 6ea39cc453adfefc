import Foundation
import Testing
@testable import TenderRules

/// The guard tests: the bundled catalogue loads, is complete, and its examples are all run.
@Suite struct CatalogueTests {
    @Test func bundledCatalogueLoadsWithoutErrors() throws {
        switch BundledCatalogue.result {
        case .success: break
        case let .failure(errors): Issue.record(Comment(rawValue: errors.description))
        }
    }

    @Test func everyRuleHasEnoughExamplesAndTheParameterisedTestsSeeThemAll() throws {
        let catalogue = try BundledCatalogue.result.get()
        #expect(!catalogue.rules.isEmpty)
        for rule in catalogue.rules {
            #expect(rule.examples.filter(\.triggering).count >= 2, "\(rule.id)")
            #expect(rule.examples.filter { !$0.triggering }.count >= 2, "\(rule.id)")
            #expect(catalogue.model(rule.model) != nil, "\(rule.id) names a missing model")
        }
        #expect(BundledCatalogue.examples.count == catalogue.rules.reduce(0) { $0 + $1.examples.count })
        #expect(BundledCatalogue.examples.count >= 4 * catalogue.rules.count)
    }

    @Test func everyTopicIsFromTheTaxonomyAndRulesSpanAllCategories() throws {
        let catalogue = try BundledCatalogue.result.get()
        for rule in catalogue.rules { #expect(catalogue.taxonomy.topic(rule.topic) != nil, "\(rule.id)") }
        #expect(Set(catalogue.rules.map(\.category)) == Set(Category.allCases))
    }

    @Test func topicsFileIsIdenticalToTheSharedTaxonomy() throws {
        let shared = URL(fileURLWithPath: BundledCatalogue.folder).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/domain/topics.yml").path
        // The shared folder sits beside the checkout on development machines and in CI; without
        // it this guard cannot do its work, which is a failure, not a pass.
        try #require(FileManager.default.fileExists(atPath: shared), "../shared/domain/topics.yml not found beside the checkout")
        let ours = try String(contentsOfFile: BundledCatalogue.folder + "/topics.yml", encoding: .utf8)
        let theirs = try String(contentsOfFile: shared, encoding: .utf8)
        #expect(ours == theirs, "rules/topics.yml differs from ../shared/domain/topics.yml")
    }
}

/// The loader rejects broken rule files with `file:line:col: reason`.
@Suite struct CatalogueValidationTests {
    /// A scratch catalogue with the real taxonomy and lexicon, one model, and `rule` as its only rule.
    func load(rule: String) throws -> Result<Catalogue, CatalogueErrors> {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-cat-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/test", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for f in ["topics.yml", "lexicon.yml"] {
            try FileManager.default.copyItem(atPath: BundledCatalogue.folder + "/" + f, toPath: dir + "/" + f)
        }
        try """
        id: m1
        title: Model
        text: Een modeltekst van {termijn}.
        basis: [{law: Jeugdwet, article: "4.1.6", status: V, source: test}]
        parameters: [{name: termijn, default: 30 dagen}]
        """.write(toFile: dir + "/models/m1.yml", atomically: true, encoding: .utf8)
        try rule.write(toFile: dir + "/test/r1.yml", atomically: true, encoding: .utf8)
        return Result { () throws(CatalogueErrors) in try Catalogue.load(from: dir) }
    }

    static let valid = """
    id: r1
    topic: vog-jeugd
    category: wettelijk-geregeld
    severity: warning
    title: Titel
    message: Melding over '{match}'.
    rationale: Waarom.
    basis: [{law: Jeugdwet, article: "4.1.6", status: V, source: test}]
    match: {all: [[vog], [$demand]]}
    burden: {hours: 1, frequency: 1}
    model: m1
    examples:
      triggering:
        - "Aanbieder ⟦overlegt een VOG⟧."
        - "Stuur een ⟦kopie van de VOG⟧."
      non-triggering:
        - "Aanbieder heeft een VOG."
        - "Geen verklaring nodig."
    """

    func errors(_ rule: String) throws -> [CatalogueError] {
        switch try load(rule: rule) {
        case .success: return []
        case let .failure(e): return e.errors
        }
    }

    @Test func aValidRuleLoads() throws {
        #expect(try errors(Self.valid).isEmpty)
    }

    @Test func unknownKeyIsReportedWithItsPosition() throws {
        let errs = try errors(Self.valid + "\nseverity_typo: high\n")
        let e = try #require(errs.first)
        #expect(e.reason.text(.nl).contains("onbekende sleutel 'severity_typo'"))
        #expect(e.line == 19 && e.column == 1)
        #expect(e.description.hasSuffix(":19:1: " + e.reason.text(.nl)))
    }

    /// A YAML syntax error is reported where it is, not at 1:1, and every reason renders in
    /// English for `--lang en`.
    @Test func syntaxErrorsHaveTheirPositionAndReasonsBothLanguages() throws {
        let broken = Self.valid + "\nmodel-parameters: [niet gesloten\n"
        let e = try #require(try errors(broken).first)
        guard case .shape(.invalidYAML) = e.reason else { Issue.record("expected a YAML syntax error, got \(e.reason)"); return }
        #expect(e.line > 19, "the position of the unclosed list, not 1:1: \(e.line):\(e.column)")
        #expect(e.description(.en).contains(": not valid YAML: "))
        #expect(e.description(.nl).contains(": geen geldige YAML: "))
        let typo = try #require(try errors(Self.valid + "\nseverity_typo: high\n").first)
        #expect(typo.description(.en).hasSuffix(":19:1: unknown key 'severity_typo' in rule (allowed: \(RuleParser.ruleKeys.sorted().joined(separator: ", ")))"))
    }

    @Test func topicNotInTaxonomy() throws {
        let errs = try errors(Self.valid.replacingOccurrences(of: "topic: vog-jeugd", with: "topic: vog-overal"))
        #expect(errs.contains { $0.reason.text(.nl).contains("topic 'vog-overal' staat niet in topics.yml") && $0.line == 2 })
    }

    @Test func missingModelArticle() throws {
        let errs = try errors(Self.valid.replacingOccurrences(of: "model: m1", with: "model: m9"))
        #expect(errs.contains { $0.reason.text(.nl).contains("modelartikel 'm9' bestaat niet") })
    }

    @Test func tooFewTriggeringExamplesOrMissingMarkers() throws {
        let one = Self.valid.replacingOccurrences(of: "    - \"Stuur een ⟦kopie van de VOG⟧.\"\n", with: "")
        #expect(try errors(one).contains { $0.reason.text(.nl).contains("minstens twee triggerende voorbeelden") })
        let unmarked = Self.valid.replacingOccurrences(of: "⟦kopie van de VOG⟧", with: "kopie van de VOG")
        #expect(try errors(unmarked).contains { $0.reason.text(.nl).contains("zonder gemarkeerd bereik") })
    }

    @Test func tooFewNonTriggeringExamples() throws {
        let one = Self.valid.replacingOccurrences(of: "    - \"Geen verklaring nodig.\"", with: "")
        #expect(try errors(one).contains { $0.reason.text(.nl).contains("minstens twee niet-triggerende voorbeelden") })
    }

    @Test func unknownLexiconSetAndCategoryMismatch() throws {
        let errs = try errors(Self.valid.replacingOccurrences(of: "$demand", with: "$eisen")
            .replacingOccurrences(of: "category: wettelijk-geregeld", with: "category: disproportioneel"))
        #expect(errs.contains { $0.reason.text(.nl).contains("onbekende woordenset '$eisen'") })
        #expect(errs.contains { $0.reason.text(.nl).contains("wijkt af van die van topic") })
    }

    /// Every exception says why its text is no burden (issue 12): a missing or empty `why` is an
    /// error at the exception, a `why` on the rule's match is one at the key.
    @Test func exceptionWithoutWhyIsReportedWithItsPosition() throws {
        let errs = try errors(Self.valid + "\nexceptions:\n  - any: [$negation]\n    near: 6\n")
        #expect(errs.count == 1)
        let e = try #require(errs.first)
        guard case .exceptionWithoutWhy = e.reason else { Issue.record("expected exceptionWithoutWhy, got \(e.reason)"); return }
        #expect(e.line == 20 && e.column == 5, "at the exception: \(e.line):\(e.column)")
        #expect(e.description.hasSuffix(":20:5: elke uitzondering zegt in 'why' waarom de tekst die zij vindt geen last is"))
        #expect(e.description(.en).hasSuffix(":20:5: every exception says in 'why' why the text it matches is no burden"))
        let empty = try errors(Self.valid + "\nexceptions:\n  - any: [$negation]\n    why: \"  \"\n")
        #expect(empty.map(\.line) == [21])
        #expect(empty.allSatisfy { if case .exceptionWithoutWhy = $0.reason { true } else { false } })
    }

    @Test func whyOnTheMatchIsAnError() throws {
        let errs = try errors(Self.valid.replacingOccurrences(of: "match: {all: [[vog], [$demand]]}",
                                                              with: "match: {all: [[vog], [$demand]], why: Omdat.}"))
        #expect(errs.count == 1)
        let e = try #require(errs.first)
        guard case .whyOnMatch = e.reason else { Issue.record("expected whyOnMatch, got \(e.reason)"); return }
        #expect(e.line == 9)
        #expect(e.description(.nl).contains(": 'why' hoort bij een uitzondering, niet bij de 'match' van de regel"))
        #expect(e.description(.en).contains(": 'why' belongs to an exception, not to the rule's 'match'"))
    }

    @Test func exceptionWithWhyLoadsAndUnknownKeysStayErrors() throws {
        let rule = Self.valid + "\nexceptions:\n  - any: [$negation]\n    why: Wie niets vraagt, legt geen last op.\n"
        let catalogue = try load(rule: rule).get()
        let exception = try #require(catalogue.rules.first?.exceptions.first)
        #expect(exception.why == "Wie niets vraagt, legt geen last op.")
        #expect(catalogue.rules.first?.match.why == nil)
        let typo = try errors(rule.replacingOccurrences(of: "    why:", with: "    waarom:"))
        #expect(typo.contains { $0.reason.text(.nl).contains("onbekende sleutel 'waarom' in exception") })
        #expect(typo.contains { if case .exceptionWithoutWhy = $0.reason { true } else { false } })
    }

    /// The bundled reasons are what the docs promise: one line of at most 120 characters.
    @Test func everyBundledExceptionHasAShortWhy() throws {
        let catalogue = try BundledCatalogue.result.get()
        var count = 0
        for rule in catalogue.rules {
            for e in rule.exceptions {
                let why = try #require(e.why, "\(rule.id): exception without why")
                #expect(!why.isEmpty && why.count <= 120 && !why.contains("\n"), "\(rule.id): \(why)")
                count += 1
            }
        }
        #expect(count > 0)
    }
}
