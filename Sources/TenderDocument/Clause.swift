/// A numbered unit of a contract: an article, a sub-clause, a lid, a lettered item, an annex.
///
/// Invariant: `blocks` is a non-empty, contiguous range of indices into `Document.blocks`.
public struct Clause: Hashable, Sendable, Codable {
    /// The number as a person cites it: `Artikel 12`, `12.3`, `Artikel 12 lid 2`, `12.3 sub a`,
    /// `Bijlage 4`; nil for text before the first heading or number.
    public var number: String?
    /// The titles of the enclosing headings and this clause, outermost first,
    /// e.g. `["Hoofdstuk 3 Eisen", "Artikel 12 Verantwoording", "12.3"]`.
    public var headingPath: [String]
    /// The blocks of the document that belong to this clause.
    public var blocks: Range<Int>

    public init(number: String?, headingPath: [String], blocks: Range<Int>) {
        self.number = number
        self.headingPath = headingPath
        self.blocks = blocks
    }

    /// The heading path joined for display: `Artikel 12 Verantwoording › 12.3`.
    public var headingPathText: String { headingPath.joined(separator: " › ") }
}
