import TenderDocument

/// The whole text of a document arranged by clause, for pages that show every clause and not
/// only the ones with findings (the web page). The CLI's `--format html` works without it.
///
/// Invariant: sections are in reading order and together hold every block of the document once.
public struct DocumentOutline: Sendable {
    /// One clause with its blocks as read.
    public struct Section: Sendable {
        /// The clause number as a person cites it, nil before the first heading.
        public var number: String?
        public var headingPath: [String]
        public var blocks: [Block]

        public init(number: String?, headingPath: [String], blocks: [Block]) {
            self.number = number
            self.headingPath = headingPath
            self.blocks = blocks
        }
    }

    public var sections: [Section]

    public init(sections: [Section]) {
        self.sections = sections
    }

    /// The outline of `document` by the clauses the engine found in it (`DocumentResult.clauses`).
    public init(_ document: Document, clauses: [Clause]) {
        // -1: a block no clause claims (the segmenter promises none, but the page must show it).
        var clauseOfBlock = [Int](repeating: -1, count: document.blocks.count)
        for (c, clause) in clauses.enumerated() {
            for b in clause.blocks where document.blocks.indices.contains(b) { clauseOfBlock[b] = c }
        }
        var sections: [Section] = []
        var current = -2
        for (b, block) in document.blocks.enumerated() {
            let c = clauseOfBlock[b]
            if c != current || sections.isEmpty {
                current = c
                let clause = c >= 0 ? clauses[c] : nil
                sections.append(Section(number: clause?.number, headingPath: clause?.headingPath ?? [], blocks: []))
            }
            sections[sections.count - 1].blocks.append(block)
        }
        self.sections = sections
    }
}
