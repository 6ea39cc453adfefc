import Foundation
import TenderRules

/// Shows a scan's progress on stderr: a bar redrawn in place on a terminal, plain lines
/// otherwise (CI logs), and every unreadable file as its own `path: reason` line.
public final class ScanProgressPrinter {
    let write: (String) -> Void
    let terminal: Bool
    let language: Language
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var lastStep = -1
    private var barShown = false

    /// - Parameters:
    ///   - terminal: redraw a bar in place (stderr is a TTY) instead of printing lines.
    ///   - write: where the text goes (stderr in the CLI).
    public init(terminal: Bool, language: Language = .nl, write: @escaping (String) -> Void) {
        self.terminal = terminal
        self.language = language
        self.write = write
    }

    func t(_ nl: String, _ en: String) -> String { language == .en ? en : nl }

    /// Handles one event of `InventoryScanner.scan`.
    public func handle(_ event: ScanEvent) {
        switch event {
        case let .started(s):
            if !terminal { write(t("\(s.files) bestanden gevonden\n", "\(s.files) files found\n")) }
        case let .progressed(s):
            if terminal {
                // At most ten redraws a second: a fast scan should not spend its time drawing.
                let now = ContinuousClock.now
                guard s.done == s.files || now - lastDraw >= .milliseconds(100) else { return }
                lastDraw = now
                write("\r\u{1B}[2K" + bar(s))
                barShown = true
            } else {
                let step = s.files > 0 ? s.done * 10 / s.files : 10
                guard step > lastStep else { return }
                lastStep = step
                write(line(s) + "\n")
            }
        case let .failed(message):
            if terminal && barShown { write("\r\u{1B}[2K") }
            write(message + "\n")
            barShown = false
        case .finished:
            if terminal && barShown { write("\r\u{1B}[2K") }
            barShown = false
        }
    }

    func bar(_ s: ScanSummary) -> String {
        let width = 30
        let filled = s.files > 0 ? s.done * width / s.files : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] " + line(s)
    }

    func line(_ s: ScanSummary) -> String {
        let percent = s.files > 0 ? s.done * 100 / s.files : 100
        return t("\(s.done)/\(s.files) (\(percent)%): \(s.analysed) geanalyseerd, \(s.unchanged) overgeslagen, \(s.failed) onleesbaar",
                 "\(s.done)/\(s.files) (\(percent)%): \(s.analysed) analysed, \(s.unchanged) skipped, \(s.failed) unreadable")
    }

    /// The closing summary of a scan, one line (for stdout).
    public static func summaryLine(_ s: ScanSummary, database: String, language: Language = .nl) -> String {
        let en = language == .en
        let seconds = NumberText.number(s.seconds, decimals: 1, language)
        var parts = [
            en ? "\(s.analysed) analysed" : "\(s.analysed) geanalyseerd",
            en ? "\(s.unchanged) skipped (unchanged)" : "\(s.unchanged) overgeslagen (ongewijzigd)",
        ]
        if s.refreshed > 0 { parts.append(en ? "\(s.refreshed) with new metadata" : "\(s.refreshed) met nieuwe metadata") }
        parts.append(en ? "\(s.failed) unreadable" : "\(s.failed) onleesbaar")
        if s.deleted > 0 { parts.append(en ? "\(s.deleted) marked deleted" : "\(s.deleted) als verwijderd gemarkeerd") }
        var line = (en ? "\(s.files) files: " : "\(s.files) bestanden: ") + parts.joined(separator: ", ")
        line += en ? "; \(s.findings) findings stored in \(database) (\(seconds) s)" : "; \(s.findings) bevindingen opgeslagen in \(database) (\(seconds) s)"
        if s.duplicateFiles > 0 {
            line += en ? "; \(s.duplicateFiles) files are copies of \(s.duplicateDocuments) tenders and count once"
                       : "; \(s.duplicateFiles) bestanden zijn kopieën van \(s.duplicateDocuments) aanbestedingen en tellen één keer"
        }
        if !s.failures.isEmpty {
            line += en ? ". Not read:" : ". Niet gelezen:"
            for failure in s.failures { line += "\n  " + failure }
        }
        if s.interrupted {
            line += en ? ". Interrupted after \(s.done) of \(s.files) files: run the same command again to continue."
                       : ". Onderbroken na \(s.done) van \(s.files) bestanden: draai hetzelfde commando opnieuw om verder te gaan."
        }
        return line
    }
}
