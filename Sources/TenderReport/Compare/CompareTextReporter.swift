import TenderCompare
import TenderDocument
import TenderRules

/// The compare report for a terminal: per document its deviations in document order, each with
/// both clause numbers, the changed numbers, the word diff (`[-…-]` left out, `{+…+}` put in) and
/// the findings; then the summary.
public struct CompareTextReporter: CompareReporter {
    public static let identifier = "text"
    let options: ReportOptions
    public init(options: ReportOptions) { self.options = options }

    public func report(_ result: CompareResult) -> String {
        let l = CompareLabels(options.language)
        var out = ""
        for doc in result.documents {
            out += "\(doc.path) \(l.against) \(result.standardPath)\n"
            for d in doc.deviations { out += deviation(d, path: doc.path, labels: l) }
            if doc.deviations.isEmpty { out += "  \(l.noDeviations)\n" }
            if !doc.moved.isEmpty { out += "  \(l.movedLine(doc.moved.count))\n" }
            out += "  \(l.summary(doc.summary))\n\n"
        }
        return out
    }

    func number(_ n: String?, _ l: CompareLabels) -> String { n ?? l.unnumbered }

    func deviation(_ d: Deviation, path: String, labels l: CompareLabels) -> String {
        var out = ""
        let en = options.language == .en
        // As in lint: path:line:column, and for a paragraph, page or element the place in its own terms.
        let position = d.document.map { side -> String in
            var p = "\(path):\(side.location.lineNumber):\(side.location.column)"
            if case .line = side.location {} else { p += " (\(side.location.describe(english: en)))" }
            return p
        } ?? path
        switch d.kind {
        case .changed:
            let s = d.standard!, c = d.document!
            out += "\(position): \(l.kind(.changed)) \(number(c.number, l)) (\(l.standard) \(number(s.number, l)))"
            if d.moved { out += ", \(l.moved)" }
            out += ", \(l.similarity) \(Formatting.number(d.similarity ?? 0, decimals: 2, options.language))\n"
            out += "  \(c.headingPath.joined(separator: " › "))\n"
            for n in d.numberChanges { out += "  \(n.text)\n" }
            out += "  | " + CompareTextReporter.diffText(d.diff) + "\n"
        case .added:
            let c = d.document!
            out += "\(position): \(l.kind(.added)) \(number(c.number, l)) (\(l.noCounterpartInStandard))\n"
            out += "  \(c.headingPath.joined(separator: " › "))\n"
            out += CompareTextReporter.quoted(c.text)
        case .removed:
            let s = d.standard!
            out += "\(position): \(l.kind(.removed)) \(l.standard) \(number(s.number, l)) (\(l.noCounterpartInDocument))\n"
            out += "  \(s.headingPath.joined(separator: " › "))\n"
            out += CompareTextReporter.quoted(s.text)
        }
        for f in d.findings {
            out += "  \(f.severity.label(options.language)) [\(f.ruleId)] \(f.title) (\(l.findingBurden(f.hoursPerYear)))"
            if case .line = f.location {} else { out += " — \(f.location.describe(english: en))" }
            out += "\n"
        }
        return out
    }

    static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  | \($0)\n" }.joined()
    }

    /// The diff on one line: long runs of equal words shortened to their ends.
    static func diffText(_ segments: [DiffSegment]) -> String {
        var parts: [String] = []
        for (i, s) in segments.enumerated() {
            switch s.op {
            case .equal:
                let words = s.text.split(separator: " ")
                if words.count <= 12 { parts.append(s.text); continue }
                let head = i == 0 ? [] : words.prefix(5)
                let tail = i == segments.count - 1 ? [] : words.suffix(5)
                parts.append((head.isEmpty ? "" : head.joined(separator: " ") + " ") + "…" + (tail.isEmpty ? "" : " " + tail.joined(separator: " ")))
            case .delete: parts.append("[-\(s.text)-]")
            case .insert: parts.append("{+\(s.text)+}")
            case .fill: parts.append(s.replacement ?? "")
            }
        }
        return parts.joined(separator: " ")
    }

    public func report(_ region: RegionResult) -> String? {
        let l = CompareLabels(options.language)
        var out = ""
        let differing = region.groups.filter { !$0.isUnanimous }
        out += l.regionSummary(documents: region.documents.count, groups: region.groups.count, differing: differing.count) + "\n\n"
        out += l.regionHeading + "\n"
        for g in differing {
            out += "\n\(g.number ?? l.unnumbered) — \(g.headingPath.joined(separator: " › "))\n"
            if g.majority == nil { out += "  \(l.majority): \(l.absentInMajority)\n" }
            for (i, v) in g.variants.enumerated() {
                let names = zip(v.documents, v.clauses).map { "\(RegionText.name($0)) (\($1 ?? "-"))" }.joined(separator: ", ")
                out += "  \(i == g.majority ? "* \(l.majority)" : "- variant \(i + 1)"): \(names)\n"
                out += v.text.split(separator: "\n").map { "    | \($0)\n" }.joined()
                for f in v.findings { out += "    \(f.severity.label(options.language)) [\(f.ruleId)] \(f.title)\n" }
            }
            if !g.absent.isEmpty { out += "  - \(l.absent): \(g.absent.map(RegionText.name).joined(separator: ", "))\n" }
        }
        out += "\n\(l.ranking)\n"
        for (rank, d) in region.deviators.enumerated() {
            out += "\(rank + 1). \(d.name): \(l.deviations(d.deviations.count)), \(Formatting.hours(d.hoursPerYear, options.language)) \(l.perYear) (\(Formatting.euros(d.eurosPerYear, options.language)))\n"
            for dev in d.deviations {
                let g = region.groups[dev.group]
                out += "   \(l.regionKind(dev.kind)) \(dev.clause ?? dev.majorityClause ?? g.number ?? l.unnumbered) — \(RegionText.title(g.headingPath))"
                if dev.hoursPerYear > 0 { out += " (\(l.findingBurden(dev.hoursPerYear)))" }
                out += "\n"
            }
        }
        return out
    }
}

enum RegionText {
    /// The nearest heading with a title (`Artikel 27 Beleidsinformatie`), not the bare clause number.
    static func title(_ headingPath: [String]) -> String {
        headingPath.last { $0.contains(" ") } ?? headingPath.last ?? ""
    }

    /// The municipality named by a path: the file name without extension.
    static func name(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }
}

/// A reporter for `tenderlint compare`.
public protocol CompareReporter {
    static var identifier: String { get }
    init(options: ReportOptions)
    func report(_ result: CompareResult) throws -> String
    /// The region view; nil when the format has none.
    func report(_ region: RegionResult) throws -> String?
}

extension CompareReporter {
    public func report(_ region: RegionResult) throws -> String? { nil }
}

/// The compare reporters; `tenderlint compare --format` reads the list.
public enum CompareReporters {
    public static let all: [any CompareReporter.Type] = [CompareTextReporter.self, CompareJSONReporter.self, CompareHTMLReporter.self, CompareSARIFReporter.self]

    public static func reporter(for identifier: String) -> (any CompareReporter.Type)? {
        all.first { $0.identifier == identifier }
    }

    public static var identifiers: [String] { all.map { $0.identifier } }
}
