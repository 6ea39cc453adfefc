import Foundation
import TenderDocument

/// Recognises one tender in several files: the same text saved as DOCX, ODT, PDF or plain text,
/// or an identical copy under another name.
///
/// The words of the document (every block's automatic number and text, case- and accent-folded,
/// split at everything that is not a letter or digit; blocks that are only a number, such as a
/// PDF's page numbers, left out) are cut into overlapping shingles of `shingleWords` words. The
/// fingerprint is a MinHash signature of that set: for each of `size` fixed hash functions the
/// smallest hash over the shingles. The share of equal positions of two signatures estimates the
/// Jaccard similarity of the two shingle sets, so a PDF whose extraction breaks a few words
/// still matches its DOCX, while tenders that differ in more than a few sentences do not.
public struct TextFingerprint: Hashable, Sendable {
    public static let size = 64
    public static let shingleWords = 4
    /// Estimated similarity at or above which two documents are one tender.
    public static let threshold = 0.9

    public var values: [UInt64]

    public init(values: [UInt64]) { self.values = values }

    /// The fingerprint of a document as read.
    public static func of(_ document: Document) -> TextFingerprint {
        var words: [String] = []
        for block in document.blocks {
            let text = ((block.label ?? "") + " " + block.text)
                .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            var blockWords: [String] = []
            var word = ""
            for scalar in text.unicodeScalars {
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    word.unicodeScalars.append(scalar)
                } else if !word.isEmpty {
                    blockWords.append(word)
                    word = ""
                }
            }
            if !word.isEmpty { blockWords.append(word) }
            if blockWords.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.numericType != nil } }) { continue }
            words += blockWords
        }
        return of(words: words)
    }

    /// The fingerprint of a sequence of folded words.
    public static func of(words: [String]) -> TextFingerprint {
        var minima = [UInt64](repeating: .max, count: size)
        let n = shingleWords
        let shingles = words.count < n ? (words.isEmpty ? 0 : 1) : words.count - n + 1
        for start in 0..<shingles {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for word in words[start..<min(words.count, start + n)] {
                for byte in word.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
                h = (h ^ 0x20) &* 0x100_0000_01b3
            }
            for i in 0..<size {
                let v = mix(h ^ (UInt64(i + 1) &* 0x9e37_79b9_7f4a_7c15))
                if v < minima[i] { minima[i] = v }
            }
        }
        return TextFingerprint(values: minima)
    }

    /// SplitMix64's finaliser: a fixed, well-spread hash (Swift's `Hasher` is seeded per process).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The estimated Jaccard similarity of the two documents' shingle sets (0…1).
    public func similarity(_ other: TextFingerprint) -> Double {
        guard values.count == other.values.count, !values.isEmpty else { return 0 }
        return Double(zip(values, other.values).filter { $0 == $1 }.count) / Double(values.count)
    }

    /// As stored: 16 hex digits per value.
    public var text: String {
        values.map { v in let s = String(v, radix: 16); return String(repeating: "0", count: 16 - s.count) + s }.joined()
    }

    /// Reads `text`; nil when it is not a stored fingerprint.
    public init?(text: String) {
        guard text.utf8.count == Self.size * 16 else { return nil }
        var values: [UInt64] = []
        var index = text.startIndex
        for _ in 0..<Self.size {
            let end = text.index(index, offsetBy: 16)
            guard let v = UInt64(text[index..<end], radix: 16) else { return nil }
            values.append(v)
            index = end
        }
        self.values = values
    }
}
