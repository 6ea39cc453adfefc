import TenderDocument
import TenderLint

/// Positions and paths as the CI formats (SARIF, GitHub, Checkstyle, JUnit) need them, worked
/// out from what a finding already carries; no document is read.
enum ReportPosition {
    /// The path as given, without a leading `./` (CI tools resolve it against the repository root).
    static func path(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./") { p = p.dropFirst(2) }
        return String(p)
    }

    /// `path` as a URI reference: relative paths stay relative, absolute ones become `file://`
    /// URIs; characters outside RFC 3986's path characters are percent-encoded as UTF-8.
    static func uri(_ path: String) -> String {
        let p = ReportPosition.path(path)
        var out = p.hasPrefix("/") ? "file://" : ""
        for byte in p.utf8 {
            let c = Character(UnicodeScalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/!$&'()*+,;=:@".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// The 1-based start and end (exclusive) columns of a finding in Unicode code points.
    ///
    /// `SourceLocation` counts characters (grapheme clusters); SARIF's `unicodeCodePoints` counts
    /// scalars. The two differ only for combining sequences and emoji, so the difference is
    /// counted in the excerpt from the start of the line up to each end of the match.
    static func codePointColumns(_ f: Finding) -> (start: Int, end: Int) {
        let start = f.start.column + extraScalars(in: f.excerpt, upTo: f.excerptRange.lowerBound)
        let end = f.end.column + extraScalars(in: f.excerpt, upTo: f.excerptRange.upperBound)
        return (start, end)
    }

    /// Scalars minus characters between the last line break before `offset` and `offset`.
    private static func extraScalars(in text: String, upTo offset: Int) -> Int {
        let utf8 = text.utf8
        guard offset > 0, offset <= utf8.count else { return 0 }
        let target = utf8.index(utf8.startIndex, offsetBy: offset)
        let head = text[..<target]
        let line = head.lastIndex(where: \.isNewline).map { head[head.index(after: $0)...] } ?? head
        return line.unicodeScalars.count - line.count
    }
}

extension String {
    /// The string with `0` in front up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
