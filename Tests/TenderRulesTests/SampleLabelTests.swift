import Foundation
import Testing
import TenderFormats
import TenderLint
import TenderRules
import Yams

/// The bundled samples against their ground truth (`samples/labels.yml`): every labelled burden is
/// reported once, in the right clause, with its topic; clean look-alikes and unlabelled
/// paragraphs give no finding.
@Suite struct SampleLabelTests {
    struct Label: Decodable { var clause: String; var topic: String; var quote: String }
    struct Entry: Decodable { var domain: [String]; var burdens: [Label]; var clean: [Label] }

    static let samples: URL = URL(fileURLWithPath: BundledCatalogue.folder).deletingLastPathComponent().appendingPathComponent("samples")

    static let labels: [String: Entry] = {
        guard let data = FileManager.default.contents(atPath: samples.appendingPathComponent("labels.yml").path) else { return [:] }
        return (try? YAMLDecoder().decode([String: Entry].self, from: String(decoding: data, as: UTF8.self))) ?? [:]
    }()

    @Test func labelsLoad() {
        #expect(Self.labels.count >= 3)
    }

    @Test(arguments: labels.keys.sorted())
    func sampleMatchesItsLabels(_ name: String) throws {
        let engine = try #require(BundledCatalogue.engine)
        let entry = try #require(Self.labels[name])
        let document = try DocumentReader().read(path: Self.samples.appendingPathComponent(name).path)
        let result = engine.lint(document)
        #expect(Set(result.domains.map(\.rawValue)) == Set(entry.domain), "\(name): detected domains")

        /// Findings of `topic` in the paragraph that contains `quote`, overlapping the quote's sentence.
        func findings(_ topic: String, near quote: String) -> [Finding] {
            result.findings.filter { f in
                guard f.topic == topic, let q = f.excerpt.range(of: quote) else { return false }
                let sentence = sentenceRange(in: f.excerpt, around: q)
                let match = Self.range(f.excerptRange, in: f.excerpt)
                return match.overlaps(sentence)
            }
        }

        var explained = Set<String>()
        for burden in entry.burdens {
            let found = findings(burden.topic, near: burden.quote)
            #expect(found.count == 1, "\(name) \(burden.clause) [\(burden.topic)] \"\(burden.quote)\": \(found.count) findings")
            if let f = found.first {
                #expect(f.clauseNumber == burden.clause, "\(name) [\(burden.topic)] clause \(f.clauseNumber ?? "-") ≠ \(burden.clause)")
                explained.insert(f.fingerprint)
            }
        }
        for clean in entry.clean {
            let found = findings(clean.topic, near: clean.quote)
            #expect(found.isEmpty, "\(name) \(clean.clause) clean [\(clean.topic)] \"\(clean.quote)\": flagged by \(found.map(\.ruleId))")
        }
        for f in result.findings where !explained.contains(f.fingerprint) {
            Issue.record("\(name):\(f.start.lineNumber): unlabelled finding [\(f.ruleId)] \"\(f.matchedText)\"")
        }
    }

    static func range(_ r: Range<Int>, in text: String) -> Range<String.Index> {
        let u = text.utf8
        return u.index(u.startIndex, offsetBy: r.lowerBound)..<u.index(u.startIndex, offsetBy: r.upperBound)
    }

    /// The sentence around `range`: from after the previous ". " to the next ". " (or the text's ends).
    func sentenceRange(in text: String, around range: Range<String.Index>) -> Range<String.Index> {
        let before = text[..<range.lowerBound].range(of: ". ", options: .backwards)?.upperBound ?? text.startIndex
        let after = text[range.upperBound...].range(of: ". ")?.lowerBound ?? text.endIndex
        return before..<after
    }
}
