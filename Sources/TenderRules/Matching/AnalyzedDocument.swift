import TenderDocument
import TenderLanguage

/// A document prepared for matching: every block normalised, tokenised and stemmed once, with
/// sentence and clause numbers per token and the quantities found in it.
public struct AnalyzedDocument {
    public struct AnalyzedBlock {
        /// The normalised text the rules see: the block's lead-ins (`LeadIn`), then the block.
        public var normalized: NormalizedText
        /// How many UTF-8 bytes of the raw text behind `normalized` are lead-in before the
        /// block's own text starts (0 for most blocks).
        public var leadInLength: Int
        /// The raw text behind `normalized`: the lead-ins and the block's text.
        public var rawText: String
        public var tokens: [Token]
        /// Global sentence number of each token.
        var sentenceOfToken: [Int32]
        /// The end offsets of the block's sentences in `normalized.bytes`
        /// (`SentenceSplitter.sentenceEnds`), computed once per block.
        public var sentenceEnds: [Int]
        /// The global index of this block's first token.
        var tokenBase: Int
        public var quantities: [Quantity]
        /// The token index at which each quantity starts.
        var quantityTokens: [Int]
        public var clause: Int
    }

    public var document: Document
    public var clauses: [Clause]
    public var blocks: [AnalyzedBlock]
    public var sentenceCount: Int
    /// The question each answer block is read with, and the questions answered with a refusal
    /// (`LeadIn.answers`): a question's demand is reported at its answer, unless refused.
    public var questionOfAnswer: [Int: Int]
    public var refusedQuestions: Set<Int>
    /// The `WordKey` of each distinct token text, and its alternative keys (`rapportages` → also
    /// `rapportag`); a number is its own key. Keys depend on the text alone, so they are kept once
    /// per word of the document's vocabulary, not once per token (that was 24 bytes per token).
    var wordKeys: [String: (key: String, alternatives: [String])]

    /// Analyses `document` with `stemmer`.
    public init(_ document: Document, stemmer: DutchStemmer, segmenter: Segmenter = Segmenter()) {
        self.document = document
        self.clauses = segmenter.clauses(of: document.blocks)
        var clauseOfBlock = [Int](repeating: 0, count: document.blocks.count)
        for (c, clause) in clauses.enumerated() { for b in clause.blocks { clauseOfBlock[b] = c } }
        var blocks: [AnalyzedBlock] = []
        blocks.reserveCapacity(document.blocks.count)
        var sentence = 0
        var tokenBase = 0
        var wordKeys: [String: (key: String, alternatives: [String])] = [:]
        let leadIns = LeadIn.leadIns(of: document.blocks)
        (self.questionOfAnswer, self.refusedQuestions) = LeadIn.answers(of: document.blocks, leadIns: leadIns)
        for (b, block) in document.blocks.enumerated() {
            // A list item, table row or answer is read after its lead-ins, in one stretch of text.
            let chain = LeadIn.chain(of: b, in: leadIns)
            let prefix = chain.map { document.blocks[$0].text + " " }.joined()
            let rawText = prefix + block.text
            let normalized = NormalizedText(rawText)
            let tokens = Tokenizer.tokens(in: normalized.bytes)
            for t in tokens where wordKeys[t.text] == nil {
                wordKeys[t.text] = t.isNumber ? (t.text, []) : WordKey.keys(t.text, stemmer: stemmer)
            }
            let ends = SentenceSplitter.sentenceEnds(in: normalized.bytes)
            var sentenceOfToken: [Int32] = []
            sentenceOfToken.reserveCapacity(tokens.count)
            var e = 0
            for t in tokens {
                while e < ends.count - 1, t.range.lowerBound >= ends[e] { e += 1 }
                sentenceOfToken.append(Int32(sentence + e))
            }
            sentence += ends.count
            let quantities = QuantityScanner.quantities(in: normalized.bytes, tokens: tokens)
            // The first token ending after each quantity's start, by binary search over the tokens
            // (a scan per quantity made a long block quadratic).
            var quantityTokens: [Int] = []
            quantityTokens.reserveCapacity(quantities.count)
            for q in quantities {
                let t = tokens.partitioningIndex(where: { $0.range.upperBound > q.range.lowerBound })
                quantityTokens.append(t < tokens.count ? t : 0)
            }
            blocks.append(AnalyzedBlock(normalized: normalized, leadInLength: prefix.utf8.count, rawText: rawText, tokens: tokens,
                                        sentenceOfToken: sentenceOfToken, sentenceEnds: ends, tokenBase: tokenBase, quantities: quantities,
                                        quantityTokens: quantityTokens, clause: clauseOfBlock[b]))
            tokenBase += tokens.count
        }
        self.blocks = blocks
        self.sentenceCount = sentence
        self.wordKeys = wordKeys
    }
}
