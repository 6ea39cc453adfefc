import Foundation
import Testing
@testable import TenderFormats

/// ZIP containers are untrusted: every bound is checked before and while inflating.
@Suite struct ArchiveTests {
    /// 8 MB of spaces deflates to about 8 KB: a ratio of about 1000.
    static let zeros = [UInt8](repeating: 0x20, count: 8_000_000)

    private func docx(document: [UInt8], extra: [ZipBuilder.Entry] = []) throws -> [UInt8] {
        try ZipBuilder.zip([
            .init("[Content_Types].xml", "<Types>wordprocessingml.document.main+xml</Types>"),
            .init("word/document.xml", bytes: document),
        ] + extra)
    }

    private func read(_ bytes: [UInt8], limits: InputLimits = .default) -> Result<Void, ReaderError> {
        Result { () throws(ReaderError) in _ = try DocumentReader(limits: limits).read(bytes: bytes, path: "bom.docx") }
    }

    private func limitError(_ result: Result<Void, ReaderError>) -> String? {
        guard case let .failure(.limitExceeded(_, limit)) = result else { return nil }
        return limit.nl
    }

    @Test func zipBombIsRefusedFromItsHeadersWithoutInflating() throws {
        let bytes = try docx(document: Self.zeros)
        #expect(bytes.count < 200_000)
        let clock = ContinuousClock()
        var result: Result<Void, ReaderError> = .success(())
        let elapsed = clock.measure { result = read(bytes) }
        #expect(limitError(result)?.contains("ZIP-bom") == true, "got \(result)")
        #expect(elapsed < .seconds(2))  // a guard against inflating without bound; the outcome is the proof
    }

    @Test func zipBombWithLyingSizesStopsInflatingAtTheDeclaredSize() throws {
        var bytes = try docx(document: Self.zeros)
        // Claim 1000 bytes in both the local header and the central directory.
        let patched = Self.patchSizes(of: "word/document.xml", in: &bytes, uncompressed: 1_000)
        #expect(patched == 2)
        let clock = ContinuousClock()
        var result: Result<Void, ReaderError> = .success(())
        let elapsed = clock.measure { result = read(bytes) }
        #expect(limitError(result)?.contains("opgegeven 1000 bytes") == true, "got \(result)")
        #expect(elapsed < .seconds(2))  // a guard against inflating without bound; the outcome is the proof
    }

    @Test func inflatedTotalIsBounded() throws {
        let part = [UInt8](repeating: UInt8(ascii: "a"), count: 5_000)
        let bytes = try docx(document: part, extra: [.init("word/media/x.bin", bytes: part)])
        let limits = InputLimits(maxFileBytes: 1_000_000, maxInflatedBytes: 8_000)
        #expect(limitError(read(bytes, limits: limits))?.contains("pakt uit tot meer dan") == true)
    }

    @Test func entryCountIsBounded() throws {
        let extra = (1...20).map { ZipBuilder.Entry("word/media/\($0).png", "x") }
        let bytes = try docx(document: Array("<w:document/>".utf8), extra: extra)
        let limits = InputLimits(maxFileBytes: 1_000_000, maxArchiveEntries: 10)
        #expect(limitError(read(bytes, limits: limits)) == "meer dan 10 bestanden in het archief")
    }

    @Test(arguments: ["../../etc/cron.d/x", "/etc/passwd", "word/../../x.xml", "C:\\Windows\\x.xml", "\\\\server\\share"])
    func entryNamesThatCouldEscapeAreRefused(name: String) throws {
        let bytes = try docx(document: Array("<w:document/>".utf8), extra: [.init(name, "x")])
        guard case let .failure(.malformed(_, reason)) = read(bytes) else {
            Issue.record("expected malformed for \(name)"); return
        }
        #expect(reason.nl.hasPrefix("ongeldige bestandsnaam in archief"))
    }

    @Test func duplicateEntriesAreRefused() throws {
        let bytes = try docx(document: Array("<w:document/>".utf8), extra: [.init("word/document.xml", "<w:document/>")])
        guard case let .failure(.malformed(_, reason)) = read(bytes) else { Issue.record("expected malformed"); return }
        #expect(reason.nl == "archief bevat word/document.xml twee keer")
    }

    @Test func truncatedZipIsMalformed() throws {
        let bytes = try docx(document: Array("<w:document/>".utf8))
        let truncated = Array(bytes.prefix(bytes.count / 2))
        guard case .failure(.malformed) = read(truncated) else { Issue.record("expected malformed"); return }
    }

    /// Rewrites the uncompressed size of `name` in its local header and central directory entry.
    static func patchSizes(of name: String, in bytes: inout [UInt8], uncompressed: UInt32) -> Int {
        let nameBytes = Array(name.utf8)
        var count = 0
        var i = 0
        while i + 46 < bytes.count {
            let signature = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
            // Local file header: size at 22, name length at 26, name at 30.
            // Central directory header: size at 24, name length at 28, name at 46.
            let layout: (size: Int, nameLength: Int, name: Int)? = signature == 0x0403_4B50 ? (22, 26, 30)
                : signature == 0x0201_4B50 ? (24, 28, 46) : nil
            if let layout {
                let length = Int(bytes[i + layout.nameLength]) | Int(bytes[i + layout.nameLength + 1]) << 8
                let start = i + layout.name
                if start + length <= bytes.count, Array(bytes[start..<(start + length)]) == nameBytes {
                    for k in 0..<4 { bytes[i + layout.size + k] = UInt8((uncompressed >> (8 * UInt32(k))) & 0xFF) }
                    count += 1
                }
            }
            i += 1
        }
        return count
    }
}
