/// The input formats tenderlint reads.
public enum DocumentFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case text, markdown, docx, odt, fodt, xml, eforms, pdf
}

/// A document as read: where it came from and its blocks in reading order.
public struct Document: Sendable, Codable {
    /// The path as the user gave it (used in every report line).
    public var path: String
    public var format: DocumentFormat
    /// A hex SHA-256 of the file's bytes, used to skip unchanged files and key baselines.
    public var contentHash: String
    public var blocks: [Block]
    /// Problems the reader recovered from (e.g. bytes that were not valid text).
    public var warnings: [ReadWarning]
    /// What the file says about itself (title, buyer, date, CPV), where its format holds it.
    public var properties: DocumentProperties
    /// A date given for the document from outside its file (sidecar metadata, an evaluation
    /// entry); the engine resolves the date it judges by once (`DocumentDate.resolve`).
    public var date: DocumentDate?

    public init(path: String, format: DocumentFormat, contentHash: String, blocks: [Block], warnings: [ReadWarning] = [],
                properties: DocumentProperties = DocumentProperties(), date: DocumentDate? = nil) {
        self.date = date
        self.path = path
        self.format = format
        self.contentHash = contentHash
        self.blocks = blocks
        self.warnings = warnings
        self.properties = properties
    }
}
