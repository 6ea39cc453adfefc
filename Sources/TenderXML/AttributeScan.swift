/// Counts the attributes of every start tag in the raw bytes, before libxml2 parses them.
///
/// libxml2 (2.9, Debian 12) checks an element's attributes for duplicates pairwise, before any
/// SAX callback could stop it: one element with 200,000 attributes costs about 50 seconds. This
/// scan is one linear pass over the bytes: it skips comments, CDATA sections, processing
/// instructions, declarations and end tags, and in a start tag counts the `=` signs outside
/// quoted values (each attribute has exactly one). It is a bound, not a parser: on malformed input
/// it may miscount, which at worst refuses a document libxml2 would have refused too, or lets
/// libxml2 report the error. Multi-byte encodings other than UTF-8 (UTF-16) still show the ASCII
/// markup bytes it looks for.
enum AttributeScan {
    static func check(_ buffer: UnsafeBufferPointer<UInt8>, limits: XMLLimits) throws(XMLError) {
        let n = buffer.count
        var i = 0
        var line = 1
        var total = 0
        let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), eq = UInt8(ascii: "="), nl = UInt8(ascii: "\n")
        let dq = UInt8(ascii: "\""), sq = UInt8(ascii: "'")

        /// Moves `i` past the next occurrence of `terminator`, counting lines; to the end if none.
        func skip(past terminator: [UInt8]) {
            while i < n {
                if buffer[i] == nl { line += 1 }
                if buffer[i] == terminator[0], i + terminator.count <= n {
                    var match = true
                    for k in 1..<terminator.count where buffer[i + k] != terminator[k] { match = false; break }
                    if match { i += terminator.count; return }
                }
                i += 1
            }
        }

        func starts(_ prefix: StaticString, at j: Int) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard j + count <= n else { return false }
            let p = prefix.utf8Start
            for k in 0..<count where buffer[j + k] != p[k] { return false }
            return true
        }

        while i < n {
            let c = buffer[i]
            if c == nl { line += 1; i += 1; continue }
            guard c == lt else { i += 1; continue }
            if starts("<!--", at: i) { i += 4; skip(past: Array("-->".utf8)); continue }
            if starts("<![CDATA[", at: i) { i += 9; skip(past: Array("]]>".utf8)); continue }
            if starts("<?", at: i) { i += 2; skip(past: Array("?>".utf8)); continue }
            if starts("</", at: i) || starts("<!", at: i) { i += 2; skip(past: [gt]); continue }
            // A start tag: count `=` outside quotes until the closing `>`.
            i += 1
            let tagLine = line
            var count = 0
            var quote: UInt8 = 0
            while i < n {
                let b = buffer[i]
                if b == nl { line += 1 }
                if quote != 0 {
                    if b == quote { quote = 0 }
                } else if b == dq || b == sq {
                    quote = b
                } else if b == eq {
                    count += 1
                    if count > limits.maxAttributesPerElement {
                        throw .tooManyAttributes(line: tagLine, limit: limits.maxAttributesPerElement, perElement: true)
                    }
                } else if b == gt || b == lt {
                    break
                }
                i += 1
            }
            if i < n, buffer[i] == gt { i += 1 }
            total += count
            if total > limits.maxAttributes {
                throw .tooManyAttributes(line: tagLine, limit: limits.maxAttributes, perElement: false)
            }
        }
    }
}
