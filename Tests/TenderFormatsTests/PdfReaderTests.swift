import Testing
import TenderDocument
@testable import TenderFormats

/// PDF through pdftotext (poppler-utils, installed by scripts/install-deps.sh).
@Suite struct PdfReaderTests {
    private func read(_ name: String, limits: InputLimits = .default) throws -> Document {
        try DocumentReader(limits: limits).read(bytes: try Samples.fixture(name), path: name)
    }

    @Test func dropsRunningHeadersFootersAndPageNumbers() throws {
        let document = try read("pagebreak.pdf")
        #expect(document.format == .pdf)
        let text = document.blocks.map(\.text).joined(separator: "\n")
        #expect(!text.contains("Voorbeelddocument tenderlint"))
        #expect(!text.contains("Pagina"))
        // The header is line 1 of page 1 as a person counts; the title is line 2.
        #expect(document.blocks[0].text == "Artikel 1 Proef voor de paginaovergang")
        #expect(document.blocks[0].lineOrigins == [.page(1, line: 2, column: 1)])
    }

    @Test func keepsAParagraphTogetherOverAPageBreak() throws {
        let blocks = try read("pagebreak.pdf").blocks
        let clause = try #require(blocks.first { $0.text.hasPrefix("1.8 ") })
        #expect(clause.text.hasSuffix("hoort bij dezelfde\nalinea.") || clause.text.hasSuffix("hoort bij dezelfde alinea."))
        let pages = Set(clause.lineOrigins.compactMap { origin -> Int? in
            if case let .page(p, _, _) = origin { return p }
            return nil
        })
        #expect(pages == [1, 2])
        #expect(clause.lineOrigins.count == clause.text.split(separator: "\n", omittingEmptySubsequences: false).count)
        // Every clause is one block: 1.1 to 1.10 each start a block of their own.
        let starts = blocks.compactMap { $0.text.split(separator: " ").first.map(String.init) }
        #expect(starts.filter { $0.hasPrefix("1.") } == (1...10).map { "1.\($0)" })
    }

    @Test func reattachesBulletsToTheirItems() throws {
        let blocks = try read("pagebreak.pdf").blocks
        let items = blocks.filter { $0.kind == .listItem }
        #expect(items.map(\.text) == ["• de eerste verplichting;", "• de tweede verplichting."])
        guard case .page(2, _, 1) = items[0].lineOrigins[0] else { Issue.record("\(items[0].lineOrigins)"); return }
    }

    @Test func encryptedPDFIsProtected() {
        #expect(throws: ReaderError.protected(path: "encrypted.pdf")) { try read("encrypted.pdf") }
    }

    @Test func scanWithoutTextLayerSaysSo() {
        #expect(throws: ReaderError.noText(path: "scan.pdf")) { try read("scan.pdf") }
        #expect(ReaderError.noText(path: "scan.pdf").message().contains("OCR"))
    }

    /// Made with LibreOffice and poppler (Fixtures/README.md): pages 1 and 4 typed, pages 2 and 3
    /// images only, as a scanner without OCR makes them.
    @Test func partlyScannedPDFGivesItsTextPagesAndSaysHowManyPagesWereNotRead() throws {
        let document = try read("partly-scanned.pdf")
        let text = document.blocks.map(\.text).joined(separator: "\n")
        #expect(text.contains("1.2 De Regio betaalt een juiste factuur binnen 60 dagen na ontvangst."))
        #expect(text.contains("4.1 De Overeenkomst gaat in op 1 januari 2027"))
        // What stands on the scanned pages is not in the text.
        #expect(!text.contains("Artikel 2") && !text.contains("Artikel 3") && !text.contains("HKZ"))
        let pages = Set(document.blocks.flatMap(\.lineOrigins).compactMap { origin -> Int? in
            if case let .page(p, _, _) = origin { return p }
            return nil
        })
        #expect(pages == [1, 4])
        #expect(document.warnings == [ReadWarning(path: "partly-scanned.pdf", kind: .pagesWithoutText(empty: 2, pages: 4))])
        #expect(document.warnings.first?.message(english: false)
            == "partly-scanned.pdf: 2 van de 4 pagina's hebben geen tekstlaag (gescand?); die pagina's zijn niet gecontroleerd")
    }

    @Test func aScannedPageWithAStampedPageNumberCountsAsScanned() throws {
        // Four pages as pdftotext -bbox-layout gives them: typed text on 1, 2 and 4; page 3 a scan
        // whose text layer holds only its stamped page number.
        func line(_ text: String, y: Int) -> String {
            "<line xMin=\"72\" yMin=\"\(y)\" xMax=\"500\" yMax=\"\(y + 12)\">" + text.split(separator: " ").map { "<word>\($0)</word>" }.joined() + "</line>"
        }
        func page(_ lines: [String]) -> String {
            "<page width=\"595\" height=\"842\"><flow><block>" + lines.enumerated().map { line($1, y: 100 + 20 * $0) }.joined() + "</block></flow></page>"
        }
        // Typed pages differ (identical lines at the edges of most pages would be running lines).
        let typed = { (n: Int) in ["Artikel \(n). De Aanbieder levert ieder kwartaal een rapportage aan de gemeente.",
                                   "De rapportage over periode \(n) bevat de ingezette uren per cliënt.",
                                   "Lid \(n) geldt voor alle percelen van deze overeenkomst."] }
        let html = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><doc>" + page(typed(1)) + page(typed(2)) + page(["- 3 -"]) + page(typed(4)) + "</doc></body></html>"
        let warnings = try PdfReader.warnings(fromBBoxOutput: Array(html.utf8), path: "stempel.pdf")
        #expect(warnings == [.pagesWithoutText(empty: 1, pages: 4)])
    }

    @Test func aPDFWhoseEveryPageIsScannedIsRefusedAsAScan() {
        #expect(throws: ReaderError.noText(path: "scanned-2-pages.pdf")) { try read("scanned-2-pages.pdf") }
        #expect(!ReaderError.noText(path: "scanned-2-pages.pdf").message().contains("\n"))
    }

    @Test func aTypedPDFHasNoWarning() throws {
        #expect(try read("pagebreak.pdf").warnings.isEmpty)
    }

    @Test func brokenPDFIsMalformed() {
        let result = Result { () throws(ReaderError) in
            try DocumentReader().read(bytes: Array("%PDF-1.4\nkapot\n%%EOF".utf8), path: "kapot.pdf")
        }
        guard case let .failure(.malformed(_, reason)) = result else { Issue.record("got \(result)"); return }
        #expect(reason.nl.hasPrefix("pdftotext kan de PDF niet lezen"))
    }

    @Test func missingPdftotextNamesThePackageToInstall() throws {
        let bytes = try Samples.fixture("pagebreak.pdf")
        let error = ReaderError.toolMissing(path: "a.pdf", tool: "pdftotext-ontbreekt", package: "poppler-utils")
        #expect(throws: error) {
            try PdfText.run(bytes: bytes, path: "a.pdf", limits: .default, tool: "pdftotext-ontbreekt")
        }
        #expect(error.message() == "a.pdf: pdftotext-ontbreekt niet gevonden; installeer poppler-utils (bijv. apt-get install poppler-utils)")
    }

    @Test func timeoutKillsTheChild() throws {
        let limits = InputLimits(maxFileBytes: 1_000_000, pdfTimeoutSeconds: 0.000_001)
        let bytes = try Samples.fixture("pagebreak.pdf")
        let result = Result { () throws(ReaderError) in try DocumentReader(limits: limits).read(bytes: bytes, path: "p.pdf") }
        guard case let .failure(.limitExceeded(_, limit)) = result else { Issue.record("got \(result)"); return }
        #expect(limit.nl.hasPrefix("pdftotext duurde langer dan"))
    }

    @Test func outputIsCapped() throws {
        let limits = InputLimits(maxFileBytes: 1_000_000, maxPDFTextBytes: 2_000)
        let bytes = try Samples.fixture("pagebreak.pdf")
        let result = Result { () throws(ReaderError) in try DocumentReader(limits: limits).read(bytes: bytes, path: "p.pdf") }
        guard case let .failure(.limitExceeded(_, limit)) = result else { Issue.record("got \(result)"); return }
        #expect(limit.nl.hasPrefix("PDF-tekst groter dan"))
    }

    @Test(arguments: ["3", "- 3 -", "Pagina 3", "pagina 3 van 12", "Page 3 of 12", "blz. 4", "3/12"])
    func pageNumbersAreRecognised(_ text: String) {
        #expect(RunningLine.isPageNumber(text))
    }

    @Test(arguments: ["Artikel 3", "3 maart 2026", "€ 412,00", "Pagina's 3 en 4"])
    func otherShortLinesAreNotPageNumbers(_ text: String) {
        #expect(!RunningLine.isPageNumber(text))
    }

    @Test func listMarkers() {
        #expect(["•", "–", "1.", "12.", "a)", "(b)", "iv.", "3.2."].allSatisfy(PdfReader.isMarker))
        #expect(!PdfReader.isMarker("Artikel"))
        #expect(!PdfReader.isMarker("2026"))
    }
}
