/// Escaping and safe links for the HTML reporter and the web page. Every piece of text that comes
/// from a document, a rule file or a request goes through `escape` before it reaches HTML.
public enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by entities: safe in element content and in quoted attributes.
    public static func escape(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // C0 controls other than tab and newline have no place in HTML text (NUL breaks parsers).
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{7F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `url` if it is an absolute `https` or `http` address without spaces or quotes, else nil:
    /// rule files are data, and a `javascript:` link must never become clickable.
    public static func safeLink(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0 == "\"" || $0 == "'" || $0 == "<" || $0 == ">" || $0 == "\\" }) else {
            return nil
        }
        return url
    }
}
