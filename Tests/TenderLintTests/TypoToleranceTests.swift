import Foundation
import Testing
import TenderDocument
@testable import TenderLint
@testable import TenderRules

/// Typos the stemmer cannot repair and split compounds still match, pointing at the words as written.
@Suite struct TypoToleranceTests {
    func findings(_ text: String, typoTolerance: Bool = true) throws -> [Finding] {
        var options = EngineOptions()
        options.today = "2026-12-02"
        let engine = Engine(catalogue: try TestCatalogue.bundled.get(), options: options, typoTolerance: typoTolerance)
        return engine.lint(TestCatalogue.lines([text]), domains: [.jeugd]).findings
    }

    @Test func oneEditIsOneEdit() {
        func one(_ a: String, _ b: String) -> Bool { CompiledCatalogue.oneEdit(Array(a.utf8), Array(b.utf8)) }
        #expect(one("contoleverklaring", "controleverklaring"))      // deletion
        #expect(one("controleeverklaring", "controleverklaring"))    // insertion
        #expect(one("controleverklaribg", "controleverklaring"))     // substitution
        #expect(one("controlevreklaring", "controleverklaring"))     // transposition
        #expect(!one("contolverklaring", "controleverklaring"))
        #expect(!one("controleverklaring", "controleverklaring"))
    }

    @Test func aMisspelledLongWordStillMatchesAndTheMatchIsAsWritten() throws {
        let text = "Een contoleverklaring is vereist indien de aanbieder in het verantwoordingsjaar meer dan € 150.000 heeft gedeclareerd."
        #expect(try findings(text, typoTolerance: false).filter { $0.topic == "accountantsverklaring-drempel" }.isEmpty)
        let found = try #require(try findings(text).first { $0.topic == "accountantsverklaring-drempel" })
        #expect(found.matchedText.hasPrefix("contoleverklaring"))
    }

    @Test func aSplitCompoundMatchesAcrossBothWords() throws {
        let text = "Een accountants verklaring is vereist indien de aanbieder in het verantwoordingsjaar meer dan € 150.000 heeft gedeclareerd."
        #expect(try findings(text, typoTolerance: false).filter { $0.topic == "accountantsverklaring-drempel" }.isEmpty)
        let found = try #require(try findings(text).first { $0.topic == "accountantsverklaring-drempel" })
        #expect(found.matchedText.hasPrefix("accountants verklaring"))
        let hyphen = try #require(try findings(text.replacingOccurrences(of: "accountants verklaring", with: "accountants-verklaring"))
            .first { $0.topic == "accountantsverklaring-drempel" })
        #expect(hyphen.matchedText.hasPrefix("accountants-verklaring"))
    }

    @Test func wordsThatOnlyLookAlikeStayAlone() throws {
        // "verklaren" is a verb: the join needs the catalogue word as written (or its plural).
        let text = "De accountants verklaren dat de aanbieder in het verantwoordingsjaar meer dan € 150.000 heeft gedeclareerd."
        #expect(try findings(text).filter { $0.topic == "accountantsverklaring-drempel" }.isEmpty)
    }
}
