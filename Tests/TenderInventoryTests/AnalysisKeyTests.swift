import Foundation
import Testing
import TenderInventory
import TenderLint

@Suite struct AnalysisKeyTests {
    @Test func changesWithTheCatalogueAndTheSettings() throws {
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let rule = folder.appendingPathComponent("regel.yml")
        try "id: a\n".write(to: rule, atomically: true, encoding: .utf8)
        let base = AnalysisKey.make(catalogueFolders: [folder.path], options: EngineOptions(), toolVersion: "1")
        #expect(base == AnalysisKey.make(catalogueFolders: [folder.path], options: EngineOptions(), toolVersion: "1"))
        // The tariff only prices findings; it does not change them.
        #expect(base == AnalysisKey.make(catalogueFolders: [folder.path], options: EngineOptions(tariff: Tariff(eurosPerHour: 99, source: "x", year: 2026)), toolVersion: "1"))
        #expect(base != AnalysisKey.make(catalogueFolders: [folder.path], options: EngineOptions(domains: [.wmo]), toolVersion: "1"))
        #expect(base != AnalysisKey.make(catalogueFolders: [folder.path], options: EngineOptions(), toolVersion: "2"))
        try "id: b\n".write(to: rule, atomically: true, encoding: .utf8)
        #expect(base != AnalysisKey.make(catalogueFolders: [folder.path], options: EngineOptions(), toolVersion: "1"))
    }

    @Test func aChangedCatalogueAnalysesUnchangedFilesAgain() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        try InventoryFixture.write(InventoryFixture.documents(count: 3, catalogue: engine.catalogue), into: folder, sub: "docs")
        let store = try InventoryStore(path: folder.appendingPathComponent("s.sqlite").path)
        let docs = folder.appendingPathComponent("docs").path
        _ = try await InventoryScanner(engine: engine, analysisKey: "catalogue-1").scan([docs], into: store, parameters: BurdenParameters())
        let same = try await InventoryScanner(engine: engine, analysisKey: "catalogue-1").scan([docs], into: store, parameters: BurdenParameters())
        #expect(same.unchanged == 3)
        let grown = try await InventoryScanner(engine: engine, analysisKey: "catalogue-2").scan([docs], into: store, parameters: BurdenParameters())
        #expect(grown.analysed == 3)
        #expect(grown.unchanged == 0)
    }
}
