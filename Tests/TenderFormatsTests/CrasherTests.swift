import Foundation
import Testing
import TenderDocument
@testable import TenderFormats
import TenderXML

/// Every file in Fixtures/crashers once crashed or hung the readers. Each must now give a
/// document or a one-line refusal, quickly.
@Suite struct CrasherTests {
    /// Generous for a debug build on a shared machine; the release build takes milliseconds.
    static let bound: Duration = .seconds(5)

    private func read(_ name: String) throws -> (Result<Document, ReaderError>, Duration) {
        let bytes = try Samples.fixture("crashers/" + name)
        var result: Result<Document, ReaderError>!
        let elapsed = ContinuousClock().measure {
            result = Result { () throws(ReaderError) in try DocumentReader().read(bytes: bytes, path: name) }
        }
        if case let .failure(error) = result {
            #expect(!error.message().contains("\n"), "\(name): \(error.message())")
        }
        #expect(elapsed < Self.bound, "\(name) took \(elapsed)")
        return (result, elapsed)
    }

    private func labels(_ result: Result<Document, ReaderError>) -> [String?] {
        (try? result.get().blocks.map(\.label)) ?? []
    }

    @Test func zipWhoseDirectoryOffsetPointsPastItsEndIsRefused() throws {
        let (result, _) = try read("eocd-offset-past-end.docx")
        guard case let .failure(.malformed(_, reason)) = result else {
            Issue.record("expected a refusal, got \(result)"); return
        }
        #expect(reason.nl.contains("geen leesbaar ZIP-archief"), "\(reason)")
        #expect(reason.nl.contains("centrale map ligt buiten het bestand"), "\(reason)")
    }

    @Test func negativeLevelInALevelOverrideIsIgnored() throws {
        let (result, _) = try read("docx-lvloverride-negative-ilvl.docx")
        let document = try result.get()
        #expect(!document.blocks.isEmpty)
    }

    @Test func docxStartAtIntMaxIsClampedAndCountsOn() throws {
        let (result, _) = try read("docx-start-intmax-overflow.docx")
        let numbered = labels(result).compactMap { $0 }
        #expect(!numbered.isEmpty)
        #expect(numbered.allSatisfy { $0.count <= 12 }, "\(numbered)")
    }

    @Test func docxLetterLabelWithAHugeStartFallsBackToDigits() throws {
        let (result, _) = try read("docx-letters-intmax-alloc.docx")
        let numbered = labels(result).compactMap { $0 }
        #expect(!numbered.isEmpty)
        #expect(numbered.allSatisfy { $0.count <= 12 && $0.contains(where: \.isNumber) }, "\(numbered)")
    }

    @Test(arguments: ["odf-start-intmax-overflow.fodt", "odf-start-intmin-overflow.fodt", "odf-letters-intmax-alloc.fodt",
                      "odf-letters-4e9-hang.fodt", "odt-letters-start-4294967296-hang.odt"])
    func odfListNumbersFromTheDocumentAreClamped(name: String) throws {
        let (result, _) = try read(name)
        let document = try result.get()
        #expect(!document.blocks.isEmpty)
        #expect(document.blocks.compactMap(\.label).allSatisfy { $0.count <= 20 }, "\(document.blocks.compactMap(\.label))")
    }

    @Test func elementWith200000AttributesIsRefusedBeforeLibxml2() throws {
        let (result, elapsed) = try read("docx-200k-attributes-quadratic-libxml2.docx")
        guard case let .failure(.invalidXML(_, _, .tooManyAttributes(_, limit, perElement))) = result else {
            Issue.record("expected too many attributes, got \(result)"); return
        }
        #expect(limit == XMLLimits.default.maxAttributesPerElement && perElement)
        #expect(elapsed < .seconds(2))
    }

    @Test func ebcdicDeclarationIsRefusedInOneLine() throws {
        let (result, _) = try read("xml-ebcdic-decl-multiline-stderr.xml")
        guard case let .failure(error) = result else { Issue.record("expected a refusal, got \(result)"); return }
        #expect(error.message().hasPrefix("xml-ebcdic-decl-multiline-stderr.xml: "))
    }

    // MARK: List numbering bounds

    @Test func letterLabelsStopGrowingAtTenLetters() {
        #expect(ListNumberFormat.letters(26) == "z")
        #expect(ListNumberFormat.letters(27) == "aa")
        #expect(ListNumberFormat.letters(260) == String(repeating: "z", count: 10))
        #expect(ListNumberFormat.letters(261) == "261")
        #expect(ListNumberFormat.letters(Int.max) == String(Int.max))
    }

    @Test func countersAreClampedAndNeverOverflow() {
        #expect(ListNumberFormat.clamped(Int.max) == ListNumberFormat.maxCounter)
        #expect(ListNumberFormat.clamped(Int.min) == 0)
        #expect(ListNumberFormat.counted(after: -1) == 0)
        #expect(ListNumberFormat.counted(after: 4) == 5)
        #expect(ListNumberFormat.counted(after: Int.max) == ListNumberFormat.maxCounter)
    }
}
