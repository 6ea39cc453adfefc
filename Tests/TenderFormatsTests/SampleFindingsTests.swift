import Foundation
import Testing
import TenderDocument
import TenderFormats
import TenderLint
import TenderRules

/// The same tender must give the same findings whatever format it comes in: same rule, same
/// clause number, same matched words. This checks the whole chain from reader to engine, which
/// the paragraph comparison in `SampleFormatsTests` does only up to the blocks.
@Suite struct SampleFindingsTests {
    static let engine: Result<Engine, CatalogueErrors> = Result { () throws(CatalogueErrors) in
        Engine(catalogue: try Catalogue.load(from: Samples.root.appendingPathComponent("rules").path))
    }

    /// A finding as compared across formats. The matched text's white space is folded: a PDF
    /// match can span a line break where the text version has a space.
    static func key(_ finding: Finding) -> String {
        let words = finding.matchedText.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return "\(finding.ruleId) | \(finding.clauseNumber ?? "-") | \(words)"
    }

    @Test(arguments: SampleFormatsTests.names)
    func everyFormatGivesTheSameFindings(_ name: String) throws {
        let engine = try Self.engine.get()
        let markdown = try DocumentReader().read(path: Samples.sample(name + ".md"))
        let expected = engine.lint(markdown).findings.map(Self.key).sorted()
        #expect(!expected.isEmpty, "\(name): the sample gives no findings, so this test would prove nothing")
        for ext in ["txt", "docx", "odt", "fodt", "pdf"] {
            let document = try DocumentReader().read(path: Samples.formats("\(name).\(ext)"))
            let found = engine.lint(document).findings.map(Self.key).sorted()
            #expect(found == expected, """
                \(name).\(ext): missing \(Set(expected).subtracting(found).sorted().prefix(3)), \
                extra \(Set(found).subtracting(expected).sorted().prefix(3))
                """)
        }
    }
}
