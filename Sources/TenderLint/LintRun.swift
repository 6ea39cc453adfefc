import TenderDocument
import TenderFormats
import TenderRules

/// Reads and lints a list of files: the whole of `tenderlint lint` below argument parsing.
public struct LintRun: Sendable {
    public var engine: Engine
    public var reader: DocumentReader

    public init(engine: Engine, reader: DocumentReader = DocumentReader()) {
        self.engine = engine
        self.reader = reader
    }

    /// Lints `paths` (files and folders). Unreadable files become one-line errors in the result.
    public func run(_ paths: [String]) -> LintResult {
        var documents: [DocumentResult] = []
        var errors: [String] = []
        for file in FileCollector.files(paths) {
            do {
                let document = try reader.read(path: file)
                documents.append(engine.lint(document))
            } catch {
                errors.append(error.message(english: engine.options.language == .en))
            }
        }
        return LintResult(documents: documents, errors: errors, tariff: engine.options.tariff)
    }
}
