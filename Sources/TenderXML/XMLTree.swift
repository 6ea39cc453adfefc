/// A parsed XML document as a plain Swift value: the root element and everything under it.
///
/// Comments, processing instructions and the XML declaration are dropped; CDATA sections become
/// text. Parse with `XMLTree.parse(_:limits:)`, the only way into libxml2 in the package.
public struct XMLTree: Sendable, Hashable {
    /// The document element.
    public var root: Element

    public init(root: Element) {
        self.root = root
    }

    /// Parses `bytes` as one XML document under `limits`.
    ///
    /// Never loads anything from the file system or the network: a `<!DOCTYPE>` with an internal
    /// subset or an external DTD is refused before any of it is read, and entities other than the
    /// five predefined ones and character references are errors.
    /// - Throws: `XMLError`, with a one-line reason.
    public static func parse(_ bytes: some Collection<UInt8>, limits: XMLLimits = .default) throws(XMLError) -> XMLTree {
        guard bytes.count <= limits.maxBytes else { throw .tooLarge(bytes: bytes.count, limit: limits.maxBytes) }
        let root: Element
        if let result = bytes.withContiguousStorageIfAvailable({ buffer in
            Result { () throws(XMLError) in try SAXParser.parse(buffer, limits: limits) }
        }) {
            root = try result.get()
        } else {
            root = try Array(bytes).withUnsafeBufferPointer { buffer throws(XMLError) in
                try SAXParser.parse(buffer, limits: limits)
            }
        }
        return XMLTree(root: root)
    }
}
