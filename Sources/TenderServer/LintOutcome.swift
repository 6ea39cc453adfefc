import TenderDocument
import TenderIsolation
import TenderLint
import TenderReport

/// What became of one submitted document.
enum LintOutcome: Sendable {
    /// Read and linted: the result, the document's full text by clause, and the document as
    /// read (its blocks and anchors, for the redlined copy).
    case linted(LintResult, DocumentOutline, Document)
    /// The reader refused the file: its one-line message, naming the file by its display name.
    case unreadable(String)
    /// Every job slot was taken and the line was full.
    case busy
    /// The job took longer than the configured limit (its worker was killed).
    case timedOut
    /// The worker reading the document crashed, ran out of memory or answered nonsense.
    case failed(WorkerFailure)
}
