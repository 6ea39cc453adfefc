import Foundation
import Testing
import TenderDocument
@testable import TenderFormats

/// Every sample is committed in every format (scripts/make-sample-formats.sh); all formats must
/// give the same paragraphs as the plain-text version, modulo white space.
@Suite struct SampleFormatsTests {
    static let names = Samples.markdownNames

    /// A paragraph as compared across formats: the label in front, bullets dropped, a hyphen at
    /// a line end kept as a hyphen (PDF lines break after compound hyphens), white space folded.
    static func comparable(_ block: Block) -> String {
        let text = (block.label.map { $0 + " " } ?? "") + block.text
        // "iJw-\nberichtenverkeer" is one word; "€ 250,-\nper" two.
        var joined = ""
        var previous: Character?
        var chars = Substring(text)
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "-", previous?.isLetter == true, chars.first == "\n" {
                joined.append(c)
                chars = chars.dropFirst()
                previous = c
                continue
            }
            joined.append(c)
            previous = c
        }
        var words = joined.split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first, ["-", "•", "*"].contains(first) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// The plain-text version's paragraphs: pandoc writes tables indented by two spaces.
    static func textParagraphs(_ name: String) throws -> [String] {
        let document = try DocumentReader().read(path: Samples.formats(name + ".txt"))
        #expect(document.format == .text)
        return document.blocks.filter { !$0.text.hasPrefix("  ") }.map(comparable)
    }

    static func paragraphs(_ path: String) throws -> (DocumentFormat, [String]) {
        let document = try DocumentReader().read(path: path)
        return (document.format, document.blocks.filter { $0.kind != .tableCell }.map(comparable))
    }

    @Test func thereAreSamples() {
        #expect(Self.names.count >= 3)
        for name in Self.names {
            for ext in ["txt", "docx", "odt", "fodt", "pdf"] {
                #expect(FileManager.default.fileExists(atPath: Samples.formats("\(name).\(ext)")), "\(name).\(ext) missing")
            }
        }
    }

    @Test(arguments: names)
    func wordProcessingFormatsGiveTheTextVersionsParagraphs(_ name: String) throws {
        let expected = try Self.textParagraphs(name)
        #expect(expected.count > 50)
        for (ext, format) in [("docx", DocumentFormat.docx), ("odt", .odt), ("fodt", .fodt)] {
            let (read, paragraphs) = try Self.paragraphs(Samples.formats("\(name).\(ext)"))
            #expect(read == format)
            #expect(paragraphs == expected, "\(name).\(ext): first difference \(Self.firstDifference(expected, paragraphs))")
        }
    }

    @Test(arguments: names)
    func pdfGivesTheTextVersionsParagraphsInOrder(_ name: String) throws {
        let expected = try Self.textParagraphs(name)
        let (format, paragraphs) = try Self.paragraphs(Samples.formats("\(name).pdf"))
        #expect(format == .pdf)
        // PDF tables come out column by column, so the PDF has extra blocks; every paragraph of
        // the text version must be among them, in order.
        var i = 0
        var missing: [String] = []
        for paragraph in expected {
            if let found = paragraphs[i...].firstIndex(of: paragraph) {
                i = found + 1
            } else {
                missing.append(paragraph)
            }
        }
        #expect(missing.isEmpty, "\(name).pdf lacks \(missing.count) paragraphs, first: \(missing.first ?? "")")
    }

    static func firstDifference(_ a: [String], _ b: [String]) -> String {
        for (i, (x, y)) in zip(a, b).enumerated() where x != y { return "#\(i): \(x.debugDescription) vs \(y.debugDescription)" }
        return "counts \(a.count) vs \(b.count)"
    }
}
