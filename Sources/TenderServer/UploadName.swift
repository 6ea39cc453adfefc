/// The display name of an uploaded file. The name a browser sends is only ever shown to the user
/// and passed to the reader as a label: it never names a file on this machine.
enum UploadName {
    /// The longest display name kept, in characters.
    static let maxLength = 100

    /// `raw` reduced to a harmless display name: its last path component, without control
    /// characters or characters that are special in file names, at most `maxLength`
    /// characters (keeping the extension), or `fallback` when nothing is left.
    static func sanitised(_ raw: String?, fallback: String = "document") -> String {
        guard let raw else { return fallback }
        // Browsers send only the base name, but old ones sent `C:\Users\…\concept.docx`.
        let base = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(base.unicodeScalars.filter { s in
            !(s.value < 0x20 || s.value == 0x7F || (0x80...0x9F).contains(s.value) || "<>:\"|?*".unicodeScalars.contains(s)
              || s.properties.generalCategory == .format)
        }.map(Character.init))
        name = String(name.drop { $0 == " " || $0 == "." })
        while name.hasSuffix(" ") || name.hasSuffix(".") { name.removeLast() }
        if name.count > maxLength {
            let ext = extensionOf(name)
            let keep = maxLength - ext.count - (ext.isEmpty ? 1 : 2)
            name = String(name.prefix(max(1, keep))) + "…" + (ext.isEmpty ? "" : "." + ext)
        }
        return name.isEmpty ? fallback : name
    }

    /// The extension of `name` (without the dot), or "".
    static func extensionOf(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        let ext = name[name.index(after: dot)...]
        return ext.count <= 10 ? String(ext) : ""
    }

    /// `name` restricted to ASCII letters, digits, `-`, `_` and `.`, for a download's
    /// `Content-Disposition` header.
    static func asciiFileName(_ name: String) -> String {
        let mapped = String(name.unicodeScalars.map { s -> Character in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "-" || s == "_" || s == ".") ? Character(s) : "_"
        })
        return mapped.isEmpty ? "document" : mapped
    }
}
