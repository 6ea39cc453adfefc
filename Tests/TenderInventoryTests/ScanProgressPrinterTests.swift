import Testing
import TenderInventory

@Suite struct ScanProgressPrinterTests {
    func run(terminal: Bool) -> String {
        var out = ""
        let printer = ScanProgressPrinter(terminal: terminal) { out += $0 }
        var s = ScanSummary()
        s.files = 20
        printer.handle(.started(s))
        for i in 1...20 {
            s.done = i
            s.analysed = i
            if i == 7 { printer.handle(.failed("x/kapot.docx: beschadigd document: geen ZIP")) }
            printer.handle(.progressed(s))
        }
        printer.handle(.finished(s))
        return out
    }

    @Test func plainLinesWhenNotATerminal() {
        let out = run(terminal: false)
        #expect(!out.contains("\r"))
        #expect(!out.contains("\u{1B}"))
        let lines = out.split(separator: "\n")
        #expect(lines.first == "20 bestanden gevonden")
        #expect(lines.contains("x/kapot.docx: beschadigd document: geen ZIP"))
        // One line per 10% step (0% to 100%: 11), plus the first line and the failure.
        #expect(lines.count == 13)
        #expect(lines.last == "20/20 (100%): 20 geanalyseerd, 0 overgeslagen, 0 onleesbaar")
    }

    @Test func barRedrawnInPlaceOnATerminal() {
        let out = run(terminal: true)
        #expect(out.contains("\r\u{1B}[2K["))
        #expect(out.contains("[##############################] 20/20 (100%)"))
        // The failure stands on a line of its own.
        #expect(out.contains("\r\u{1B}[2Kx/kapot.docx: beschadigd document: geen ZIP\n"))
    }

    @Test func summaryLineSaysWhatWasSkipped() {
        var s = ScanSummary()
        s.files = 5; s.done = 5; s.unchanged = 4; s.failed = 1; s.seconds = 0.25
        let line = ScanProgressPrinter.summaryLine(s, database: "c.sqlite")
        #expect(line == "5 bestanden: 0 geanalyseerd, 4 overgeslagen (ongewijzigd), 1 onleesbaar; 0 bevindingen opgeslagen in c.sqlite (0,3 s)")
        s.interrupted = true
        #expect(ScanProgressPrinter.summaryLine(s, database: "c.sqlite", language: .en).hasSuffix("run the same command again to continue."))
    }
}
