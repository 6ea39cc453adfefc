/// The date a document is judged by, with where it comes from. Resolved once per document by
/// `DocumentDate.resolve` (the engine calls it), in this order: `--date` on the command line,
/// then a date given for the document from outside it (sidecar metadata, an evaluation entry:
/// `Document.date`), then its own properties (eForms BT-05), then a dated line near its top
/// ("Datum: 12 maart 2024", "versie 1.2, 3 februari 2025"). No date: today's law applies.
public struct DocumentDate: Hashable, Sendable, Codable {
    public enum Source: String, Hashable, Sendable, Codable, CaseIterable {
        /// `--date` on the command line (or a date an evaluation entry gives).
        case option
        /// Sidecar metadata or a metadata table (a year).
        case metadata
        /// The document's own properties (eForms BT-05 `cbc:IssueDate`).
        case properties
        /// A dated line at the top of the document's text.
        case text

        public func label(english: Bool) -> String {
            switch self {
            case .option: return english ? "given date" : "opgegeven datum"
            case .metadata: return english ? "metadata" : "metadata"
            case .properties: return english ? "document properties" : "documenteigenschappen"
            case .text: return english ? "dated line in the document" : "datering in het document"
            }
        }
    }

    /// `yyyy-mm-dd`.
    public var day: String
    public var source: Source
    /// True when only the year is known (metadata): `day` is then 1 January of that year.
    public var yearOnly: Bool

    /// Nil when `day` is not a calendar date written `yyyy-mm-dd`.
    public init?(day: String, source: Source, yearOnly: Bool = false) {
        guard let valid = Self.validDay(day) else { return nil }
        self.day = valid
        self.source = source
        self.yearOnly = yearOnly
    }

    /// A year alone (metadata): 1 January of it.
    public init?(year: Int, source: Source) {
        guard (1900...2200).contains(year) else { return nil }
        self.init(day: "\(year)-01-01", source: source, yearOnly: true)
    }

    /// The date as reports show it: the day, or the year alone.
    public var shown: String { yearOnly ? String(day.prefix(4)) : day }

    /// `text` when it is a calendar date `yyyy-mm-dd` (years 1900–2200); else nil.
    public static func validDay(_ text: String) -> String? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ r: Range<Int>) -> Int? {
            var v = 0
            for i in r {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b[i]) else { return nil }
                v = v * 10 + Int(b[i] - UInt8(ascii: "0"))
            }
            return v
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return day(y, m, d)
    }

    /// `yyyy-mm-dd` for a real calendar day, else nil.
    static func day(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2200).contains(y), (1...12).contains(m), d >= 1 else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        guard d <= days else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// The document's date: `option` (`--date`), else `document.date` (given from outside the
    /// document), else its properties' issue date, else a dated line near its top; nil when
    /// none of them gives one.
    public static func resolve(option: DocumentDate?, document: Document) -> DocumentDate? {
        if let option { return option }
        if let given = document.date { return given }
        if let issued = document.properties.issued, let date = DocumentDate(day: issued, source: .properties) { return date }
        if let line = datedLine(in: document.blocks) { return DocumentDate(day: line, source: .text) }
        return nil
    }

    /// How far into the document a dated line is looked for: its first blocks, the part where a
    /// tender states its date and version.
    static let leadingBlocks = 12
    /// A dated line is short: a line of a clause that mentions a date is not the document's date.
    static let longestLine = 100

    /// The date of a dated line in the first blocks: a line that begins with a date label
    /// (`Datum`, `Versiedatum`, `Publicatiedatum`, `Datum publicatie`, `Vastgesteld op`,
    /// `d.d.`) or with `Versie <number>` and then holds a date (`12 maart 2024`, `12-03-2024`,
    /// `12/03/2024`, `2024-03-12`). Nothing else counts: the first such line wins.
    public static func datedLine(in blocks: [Block]) -> String? {
        for block in blocks.prefix(leadingBlocks) {
            for line in block.text.split(whereSeparator: \.isNewline) where line.count <= longestLine {
                let words = words(of: line.lowercased())
                guard let first = words.first else { continue }
                var rest = ArraySlice(words)
                if ["datum", "versiedatum", "publicatiedatum", "documentdatum", "d.d"].contains(first) {
                    rest = rest.dropFirst()
                    if rest.first == "publicatie" || rest.first == "document" || rest.first == "versie" { rest = rest.dropFirst() }
                } else if first == "vastgesteld", words.count > 1, words[1] == "op" {
                    rest = rest.dropFirst(2)
                } else if first == "versie", words.count > 1, words[1].first?.isNumber == true {
                    rest = rest.dropFirst(2)
                    if rest.first == "d.d" || rest.first == "van" { rest = rest.dropFirst() }
                } else {
                    continue
                }
                if let date = date(in: Array(rest)) { return date }
            }
        }
        return nil
    }

    /// Words of a line: letters, digits, `.`, `-` and `/` kept together; a word's trailing dots
    /// dropped (`d.d.` → `d.d`).
    static func words(of line: String) -> [String] {
        line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "/") })
            .map { w in var s = Substring(w); while s.last == "." { s.removeLast() }; return String(s) }
            .filter { !$0.isEmpty }
    }

    static let months: [String: Int] = [
        "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5,
        "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// The date the first words state, right after the label: `12 maart 2024`, `12-03-2024`,
    /// `12/03/2024`, `12.03.2024`, `2024-03-12`.
    static func date(in words: [String]) -> String? {
        guard let first = words.first else { return nil }
        if words.count >= 3, let d = Int(first), let m = months[words[1]], words[2].count == 4, let y = Int(words[2]) {
            return day(y, m, d)
        }
        for separator: Character in ["-", "/", "."] {
            let parts = first.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { continue }
            let n = parts.compactMap { Int($0) }
            guard n.count == 3 else { continue }
            if parts[0].count == 4 { return day(n[0], n[1], n[2]) }
            if parts[2].count == 4 { return day(n[2], n[1], n[0]) }
        }
        return nil
    }
}
