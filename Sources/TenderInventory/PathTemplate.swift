/// Takes metadata from a document's path: `{region}/{municipality}/{year}/*` reads
/// `…/Utrecht/Zeist/2025/bestek.docx` as region Utrecht, municipality Zeist, year 2025.
///
/// The template is matched against the last components of the path (right-aligned), so it
/// works whatever folder the scan started from. A component may mix text, placeholders and `*`
/// (any text, also none): `{municipality}-{year}.*`. Placeholders: `{municipality}`, `{region}`,
/// `{year}` (four digits), `{procedure}`, and the Dutch `{gemeente}`, `{regio}`, `{jaar}`.
/// A path that does not fit the template gives no metadata.
public struct PathTemplate: Sendable, Hashable {
    /// One part of a component pattern.
    enum Token: Hashable, Sendable {
        case text(String)
        case field(String)
        case anything
    }

    static let fields: [String: String] = [
        "municipality": "municipality", "gemeente": "municipality",
        "region": "region", "regio": "region",
        "year": "year", "jaar": "year",
        "procedure": "procedure",
    ]

    /// The template as given.
    public let pattern: String
    let components: [[Token]]

    /// Parses `pattern`.
    /// - Throws: `InventoryError.template` for an unknown or unclosed placeholder, or a template
    ///   without any placeholder.
    public init(_ pattern: String, english: Bool = false) throws(InventoryError) {
        self.pattern = pattern
        var components: [[Token]] = []
        var placeholders = 0
        for part in pattern.split(separator: "/", omittingEmptySubsequences: true) {
            var tokens: [Token] = []
            var text = ""
            var rest = Substring(part)
            while let c = rest.first {
                rest = rest.dropFirst()
                switch c {
                case "*":
                    if !text.isEmpty { tokens.append(.text(text)); text = "" }
                    if tokens.last != .anything { tokens.append(.anything) }
                case "{":
                    guard let close = rest.firstIndex(of: "}") else {
                        throw .template(pattern: pattern, reason: english ? "'{' without '}'" : "'{' zonder '}'")
                    }
                    let name = String(rest[..<close])
                    guard let field = Self.fields[name] else {
                        let known = Self.fields.keys.sorted().map { "{\($0)}" }.joined(separator: ", ")
                        throw .template(pattern: pattern, reason: (english ? "unknown placeholder {\(name)}; known: " : "onbekende plaatshouder {\(name)}; bekend: ") + known)
                    }
                    if !text.isEmpty { tokens.append(.text(text)); text = "" }
                    tokens.append(.field(field))
                    placeholders += 1
                    rest = rest[rest.index(after: close)...]
                default:
                    text.append(c)
                }
            }
            if !text.isEmpty { tokens.append(.text(text)) }
            components.append(tokens)
        }
        guard placeholders > 0 else {
            throw .template(pattern: pattern, reason: english ? "no placeholder such as {municipality}" : "geen plaatshouder zoals {gemeente}")
        }
        self.components = components
    }

    /// The metadata that `path` yields, or an empty value when the path does not fit.
    public func metadata(for path: String) -> DocumentMetadata {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count >= components.count else { return DocumentMetadata() }
        var values: [String: String] = [:]
        for (tokens, part) in zip(components, parts.suffix(components.count)) {
            guard let found = Self.match(tokens[...], Substring(part), values) else { return DocumentMetadata() }
            values = found
        }
        return DocumentMetadata(municipality: values["municipality"], region: values["region"],
                                year: values["year"].flatMap { Int($0) }, procedure: values["procedure"])
    }

    /// Matches `tokens` against the whole of `text`; the captured fields, or `nil`. Placeholders
    /// take as little as they can (at least one character), so `{municipality}-{year}` splits at
    /// the first dash followed by a year.
    static func match(_ tokens: ArraySlice<Token>, _ text: Substring, _ values: [String: String]) -> [String: String]? {
        guard let token = tokens.first else { return text.isEmpty ? values : nil }
        let rest = tokens.dropFirst()
        switch token {
        case let .text(literal):
            guard text.hasPrefix(literal) else { return nil }
            return match(rest, text.dropFirst(literal.count), values)
        case .anything:
            var end = text.startIndex
            while true {
                if let found = match(rest, text[end...], values) { return found }
                guard end < text.endIndex else { return nil }
                end = text.index(after: end)
            }
        case let .field(name):
            guard !text.isEmpty else { return nil }
            var end = text.index(after: text.startIndex)
            while true {
                let value = String(text[..<end])
                if Self.accepts(name, value) {
                    var next = values
                    // The same field twice in a template must name the same thing.
                    if let earlier = next[name], earlier != value { return nil }
                    next[name] = value
                    if let found = match(rest, text[end...], next) { return found }
                }
                guard end < text.endIndex else { return nil }
                end = text.index(after: end)
            }
        }
    }

    static func accepts(_ field: String, _ value: String) -> Bool {
        field == "year" ? value.count == 4 && value.allSatisfy(\.isASCII) && value.allSatisfy(\.isNumber) : true
    }
}
