import Foundation

/// Paths to the repository's samples and to this target's fixtures.
enum Samples {
    /// The repository root, found from this file's path (Tests/TenderFormatsTests/Support/).
    static let root: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sample(_ name: String) -> String {
        root.appendingPathComponent("samples").appendingPathComponent(name).path
    }

    static func formats(_ name: String) -> String {
        root.appendingPathComponent("samples/formats").appendingPathComponent(name).path
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw MissingFixture(name: name)
        }
        return [UInt8](try Data(contentsOf: url))
    }

    /// The base names of the Markdown samples (`samples/*.md`).
    static var markdownNames: [String] {
        let folder = root.appendingPathComponent("samples")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    struct MissingFixture: Error { let name: String }
}
