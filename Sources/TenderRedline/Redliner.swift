import TenderDocument
import TenderLint
import TenderReport

/// The one entry point every caller (the command line, the web page) uses: it picks the writer
/// by the document's format, so DOCX, ODT, FODT, text and Markdown are chosen the same way
/// everywhere.
public enum Redliner {
    /// What a redline wrote.
    public struct Output: Sendable {
        /// The marked-up copy (DOCX, ODT, FODT) or the corrected copy (text, Markdown).
        public var bytes: [UInt8]
        public var comments: Int
        public var changes: Int
        /// Text and Markdown: the copy against the original (for a unified diff).
        public var text: TextRedline?
        /// The file extension the copy is written with (`docx`, `odt`, `fodt`, `md`, `txt`).
        public var fileExtension: String
        /// The copy's media type.
        public var mediaType: String

        /// One line for the user: what was written.
        public func summary(english en: Bool) -> String {
            if text != nil { return en ? "\(changes) replacements" : "\(changes) vervangingen" }
            return en ? "\(comments) comments, \(changes) tracked changes" : "\(comments) opmerkingen, \(changes) bijgehouden wijzigingen"
        }
    }

    /// Whether `format` can be written.
    public static func canWrite(_ format: DocumentFormat) -> Bool {
        [.docx, .odt, .fodt, .text, .markdown].contains(format)
    }

    /// The redlined copy of `input` (the bytes `document` was read from) for `findings`.
    public static func redline(input: [UInt8], document: Document, findings: [Finding], text: FindingText,
                               options: RedlineOptions) throws(RedlineError) -> Output {
        let plan = RedlinePlan(document: document, findings: findings, text: text, options: options)
        return try redline(input: input, document: document, plan: plan, options: options)
    }

    /// The redlined copy for a plan made already.
    public static func redline(input: [UInt8], document: Document, plan: RedlinePlan, options: RedlineOptions) throws(RedlineError) -> Output {
        switch document.format {
        case .docx:
            let r = try DocxRedliner.redline(input, document: document, plan: plan, options: options)
            return Output(bytes: r.bytes, comments: r.comments, changes: r.changes, fileExtension: "docx",
                          mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        case .odt, .fodt:
            let flat = document.format == .fodt
            let r = try OdfRedliner.redline(input, flat: flat, document: document, plan: plan, options: options)
            return Output(bytes: r.bytes, comments: r.comments, changes: r.changes, fileExtension: flat ? "fodt" : "odt",
                          mediaType: flat ? "application/vnd.oasis.opendocument.text-flat-xml" : "application/vnd.oasis.opendocument.text")
        case .text, .markdown:
            let r = try TextRedliner.redline(input, document: document, plan: plan)
            let markdown = document.format == .markdown
            return Output(bytes: r.corrected, comments: 0, changes: r.changes, text: r, fileExtension: markdown ? "md" : "txt",
                          mediaType: markdown ? "text/markdown; charset=utf-8" : "text/plain; charset=utf-8")
        default:
            throw RedlineError(nl: "redline schrijft Word (.docx), OpenDocument (.odt, .fodt), tekst en Markdown; dit is \(document.format.rawValue)",
                               en: "redline writes Word (.docx), OpenDocument (.odt, .fodt), text and Markdown; this is \(document.format.rawValue)")
        }
    }
}
