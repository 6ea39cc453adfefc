/// A document's rows as one scan task produced them, ready for the single writer.
struct DocumentAnalysis: Sendable {
    var document: DocumentRecord
    var findings: [FindingRecord]
}
