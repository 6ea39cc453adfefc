import Foundation
import Testing
import TenderDocument
import TenderFormats
import TenderLint
import TenderRules

/// A model article is what tenderlint tells an author to write instead. It must therefore pass
/// tenderlint itself: on its own, and above all under the rule whose finding proposes it.
@Suite struct ModelArticleLintTests {
    static let engine = SampleFindingsTests.engine

    /// A one-article document as the Markdown reader reads `# Artikel 1` and a paragraph.
    static func document(_ text: String, name: String) -> Document {
        Document(path: name + ".md", format: .markdown, contentHash: "", blocks: [
            Block(kind: .heading(level: 1), text: "Artikel 1", firstLine: 1),
            Block(kind: .paragraph, text: text, firstLine: 3),
        ])
    }

    /// Every model article, with its parameters at their defaults, gives no finding in any domain.
    @Test(arguments: Domain.allCases)
    func everyModelArticleLintsClean(_ domain: Domain) throws {
        let engine = try Self.engine.get()
        #expect(engine.catalogue.models.count >= 60, "the bundled catalogue has \(engine.catalogue.models.count) model articles")
        var dirty: [String] = []
        for article in engine.catalogue.models {
            let findings = engine.lint(Self.document(article.render(.nl), name: article.id), domains: [domain]).findings
            dirty += findings.map { "\(article.id) (\(domain)): \($0.ruleId) on «\($0.matchedTextFolded)»" }
        }
        #expect(dirty.isEmpty, "model articles that tenderlint flags itself:\n\(dirty.joined(separator: "\n"))")
    }

    /// Every bundled model article states what it still asks (its `burden`), so a finding's
    /// hours saved are a figure; and it asks less than the lightest rule that proposes it, but for
    /// the one documented exception (docs/burden.md).
    @Test func everyModelArticleStatesWhatItStillAsks() throws {
        let catalogue = try Self.engine.get().catalogue
        for article in catalogue.models {
            let remaining = try #require(article.remaining, "\(article.id) states no burden")
            #expect(remaining.note?.hasPrefix("Schatting") == true, "\(article.id): the note says it is an estimate")
            let proposers = catalogue.rules.filter { $0.model == article.id }.map { $0.burden.hours * $0.burden.frequency }
            if let lightest = proposers.min(), article.id != "medezeggenschap-clienten" {
                #expect(remaining.hours * remaining.frequency < lightest, "\(article.id) leaves \(remaining.hours * remaining.frequency) h, its lightest rule \(lightest) h")
            }
        }
    }

    /// The article a finding proposes (by its rule, or as the runner-up by similarity), filled as
    /// the report fills it, never holds what the finding objects to: the finding's rule, alone and
    /// in the document's domains, is silent on it. Over every finding of every bundled sample.
    @Test func noProposalRepeatsWhatItsFindingObjectsTo() throws {
        let engine = try Self.engine.get()
        let text = FindingText(catalogue: engine.catalogue, language: .nl)
        let everyRule = Set(engine.catalogue.rules.map(\.id))
        var checked = 0
        var contradictions: [String] = []
        for name in Samples.markdownNames {
            let result = engine.lint(try DocumentReader().read(path: Samples.sample(name + ".md")))
            for finding in result.findings where finding.suppression == nil {
                var options = engine.options
                options.disabledRules = everyRule.subtracting([finding.ruleId])
                let alone = engine.with(options: options)
                for proposal in [finding.model, finding.alternativeModel].compactMap({ $0 }) {
                    let rendered = text.model(proposal, of: finding)
                    let again = alone.lint(Self.document(rendered.text, name: rendered.id), domains: Set(result.domains)).findings
                    checked += 1
                    if let hit = again.first {
                        contradictions.append("\(name): \(finding.ruleId) proposes \(rendered.id) (\(proposal.reason)), which it flags at «\(hit.matchedTextFolded)»")
                    }
                }
            }
        }
        #expect(checked >= 80, "only \(checked) proposals checked: the samples no longer exercise this test")
        #expect(contradictions.isEmpty, "\(contradictions.joined(separator: "\n"))")
    }
}
