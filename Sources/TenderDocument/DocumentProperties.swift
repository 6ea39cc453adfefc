/// What a document says about itself beside its text, as its own properties give it: an eForms
/// notice's buyer, issue date, title and CPV codes; the title in a DOCX's core properties or an
/// ODT's meta part. Every field is optional; the readers never guess.
public struct DocumentProperties: Hashable, Sendable, Codable {
    /// The title the document gives itself (eForms BT-21 at notice level, `dc:title`).
    public var title: String?
    /// The buyer's official name (eForms BT-500 of the organisation the contracting party names).
    public var buyer: String?
    /// The date the document was issued, `yyyy-mm-dd` (eForms BT-05 `cbc:IssueDate`, its zone dropped).
    public var issued: String?
    /// The main CPV codes (eForms BT-262, notice level then lots), eight digits, first seen first.
    public var cpv: [String]

    public init(title: String? = nil, buyer: String? = nil, issued: String? = nil, cpv: [String] = []) {
        self.title = Self.clean(title)
        self.buyer = Self.clean(buyer)
        self.issued = issued
        self.cpv = cpv
    }

    /// The year of `issued`.
    public var year: Int? {
        guard let issued, issued.count >= 4 else { return nil }
        return Int(issued.prefix(4))
    }

    public var isEmpty: Bool { self == DocumentProperties() }

    /// The eight digits of a CPV code written as `85311300` or with its check digit,
    /// `85311300-5`; nothing for anything else. The one CPV syntax of the readers and the
    /// metadata tables.
    public static func cpvDigits(_ text: String) -> String? {
        let code = Array(text.trimmingASCIIBlanks().utf8)
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard code.count == 8 || (code.count == 10 && code[8] == UInt8(ascii: "-") && isDigit(code[9])),
              code.prefix(8).allSatisfy(isDigit) else { return nil }
        return String(decoding: code.prefix(8), as: UTF8.self)
    }

    /// One line, blanks folded, at most 200 characters; nothing when only blanks are left.
    static func clean(_ value: String?) -> String? {
        guard let value else { return nil }
        let line = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return line.isEmpty ? nil : String(line.prefix(200))
    }
}

private extension String {
    func trimmingASCIIBlanks() -> Substring {
        var t = Substring(self)
        while let f = t.first, f == " " || f == "\t" || f == "\n" || f == "\r" { t.removeFirst() }
        while let l = t.last, l == " " || l == "\t" || l == "\n" || l == "\r" { t.removeLast() }
        return t
    }
}
