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

    /// One line, blanks folded, at most 200 characters; nothing when only blanks are left.
    static func clean(_ value: String?) -> String? {
        guard let value else { return nil }
        let line = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return line.isEmpty ? nil : String(line.prefix(200))
    }
}
