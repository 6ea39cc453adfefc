import Foundation

/// Text that repeats on every page rather than belonging to the document's content: running
/// headers and footers, and page numbers. Used by the PDF reader (which must find them) and the
/// word-processing readers (which drop a header or footer that is only a page number).
enum RunningLine {
    /// The line with its digits folded, to recognise `Pagina 3` and `Pagina 4` as the same line.
    static func key(_ text: String) -> String {
        var out = ""
        var lastDigit = false
        for c in text.lowercased() where !c.isWhitespace {
            if c.isNumber {
                if !lastDigit { out.append("#") }
                lastDigit = true
            } else {
                out.append(c)
                lastDigit = false
            }
        }
        return out
    }

    /// `3`, `- 3 -`, `3/12`, `pagina 3`, `blz. 3 van 12`, `page 3 of 12`.
    static func isPageNumber(_ text: String) -> Bool {
        let key = key(text)
        let stripped = key.trimmingCharacters(in: CharacterSet(charactersIn: "-–—|()[]"))
        for prefix in ["", "pagina", "page", "blz.", "blz", "p.", "pag."] {
            guard stripped.hasPrefix(prefix) else { continue }
            let rest = stripped.dropFirst(prefix.count)
            if ["#", "#/#", "#van#", "#of#", "#-#"].contains(String(rest)) { return true }
        }
        return false
    }
}
