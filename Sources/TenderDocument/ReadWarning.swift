/// A problem a reader recovered from (bytes that were not valid text, pages without a text
/// layer), as data: reporters render it as one line `path: reason` in the report's language.
public struct ReadWarning: Hashable, Sendable, Codable {
    /// The path as the user gave it.
    public var path: String
    public var kind: Kind

    public enum Kind: Hashable, Sendable, Codable {
        /// No valid UTF-8 at all: the bytes were read as Windows-1252.
        case readAsWindows1252
        /// Invalid UTF-8 bytes replaced by U+FFFD; the first on `firstLine`.
        case invalidBytesReplaced(count: Int, firstLine: Int)
        /// UTF-16 text whose last byte is half a character, ignored.
        case utf16HalfCharacter
        /// A PDF of which some pages have no text layer (scanned?): those pages were not checked.
        case pagesWithoutText(empty: Int, pages: Int)
    }

    public init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// `path: reason`, in English or Dutch.
    public func message(english: Bool) -> String { path + ": " + reason(english: english) }

    public func reason(english en: Bool) -> String {
        switch kind {
        case .readAsWindows1252:
            return en ? "not valid UTF-8; read as Windows-1252" : "geen geldige UTF-8; gelezen als Windows-1252"
        case let .invalidBytesReplaced(count, line):
            return en ? "\(count) invalid byte(s) replaced by \u{FFFD} (the first on line \(line))"
                      : "\(count) ongeldige byte(s) vervangen door \u{FFFD} (eerste op regel \(line))"
        case .utf16HalfCharacter:
            return en ? "UTF-16 ends in half a character; ignored" : "UTF-16 eindigt in een half teken; genegeerd"
        case let .pagesWithoutText(empty, pages):
            return en ? "\(empty) of the \(pages) pages have no text layer (scanned?); those pages were not checked"
                      : "\(empty) van de \(pages) pagina's hebben geen tekstlaag (gescand?); die pagina's zijn niet gecontroleerd"
        }
    }
}
