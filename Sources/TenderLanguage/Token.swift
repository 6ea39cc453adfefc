/// A word or number of a normalised text.
///
/// Invariant: `range` is a UTF-8 range of the normalised text the token was read from.
public struct Token: Hashable, Sendable {
    public var range: Range<Int>
    /// The token as it stands in the normalised text (lower case, no diacritics).
    public var text: String
    /// Whether the token is all digits.
    public var isNumber: Bool

    public init(range: Range<Int>, text: String, isNumber: Bool) {
        self.range = range
        self.text = text
        self.isNumber = isNumber
    }
}

/// Splits normalised text into tokens: runs of letters or digits. Hyphens, apostrophes and
/// punctuation separate tokens (`hkz-certificaat` → `hkz`, `certificaat`).
public enum Tokenizer {
    public static func tokens(in bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 6)
        var i = 0
        var start = -1
        var allDigits = true
        func close(_ end: Int) {
            if start >= 0 {
                tokens.append(Token(range: start..<end, text: String(decoding: bytes[start..<end], as: UTF8.self), isNumber: allDigits))
                start = -1
                allDigits = true
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                let isDigit = b >= 48 && b <= 57
                let isLetter = (b >= 97 && b <= 122) || (b >= 65 && b <= 90)
                if isDigit || isLetter {
                    // A switch between digits and letters splits: "30dagen" → "30", "dagen".
                    if start >= 0, allDigits != isDigit { close(i) }
                    if start < 0 { start = i; allDigits = isDigit }
                } else {
                    close(i)
                }
                i += 1
                continue
            }
            // A multi-byte scalar: a letter unless it is a symbol such as € (E2 82 AC).
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            let scalarBytes = bytes[i..<min(i + length, bytes.count)]
            let scalar = String(decoding: scalarBytes, as: UTF8.self).unicodeScalars.first
            if let scalar, scalar.properties.isAlphabetic {
                if start >= 0, allDigits { close(i) }
                if start < 0 { start = i; allDigits = false }
            } else {
                close(i)
            }
            i += length
        }
        close(bytes.count)
        // The reserve is a guess; a block with many short words outgrew it and doubled the array.
        // Every token of a document is kept until it is linted, so the rest is given back.
        guard tokens.count + tokens.count / 8 < tokens.capacity else { return tokens }
        return Array(unsafeUninitializedCapacity: tokens.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: tokens)
        }
    }
}
