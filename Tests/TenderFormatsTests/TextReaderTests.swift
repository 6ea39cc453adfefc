import Testing
import TenderDocument
@testable import TenderFormats

/// Plain text and Markdown: decoding that survives real files, and blocks by lines.
@Suite struct TextReaderTests {
    private func read(_ bytes: [UInt8], path: String = "a.txt") throws -> Document {
        try DocumentReader().read(bytes: bytes, path: path)
    }

    @Test func numberedAndLetteredItemsAreReadWithTheirLeadIn() throws {
        let text = "Bij de inschrijving voegt u toe:\n1. een kopie van de VOG;\n2) het uittreksel;\nb. de verklaring.\n\n3.2 Rapportage\n"
        for path in ["a.txt", "a.md"] {
            let blocks = try read(Array(text.utf8), path: path).blocks
            #expect(blocks.map(\.text) == ["Bij de inschrijving voegt u toe:", "1. een kopie van de VOG;", "2) het uittreksel;", "b. de verklaring.", "3.2 Rapportage"])
            #expect(LeadIn.leadIns(of: blocks) == [nil, 0, 0, 0, nil])
        }
    }

    @Test func aBlankLineBetweenMarkdownTablesStartsANewHeader() throws {
        let text = "| Rapportage | Frequentie |\n|---|---|\n| Managementrapportage | maandelijks |\n\n| Document | Moment |\n|---|---|\n| Kopie VOG | bij start |\n"
        let blocks = try read(Array(text.utf8), path: "a.md").blocks
        #expect(blocks.map(\.startsTable) == [true, false, true, false])
        #expect(LeadIn.leadIns(of: blocks) == [nil, 0, nil, 2])
    }

    @Test func utf8WithBOM() throws {
        let document = try read([0xEF, 0xBB, 0xBF] + Array("Cliënt en coöperatie".utf8))
        #expect(document.blocks.map(\.text) == ["Cliënt en coöperatie"])
        #expect(document.warnings.isEmpty)
    }

    @Test func utf16WithBOMBothEndians() throws {
        let text = "Artikel 1\n\nDe cliënt € 5"
        let little: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        for bytes in [little, big] {
            let document = try read(bytes)
            #expect(document.format == .text)
            #expect(document.blocks.map(\.text) == ["Artikel 1", "De cliënt € 5"])
        }
    }

    @Test func windows1252IsRecognisedAndReported() throws {
        // "Cliënt betaalt € 5 – “direct”" in Windows-1252.
        let bytes: [UInt8] = Array("Cli".utf8) + [0xEB] + Array("nt betaalt ".utf8) + [0x80] + Array(" 5 ".utf8)
            + [0x96, 0x20, 0x93] + Array("direct".utf8) + [0x94]
        let document = try read(bytes)
        #expect(document.blocks.map(\.text) == ["Cliënt betaalt € 5 – “direct”"])
        #expect(document.warnings.map { $0.message(english: false) } == ["a.txt: geen geldige UTF-8; gelezen als Windows-1252"])
        #expect(document.warnings.map { $0.message(english: true) } == ["a.txt: not valid UTF-8; read as Windows-1252"])
    }

    @Test func brokenUTF8IsReplacedAndReportedWithItsLine() throws {
        let bytes = Array("Eerste regel met één\n".utf8) + Array("kapot ".utf8) + [0xC3, 0x28] + Array(" hier".utf8)
        let document = try read(bytes)
        #expect(document.blocks.first?.text == "Eerste regel met één\nkapot \u{FFFD}( hier")
        #expect(document.warnings == [ReadWarning(path: "a.txt", kind: .invalidBytesReplaced(count: 1, firstLine: 2))])
        #expect(document.warnings.map { $0.message(english: false) } == ["a.txt: 1 ongeldige byte(s) vervangen door \u{FFFD} (eerste op regel 2)"])
        #expect(document.warnings.map { $0.message(english: true) } == ["a.txt: 1 invalid byte(s) replaced by \u{FFFD} (the first on line 2)"])
    }

    @Test func plainTextSplitsOnBlankLinesClausesAndBullets() throws {
        let text = """
        ALGEMENE BEPALINGEN

        1.1 De aanbieder levert
        de ondersteuning.
        1.2 De gemeente betaalt.
        - een punt
        - nog een punt
        """
        let blocks = try read(Array(text.utf8)).blocks
        #expect(blocks.map(\.text) == ["ALGEMENE BEPALINGEN", "1.1 De aanbieder levert\nde ondersteuning.",
                                       "1.2 De gemeente betaalt.", "- een punt", "- nog een punt"])
        #expect(blocks.map(\.kind) == [.paragraph, .paragraph, .paragraph, .listItem, .listItem])
        #expect(blocks[1].lineOrigins == [.line(3, column: 1), .line(4, column: 1)])
        #expect(blocks[2].lineOrigins == [.line(5, column: 1)])
    }

    @Test func markdownHeadingsTablesAndFences() throws {
        let text = """
        # Inkoopdocument

        Titel met onderstreping
        ---

        | Product | Tarief |
        |---|---|
        | Begeleiding | € 412 |

        ```
        # geen kop
        ```
        Slot.
        """
        let document = try read(Array(text.utf8), path: "a.md")
        #expect(document.format == .markdown)
        #expect(document.blocks.map(\.kind) == [.heading(level: 1), .heading(level: 2), .tableCell, .tableCell, .paragraph])
        #expect(document.blocks.map(\.text) == ["# Inkoopdocument", "Titel met onderstreping", "| Product | Tarief |",
                                                "| Begeleiding | € 412 |", "Slot."])
        #expect(document.blocks[3].lineOrigins == [.line(8, column: 1)])
    }

    @Test func markdownWithoutItsExtensionIsRecognised() throws {
        let document = try read(Array("# Kop\n\nTekst.".utf8), path: "zonder-extensie")
        #expect(document.format == .markdown)
    }

    @Test func windowsLineEndsAreFolded() throws {
        let blocks = try read(Array("Regel een\r\nregel twee\r\n\r\nNieuw".utf8)).blocks
        #expect(blocks.map(\.text) == ["Regel een\nregel twee", "Nieuw"])
    }
}
