import TenderDocument
import TenderRules

/// One wording of a clause in a region, and the documents that use it.
public struct RegionVariant: Hashable, Sendable, Codable {
    /// The text as written in the first document that uses it.
    public var text: String
    public var documents: [String]
    /// The clause number in each of `documents`, in the same order.
    public var clauses: [String?]
    /// The findings of the clause in the first document that uses it.
    public var findings: [ClauseFinding]
    public var hoursPerYear: Double { findings.reduce(0) { $0 + $1.hoursPerYear } }
}

/// Equivalent clauses across the documents of a region.
public struct ClauseGroup: Hashable, Sendable, Codable {
    /// The number and headings of the clause in the first document that has it.
    public var number: String?
    public var headingPath: [String]
    /// The wordings, most used first.
    public var variants: [RegionVariant]
    /// The documents without this clause.
    public var absent: [String]
    /// The index of the majority wording in `variants`; nil when most documents lack the clause.
    public var majority: Int?
    /// Every document has the clause in one wording.
    public var isUnanimous: Bool { variants.count == 1 && absent.isEmpty }
}

/// A document's deviation from the majority of its region.
public struct RegionDeviation: Hashable, Sendable, Codable {
    public var kind: DeviationKind
    /// The index of the group in `RegionResult.groups`.
    public var group: Int
    /// The clause number in the document (nil for a removed clause), and in the majority's first document.
    public var clause: String?
    public var majorityClause: String?
    public var findings: [ClauseFinding]
    public var hoursPerYear: Double { findings.reduce(0) { $0 + $1.hoursPerYear } }
    public var eurosPerYear: Double { findings.reduce(0) { $0 + $1.eurosPerYear } }
    /// As for a deviation from a standard: a missing clause is a warning, another or extra one has
    /// the highest severity of its findings (advice without any).
    public var severity: Severity { kind == .removed ? .warning : findings.map(\.severity).max() ?? .info }
}

/// A document of the region with its deviations from the majority wording.
public struct Deviator: Hashable, Sendable, Codable {
    public var path: String
    /// The municipality: the file name without extension.
    public var name: String
    public var deviations: [RegionDeviation]
    public var hoursPerYear: Double { deviations.reduce(0) { $0 + $1.hoursPerYear } }
    public var eurosPerYear: Double { deviations.reduce(0) { $0 + $1.eurosPerYear } }
}

/// `tenderlint compare DIR`: a region's documents compared with one another.
public struct RegionResult: Sendable {
    public var documents: [String]
    /// Groups of equivalent clauses in document order; headings are left out.
    public var groups: [ClauseGroup]
    /// Documents with at least one deviation, the heaviest burden first.
    public var deviators: [Deviator]
    public var errors: [String]
    public var tariff: Double

    public init(documents: [String], groups: [ClauseGroup], deviators: [Deviator], errors: [String] = [], tariff: Double = 54) {
        self.documents = documents
        self.groups = groups
        self.deviators = deviators
        self.errors = errors
        self.tariff = tariff
    }
}

/// Groups the clauses of several documents without a standard: the first document's clauses are the
/// first groups; every next document is aligned with the groups so far (as with a standard), its
/// paired clauses join their group and the others open new groups at their place.
enum Region {
    struct Member {
        var document: Int
        var units: [Int]
    }

    static func compare(_ documents: [PreparedDocument]) -> RegionResult {
        guard !documents.isEmpty else { return RegionResult(documents: [], groups: [], deviators: []) }
        // Each document's own name counts as a placeholder, with `de gemeente` before it, so the
        // municipality's name filled into a shared text is no variant.
        let prepared = documents.map(withNamePlaceholders)
        var members: [[Member]] = []
        var representative: [ClauseUnit] = []
        var order: [Int] = []
        for u in prepared[0].units {
            members.append([Member(document: 0, units: [u.index])])
            representative.append(u)
            order.append(members.count - 1)
        }
        for k in prepared.indices.dropFirst() {
            let reps = order.map { representative[$0] }
            let (a, b) = Aligner.inputs(reps, prepared[k].units)
            var groupOf = [Int?](repeating: nil, count: prepared[k].units.count)
            for m in Aligner().align(a, b) {
                let g = order[m.standard[0]]
                members[g].append(Member(document: k, units: m.document))
                for d in m.document { groupOf[d] = g }
            }
            var cursor = -1
            for u in prepared[k].units {
                if let g = groupOf[u.index] {
                    cursor = order.firstIndex(of: g) ?? cursor
                    continue
                }
                members.append([Member(document: k, units: [u.index])])
                representative.append(u)
                order.insert(members.count - 1, at: cursor + 1)
                cursor += 1
            }
        }

        var groups: [ClauseGroup] = []
        var deviations = [[RegionDeviation]](repeating: [], count: documents.count)
        for g in order where !representative[g].isHeading {
            var variants: [(words: [Word], doc: Int, variant: RegionVariant)] = []
            var variantOf: [Int: Int] = [:]
            for member in members[g] {
                let doc = prepared[member.document]
                let words = member.units.flatMap { doc.units[$0].words }
                let number = doc.units[member.units[0]].number
                if let v = variants.firstIndex(where: { Region.sameWording($0.words, words) }) {
                    variants[v].variant.documents.append(doc.path)
                    variants[v].variant.clauses.append(number)
                    variantOf[member.document] = v
                } else {
                    let text = member.units.map { doc.units[$0].text }.joined(separator: "\n")
                    variants.append((words, member.document, RegionVariant(text: text, documents: [doc.path], clauses: [number],
                                                                            findings: member.units.flatMap { doc.findings[$0] })))
                    variantOf[member.document] = variants.count - 1
                }
            }
            let present = Set(members[g].map(\.document))
            let absent = prepared.indices.filter { !present.contains($0) }
            // Most used first; ties in order of appearance.
            let ranked = variants.indices.sorted { (variants[$0].variant.documents.count, -$0) > (variants[$1].variant.documents.count, -$1) }
            let rank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0) })
            let top = ranked.first.map { variants[$0].variant.documents.count } ?? 0
            let majority: Int? = top >= absent.count ? 0 : nil
            let first = prepared[members[g][0].document].units[members[g][0].units[0]]
            let group = ClauseGroup(number: first.number, headingPath: first.headingPath,
                                    variants: ranked.map { variants[$0].variant }, absent: absent.map { prepared[$0].path },
                                    majority: majority)
            let index = groups.count
            groups.append(group)
            let majorityClause = majority.map { group.variants[$0].clauses[0] } ?? nil
            for d in prepared.indices {
                if let v = variantOf[d] {
                    guard rank[v] != majority else { continue }
                    let member = members[g].first { $0.document == d }!
                    let kind: DeviationKind = majority == nil ? .added : .changed
                    deviations[d].append(RegionDeviation(kind: kind, group: index, clause: prepared[d].units[member.units[0]].number,
                                                         majorityClause: majorityClause,
                                                         findings: member.units.flatMap { prepared[d].findings[$0] }))
                } else if majority != nil {
                    deviations[d].append(RegionDeviation(kind: .removed, group: index, clause: nil, majorityClause: majorityClause, findings: []))
                }
            }
        }
        let deviators = prepared.indices.filter { !deviations[$0].isEmpty }
            .map { Deviator(path: prepared[$0].path, name: prepared[$0].name, deviations: deviations[$0]) }
            .sorted { ($0.hoursPerYear, $0.deviations.count, $1.name) > ($1.hoursPerYear, $1.deviations.count, $0.name) }
        return RegionResult(documents: documents.map(\.path), groups: groups, deviators: deviators)
    }

    /// Whether two wordings are the same: equal words, or equal but for placeholders filled in
    /// (only then is the word diff needed: without a placeholder, other words are another wording).
    static func sameWording(_ a: [Word], _ b: [Word]) -> Bool {
        if a.count == b.count, zip(a, b).allSatisfy({ $0.key == $1.key }) { return true }
        guard a.contains(where: \.isPlaceholder) else { return false }
        return WordDiff.compare(a, b, textA: { w in w.key }, textB: { w in w.key }, label: "").same
    }

    /// The document with the words of its own name (from the file name) read as one placeholder.
    static func withNamePlaceholders(_ document: PreparedDocument) -> PreparedDocument {
        let generic: Set<String> = ["gemeente", "de", "van", "het", "contract", "overeenkomst", "addendum", "concept", "versie"]
        let nameWords = Set(document.name.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
            .subtracting(generic).filter { $0.count >= 3 }
        guard !nameWords.isEmpty else { return document }
        var copy = document
        for u in copy.units.indices {
            var words: [Word] = []
            for w in copy.units[u].words {
                guard nameWords.contains(w.key) else { words.append(w); continue }
                if words.last?.key == "gemeente" { words.removeLast(); if words.last?.key == "de" { words.removeLast() } }
                var p = w
                p.key = "[gemeente]"
                p.isPlaceholder = true
                words.append(p)
            }
            copy.units[u].words = words
        }
        return copy
    }
}
