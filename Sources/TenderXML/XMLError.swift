/// Why an XML document was not accepted. Every case renders as one line.
///
/// Lines and columns are 1-based, as libxml2 reports them; a column counts bytes of the input line.
public enum XMLError: Error, Equatable, Sendable {
    /// The document is not well-formed XML.
    case malformed(line: Int, column: Int, reason: String)
    /// The bytes are not valid in the document's encoding (UTF-8 unless it declares another).
    case invalidEncoding(line: Int, column: Int)
    /// Elements nest deeper than `XMLLimits.maxDepth`; `line` is the element that went too deep.
    case tooDeep(line: Int, limit: Int)
    /// The input is larger than `XMLLimits.maxBytes`.
    case tooLarge(bytes: Int, limit: Int)
    /// The document has more nodes than `XMLLimits.maxNodes`.
    case tooManyNodes(line: Int, limit: Int)
    /// An element has more attributes than `XMLLimits.maxAttributesPerElement` (`perElement`), or
    /// the document more than `XMLLimits.maxAttributes`; `line` is where the scan stopped.
    case tooManyAttributes(line: Int, limit: Int, perElement: Bool)
    /// A document type declaration that could declare entities or load a DTD, refused unread.
    case doctypeRefused(line: Int, reason: DoctypeReason)

    /// What made a `<!DOCTYPE …>` unacceptable.
    public enum DoctypeReason: Equatable, Sendable {
        /// An internal subset (`[ … ]`): the place where entities are declared (XXE, billion laughs).
        case internalSubset
        /// A reference to an external DTD by `SYSTEM` or `PUBLIC` identifier (a file or a URL).
        case externalDTD(systemID: String)
    }

    /// The one-line message, Dutch unless `english`.
    public func message(english: Bool = false) -> String {
        switch self {
        case let .malformed(line, column, reason):
            return english
                ? "malformed XML at line \(line), column \(column): \(reason)"
                : "ongeldige XML op regel \(line), kolom \(column): \(reason)"
        case let .invalidEncoding(line, column):
            return english
                ? "invalid UTF-8 (or bytes not in the declared encoding) at line \(line), column \(column)"
                : "ongeldige UTF-8 (of bytes buiten de opgegeven codering) op regel \(line), kolom \(column)"
        case let .tooDeep(line, limit):
            return english
                ? "XML nested deeper than \(limit) elements at line \(line)"
                : "XML dieper genest dan \(limit) elementen op regel \(line)"
        case let .tooLarge(bytes, limit):
            return english
                ? "XML of \(bytes) bytes is larger than the limit of \(limit) bytes"
                : "XML van \(bytes) bytes is groter dan de limiet van \(limit) bytes"
        case let .tooManyNodes(line, limit):
            return english
                ? "XML has more than \(limit) nodes (stopped at line \(line))"
                : "XML heeft meer dan \(limit) knopen (gestopt op regel \(line))"
        case let .tooManyAttributes(line, limit, true):
            return english
                ? "XML element with more than \(limit) attributes at line \(line)"
                : "XML-element met meer dan \(limit) attributen op regel \(line)"
        case let .tooManyAttributes(line, limit, false):
            return english
                ? "XML has more than \(limit) attributes (stopped at line \(line))"
                : "XML heeft meer dan \(limit) attributen (gestopt op regel \(line))"
        case let .doctypeRefused(line, .internalSubset):
            return english
                ? "DOCTYPE with an internal subset (entity declarations) refused at line \(line)"
                : "DOCTYPE met interne subset (entiteitdeclaraties) geweigerd op regel \(line)"
        case let .doctypeRefused(line, .externalDTD(systemID)):
            return english
                ? "DOCTYPE referring to an external DTD (\(systemID)) refused at line \(line); external files are never loaded"
                : "DOCTYPE met verwijzing naar externe DTD (\(systemID)) geweigerd op regel \(line); externe bestanden worden nooit geladen"
        }
    }
}

extension XMLError: CustomStringConvertible {
    public var description: String { message() }
}
