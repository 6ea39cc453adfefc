import TenderDocument
import TenderLanguage
import TenderLint
import TenderRules

/// A document read for comparison: its clauses as units and the lint findings of each clause.
public struct PreparedDocument: Sendable {
    public var path: String
    public var format: DocumentFormat
    public var warnings: [ReadWarning]
    public var units: [ClauseUnit]
    /// The active lint findings per unit (empty lists without an engine).
    public var findings: [[ClauseFinding]]
    /// The text of every block, to show words as written.
    var blockTexts: [String]

    /// A word as written in the document.
    func text(of word: Word) -> String {
        let utf8 = blockTexts[word.block].utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: word.rawRange.lowerBound)
        let upper = utf8.index(utf8.startIndex, offsetBy: word.rawRange.upperBound)
        return String(blockTexts[word.block][lower..<upper])
    }

    /// The municipality a document is named after: its file name without folder and extension.
    public var name: String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}

/// Compares documents with a standard, clause by clause (see `Aligner` for the alignment).
public struct Comparator: Sendable {
    /// The engine whose findings changed and added clauses carry; nil for none.
    public var engine: Engine?
    /// Renders the findings' titles and messages in the comparison's language.
    let text: FindingText?
    /// The alignment's settings.
    var aligner = Aligner()

    public init(engine: Engine?, language: Language = .nl) {
        self.engine = engine
        self.text = engine.map { FindingText(catalogue: $0.catalogue, language: language) }
    }

    /// Reads the clauses of `document` and lints it.
    public func prepare(_ document: Document) -> PreparedDocument {
        let stemmer = DutchStemmer()
        let units = ClauseUnits.units(of: document, stemmer: stemmer)
        var findings = [[ClauseFinding]](repeating: [], count: units.count)
        if let engine, let text {
            // The engine's clauses come from the same segmenter over the same blocks: the number and
            // heading path name the unit.
            var unitOf: [ClauseKey: Int] = [:]
            for u in units where unitOf[ClauseKey(number: u.number, headingPath: u.headingPath)] == nil {
                unitOf[ClauseKey(number: u.number, headingPath: u.headingPath)] = u.index
            }
            for finding in engine.lint(document).findings where finding.suppression == nil {
                if let u = unitOf[ClauseKey(number: finding.clauseNumber, headingPath: finding.headingPath)] {
                    findings[u].append(ClauseFinding(finding, text: text))
                }
            }
        }
        return PreparedDocument(path: document.path, format: document.format, warnings: document.warnings,
                                units: units, findings: findings, blockTexts: document.blocks.map(\.text))
    }

    private struct ClauseKey: Hashable {
        var number: String?
        var headingPath: [String]
    }

    /// The deviations of `document` from `standard`.
    public func compare(standard: PreparedDocument, document: PreparedDocument) -> DocumentComparison {
        let (a, b) = Aligner.inputs(standard.units, document.units)
        let matches = aligner.align(a, b)
        var pairedStandard = [Int?](repeating: nil, count: standard.units.count)
        var pairedDocument = [Int?](repeating: nil, count: document.units.count)
        for (k, m) in matches.enumerated() {
            for s in m.standard { pairedStandard[s] = k }
            for d in m.document { pairedDocument[d] = k }
        }

        // Sort keys: a deviation stands at its place in the document; a removed clause after the
        // document's counterpart of the standard clause before it.
        var keyed: [(key: (Int, Int, Int), deviation: Deviation)] = []
        var moved: [MovedClause] = []
        var kept = 0

        for m in matches {
            let words = (m.standard.flatMap { standard.units[$0].words }, m.document.flatMap { document.units[$0].words })
            let label = Comparator.label(standard.units[m.standard[0]])
            let diff = WordDiff.compare(words.0, words.1, textA: standard.text(of:), textB: document.text(of:), label: label)
            let sSide = side(standard, m.standard), dSide = side(document, m.document)
            if diff.same {
                kept += m.standard.filter { !standard.units[$0].isHeading }.count
                if m.moved { moved.append(MovedClause(standard: sSide, document: dSide)) }
                continue
            }
            let deviation = Deviation(kind: .changed, standard: sSide, document: dSide, similarity: Double(m.similarity),
                                      moved: m.moved, diff: diff.segments, numberChanges: diff.numbers,
                                      findings: m.document.flatMap { document.findings[$0] })
            keyed.append(((m.document[0], 0, m.standard[0]), deviation))
        }
        for group in Comparator.unpairedGroups(document.units, paired: pairedDocument.map { $0 != nil }) {
            let deviation = Deviation(kind: .added, standard: nil, document: side(document, group), similarity: nil,
                                      moved: false, diff: [], numberChanges: [], findings: group.flatMap { document.findings[$0] })
            keyed.append(((group[0], 0, -1), deviation))
        }
        for group in Comparator.unpairedGroups(standard.units, paired: pairedStandard.map { $0 != nil }) {
            // The document position: after the counterpart of the nearest paired standard clause before.
            var position = -1
            var s = group[0] - 1
            while s >= 0 {
                if let k = pairedStandard[s] { position = matches[k].document.max()!; break }
                s -= 1
            }
            let deviation = Deviation(kind: .removed, standard: side(standard, group), document: nil, similarity: nil,
                                      moved: false, diff: [], numberChanges: [], findings: [])
            keyed.append(((position, 1, group[0]), deviation))
        }
        keyed.sort { $0.key < $1.key }
        let deviations = keyed.map(\.deviation)
        let count: (DeviationKind) -> Int = { kind in deviations.filter { $0.kind == kind }.count }
        let burden = deviations.filter { $0.kind != .removed }
        let summary = ComparisonSummary(
            standardClauses: standard.units.filter { !$0.isHeading }.count, kept: kept,
            changed: count(.changed), added: count(.added), removed: count(.removed), moved: moved.count,
            hoursPerYear: burden.reduce(0) { $0 + $1.hoursPerYear }, eurosPerYear: burden.reduce(0) { $0 + $1.eurosPerYear })
        return DocumentComparison(path: document.path, format: document.format, deviations: deviations, moved: moved,
                                  summary: summary, warnings: document.warnings)
    }

    func side(_ document: PreparedDocument, _ clauses: [Int]) -> ClauseSide {
        let units = clauses.map { document.units[$0] }
        let numbers = units.compactMap(\.number)
        var number: String? = numbers.first
        // A split or merge names every clause; a collapsed article is named by its heading.
        if units.count > 1, !units[0].isHeading {
            var distinct: [String] = []
            for n in numbers where !distinct.contains(n) { distinct.append(n) }
            number = distinct.isEmpty ? nil : distinct.joined(separator: " + ")
        }
        return ClauseSide(number: number, headingPath: units[0].headingPath, location: units[0].location,
                          text: units.map(\.text).joined(separator: "\n"), clauses: clauses)
    }

    /// What a clause is about, for naming a changed number: the nearest heading with words, lower case.
    static func label(_ unit: ClauseUnit) -> String {
        for title in unit.headingPath.reversed() {
            let block = Block(kind: .paragraph, text: title, firstLine: 1)
            let utf8 = title.utf8
            let rest = String(title[utf8.index(utf8.startIndex, offsetBy: Segmenter.markerLength(of: block))...]).trimming(" \t#")
            if rest.contains(where: \.isLetter) { return rest.lowercased() }
        }
        return ""
    }

    /// The unpaired clauses in runs to report as one: a heading (or numbered clause) together with
    /// all the clauses under it when none of them is paired; any other unpaired clause on its own.
    static func unpairedGroups(_ units: [ClauseUnit], paired: [Bool]) -> [[Int]] {
        var groups: [[Int]] = []
        var i = 0
        while i < units.count {
            guard !paired[i] else { i += 1; continue }
            let path = units[i].headingPath
            var end = i + 1
            while end < units.count, units[end].headingPath.count > path.count,
                  Array(units[end].headingPath.prefix(path.count)) == path { end += 1 }
            if (i..<end).allSatisfy({ !paired[$0] }) {
                groups.append(Array(i..<end))
                i = end
            } else {
                groups.append([i])
                i += 1
            }
        }
        return groups
    }
}
