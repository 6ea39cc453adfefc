import Foundation
import Testing
@testable import TenderRules

/// The compiled-catalogue cache: a hit gives the same catalogue as the YAML, and a stale, damaged
/// or unwritable cache falls back to the YAML.
@Suite struct CatalogueCacheTests {
    /// A scratch folder with a copy of the bundled catalogue and an empty cache folder.
    private func scratch() throws -> (rules: String, cache: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tl-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: BundledCatalogue.folder, toPath: root + "/rules")
        return (root + "/rules", root + "/cache")
    }

    /// A canonical form of the catalogue to compare: rules and models as JSON with sorted keys,
    /// and the dictionaries keyed by an enum (encoded in hash order) compared as dictionaries.
    private struct Canonical: Equatable {
        var rules: Data
        var models: Data
        var topics: [Taxonomy.Topic]
        var categories: [Category: String]
        var sets: [String: [String]]
        var facts: [String: [String]]
        var domains: [Domain: [String]]
    }

    private func encoded(_ catalogue: Catalogue) throws -> Canonical {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Canonical(rules: try encoder.encode(catalogue.rules), models: try encoder.encode(catalogue.models),
                         topics: catalogue.taxonomy.topics, categories: catalogue.taxonomy.categoryDescriptions,
                         sets: catalogue.lexicon.sets, facts: catalogue.lexicon.facts, domains: catalogue.lexicon.domains)
    }

    private func entry(in folder: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".cache") }
        try #require(names.count == 1)
        return folder + "/" + names[0]
    }

    @Test func aHitGivesTheSameCatalogueAsTheYAML() throws {
        let (rules, cacheFolder) = try scratch()
        let cache = CatalogueCache(folder: cacheFolder, toolVersion: "test")
        let (first, firstOutcome) = try cache.load(from: rules)
        let (second, secondOutcome) = try cache.load(from: rules)
        #expect(firstOutcome == .written)
        #expect(secondOutcome == .hit)
        let yaml = try Catalogue.load(from: rules)
        #expect(try encoded(second) == encoded(yaml))
        #expect(try encoded(first) == encoded(yaml))
        #expect(second.rules.map(\.id) == yaml.rules.map(\.id))
        #expect(second.examples.count == yaml.examples.count)
    }

    @Test func aChangedRuleFileMakesTheEntryStale() throws {
        let (rules, cacheFolder) = try scratch()
        let cache = CatalogueCache(folder: cacheFolder, toolVersion: "test")
        _ = try cache.load(from: rules)
        let file = try #require(Catalogue.yamlFiles(in: rules).first { path in
            path.contains("/wettelijk-geregeld/") && ((try? String(contentsOfFile: path, encoding: .utf8))?.contains("severity: warning") ?? false)
        })
        let text = try String(contentsOfFile: file, encoding: .utf8)
        // Same length, other bytes: the key follows the content, not the size or the time.
        try text.replacingOccurrences(of: "severity: warning", with: "severity: error  ").write(toFile: file, atomically: true, encoding: .utf8)
        let (changed, outcome) = try cache.load(from: rules)
        #expect(outcome == .written)
        #expect(try encoded(changed) == encoded(Catalogue.load(from: rules)))
        #expect(changed.rules.contains { $0.file == file && $0.severity == .error })
        // Another tool version does not read this version's entry.
        #expect(try CatalogueCache(folder: cacheFolder, toolVersion: "other").load(from: rules).1 == .written)
    }

    @Test func aDamagedEntryIsIgnoredAndRewritten() throws {
        let (rules, cacheFolder) = try scratch()
        let cache = CatalogueCache(folder: cacheFolder, toolVersion: "test")
        _ = try cache.load(from: rules)
        let path = try entry(in: cacheFolder)
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        // One payload byte flipped: the header still names the key, the checksum no longer fits.
        data[data.count - 10] ^= 0x01
        try data.write(to: URL(fileURLWithPath: path))
        let (catalogue, outcome) = try cache.load(from: rules)
        #expect(outcome == .written)
        #expect(try encoded(catalogue) == encoded(Catalogue.load(from: rules)))
        // Truncated and empty entries too.
        try Data(data.prefix(100)).write(to: URL(fileURLWithPath: path))
        #expect(try cache.load(from: rules).1 == .written)
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(try cache.load(from: rules).1 == .written)
        #expect(try cache.load(from: rules).1 == .hit)
    }

    @Test func anUnwritableCacheStillLoadsTheCatalogue() throws {
        let (rules, cacheFolder) = try scratch()
        // A file where the cache folder should be.
        try Data("x".utf8).write(to: URL(fileURLWithPath: cacheFolder))
        let (catalogue, outcome) = try CatalogueCache(folder: cacheFolder, toolVersion: "test").load(from: rules)
        #expect(outcome == .unwritable)
        #expect(try encoded(catalogue) == encoded(Catalogue.load(from: rules)))
    }

    @Test func aBrokenCatalogueReportsItsErrorsAndIsNotCached() throws {
        let (rules, cacheFolder) = try scratch()
        let file = try #require(Catalogue.yamlFiles(in: rules).first { $0.contains("/wettelijk-geregeld/") })
        try "id: [unclosed".write(toFile: file, atomically: true, encoding: .utf8)
        let cache = CatalogueCache(folder: cacheFolder, toolVersion: "test")
        #expect(throws: CatalogueErrors.self) { try cache.load(from: rules) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? []
        #expect(names.filter { $0.hasSuffix(".cache") }.isEmpty)
    }

    @Test func theStandardFolderFollowsTheEnvironment() {
        #expect(CatalogueCache.standard(toolVersion: "1", environment: ["TENDERLINT_CACHE": "/x"])?.folder == "/x")
        #expect(CatalogueCache.standard(toolVersion: "1", environment: ["TENDERLINT_CACHE": "off", "HOME": "/h"]) == nil)
        #expect(CatalogueCache.standard(toolVersion: "1", environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.folder == "/c/tenderlint")
        #expect(CatalogueCache.standard(toolVersion: "1", environment: ["HOME": "/h"])?.folder == "/h/.cache/tenderlint")
        #expect(CatalogueCache.standard(toolVersion: "1", environment: [:]) == nil)
    }
}
