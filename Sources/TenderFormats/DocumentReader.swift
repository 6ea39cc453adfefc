import Foundation
import TenderDocument
import TenderXML

/// Reads any supported file into a `Document`: sniffs the format by content and hands the bytes
/// to the reader for that format. Inputs are only read, never written.
public struct DocumentReader: Sendable {
    public var limits: InputLimits

    public init(limits: InputLimits = .default) {
        self.limits = limits
    }

    /// Reads the file at `path`: only a regular file (a symbolic link to one is followed), and
    /// never more than `maxFileBytes` + 1 bytes of it.
    ///
    /// The file is opened non-blocking and checked with `fstat` on the open descriptor, so a FIFO
    /// (which would block `open` or `read` until a writer comes), a device such as `/dev/zero`
    /// (which never ends) or a socket is refused before anything is read, and nothing can swap
    /// the file between the check and the read.
    public func read(path: String) throws(ReaderError) -> Document {
        let bytes = try InputFile.contents(path: path, maxBytes: limits.maxFileBytes)
        return try read(bytes: bytes, path: path)
    }

    /// Reads a file's bytes; `path` names it in positions and errors (it is not opened).
    public func read(bytes: [UInt8], path: String) throws(ReaderError) -> Document {
        guard bytes.count <= limits.maxFileBytes else {
            throw .limitExceeded(path: path, limit: .init("bestand groter dan \(limits.maxFileBytes / 1_048_576) MiB", en: "file larger than \(limits.maxFileBytes / 1_048_576) MiB"))
        }
        let ext = (path as NSString).pathExtension
        let hash = ContentHash.sha256(bytes)
        let document: Document
        switch FormatSniffer.sniff(bytes, fileExtension: ext) {
        case let .unsupported(what):
            throw .unsupported(path: path, format: what)
        case .encrypted:
            throw .protected(path: path)
        case .zip:
            document = try readContainer(bytes: bytes, path: path, hash: hash)
        case let .format(format):
            document = try read(format: format, bytes: bytes, path: path, hash: hash)
        }
        // A document format that yields no text is not a clean tender: say so. (An empty text
        // file is what it looks like; a PDF without text is refused by the PDF reader.)
        if document.format != .text, document.format != .markdown,
           !document.blocks.contains(where: { block in block.text.contains { !$0.isWhitespace } }) {
            throw .noReadableText(path: path)
        }
        return document
    }

    private func read(format: DocumentFormat, bytes: [UInt8], path: String, hash: String) throws(ReaderError) -> Document {
        switch format {
        case .text, .markdown:
            let decoded = TextDecoding.decode(bytes)
            let blocks = TextBlocks(markdown: format == .markdown).blocks(of: decoded.text)
            return Document(path: path, format: format, contentHash: hash, blocks: blocks,
                            warnings: decoded.warnings.map { ReadWarning(path: path, kind: $0) })
        case .fodt:
            let (blocks, properties) = try OdtReader.read(flat: bytes, path: path, limits: limits.xml)
            return Document(path: path, format: .fodt, contentHash: hash, blocks: blocks, properties: properties)
        case .eforms:
            let (blocks, properties) = try XMLNoticeReader.read(bytes: bytes, path: path, limits: limits.xml)
            return Document(path: path, format: .eforms, contentHash: hash, blocks: blocks, properties: properties)
        case .xml:
            let blocks = try GenericXMLReader.read(bytes: bytes, path: path, limits: limits.xml)
            return Document(path: path, format: .xml, contentHash: hash, blocks: blocks)
        case .pdf:
            let (blocks, warnings) = try PdfReader.readWithWarnings(bytes: bytes, path: path, limits: limits)
            return Document(path: path, format: .pdf, contentHash: hash, blocks: blocks,
                            warnings: warnings.map { ReadWarning(path: path, kind: $0) })
        case .docx, .odt:
            // Containers are recognised by their content, never by the sniffer's verdict alone.
            return try readContainer(bytes: bytes, path: path, hash: hash)
        }
    }

    /// DOCX and ODT: opens the ZIP under the archive limits and reads it by what it holds.
    private func readContainer(bytes: [UInt8], path: String, hash: String) throws(ReaderError) -> Document {
        let archive = try Archive(bytes: bytes, limits: limits, path: path)
        switch try FormatSniffer.sniffContainer(archive) {
        case .format(.docx):
            let blocks = try DocxReader(archive: archive, path: path).read()
            return Document(path: path, format: .docx, contentHash: hash, blocks: blocks,
                            properties: PropertiesReader.core(Self.optionalPart("docProps/core.xml", of: archive)))
        case .format(.odt):
            let blocks = try OdtReader.read(archive: archive, path: path)
            return Document(path: path, format: .odt, contentHash: hash, blocks: blocks,
                            properties: PropertiesReader.office(Self.optionalPart("meta.xml", of: archive)))
        case let .unsupported(what):
            throw .unsupported(path: path, format: what)
        case .encrypted:
            throw .protected(path: path)
        case .zip, .format:
            throw .unsupported(path: path, format: "ZIP-archief zonder tekstdocument")
        }
    }

    /// A part that only gives properties: when it is missing, broken or over a limit, the
    /// document is read without them (its text is what counts).
    private static func optionalPart(_ name: String, of archive: Archive) -> XMLTree.Element? {
        do { return try archive.xml(name) } catch { return nil }
    }
}
