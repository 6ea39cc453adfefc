import TenderDocument

/// Turns the bytes of a text file into a string: UTF-8 (with or without BOM), UTF-16 with a BOM,
/// Windows-1252 when the bytes are clearly not UTF-8, and UTF-8 with replacement characters
/// (reported) when the bytes are broken.
enum TextDecoding {
    struct Decoded {
        var text: String
        /// The problems, without the path (the reader adds it).
        var warnings: [ReadWarning.Kind]
    }

    static func decode(_ bytes: [UInt8]) -> Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
                units.append(little ? a | (b << 8) : (a << 8) | b)
                i += 2
            }
            var warnings: [ReadWarning.Kind] = []
            if bytes.count % 2 == 1 { warnings.append(.utf16HalfCharacter) }
            return Decoded(text: String(decoding: units, as: UTF16.self), warnings: warnings)
        }
        let scan = scanUTF8(bytes)
        if scan.invalid == 0 { return Decoded(text: String(decoding: bytes, as: UTF8.self), warnings: []) }
        if scan.validMultibyte == 0 {
            return Decoded(text: windows1252(bytes), warnings: [.readAsWindows1252])
        }
        return utf8(bytes)
    }

    private static func utf8(_ bytes: [UInt8]) -> Decoded {
        let scan = scanUTF8(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        guard scan.invalid > 0 else { return Decoded(text: text, warnings: []) }
        return Decoded(text: text, warnings: [.invalidBytesReplaced(count: scan.invalid, firstLine: scan.firstInvalidLine)])
    }

    /// Counts valid multi-byte sequences and invalid bytes.
    static func scanUTF8(_ b: [UInt8]) -> (validMultibyte: Int, invalid: Int, firstInvalidLine: Int) {
        var i = 0, valid = 0, invalid = 0, line = 1, firstInvalidLine = 0
        while i < b.count {
            let c = b[i]
            if c == 0x0A { line += 1 }
            if c < 0x80 { i += 1; continue }
            var need = 0
            if c & 0xE0 == 0xC0, c >= 0xC2 { need = 1 } else if c & 0xF0 == 0xE0 { need = 2 } else if c & 0xF8 == 0xF0, c <= 0xF4 { need = 3 }
            var ok = need > 0 && i + need < b.count
            if ok { for k in 1...need where i + k >= b.count || b[i + k] & 0xC0 != 0x80 { ok = false } }
            if ok { valid += 1; i += need + 1 } else {
                if invalid == 0 { firstInvalidLine = line }
                invalid += 1; i += 1
            }
        }
        return (valid, invalid, firstInvalidLine)
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            scalars.append(UnicodeScalar(v) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
