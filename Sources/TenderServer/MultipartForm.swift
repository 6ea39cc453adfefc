/// A parsed `multipart/form-data` body (RFC 7578), held in memory. Only what a browser form sends
/// is supported: parts with a `Content-Disposition: form-data` header, a name and optionally a
/// file name. Parsing is bounded: at most `maxParts` parts and `maxHeaderBytes` of headers each.
struct MultipartForm {
    /// One form field or uploaded file.
    struct Part {
        var name: String
        /// The file name the browser sent, unsanitised (see `UploadName`); nil for a plain field.
        var filename: String?
        var contentType: String?
        var data: ArraySlice<UInt8>

        var text: String { String(decoding: data, as: UTF8.self) }
    }

    /// Why a body is not a usable form; each case maps to a friendly 400 page.
    enum Failure: Error, Equatable {
        case noBoundary
        case malformed(String)
        case tooManyParts
    }

    var parts: [Part]

    static let maxParts = 16
    static let maxHeaderBytes = 8 * 1024

    /// The first part called `name`.
    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The boundary parameter of a `multipart/form-data` content type, or nil.
    static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingSpaces() }
        guard let type = pieces.first, type.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingSpaces().lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingSpaces()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            // RFC 2046: 1 to 70 characters.
            guard (1...70).contains(value.utf8.count) else { return nil }
            return value
        }
        return nil
    }

    /// Parses `body` split by `boundary`.
    init(body: [UInt8], boundary: String) throws(Failure) {
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        // The first delimiter may follow a preamble; later ones are always preceded by CRLF.
        guard var cursor = MultipartForm.find(delimiter, in: body, from: 0) else { throw .noBoundary }
        cursor += delimiter.count
        var parts: [Part] = []
        while true {
            if body[cursor...].starts(with: [45, 45]) { break }  // "--": the closing delimiter
            guard body[cursor...].starts(with: crlf) else { throw .malformed("geen regeleinde na de scheidingsregel") }
            cursor += 2
            guard let headerEnd = MultipartForm.find([13, 10, 13, 10], in: body, from: cursor, limit: MultipartForm.maxHeaderBytes) else {
                throw .malformed("kopregels van een onderdeel ontbreken of zijn te lang")
            }
            let headers = String(decoding: body[cursor..<headerEnd], as: UTF8.self)
            let dataStart = headerEnd + 4
            guard let next = MultipartForm.find(crlf + delimiter, in: body, from: dataStart) else {
                throw .malformed("het formulier houdt halverwege op")
            }
            guard parts.count < MultipartForm.maxParts else { throw .tooManyParts }
            var part = Part(name: "", filename: nil, contentType: nil, data: body[dataStart..<next])
            for line in headers.split(separator: "\r\n") {
                let pair = line.split(separator: ":", maxSplits: 1)
                guard pair.count == 2 else { continue }
                let field = pair[0].trimmingSpaces().lowercased()
                let value = pair[1].trimmingSpaces()
                if field == "content-disposition" {
                    let parameters = MultipartForm.parameters(value)
                    part.name = parameters["name"] ?? ""
                    part.filename = parameters["filename"]
                } else if field == "content-type" {
                    part.contentType = value
                }
            }
            parts.append(part)
            cursor = next + 2 + delimiter.count
            guard cursor <= body.count else { throw .malformed("het formulier houdt halverwege op") }
        }
        self.parts = parts
    }

    /// The `key=value` and `key="quoted value"` parameters of a header value, keys lowercased.
    static func parameters(_ value: String) -> [String: String] {
        var result: [String: String] = [:]
        var chars = Substring(value)
        // Skip the disposition type (`form-data`).
        guard let semicolon = chars.firstIndex(of: ";") else { return result }
        chars = chars[chars.index(after: semicolon)...]
        while !chars.isEmpty {
            chars = chars.drop { $0 == " " || $0 == "\t" || $0 == ";" }
            guard let equals = chars.firstIndex(of: "=") else { break }
            let key = chars[..<equals].trimmingSpaces().lowercased()
            chars = chars[chars.index(after: equals)...]
            var parsed = ""
            if chars.first == "\"" {
                // Browsers write `"` as `%22` inside the quotes and send backslashes as they are
                // (HTML's multipart encoding), so a backslash is an ordinary character here:
                // an old browser's `C:\Users\…\concept.docx` keeps its separators.
                chars = chars.dropFirst()
                let end = chars.firstIndex(of: "\"") ?? chars.endIndex
                parsed = String(chars[..<end])
                chars = end < chars.endIndex ? chars[chars.index(after: end)...] : chars[chars.endIndex...]
            } else {
                let end = chars.firstIndex(of: ";") ?? chars.endIndex
                parsed = chars[..<end].trimmingSpaces()
                chars = chars[end...]
            }
            if result[key] == nil { result[key] = parsed }
        }
        return result
    }

    /// The offset of the first `needle` in `haystack` at or after `start`, searching at most
    /// `limit` bytes when given.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, limit: Int? = nil) -> Int? {
        guard let first = needle.first, start <= haystack.count else { return nil }
        let end = limit.map { min(haystack.count, start + $0 + needle.count) } ?? haystack.count
        guard end - start >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { buffer -> Int? in
            var i = start
            let last = end - needle.count
            while i <= last {
                if buffer[i] == first {
                    var j = 1
                    while j < needle.count, buffer[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
