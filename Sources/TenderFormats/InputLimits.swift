import TenderXML

/// Bounds on untrusted input, checked in one place per concern: the file size here and in
/// `DocumentReader`, the archive bounds in `Archive`, the XML bounds in `TenderXML`, the PDF
/// bounds in `PdfText`.
public struct InputLimits: Sendable, Equatable {
    /// The largest file read at all, in bytes.
    public var maxFileBytes: Int
    /// The most entries a ZIP container (DOCX, ODT) may list.
    public var maxArchiveEntries: Int
    /// The most bytes inflated from one ZIP container, summed over the entries read; also the
    /// bound on the sum of the sizes all entries declare.
    public var maxInflatedBytes: Int
    /// The largest inflated-to-compressed size ratio accepted for an entry, once it inflates past
    /// `compressionRatioFloorBytes` (small entries of repetitive XML legitimately compress well).
    public var maxCompressionRatio: Int
    /// Entries that inflate to at most this many bytes are exempt from the ratio check.
    public var compressionRatioFloorBytes: Int
    /// Bounds for every XML document or ZIP part parsed; `xml.maxBytes` also bounds one
    /// inflated ZIP entry.
    public var xml: XMLLimits
    /// How long `pdftotext` may run, in seconds, before it is killed.
    public var pdfTimeoutSeconds: Double
    /// The most bytes of text `pdftotext` may write before it is killed.
    public var maxPDFTextBytes: Int

    public init(maxFileBytes: Int, maxArchiveEntries: Int = 10_000, maxInflatedBytes: Int = 256 * 1_048_576,
                maxCompressionRatio: Int = 100, compressionRatioFloorBytes: Int = 1_048_576,
                xml: XMLLimits = .default, pdfTimeoutSeconds: Double = 20, maxPDFTextBytes: Int = 32 * 1_048_576) {
        self.maxFileBytes = maxFileBytes
        self.maxArchiveEntries = maxArchiveEntries
        self.maxInflatedBytes = maxInflatedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.compressionRatioFloorBytes = compressionRatioFloorBytes
        self.xml = xml
        self.pdfTimeoutSeconds = pdfTimeoutSeconds
        self.maxPDFTextBytes = maxPDFTextBytes
    }

    /// Defaults sized for real tender documents: a 300-page PDF is about 5 MB, a 300-page DOCX
    /// has about 20 MB of XML that compresses 5 to 30 times, and pdftotext reads it in seconds.
    public static let `default` = InputLimits(maxFileBytes: 64 * 1_048_576)
}
