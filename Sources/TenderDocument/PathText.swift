/// A file path as it may be printed on a terminal or in a one-line message.
public enum PathText {
    /// `path` with control characters escaped: a newline in a file name cannot break a message
    /// into two lines, and an escape sequence (`ESC [ 2 J`) cannot reach the terminal. Backslashes
    /// are doubled only where they would make an escape ambiguous (`\n` in the name itself).
    /// A path without control characters is returned unchanged.
    public static func escaped(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: needsEscape) else { return path }
        var out = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\\": out += "\\\\"
            case _ where needsEscape(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += scalar.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex : "\\u{\(hex)}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 and C1 control characters, DEL, and the bidirectional overrides that reorder what a
    /// terminal shows.
    private static func needsEscape(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || (0x202A...0x202E).contains(s.value)
            || (0x2066...0x2069).contains(s.value)
    }
}
