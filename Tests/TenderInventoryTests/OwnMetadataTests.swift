import Foundation
import Testing
@testable import TenderInventory
import TenderLint

/// Metadata that comes from the document itself: an eForms notice's buyer, issue year, title and
/// CPV codes fill what no metadata source gives, never what one does, and a rescan keeps them.
@Suite struct OwnMetadataTests {
    static func scan(_ corpus: URL, table: String?, into store: InventoryStore, engine: Engine) async throws {
        var scanner = InventoryFixture.scanner(engine: engine)
        scanner.table = try table.map { try MetadataTable.load(path: $0) }
        _ = try await scanner.scan([corpus.path], into: store, parameters: BurdenParameters())
    }

    @Test func aNoticeGivesBuyerYearTitleAndCPVUnlessATableSaysOtherwise() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let notice = InventoryFixture.samplesFolder + "/inkoopdocument-jeugdhulp.eforms.xml"
        try FileManager.default.copyItem(atPath: notice, toPath: corpus.appendingPathComponent("lindeveld.xml").path)
        try FileManager.default.copyItem(atPath: InventoryFixture.samplesFolder + "/raamovereenkomst-wmo-begeleiding.md",
                                         toPath: corpus.appendingPathComponent("wmo.md").path)

        // Nothing but the documents: the notice names itself; the Markdown tender only its title.
        let store = try InventoryStore(path: folder.appendingPathComponent("a.sqlite").path)
        try await Self.scan(corpus, table: nil, into: store, engine: engine)
        let summary = try store.summary(parameters: BurdenParameters(), limit: 50)
        let lindeveld = try #require(summary.documents.first { $0.path.hasSuffix("lindeveld.xml") })
        #expect(lindeveld.municipality == "Lindeveld")
        #expect(lindeveld.year == 2026)
        #expect(lindeveld.cpv == "85311300")
        #expect(lindeveld.name == "Inkoopdocument Jeugdhulp 2027 Regio Lindeveld")
        let wmo = try #require(summary.documents.first { $0.path.hasSuffix("wmo.md") })
        #expect(wmo.municipality == nil && wmo.year == nil && wmo.cpv == nil)
        #expect(summary.totals.municipalities == 1)

        // A table wins field by field, and may give CPV codes of its own.
        let table = folder.appendingPathComponent("metadata.csv").path
        try "bestand;gemeente;regio;cpv\nlindeveld.xml;Oosterbroek;Lindeveld;\nwmo.md;Haarwijk;Lindeveld;85312400-3, 85311000\n"
            .write(toFile: table, atomically: true, encoding: .utf8)
        let tabled = try InventoryStore(path: folder.appendingPathComponent("b.sqlite").path)
        try await Self.scan(corpus, table: table, into: tabled, engine: engine)
        let b = try tabled.summary(parameters: BurdenParameters(), limit: 50)
        let noticeRow = try #require(b.documents.first { $0.path.hasSuffix("lindeveld.xml") })
        #expect(noticeRow.municipality == "Oosterbroek")
        #expect(noticeRow.region == "Lindeveld")
        #expect(noticeRow.year == 2026)
        #expect(noticeRow.cpv == "85311300")
        let wmoRow = try #require(b.documents.first { $0.path.hasSuffix("wmo.md") })
        #expect(wmoRow.cpv == "85312400-3, 85311000")

        // A rescan without the table drops nothing it was given.
        try await Self.scan(corpus, table: nil, into: tabled, engine: engine)
        let again = try tabled.summary(parameters: BurdenParameters(), limit: 50)
        #expect(again.documents == b.documents)
    }

    @Test func aBuyerNamedAsAMunicipalityGivesItsName() {
        #expect(Analyser.municipality(ofBuyer: "Gemeente Lindeveld, namens de Regio Lindeveld") == "Lindeveld")
        #expect(Analyser.municipality(ofBuyer: "gemeente Súdwest-Fryslân") == "Súdwest-Fryslân")
        #expect(Analyser.municipality(ofBuyer: "Gemeente Bergen (NH)") == "Bergen (NH)")
        #expect(Analyser.municipality(ofBuyer: "Gemeenschappelijke regeling Jeugdhulp Rijnmond") == "Gemeenschappelijke regeling Jeugdhulp Rijnmond")
    }

    @Test func aCPVColumnIsChecked() throws {
        var metadata = DocumentMetadata()
        #expect(MetadataFields.assign("cpv", key: "cpv", value: "85311300, 85312400-3", to: &metadata, english: false) == nil)
        #expect(metadata.cpv == "85311300, 85312400-3")
        #expect(MetadataFields.assign("cpv", key: "cpv", value: "jeugdzorg", to: &metadata, english: false) == "'cpv' moet CPV-codes van acht cijfers bevatten, zoals 85311300")
        // A spreadsheet number lost the leading zero of a division-03 code: seven digits get it back.
        #expect(MetadataFields.assign("cpv", key: "cpv", value: "3000000.0", to: &metadata, english: false) == nil)
        #expect(metadata.cpv == "03000000")
        #expect(MetadataFields.assign("cpv", key: "cpv", value: "853113", to: &metadata, english: false) != nil)
    }
}
