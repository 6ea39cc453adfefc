import Foundation
import TenderDocument
import TenderFormats
import TenderIsolation
import TenderLint
#if canImport(Glibc)
import Glibc
#endif

/// The work of one scan task: read, hash, decide whether to skip, lint, and turn the result
/// into rows. Runs concurrently; touches no shared state besides the immutable engine and the
/// worker pool.
///
/// With `workers`, each document is parsed in a worker process (see `WorkerPool`): a document
/// that crashes, hangs or exhausts its reader is recorded as unreadable with the reason, and the
/// scan goes on. The file itself is opened here, by the scan, and sent as bytes.
struct Analyser: Sendable {
    var reader: DocumentReader
    var template: PathTemplate?
    /// The `--meta` table; a sidecar wins over it field by field.
    var table: MetadataTable? = nil
    var english: Bool
    var workers: WorkerPool? = nil
    var timeLimit: Duration = .seconds(120)

    /// What to write for `path`, linted by `engine` whose findings `analysisKey` identifies.
    func outcome(for path: String, engine: Engine, analysisKey: String, known: KnownDocument?, at date: Date) async -> InventoryScanner.Outcome {
        let fromPath = template?.metadata(for: path) ?? DocumentMetadata()
        let bytes: [UInt8]
        switch load(path) {
        case let .bytes(loaded):
            bytes = loaded
        case let .refused(error):
            // Not found: nothing to record. Otherwise (a folder, a pipe, too large) the row says why.
            if case .notFound = error { return .failed(nil, message: error.message(english: english)) }
            return failure(path, message: error.message(english: english), hash: "", metadata: fromPath, analysisKey: analysisKey, date: date)
        }
        let hash = ContentHash.sha256(bytes)
        if let known, !known.failed, known.contentHash == hash, known.analysisKey == analysisKey {
            // Metadata is cheap to read again, and may have changed while the text did not.
            let resolved: Resolved
            do { resolved = try resolvedMetadata(path, fromPath, known: known) } catch {
                return failure(path, message: error.message(english: english), hash: hash, metadata: known.metadata, analysisKey: analysisKey, date: date)
            }
            // A new year from the metadata dates the document anew, and the rules of its period
            // may differ: it is analysed again. Any other field only refreshes the row.
            let redated = resolved.metadata.year != nil && resolved.metadata.year != known.metadata.year
            if !redated {
                return known.metadata == resolved.metadata && known.metadataSource == resolved.source && !known.deleted
                    ? .unchanged : .refresh(id: known.id, metadata: resolved.metadata, source: resolved.source)
            }
        }
        let document: Document
        switch await read(bytes, path: path) {
        case let .success(read): document = read
        case let .failure(message):
            return failure(path, message: message.text, hash: hash, metadata: fromPath, analysisKey: analysisKey, date: date)
        }
        var resolved: Resolved
        do { resolved = try resolvedMetadata(path, fromPath, known: known) } catch {
            return failure(path, message: error.message(english: english), hash: document.contentHash, metadata: fromPath, analysisKey: analysisKey, date: date)
        }
        let own = Self.ownMetadata(of: document)
        let filled = own.overridden(by: resolved.metadata)
        if filled != resolved.metadata {
            resolved.metadata = filled
            if resolved.source?.contains("document") != true {
                resolved.source = [resolved.source, "document"].compactMap { $0 }.joined(separator: ", ")
            }
        }
        // The metadata's year dates the document when its own properties do not give that year
        // (a sidecar or table wins over the document's own date; a year stands for 1 January).
        var dated = document
        if let year = resolved.metadata.year, document.properties.year != year {
            dated.date = DocumentDate(year: year, source: .metadata)
        }
        var analysis = rows(for: engine.lint(dated), metadata: resolved.metadata, analysisKey: analysisKey, date: date)
        analysis.document.metadataSource = resolved.source
        analysis.document.textFingerprint = TextFingerprint.of(document).text
        return .analysed(analysis)
    }

    /// A one-line `path: reason`, as an error value.
    struct Message: Error {
        var text: String
    }

    /// Parses `bytes` here, or in a worker when there is a pool.
    func read(_ bytes: [UInt8], path: String) async -> Result<Document, Message> {
        guard let workers else {
            do { return .success(try reader.read(bytes: bytes, path: path)) } catch {
                return .failure(Message(text: error.message(english: english)))
            }
        }
        let request = WorkerRequest(task: .read, name: path, language: english ? .en : .nl, maxFileBytes: reader.limits.maxFileBytes)
        switch await workers.perform(request, payload: bytes, timeLimit: timeLimit) {
        case let .success(.read(document)): return .success(document)
        case let .success(.unreadable(message)): return .failure(Message(text: message))
        case let .success(.refused(why)): return .failure(Message(text: "\(path): \(why)"))
        case .success(.linted): return .failure(Message(text: "\(path): \(WorkerFailure.badReply("lint reply to a read request").reason(english: english))"))
        case let .failure(failure): return .failure(Message(text: "\(path): \(failure.reason(english: english))"))
        }
    }

    /// What opening `path` gave: its bytes, or the reader's reason for refusing it.
    enum Loaded {
        case bytes([UInt8])
        case refused(ReaderError)
    }

    /// The bytes of `path` (a symbolic link is followed), refusing what the reader would refuse
    /// without reading it: a missing file, a folder, a file over the size limit, and anything
    /// that is not a regular file (a FIFO or a device would block or never end).
    func load(_ path: String) -> Loaded {
        // The readers' own file access: regular files only, opened without blocking, bounded.
        do throws(ReaderError) {
            return .bytes(try InputFile.contents(path: path, maxBytes: reader.limits.maxFileBytes))
        } catch {
            return .refused(error)
        }
    }

    /// Metadata and the sources that gave it.
    struct Resolved {
        var metadata: DocumentMetadata
        var source: String?
    }

    /// What the store remembers, overridden by the path template, then the metadata table, then
    /// the sidecar, field by field: a rescan never drops a value it was once given. `source`
    /// names the sources that gave a value in this scan (or the remembered source when none did).
    func resolvedMetadata(_ path: String, _ fromPath: DocumentMetadata, known: KnownDocument? = nil) throws(InventoryError) -> Resolved {
        var metadata = known?.metadata ?? DocumentMetadata()
        var sources: [String] = []
        if !fromPath.isEmpty { metadata = metadata.overridden(by: fromPath); sources.append("pad") }
        if let row = table?.metadata(for: path), !row.isEmpty, let table {
            metadata = metadata.overridden(by: row)
            sources.append("tabel \(table.name)")
        }
        if let sidecar = try MetadataSidecar.load(for: path, english: english), !sidecar.isEmpty {
            metadata = metadata.overridden(by: sidecar)
            sources.append("sidecar")
        }
        if sources.isEmpty { return Resolved(metadata: metadata, source: known?.metadataSource) }
        if known?.metadataSource?.contains("document") == true, metadata.title == known?.metadata.title { sources.append("document") }
        return Resolved(metadata: metadata, source: sources.joined(separator: ", "))
    }

    /// What the document says of itself, for the fields no metadata source gives: an eForms
    /// notice's buyer (as the municipality: "Gemeente Lindeveld, namens …" gives "Lindeveld"),
    /// its issue year and CPV codes; the title from the first heading, else the title property
    /// (a notice, which has no headings, gives its BT-21; a Word template's stale title must not
    /// name many documents at once).
    static func ownMetadata(of document: Document) -> DocumentMetadata {
        let properties = document.properties
        return DocumentMetadata(municipality: properties.buyer.map(municipality(ofBuyer:)), year: properties.year,
                                title: title(of: document) ?? properties.title,
                                cpv: properties.cpv.isEmpty ? nil : properties.cpv.joined(separator: ", "))
    }

    /// `Gemeente Lindeveld, namens de Regio Lindeveld` → `Lindeveld`; a buyer that is not named
    /// as a municipality (a region's body, a joint arrangement) is kept whole.
    static func municipality(ofBuyer buyer: String) -> String {
        for prefix in ["gemeente ", "municipality of "] where buyer.lowercased().hasPrefix(prefix) {
            let rest = buyer.dropFirst(prefix.count)
            let name = rest.prefix { $0 != "," }.trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { return name }
        }
        return buyer
    }

    /// The document's first heading.
    static func title(of document: Document) -> String? {
        let heading = document.blocks.first { if case .heading = $0.kind { return true } else { return false } }
        guard let text = heading?.text else { return nil }
        var line = Substring(text.split(whereSeparator: \.isNewline).joined(separator: " "))
        // A Markdown heading keeps its marks in the text.
        while line.first == "#" || line.first == " " { line.removeFirst() }
        line = Substring(line.trimmingCharacters(in: .whitespaces))
        return line.isEmpty ? nil : String(line.prefix(200))
    }

    func failure(_ path: String, message: String, hash: String, metadata: DocumentMetadata, analysisKey: String, date: Date) -> InventoryScanner.Outcome {
        var record = DocumentRecord(id: nil, path: path, contentHash: hash, format: nil, domains: "", status: "error", error: message,
                                    analysisKey: analysisKey, clauseCount: 0, findingCount: 0, hoursPerYear: 0, eurosPerYear: 0,
                                    scannedAt: date, deletedAt: nil)
        record.apply(metadata)
        return .failed(DocumentAnalysis(document: record, findings: []), message: message)
    }

    func rows(for result: DocumentResult, metadata: DocumentMetadata, analysisKey: String, date: Date) -> DocumentAnalysis {
        let active = result.findings.filter { $0.suppression == nil }
        var record = DocumentRecord(id: nil, path: result.path, contentHash: result.contentHash, format: result.format.rawValue,
                                    domains: result.domains.map(\.rawValue).joined(separator: ","), status: "ok", error: nil,
                                    analysisKey: analysisKey, clauseCount: result.clauseCount, findingCount: active.count,
                                    hoursPerYear: result.hoursPerYear, eurosPerYear: result.eurosPerYear,
                                    scannedAt: date, deletedAt: nil)
        record.apply(metadata)
        let findings = result.findings.map { f in
            FindingRecord(id: nil, documentId: 0, ruleId: f.ruleId, topic: f.topic, category: f.category.rawValue,
                          severity: f.severity.rawValue, clause: f.clauseNumber, headingPath: f.headingPath.joined(separator: " › "),
                          location: f.start.describe(english: english), line: f.start.lineNumber, column: f.start.column,
                          match: f.matchedText, hoursPerOccurrence: f.burden.hoursPerOccurrence,
                          occurrencesPerYear: f.burden.occurrencesPerYear, hoursPerYear: f.burden.hoursPerYear,
                          eurosPerYear: f.burden.eurosPerYear, bearer: f.burden.bearer, fingerprint: f.fingerprint,
                          suppressed: f.suppression)
        }
        return DocumentAnalysis(document: record, findings: findings)
    }
}
