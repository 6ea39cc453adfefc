import Foundation

/// Accepted findings, keyed by fingerprint: `tenderlint baseline` writes the file,
/// `tenderlint lint --baseline FILE` silences what it lists, so old findings don't block new work.
///
/// The file is JSON with sorted keys and entries sorted by path, rule, clause and fingerprint,
/// so writing the same findings twice gives the same bytes and diffs stay small.
public struct Baseline: Hashable, Sendable, Codable {
    /// The version of the file format this build reads and writes.
    public static let currentVersion = 1
    /// The file name `tenderlint baseline` writes by default.
    public static let defaultFileName = ".tenderlint-baseline.json"
    /// The reason a baselined finding carries in reports.
    public static let reason = "baseline"

    public var version: Int
    public var tool: String
    public var entries: [BaselineEntry]

    public init(entries: [BaselineEntry]) {
        version = Baseline.currentVersion
        tool = "tenderlint"
        self.entries = entries.sorted { a, b in
            (a.path, a.rule, a.clause ?? "", a.fingerprint, a.match) < (b.path, b.rule, b.clause ?? "", b.fingerprint, b.match)
        }
    }

    /// A baseline that accepts every active finding of `result`.
    public init(accepting result: LintResult) {
        self.init(entries: result.findings.map(BaselineEntry.init))
    }

    /// Reads the baseline at `path`.
    public static func load(path: String) throws(BaselineError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let baseline: Baseline
        do {
            baseline = try JSONDecoder().decode(Baseline.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalid(path: path, detail: "missing key '\(key.stringValue)'")
        } catch {
            throw .invalid(path: path, detail: "not JSON of the expected shape")
        }
        guard baseline.version == currentVersion else {
            throw .invalid(path: path, detail: "version \(baseline.version), expected \(currentVersion)")
        }
        return baseline
    }

    /// The file's bytes: pretty-printed JSON with sorted keys and a final newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Writes the baseline to `path`, replacing the file.
    /// Writes the baseline to `path` through `ReportOutput` (a temporary file renamed into place;
    /// an input, a symbolic link or a special file as target is refused).
    public func write(to path: String, inputs: [String] = [], english: Bool = false) throws(BaselineError) {
        let data: Data
        do { data = try encoded() } catch { throw .unwritable(path: path) }
        do throws(ReportOutput.Failure) {
            let output = try ReportOutput(path: path, inputs: inputs, english: english)
            try output.write(bytes: [UInt8](data))
            try output.finish()
        } catch {
            throw .output(message: error.message)
        }
    }

    /// `result` with the findings this baseline accepts silenced (reason `baseline`) and the
    /// entries that match no finding any more in `staleBaseline`.
    ///
    /// Each entry accepts one finding: when a sentence occurs twice, two entries are needed, so
    /// a copied clause is a new finding. Entries for the same path are used first. An entry is
    /// stale when its fingerprint matches no finding (active or silenced otherwise) and its
    /// document was linted in this run or no longer exists; entries for documents not linted in
    /// this run are left alone.
    public func apply(to result: LintResult, fileExists: (String) -> Bool = ConfigurationLoader.isFile) -> LintResult {
        var out = result
        var matcher = BaselineMatcher(self)
        for d in out.documents.indices { matcher.apply(to: &out.documents[d]) }
        out.staleBaseline = matcher.stale(fileExists: fileExists)
        return out
    }

    /// A path compared by what it names: `./a/b.md`, `a//b.md` and `a/b.md` are the same.
    static func normalized(_ path: String) -> String { ConfigurationLoader.absolute(path) }
}

/// Applies a baseline one document at a time, in document order, so a streamed run can write
/// each document as soon as it is linted. `Baseline.apply(to:)` is this over all documents.
public struct BaselineMatcher: Sendable {
    let entries: [BaselineEntry]
    /// `Baseline.normalized` of each entry's path, computed once.
    private let entryPaths: [String]
    /// Fingerprint → indices of entries not yet matched, in baseline order.
    private var unused: [String: [Int]] = [:]
    private var used: [Bool]
    private var silencedOtherwise: Set<String> = []
    private var linted: Set<String> = []

    public init(_ baseline: Baseline) {
        entries = baseline.entries
        entryPaths = entries.map { Baseline.normalized($0.path) }
        used = [Bool](repeating: false, count: entries.count)
        for (i, entry) in entries.enumerated() { unused[entry.fingerprint, default: []].append(i) }
    }

    /// Silences the findings of `document` that the baseline accepts. A fingerprint accepts as
    /// many findings as it has entries; an entry of the same path is used first.
    public mutating func apply(to document: inout DocumentResult) {
        linted.insert(Baseline.normalized(document.path))
        for f in document.findings.indices {
            let finding = document.findings[f]
            if finding.suppression != nil { silencedOtherwise.insert(finding.fingerprint); continue }
            guard var candidates = unused[finding.fingerprint], !candidates.isEmpty else { continue }
            let samePath = Baseline.normalized(finding.path)
            let pick = candidates.firstIndex { entryPaths[$0] == samePath } ?? 0
            used[candidates.remove(at: pick)] = true
            unused[finding.fingerprint] = candidates
            document.findings[f].suppression = Baseline.reason
            document.findings[f].suppressionKind = .baseline
        }
    }

    /// Entries that matched no finding: of a linted document, or of a file that is gone.
    public func stale(fileExists: (String) -> Bool = ConfigurationLoader.isFile) -> [BaselineEntry] {
        entries.indices.filter { i in
            let entry = entries[i]
            guard !used[i], !silencedOtherwise.contains(entry.fingerprint) else { return false }
            return linted.contains(entryPaths[i]) || !fileExists(entry.path)
        }.map { entries[$0] }
    }
}
