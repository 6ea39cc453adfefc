/// Why an XML document was not accepted. Every case renders as one line.
///
/// Lines and columns are 1-based, as libxml2 reports them; a column counts bytes of the input line.
public enum XMLError: Error, Equatable, Sendable {
    /// The document is not well-formed XML.
    case malformed(line: Int, column: Int, reason: MalformedReason)
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
                ? "malformed XML at line \(line), column \(column): \(reason.text(english: true))"
                : "ongeldige XML op regel \(line), kolom \(column): \(reason.text(english: false))"
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

/// Why a document is not well-formed. libxml2's errors keep its message (English, with the names
/// it found) for English reports; Dutch reports name the problem in Dutch by libxml2's error
/// code, so no English library text appears inside a Dutch message.
public enum MalformedReason: Equatable, Sendable {
    /// No bytes, or only white space.
    case empty
    /// The input has no root element.
    case noRootElement
    /// libxml2 could not create a parser (out of memory).
    case parserUnavailable
    /// libxml2 stopped without saying why.
    case unknown
    /// An error libxml2 reported: its kind (by error code) and its message's first line.
    case libxml2(Kind, code: Int, message: String)

    /// The errors of hand-edited or damaged documents that are named in Dutch.
    public enum Kind: Equatable, Sendable {
        case startTagExpected, documentEmpty, extraContent, invalidCharacter, entityWithoutSemicolon,
             undefinedEntity, unclosedString, ltInAttribute, attributeNotQuoted, attributeNotFinished,
             attributeWithoutValue, attributeRedefined, commentNotFinished, cdataNotFinished, nameRequired,
             startTagNotFinished, endTagExpected, tagMismatch, unclosedElement, undefinedNamespacePrefix,
             unknownEncoding, encodingConversion, other
    }

    public func text(english: Bool) -> String {
        switch self {
        case .empty: return english ? "empty document" : "leeg document"
        case .noRootElement: return english ? "no root element" : "geen wortelelement"
        case .parserUnavailable: return english ? "libxml2 could not create a parser" : "libxml2 kon geen parser maken"
        case .unknown: return english ? "unknown parse error" : "onbekende parseerfout"
        case let .libxml2(kind, code, message):
            if english { return message }
            switch kind {
            case .startTagExpected: return "begintag verwacht, geen '<' gevonden"
            case .documentEmpty: return "leeg document"
            case .extraContent: return "inhoud na het einde van het document"
            case .invalidCharacter: return "teken dat in XML niet is toegestaan"
            case .entityWithoutSemicolon: return "entiteitsverwijzing zonder ';' (een losse '&'? schrijf &amp;)"
            case .undefinedEntity: return "entiteit die niet is gedeclareerd"
            case .unclosedString: return "aanhalingstekens die niet worden gesloten"
            case .ltInAttribute: return "'<' in een attribuutwaarde"
            case .attributeNotQuoted: return "attribuutwaarde zonder aanhalingstekens"
            case .attributeNotFinished: return "attribuutwaarde die niet wordt afgesloten"
            case .attributeWithoutValue: return "attribuut zonder waarde"
            case .attributeRedefined: return "attribuut dat twee keer in één element staat"
            case .commentNotFinished: return "commentaar dat niet wordt gesloten"
            case .cdataNotFinished: return "CDATA-sectie die niet wordt gesloten"
            case .nameRequired: return "naam verwacht (van een element of een entiteit)"
            case .startTagNotFinished: return "begintag die niet wordt afgesloten met '>'"
            case .endTagExpected: return "eindtag '</' verwacht"
            case .tagMismatch: return "eindtag past niet bij de begintag"
            case .unclosedElement: return "het document houdt op in een element dat nog open is"
            case .undefinedNamespacePrefix: return "voorvoegsel van een naamruimte dat niet is gedeclareerd"
            case .unknownEncoding: return "een tekencodering die niet wordt ondersteund"
            case .encodingConversion: return "bytes die niet in de opgegeven tekencodering kunnen worden omgezet"
            case .other: return "XML-fout \(code) van libxml2"
            }
        }
    }
}

extension XMLError: CustomStringConvertible {
    public var description: String { message() }
}
