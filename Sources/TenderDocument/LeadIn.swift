/// What a block is read together with: a list item with the sentence that leads into the list, a
/// table row with the table's header row, an answer with its question. Rules match over the
/// lead-in and the block as one stretch of text ("Bij de aanmelding voegt u toe:" + "a. een kopie
/// van de VOG"), while a finding still points at the item, row or answer itself.
///
/// Decided from the blocks alone, so every reader benefits: Markdown and text lists and tables,
/// DOCX and ODT numbering (items carry a `label`) and tables, PDF paragraphs.
public enum LeadIn {
    /// The lead-in of every block: the index of the block it is read with, or nil. A lead-in can
    /// have a lead-in of its own (a nested list); `chain(of:in:)` follows them.
    public static func leadIns(of blocks: [Block]) -> [Int?] {
        var out = [Int?](repeating: nil, count: blocks.count)
        var tableHeader: Int?
        var listLeadIn: Int?
        for (i, block) in blocks.enumerated() {
            let text = trimmed(block.text)
            if case .heading = block.kind { tableHeader = nil; listLeadIn = nil; continue }
            // A table: its first row is the header every other row is read with. A row is a
            // Markdown row (`| a | b |`) or a DOCX/ODT row, its cells each closed by ` |`. A row
            // the reader marks as a table's first starts a new table even right after another.
            if block.kind == .tableCell, text.hasPrefix("|") || text.hasSuffix("|") {
                if !block.startsTable, let header = tableHeader { out[i] = header } else { tableHeader = i }
                continue
            }
            tableHeader = nil
            // An answer is read with the question just before it.
            if startsAnswer(text), i > 0, startsQuestion(trimmed(blocks[i - 1].text)) {
                out[i] = i - 1
                listLeadIn = nil
                continue
            }
            // Items after a sentence ending in a colon are read with that sentence, for as long as
            // items follow; a nested lead-in (an item ending in a colon) leads its own items.
            if isItem(block, text), let lead = listLeadIn {
                out[i] = lead
                if text.hasSuffix(":") { listLeadIn = i }
                continue
            }
            if text.hasSuffix(":") {
                // The next block is read with this one, whatever kind it is.
                listLeadIn = i
                if i + 1 < blocks.count, !isItem(blocks[i + 1], trimmed(blocks[i + 1].text)) {
                    out[i + 1] = i
                }
                continue
            }
            if out[i] == nil { listLeadIn = nil }
        }
        return out
    }

    /// The lead-ins of block `index`, outermost first.
    public static func chain(of index: Int, in leadIns: [Int?]) -> [Int] {
        var out: [Int] = []
        var seen = Set<Int>()
        var current = leadIns[index]
        while let c = current, seen.insert(c).inserted {
            out.insert(c, at: 0)
            current = leadIns[c]
        }
        return out
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }

    /// A list item: a list block, a block whose automatic number is a list mark, or a paragraph
    /// that starts with a list mark (`a.`, `b)`, `1.`, `-`, `•`). A clause number (`3.2`,
    /// `Artikel 4`), typed or automatic, is no list mark: such a clause is not an item of the
    /// sentence before it.
    static func isItem(_ block: Block, _ text: String) -> Bool {
        if let label = block.label {
            // A bullet from a symbol font (Wingdings ``) is a list mark of its own.
            let mark = trimmed(label)
            if mark.unicodeScalars.count == 1, let s = mark.unicodeScalars.first, !s.properties.isAlphabetic, !("0"..."9").contains(Character(s)) { return true }
            return startsWithListMark(mark + " ")
        }
        if block.kind == .listItem { return true }
        return startsWithListMark(text)
    }

    /// Whether `text` starts with a bullet or with one or two letters or digits and `.` or `)`
    /// (optionally in parentheses), then a space: `-`, `•`, `a.`, `1)`, `(2)`, `12.`.
    static func startsWithListMark(_ text: String) -> Bool {
        var scalars = Array(text.unicodeScalars.prefix(5))
        if scalars.first == "(" { scalars.removeFirst() }
        guard let first = scalars.first else { return false }
        if "-*•–·".unicodeScalars.contains(first) { return scalars.count > 1 && scalars[1] == " " }
        var k = 0
        while k < scalars.count, k < 3, scalars[k].properties.isAlphabetic || ("0"..."9").contains(Character(scalars[k])) { k += 1 }
        guard k > 0, k <= 2, k + 1 < scalars.count else { return false }
        return (scalars[k] == "." || scalars[k] == ")") && scalars[k + 1] == " "
    }

    /// The question each answer is read with (answer block → question block), and the questions
    /// whose answer begins with a refusal: "Vraag: Kan de betaaltermijn 60 dagen zijn?" ⏎
    /// "Antwoord: Nee, …". A question names what the provider asks; what is demanded is what the
    /// answer says: the question's demand when the answer grants it ("Ja."), nothing of it when
    /// the answer turns it down, and whatever the answer itself demands.
    public static func answers(of blocks: [Block], leadIns: [Int?]) -> (questionOfAnswer: [Int: Int], refused: Set<Int>) {
        var questionOfAnswer: [Int: Int] = [:]
        var refused = Set<Int>()
        // `leadIns` reads an answer with the block right before it when that is a question.
        for (i, lead) in leadIns.enumerated() where lead == i - 1 {
            let answer = trimmed(blocks[i].text)
            guard startsAnswer(answer), startsQuestion(trimmed(blocks[i - 1].text)) else { continue }
            questionOfAnswer[i] = i - 1
            if refuses(answer) { refused.insert(i - 1) }
        }
        return (questionOfAnswer, refused)
    }

    /// Whether an answer starts, after its label (`Antwoord:`, `Antwoord 3:`, `A:`), with "nee",
    /// "neen" or "no" as a word.
    static func refuses(_ answer: String) -> Bool {
        let head = String(answer.prefix(40)).lowercased()
        var rest = (afterLabel(Substring(head)) ?? Substring(head)).drop { $0.isWhitespace }
        for word in ["neen", "nee", "no"] where rest.hasPrefix(word) {
            rest = rest.dropFirst(word.count)
            return rest.first.map { !$0.isLetter && !$0.isNumber } ?? true
        }
        return false
    }

    /// Whether a line starts with a question or answer label: `Vraag:`, `Vraag 12:`, `Antwoord:`,
    /// `V:`, `A:` (any case). Plain text and Markdown start a new block there, as a word processor
    /// has a paragraph per question and per answer.
    public static func startsQuestionOrAnswerLabel(_ line: Substring) -> Bool {
        afterLabel(Substring(String(line.prefix(40)).lowercased())) != nil
    }

    /// The text after a question or answer label at the start of `lowercased` (a label, an
    /// optional number such as `12` or `3.1`, then a colon); nil when it starts with none.
    static func afterLabel(_ lowercased: Substring) -> Substring? {
        for label in ["vraag", "antwoord", "question", "answer", "v", "a"] where lowercased.hasPrefix(label) {
            let rest: Substring = lowercased.dropFirst(label.count).drop { $0 == " " }.drop { $0.isNumber || $0 == "." }.drop { $0 == " " }
            if rest.first == ":" { return rest.dropFirst() }
        }
        return nil
    }

    static func startsQuestion(_ text: String) -> Bool {
        let l = String(text.prefix(10)).lowercased()
        return l.hasPrefix("vraag") || l.hasPrefix("v:") || l.hasPrefix("question")
    }

    static func startsAnswer(_ text: String) -> Bool {
        let l = String(text.prefix(10)).lowercased()
        return l.hasPrefix("antwoord") || l.hasPrefix("a:") || l.hasPrefix("answer")
    }
}
