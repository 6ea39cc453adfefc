/// What the store remembers of a document between scans: enough to decide whether to skip it.
struct KnownDocument: Sendable {
    var id: Int64
    var contentHash: String
    var analysisKey: String
    var metadata: DocumentMetadata
    var metadataSource: String?
    /// The last attempt could not read the file.
    var failed: Bool
    /// The file was missing in an earlier scan.
    var deleted: Bool
}
