import TenderDocument
import TenderXML

/// Why a file could not be read. Every case renders as one line, `path: reason`.
public enum ReaderError: Error, Equatable, Sendable {
    /// A reader's reason in both languages, chosen when the message is rendered: no Dutch under
    /// `--lang en`, no English inside a Dutch message.
    public struct Reason: Equatable, Sendable {
        public var nl: String
        public var en: String
        public init(_ nl: String, en: String) { self.nl = nl; self.en = en }
        public func text(english: Bool) -> String { english ? en : nl }
    }

    case notFound(path: String)
    case unreadable(path: String, reason: Reason)
    /// A format tenderlint does not read (e.g. Word 97-2003 `.doc`), with the advice to give.
    case unsupported(path: String, format: String)
    /// Encrypted or password-protected input.
    case protected(path: String)
    /// A PDF with no text layer (a scan).
    case noText(path: String)
    /// A document (DOCX, ODT, FODT, XML, eForms) that reads without error but holds no text:
    /// reported, never linted as a clean tender.
    case noReadableText(path: String)
    /// Something in a folder that was not read: a subfolder that cannot be opened, a name that
    /// is not UTF-8, a FIFO or device.
    case skipped(path: String, reason: SkipReason)
    /// The file breaks its own format: a reason in the reader's words.
    case malformed(path: String, reason: Reason)
    /// An input limit was hit (size, entries, inflation ratio, depth).
    case limitExceeded(path: String, limit: Reason)
    /// An XML document, or an XML part of a container (`part`, e.g. `word/document.xml`), was
    /// refused: malformed, over a limit, or declaring a DTD or entities.
    case invalidXML(path: String, part: String?, error: XMLError)
    /// A helper program the format needs is not installed (e.g. `pdftotext` from `poppler-utils`).
    case toolMissing(path: String, tool: String, package: String)

    public var path: String {
        switch self {
        case let .notFound(p), let .unreadable(p, _), let .unsupported(p, _), let .protected(p),
             let .noText(p), let .noReadableText(p), let .malformed(p, _), let .limitExceeded(p, _), let .invalidXML(p, _, _),
             let .toolMissing(p, _, _), let .skipped(p, _):
            return p
        }
    }

    /// The one-line message, Dutch unless `english`.
    public func message(english: Bool = false) -> String {
        let reason: String
        switch self {
        case .notFound:
            reason = english ? "file not found" : "bestand niet gevonden"
        case let .unreadable(_, why):
            reason = english ? "cannot be read (\(why.en))" : "kan niet worden gelezen (\(why.nl))"
        case let .unsupported(_, format):
            reason = english ? "unsupported format: \(format)" : "niet ondersteund formaat: \(format)"
        case .protected:
            reason = english ? "the document is encrypted or password-protected" : "het document is versleuteld of met een wachtwoord beveiligd"
        case .noText:
            reason = english ? "the PDF has no text layer (scanned?); run OCR first" : "de PDF bevat geen tekstlaag (gescand?); maak eerst tekst met OCR"
        case let .skipped(_, why):
            switch why {
            case let .unreadableFolder(detail):
                reason = english ? "folder cannot be read (\(detail)); skipped" : "map kan niet worden gelezen (\(detail)); overgeslagen"
            case .nameNotUTF8:
                reason = english ? "file name is not valid UTF-8; skipped" : "bestandsnaam is geen geldige UTF-8; overgeslagen"
            case .notRegularFile:
                reason = english ? "not a regular file; skipped" : "geen gewoon bestand; overgeslagen"
            }
        case .noReadableText:
            reason = english ? "no readable text" : "geen leesbare tekst"
        case let .malformed(_, why):
            reason = english ? "malformed document: \(why.en)" : "beschadigd document: \(why.nl)"
        case let .limitExceeded(_, limit):
            reason = english ? "input limit exceeded: \(limit.en)" : "invoerlimiet overschreden: \(limit.nl)"
        case let .invalidXML(_, part, error):
            reason = (part.map { "\($0): " } ?? "") + error.message(english: english)
        case let .toolMissing(_, tool, package):
            reason = english
                ? "\(tool) not found; install \(package) (e.g. apt-get install \(package))"
                : "\(tool) niet gevonden; installeer \(package) (bijv. apt-get install \(package))"
        }
        return "\(PathText.escaped(path)): \(reason)"
    }
}

/// Why the folder walk passed something over.
public enum SkipReason: Equatable, Sendable {
    case unreadableFolder(String)
    case nameNotUTF8
    case notRegularFile
}

extension ReaderError: CustomStringConvertible {
    public var description: String { message() }
}
