/// Bounds on one untrusted XML document, checked while it is parsed (not after).
///
/// The parser stops at the first node past a bound, so a hostile document costs at most the work
/// up to that node.
public struct XMLLimits: Sendable, Equatable {
    /// The largest input accepted, in bytes, checked before parsing starts.
    public var maxBytes: Int
    /// The deepest element nesting accepted; the root element is at depth 1.
    public var maxDepth: Int
    /// The most nodes (elements plus text nodes) accepted in one document.
    public var maxNodes: Int
    /// The most attributes (namespace declarations included) on one element, checked before
    /// libxml2 sees the document: libxml2 2.9 compares an element's attributes pairwise for
    /// duplicates, so 200,000 attributes on one element cost it most of a minute.
    public var maxAttributesPerElement: Int
    /// The most attributes in the whole document, checked with the per-element bound.
    public var maxAttributes: Int

    public init(maxBytes: Int, maxDepth: Int, maxNodes: Int, maxAttributesPerElement: Int = 512,
                maxAttributes: Int = 4_000_000) {
        // libxml2 takes the input length as a C int.
        precondition(maxBytes > 0 && maxBytes <= Int(Int32.max), "maxBytes must fit a C int")
        precondition(maxDepth > 0 && maxNodes > 0 && maxAttributesPerElement > 0 && maxAttributes > 0,
                     "limits must be positive")
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxAttributes = maxAttributes
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// Sized for real tender documents: a 300-page DOCX body is about 20 MB of XML, nests tables
    /// up to about 40 elements deep and has well under a million nodes; its root element, the
    /// one with the most attributes, has about 40 namespace declarations.
    public static let `default` = XMLLimits(maxBytes: 64 * 1_048_576, maxDepth: 256, maxNodes: 2_000_000)
}
