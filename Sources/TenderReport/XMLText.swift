/// Escaping for every XML tenderlint writes (Checkstyle, JUnit, the XLSX workbook, the redlined DOCX): the five entities, white space in
/// attributes as character references (so it survives attribute normalisation), and characters
/// XML 1.0 does not allow (most C0 controls, lone surrogates, U+FFFE/U+FFFF) replaced by U+FFFD.
public enum XMLText {
    /// `s` escaped for a double-quoted attribute value.
    public static func attribute(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(allowed(c) ? c : "\u{FFFD}")
            }
        }
        return out
    }

    /// `s` escaped for element content.
    public static func content(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(allowed(c) ? c : "\u{FFFD}")
            }
        }
        return out
    }

    /// Whether XML 1.0 allows `c` in a document.
    public static func allowed(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
