import Foundation
import Testing
import TenderDocument
import TenderFormats
import TenderLint
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

    // MARK: The compiled matcher beside the catalogue

    /// The compiled-matcher entry of a cache folder.
    private func compiledEntry(in folder: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("compiled-") && $0.hasSuffix(".cache") }
        try #require(names.count == 1)
        return folder + "/" + names[0]
    }

    @Test func aCompiledHitIsTheMatcherOfAFreshCompile() throws {
        let (rules, cacheFolder) = try scratch()
        let cache = CatalogueCache(folder: cacheFolder, toolVersion: "test")
        let first = try cache.loadCompiled(from: rules)
        let second = try cache.loadCompiled(from: rules)
        #expect(first.catalogue == .written && first.matcher == .written)
        #expect(second.catalogue == .hit && second.matcher == .hit)
        let fresh = CompiledCatalogue(try Catalogue.load(from: rules))
        // The hit is the matcher that was written, byte for byte, and reads back to itself. (Two
        // compiles need not give the same bytes: phrases are numbered in the lexicon dictionaries'
        // order, which varies between processes; findings do not depend on it, as below.)
        #expect(second.compiled.encoded() == first.compiled.encoded())
        #expect(CompiledCatalogue(fresh.catalogue, encoded: fresh.encoded())?.encoded() == fresh.encoded())
        #expect(second.compiled.size == fresh.size)
        // And the same findings: every sample, and every rule example through the cached matcher.
        let samples = URL(fileURLWithPath: BundledCatalogue.folder).deletingLastPathComponent().appendingPathComponent("samples").path
        let names = try FileManager.default.contentsOfDirectory(atPath: samples).filter { $0.hasSuffix(".md") }.sorted()
        try #require(!names.isEmpty)
        let cachedEngine = Engine(compiled: second.compiled), freshEngine = Engine(compiled: fresh)
        for name in names {
            let text = try String(contentsOfFile: samples + "/" + name, encoding: .utf8)
            let document = DocumentReader.document(text: text, path: name, markdown: true)
            let cachedFindings = cachedEngine.lint(document).findings
            #expect(!cachedFindings.isEmpty, "\(name)")
            #expect(cachedFindings == freshEngine.lint(document).findings, "\(name)")
        }
        for example in second.compiled.catalogue.examples {
            #expect(ExampleRunner.check(example, engine: cachedEngine) == nil)
        }
        // The typo tables come back with the matcher: a misspelt and a split word still match.
        for text in ["Alle aanbieders leveren ongeacht de omzet een contoleverklaring aan.",
                     "Alle aanbieders leveren ongeacht de omzet een accountants verklaring aan."] {
            let document = DocumentReader.document(text: text, path: "typo.md", markdown: true)
            let cachedFindings = cachedEngine.lint(document, domains: [.jeugd]).findings
            #expect(cachedFindings.contains { $0.topic == "accountantsverklaring-drempel" }, "\(text)")
            #expect(cachedFindings == freshEngine.lint(document, domains: [.jeugd]).findings, "\(text)")
        }
    }

    @Test func aStaleOrDamagedMatcherIsCompiledAnew() throws {
        let (rules, cacheFolder) = try scratch()
        let cache = CatalogueCache(folder: cacheFolder, toolVersion: "test")
        _ = try cache.loadCompiled(from: rules)
        let path = try compiledEntry(in: cacheFolder)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var flipped = data
        flipped[flipped.count - 10] ^= 0x01
        try flipped.write(to: URL(fileURLWithPath: path))
        let damaged = try cache.loadCompiled(from: rules)
        #expect(damaged.catalogue == .hit && damaged.matcher == .written)
        #expect(damaged.compiled.size == CompiledCatalogue(try Catalogue.load(from: rules)).size)
        // The rewritten entry is what the next process reads.
        #expect(try cache.loadCompiled(from: rules).compiled.encoded() == damaged.compiled.encoded())
        try Data(data.prefix(60)).write(to: URL(fileURLWithPath: path))
        #expect(try cache.loadCompiled(from: rules).matcher == .written)
        #expect(try cache.loadCompiled(from: rules).matcher == .hit)
        // A changed rule file makes both entries stale.
        let file = try #require(Catalogue.yamlFiles(in: rules).first { $0.contains("/wettelijk-geregeld/") })
        try (String(contentsOfFile: file, encoding: .utf8) + "\n# changed\n").write(toFile: file, atomically: true, encoding: .utf8)
        let changed = try cache.loadCompiled(from: rules)
        #expect(changed.catalogue == .written && changed.matcher == .written)
    }

    /// Bytes that pass the checksum but are not a matcher of this catalogue are refused, not trusted.
    @Test func encodedBytesThatDoNotFitAreRefused() throws {
        let catalogue = try Catalogue.load(from: BundledCatalogue.folder)
        let bytes = CompiledCatalogue(catalogue).encoded()
        #expect(CompiledCatalogue(catalogue, encoded: bytes) != nil)
        #expect(CompiledCatalogue(catalogue, encoded: []) == nil)
        #expect(CompiledCatalogue(catalogue, encoded: bytes + [0]) == nil)
        for cut in [1, 8, 17, bytes.count / 3, bytes.count / 2, bytes.count - 1] {
            #expect(CompiledCatalogue(catalogue, encoded: Array(bytes.prefix(cut))) == nil, "cut at \(cut)")
        }
        // The same bytes against a catalogue with fewer rules: rule indices point outside it.
        var smaller = catalogue
        smaller.rules = Array(catalogue.rules.prefix(3))
        #expect(CompiledCatalogue(smaller, encoded: bytes) == nil)
    }
}
