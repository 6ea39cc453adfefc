import Foundation
import TenderDocument
import TenderFormats
import TenderLint

/// The work of one scan task: read, hash, decide whether to skip, lint, and turn the result
/// into rows. Runs concurrently; touches no shared state besides the immutable engine.
struct Analyser: Sendable {
    var reader: DocumentReader
    var template: PathTemplate?
    var english: Bool

    /// What to write for `path`, linted by `engine` whose findings `analysisKey` identifies.
    func outcome(for path: String, engine: Engine, analysisKey: String, known: KnownDocument?, at date: Date) -> InventoryScanner.Outcome {
        let fromPath = template?.metadata(for: path) ?? DocumentMetadata()
        let document: Document
        if let bytes = bytes(of: path) {
            let hash = ContentHash.sha256(bytes)
            if let known, !known.failed, known.contentHash == hash, known.analysisKey == analysisKey {
                // Metadata is cheap to read again, and may have changed while the text did not.
                let metadata: DocumentMetadata
                do { metadata = try resolvedMetadata(path, fromPath) } catch {
                    return failure(path, message: error.message(english: english), hash: hash, metadata: known.metadata, analysisKey: analysisKey, date: date)
                }
                return known.metadata == metadata && !known.deleted ? .unchanged : .refresh(id: known.id, metadata: metadata)
            }
            do { document = try reader.read(bytes: bytes, path: path) } catch {
                return failure(path, message: error.message(english: english), hash: hash, metadata: fromPath, analysisKey: analysisKey, date: date)
            }
        } else {
            // Not a plain readable file within the size limit: let the reader read it anyway
            // (a symbolic link) or say why in its own words (not found, a folder, too large).
            do { document = try reader.read(path: path) } catch {
                if case .notFound = error { return .failed(nil, message: error.message(english: english)) }
                return failure(path, message: error.message(english: english), hash: "", metadata: fromPath, analysisKey: analysisKey, date: date)
            }
        }
        let metadata: DocumentMetadata
        do { metadata = try resolvedMetadata(path, fromPath) } catch {
            return failure(path, message: error.message(english: english), hash: document.contentHash, metadata: fromPath, analysisKey: analysisKey, date: date)
        }
        return .analysed(rows(for: engine.lint(document), metadata: metadata, analysisKey: analysisKey, date: date))
    }

    /// The path template's metadata overridden by the sidecar's.
    func resolvedMetadata(_ path: String, _ fromPath: DocumentMetadata) throws(InventoryError) -> DocumentMetadata {
        guard let sidecar = try MetadataSidecar.load(for: path, english: english) else { return fromPath }
        return fromPath.overridden(by: sidecar)
    }

    /// The file's bytes, or `nil` when it is not a regular file within the size limit (the reader
    /// then reports why). A failed stat is not hidden: the reader's own attempt reports it.
    func bytes(of path: String) -> [UInt8]? {
        let fm = FileManager.default
        let attributes: [FileAttributeKey: Any]
        do { attributes = try fm.attributesOfItem(atPath: path) } catch { return nil }
        guard attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int, size <= reader.limits.maxFileBytes,
              let data = fm.contents(atPath: path) else { return nil }
        return [UInt8](data)
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
