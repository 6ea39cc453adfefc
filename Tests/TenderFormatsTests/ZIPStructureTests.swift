import Foundation
import Testing
import TenderDocument
@testable import TenderFormats

/// The ZIP structure is checked before ZIPFoundation sees it: damaged containers are refused in
/// one line instead of trapping inside the library.
@Suite struct ZIPStructureTests {
    private func docx() throws -> [UInt8] {
        try DocxFixture(body: "<w:p><w:r><w:t>Artikel 1. De opdrachtnemer levert een rapportage.</w:t></w:r></w:p>").bytes()
    }

    private func check(_ bytes: [UInt8]) -> String? {
        if case let .failure(failure) = ZIPStructure.check(bytes, maxEntries: 10_000) { return failure.reason.nl }
        return nil
    }

    private func read(_ bytes: [UInt8]) -> Result<Document, ReaderError> {
        Result { () throws(ReaderError) in try DocumentReader().read(bytes: bytes, path: "x.docx") }
    }

    @Test func aWellFormedContainerPasses() throws {
        let bytes = try docx()
        #expect(check(bytes) == nil)
        #expect(throws: Never.self) { try read(bytes).get() }
    }

    @Test func everyTruncationIsRefusedInOneLine() throws {
        let bytes = try docx()
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            let result = read(Array(bytes[0..<length]))
            guard case let .failure(error) = result else { continue }
            #expect(!error.message().contains("\n"))
        }
    }

    @Test func everyRemovedChunkIsReadOrRefusedWithoutATrap() throws {
        let bytes = try docx()
        let chunk = 64
        for start in stride(from: 0, to: bytes.count - chunk, by: 37) {
            var damaged = bytes
            damaged.removeSubrange(start..<(start + chunk))
            if case let .failure(error) = read(damaged) { #expect(!error.message().contains("\n")) }
        }
    }

    /// Offsets of the end record's fields.
    private func eocd(_ bytes: [UInt8]) -> Int {
        var i = bytes.count - 22
        while !(bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 5 && bytes[i + 3] == 6) { i -= 1 }
        return i
    }

    private func put32(_ value: UInt32, at i: Int, in bytes: inout [UInt8]) {
        for k in 0..<4 { bytes[i + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) }
    }

    @Test func directoryPastTheEndIsRefused() throws {
        var bytes = try docx()
        put32(UInt32(bytes.count + 1_000), at: eocd(bytes) + 16, in: &bytes)
        #expect(check(bytes) == "centrale map ligt buiten het bestand")
    }

    @Test func localHeaderPastTheEndIsRefused() throws {
        var bytes = try docx()
        let e = eocd(bytes)
        let directory = Int(UInt32(bytes[e + 16]) | UInt32(bytes[e + 17]) << 8 | UInt32(bytes[e + 18]) << 16 | UInt32(bytes[e + 19]) << 24)
        put32(UInt32.max - 1, at: directory + 42, in: &bytes)
        #expect(check(bytes) == "lokale kop van een bestand ligt buiten het archief of ontbreekt")
    }

    @Test func dataPastTheEndIsRefused() throws {
        var bytes = try docx()
        let e = eocd(bytes)
        let directory = Int(UInt32(bytes[e + 16]) | UInt32(bytes[e + 17]) << 8 | UInt32(bytes[e + 18]) << 16 | UInt32(bytes[e + 19]) << 24)
        put32(UInt32(bytes.count), at: directory + 20, in: &bytes)
        #expect(check(bytes) == "gegevens van een bestand lopen voorbij het einde van het archief")
    }

    @Test func entryCountOverTheLimitIsALimit() throws {
        var bytes = try docx()
        let e = eocd(bytes)
        bytes[e + 8] = 0xFF; bytes[e + 9] = 0xFF; bytes[e + 10] = 0xFF; bytes[e + 11] = 0xFF
        guard case let .failure(failure) = ZIPStructure.check(bytes, maxEntries: 10_000) else {
            Issue.record("expected a refusal"); return
        }
        #expect(failure.overLimit)
        guard case .failure(.limitExceeded) = read(bytes) else { Issue.record("expected a limit"); return }
    }

    @Test func aMissingEndRecordIsRefused() {
        #expect(check([UInt8](repeating: 0, count: 100)) == "einde van de centrale map niet gevonden")
        #expect(check([0x50, 0x4B]) == "te kort voor een ZIP-archief")
    }

    @Test func thousandsOfRelationshipsToOnePartReadItOnce() throws {
        let rels = (0..<20_000).map { #"<Relationship Id="h\#($0)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>"# }
        var fixture = DocxFixture(body: "<w:p><w:r><w:t>Artikel 1. Tekst.</w:t></w:r></w:p>", header: "<w:p><w:r><w:t>Koptekst</w:t></w:r></w:p>")
        fixture.extraRelationships = rels.joined()
        let bytes = try fixture.bytes()
        let clock = ContinuousClock()
        var result: Result<Document, ReaderError>!
        let elapsed = clock.measure { result = read(bytes) }
        guard case let .failure(.limitExceeded(_, limit)) = result else { Issue.record("expected a limit, got \(String(describing: result))"); return }
        #expect(limit.nl.contains("relaties"))
        #expect(elapsed < .seconds(3))
        // Under the bound: each part is read once.
        fixture.extraRelationships = rels.prefix(5_000).joined()
        let fewer = try fixture.bytes()
        let elapsedFewer = clock.measure { result = read(fewer) }
        #expect(throws: Never.self) { try result.get() }
        #expect(elapsedFewer < .seconds(3))
    }
}
