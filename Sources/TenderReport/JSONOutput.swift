/// A JSON writer for the report's fixed shapes: bytes appended to one buffer, laid out exactly as
/// Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` (or,
/// compact, with `[.sortedKeys, .withoutEscapingSlashes]`) lays out the same `Codable` values:
/// two spaces per level and `" : "` between key and value when pretty; `"` `\` and the C0 controls
/// escaped (`\b \f \n \r \t`, the others `\u00xx` in lower-case hex), `/` and everything else as
/// it is; a `Double` as its `description` without a trailing `.0`; nil optionals left out.
///
/// The writer does not sort: callers write an object's keys in the byte order of their UTF-8 (the
/// order `JSONEncoder` sorts them in on Linux), and sort dictionary keys with `sortedKeys(_:)`.
/// `JSONOutputTests` hold every shape to `JSONEncoder`'s bytes.
struct JSONOutput {
    private(set) var bytes: [UInt8] = []
    let pretty: Bool
    /// Spaces after every line break (the report's own indentation of a nested part).
    private let pad: Int
    private var level = 0
    /// For each open container: whether it has an element yet.
    private var started: [Bool] = []

    /// `indent`: spaces before the first line (unless `padFirstLine` is false: `between` writes
    /// them) and after every line break, as `JSONReport.encode` indents a value it places inside
    /// the report.
    init(pretty: Bool = true, indent: Int = 0, padFirstLine: Bool = true, reserve: Int = 4096) {
        self.pretty = pretty
        pad = indent
        bytes.reserveCapacity(reserve)
        started.reserveCapacity(16)
        if pretty && padFirstLine { spaces(indent) }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Containers

    mutating func openObject() { open(UInt8(ascii: "{")) }
    mutating func closeObject() { close(UInt8(ascii: "}")) }
    mutating func openArray() { open(UInt8(ascii: "[")) }
    mutating func closeArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        if pretty { newline() }
        level += 1
        started.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        level -= 1
        started.removeLast()
        if pretty {
            newline()
            spaces(2 * level)
        }
        bytes.append(bracket)
    }

    /// Before an element of an array or a member of an object: the separator and the indentation.
    private mutating func element() {
        if started[started.count - 1] {
            bytes.append(UInt8(ascii: ","))
            if pretty { newline() }
        } else {
            started[started.count - 1] = true
        }
        if pretty { spaces(2 * level) }
    }

    private mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        spaces(pad)
    }

    private mutating func spaces(_ n: Int) {
        for _ in 0..<n { bytes.append(UInt8(ascii: " ")) }
    }

    // MARK: Members

    /// An object member's key (a literal that needs no escaping), then its value is to follow.
    mutating func key(_ name: StaticString) {
        element()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        colon()
    }

    /// An object member's key from data (a dictionary's key), escaped.
    mutating func key(string name: String) {
        element()
        bytes.append(UInt8(ascii: "\""))
        escaped(name)
        colon()
    }

    /// Closes the key's quotes, then the separator.
    private mutating func colon() {
        bytes.append(UInt8(ascii: "\""))
        if pretty {
            bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: ":")); bytes.append(UInt8(ascii: " "))
        } else {
            bytes.append(UInt8(ascii: ":"))
        }
    }

    /// Writes `value` as an array element (call after `key` for a member's value: no separator).
    mutating func item() { element() }

    // MARK: Values (after `key`, or after `item()` in an array)

    mutating func value(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        escaped(s)
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func value(_ n: Int) {
        var d = n.description
        d.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func value(_ v: Double) {
        // JSONEncoder: the number's description, with a trailing ".0" removed (the values here are finite).
        var d = v.description
        if d.hasSuffix(".0") { d.removeLast(2) }
        d.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func value(_ b: Bool) {
        if b {
            bytes.append(contentsOf: [UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e")])
        } else {
            bytes.append(contentsOf: [UInt8(ascii: "f"), UInt8(ascii: "a"), UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "e")])
        }
    }

    /// An array of strings.
    mutating func value(_ list: [String]) {
        openArray()
        for s in list { item(); value(s) }
        closeArray()
    }

    /// The member `name: value` when `value` is not nil (as `encodeIfPresent` does).
    mutating func member(_ name: StaticString, _ v: String?) { if let v { key(name); value(v) } }
    mutating func member(_ name: StaticString, _ v: Int?) { if let v { key(name); value(v) } }
    mutating func member(_ name: StaticString, _ v: Double?) { if let v { key(name); value(v) } }
    mutating func member(_ name: StaticString, _ v: Bool?) { if let v { key(name); value(v) } }
    mutating func member(_ name: StaticString, _ v: [String]) { key(name); value(v) }

    /// Text between values that the report lays out itself (a separator), then the indentation
    /// of the next value's first line.
    mutating func between(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        if pretty { spaces(pad) }
    }

    private mutating func escaped(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            var mark = 0
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { i += 1; continue }
                if i > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i])) }
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(b >> 4)], hex[Int(b & 0xF)]])
                }
                i += 1
                mark = i
            }
            if n > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<n])) }
        }
    }

    /// A dictionary's keys in the order `JSONEncoder` writes them: by their UTF-8 bytes.
    static func sortedKeys<V>(_ d: [String: V]) -> [String] {
        d.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
