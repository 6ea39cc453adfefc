import Foundation
import TenderCompare
import TenderDocument
import TenderFormats
import TenderLint
import TenderRules

/// The fixtures (a model agreement and three municipal variants, made by `Fixtures/make-fixtures.py`),
/// the bundled catalogue, and helpers to compare them.
enum CompareFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String {
        name.hasSuffix(".md") ? folder.appendingPathComponent("source/" + name).path : folder.appendingPathComponent(name).path
    }

    static let rulesFolder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("rules").path
    }()

    static let engine: Engine? = (try? Catalogue.load(from: rulesFolder)).map { Engine(catalogue: $0) }

    static func read(_ name: String) throws -> Document {
        try DocumentReader().read(path: path(name))
    }

    static func document(markdown: String, path: String = "test.md") throws -> Document {
        try DocumentReader().read(bytes: Array(markdown.utf8), path: path)
    }

    /// `document` compared with `standard` (file names in the fixtures).
    static func compare(_ standard: String, _ document: String, lint: Bool = true) throws -> DocumentComparison {
        let comparator = Comparator(engine: lint ? engine : nil)
        return comparator.compare(standard: comparator.prepare(try read(standard)), document: comparator.prepare(try read(document)))
    }

    /// A deviation as the tests assert it: kind and both clause numbers.
    struct Key: Hashable, CustomStringConvertible {
        var kind: DeviationKind
        var standard: String?
        var document: String?
        var description: String { "\(kind.rawValue) \(standard ?? "-") → \(document ?? "-")" }
    }

    static func keys(_ c: DocumentComparison) -> [Key] {
        c.deviations.map { Key(kind: $0.kind, standard: $0.standard?.number, document: $0.document?.number) }
    }

    /// The planted edits of each variant (see make-fixtures.py), in document order.
    static let planted: [String: [Key]] = [
        "gemeente-zuidhoven": [
            Key(kind: .removed, standard: "7.3", document: nil),
            Key(kind: .changed, standard: "18.1", document: "18.1"),
            Key(kind: .added, standard: nil, document: "27.2"),
        ],
        "gemeente-veldmeer": [
            Key(kind: .changed, standard: "4.1", document: "4.1"),
            Key(kind: .added, standard: nil, document: "Artikel 13"),
            Key(kind: .removed, standard: "23.1", document: nil),
        ],
        "gemeente-oosterlanden": [
            Key(kind: .added, standard: nil, document: "12.3"),
            Key(kind: .changed, standard: "26.1", document: "26.1"),
            Key(kind: .removed, standard: "28.2", document: nil),
        ],
    ]
}
