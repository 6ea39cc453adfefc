internal import CStemmer

/// The Snowball Dutch stemmer from libstemmer, behind a Swift API.
///
/// Not thread-safe (libstemmer keeps state per stemmer): make one per task. Stems are cached,
/// since a document repeats its words.
public final class DutchStemmer {
    // Safety: owned by this object; created in init, freed once in deinit, never shared.
    private let stemmer: OpaquePointer
    private var cache: [String: String] = [:]

    public init() {
        guard let s = sb_stemmer_new("dutch", "UTF_8") else {
            // libstemmer always ships "dutch"; without it the build itself is broken.
            preconditionFailure("libstemmer has no Dutch stemmer")
        }
        stemmer = s
    }

    deinit { sb_stemmer_delete(stemmer) }

    /// The stem of one lower-case word (`rapportages` → `rapportag`).
    public func stem(_ word: String) -> String {
        if let cached = cache[word] { return cached }
        var bytes = Array(word.utf8)
        let result: String = bytes.withUnsafeMutableBufferPointer { buffer in
            // Safety: sb_stemmer_stem returns a pointer into the stemmer's own buffer, valid until
            // the next call on this stemmer; it is copied into a String before returning.
            guard let out = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: out, count: length), as: UTF8.self)
        }
        if cache.count < 200_000 { cache[word] = result }
        return result
    }
}
