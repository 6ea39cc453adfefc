import Foundation
import GRDB
import Testing
import TenderInventory
import TenderLint

/// The scenario of issue 16: a corpus with copies in several formats, a metadata table for twelve
/// municipalities in three regions, one broken file and one `.doc`.
@Suite struct ShowableInventoryTests {
    static let regions = ["Utrecht-Oost", "Holland Rijnland", "Twente"]
    static let municipalities = ["Zeist", "De Bilt", "Bunnik", "Utrechtse Heuvelrug",
                                 "Leiden", "Katwijk", "Oegstgeest", "Teylingen",
                                 "Enschede", "Hengelo", "Almelo", "Oldenzaal"]

    /// Writes the corpus below `folder/corpus` and the deduplicated corpus below `folder/unique`
    /// (one file per tender: the one the scan keeps), and the metadata table; returns its path.
    static func makeCorpus(_ folder: URL, engine: Engine, delimiter: String = ";") throws -> String {
        let fm = FileManager.default
        let corpus = folder.appendingPathComponent("corpus"), unique = folder.appendingPathComponent("unique")
        for dir in [corpus, unique] { try fm.createDirectory(at: dir, withIntermediateDirectories: true) }
        let texts = InventoryFixture.documents(count: 12, catalogue: engine.catalogue)
        var table = ["bestand", "gemeente", "regio", "jaar", "aantal aanbieders", "domein"].joined(separator: delimiter) + "\n"
        for (i, text) in texts.enumerated() {
            let name = "bestek-\(i + 1).md"
            for dir in [corpus, unique] { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            // Three tenders also as a plain-text copy and one as an identical copy under another name.
            if i < 3 { try text.write(to: corpus.appendingPathComponent("bestek-\(i + 1)-kopie.txt"), atomically: true, encoding: .utf8) }
            if i == 4 { try text.write(to: corpus.appendingPathComponent("bijlage-\(i + 1).md"), atomically: true, encoding: .utf8) }
            table += [name, municipalities[i], regions[i / 4], String(2023 + i % 3), String(10 + i), i % 2 == 0 ? "jeugd" : "wmo"]
                .joined(separator: delimiter) + "\n"
        }
        // One real tender in DOCX, ODT and PDF: one document; the table names the DOCX.
        for ext in ["docx", "odt", "pdf"] {
            try fm.copyItem(atPath: InventoryFixture.samplesFolder + "/formats/inkoopdocument-jeugdhulp." + ext,
                            toPath: corpus.appendingPathComponent("jeugdhulp-zeist." + ext).path)
        }
        try fm.copyItem(atPath: InventoryFixture.samplesFolder + "/formats/inkoopdocument-jeugdhulp.docx",
                        toPath: unique.appendingPathComponent("jeugdhulp-zeist.docx").path)
        table += ["jeugdhulp-zeist.docx", "Zeist", "Utrecht-Oost", "2025", "", "jeugd"].joined(separator: delimiter) + "\n"
        // A broken DOCX and a Word 97 file.
        try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 200)).write(to: corpus.appendingPathComponent("kapot.docx"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: corpus.appendingPathComponent("oud-bestek.doc"))
        // A row that says "onbekend" gives no municipality.
        table += ["bijlage-5.md", "onbekend", "onbekend", "", "", ""].joined(separator: delimiter) + "\n"
        let tablePath = folder.appendingPathComponent("metadata.csv").path
        try table.write(toFile: tablePath, atomically: true, encoding: .utf8)
        return tablePath
    }

    @Test func copiesCountOnceAndEveryFileIsAccountedFor() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let tablePath = try Self.makeCorpus(folder, engine: engine)
        var scanner = InventoryFixture.scanner(engine: engine)
        scanner.table = try MetadataTable.load(path: tablePath)

        let store = try InventoryStore(path: folder.appendingPathComponent("corpus.sqlite").path)
        let scanned = try await scanner.scan([folder.appendingPathComponent("corpus").path], into: store, parameters: BurdenParameters())
        #expect(scanned.files == 21)
        #expect(scanned.failed == 2)
        #expect(scanned.failures.contains { $0.contains("oud-bestek.doc") && $0.contains("Word 97-2003") }, "\(scanned.failures)")
        #expect(scanned.failures.contains { $0.contains("kapot.docx") })
        // 3 txt copies (6 files) + 1 renamed copy (2) + DOCX/ODT/PDF (3): 5 tenders in 11 files.
        #expect(scanned.duplicateFiles == 11)
        #expect(scanned.duplicateDocuments == 5)
        #expect(ScanProgressPrinter.summaryLine(scanned, database: "db").contains("kapot.docx"))

        let uniqueStore = try InventoryStore(path: folder.appendingPathComponent("unique.sqlite").path)
        _ = try await scanner.scan([folder.appendingPathComponent("unique").path], into: uniqueStore, parameters: BurdenParameters())

        let s = try store.summary(parameters: BurdenParameters(), limit: 50)
        let u = try uniqueStore.summary(parameters: BurdenParameters(), limit: 50)
        #expect(s.totals.documents == 13)
        #expect(s.totals.documents == u.totals.documents)
        #expect(s.totals.findings == u.totals.findings)
        #expect(abs(s.totals.hoursPerProvider - u.totals.hoursPerProvider) < 1e-6)
        #expect(abs(s.totals.hoursAllProviders - u.totals.hoursAllProviders) < 1e-6)
        #expect(s.topics == u.topics)
        #expect(s.municipalities == u.municipalities)
        // Twelve municipalities in three regions; "onbekend" is none of them.
        #expect(s.totals.municipalities == 12)
        #expect(s.totals.regions == 3)
        #expect(s.counts["municipalities"] == 12)
        #expect(!s.municipalities.contains { $0.key?.lowercased() == "onbekend" })
        #expect(s.merged.count == 5)
        #expect(s.merged.contains { $0.files == ["jeugdhulp-zeist.docx", "jeugdhulp-zeist.odt", "jeugdhulp-zeist.pdf"] })
        #expect(Set(s.unread.map(\.file)) == ["kapot.docx", "oud-bestek.doc"])
        #expect(s.documents.allSatisfy { !$0.name.contains("/") })

        let html = try InventoryReportFormat.html.render(s, options: InventoryReportOptions(language: .nl, toolVersion: "test", database: nil))
        #expect(html.contains("11 bestanden bevatten dezelfde aanbesteding"))
        #expect(html.contains("oud-bestek.doc"))
        #expect(!html.contains(folder.path))
        #expect(html.contains("Alle 12 gemeenten"), "the list names twelve municipalities, 'onbekend' apart")
        // The row that says "onbekend" is a copy of a tender of Katwijk: merged, no unknown document left.
        #expect(!html.contains("zonder deze metadata"))
    }

    @Test func aRescanWithoutTheTableKeepsTheMetadata() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let tablePath = try Self.makeCorpus(folder, engine: engine, delimiter: ",")
        var scanner = InventoryFixture.scanner(engine: engine)
        scanner.table = try MetadataTable.load(path: tablePath)
        let dbPath = folder.appendingPathComponent("corpus.sqlite").path
        let store = try InventoryStore(path: dbPath)
        let corpus = folder.appendingPathComponent("corpus").path
        _ = try await scanner.scan([corpus], into: store, parameters: BurdenParameters())
        let before = try store.summary(parameters: BurdenParameters(), limit: 50)
        scanner.table = nil
        let again = try await scanner.scan([corpus], into: store, parameters: BurdenParameters())
        #expect(again.refreshed == 0)
        let after = try store.summary(parameters: BurdenParameters(), limit: 50)
        #expect(after.municipalities == before.municipalities)
        #expect(after.totals.municipalities == 12)
        let queue = try DatabaseQueue(path: dbPath)
        let source = try await queue.read { db in
            try String.fetchOne(db, sql: "SELECT metadataSource FROM document WHERE path LIKE '%/bestek-1.md'")
        }
        #expect(source?.contains("tabel metadata.csv") == true)
        let title = try await queue.read { db in
            try String.fetchOne(db, sql: "SELECT title FROM document WHERE path LIKE '%/bestek-2.md'")
        }
        #expect(title == "Raamovereenkomst sociaal domein 2")
    }

    /// A copy without metadata that resembles the tenders of two municipalities joins one of them;
    /// it does not merge the two tenders into one (it did: union-find joined all three).
    @Test func aCopyWithoutMetadataNeverJoinsTwoMunicipalities() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        let text = InventoryFixture.documents(count: 1, catalogue: engine.catalogue)[0]
        try text.write(to: corpus.appendingPathComponent("zeist.md"), atomically: true, encoding: .utf8)
        try text.write(to: corpus.appendingPathComponent("zeist-kopie.md"), atomically: true, encoding: .utf8)
        try (text + "\nGewijzigd.\n").write(to: corpus.appendingPathComponent("enschede.md"), atomically: true, encoding: .utf8)
        let table = folder.appendingPathComponent("meta.csv").path
        try "bestand;gemeente\nzeist.md;Zeist\nenschede.md;Enschede\n".write(toFile: table, atomically: true, encoding: .utf8)
        var scanner = InventoryFixture.scanner(engine: engine)
        scanner.table = try MetadataTable.load(path: table)
        let store = try InventoryStore(path: folder.appendingPathComponent("s.sqlite").path)
        let scanned = try await scanner.scan([corpus.path], into: store, parameters: BurdenParameters())
        #expect(scanned.duplicateFiles == 2)
        #expect(scanned.duplicateDocuments == 1)
        let s = try store.summary(parameters: BurdenParameters())
        #expect(s.totals.documents == 2)
        #expect(Set(s.municipalities.compactMap(\.key)) == ["Zeist", "Enschede"])
        // The copy is as like the one as the other (equal fingerprints): which it joins is a tie.
        #expect(s.merged.count == 1)
        #expect(s.merged.first?.files.last == "zeist-kopie.md")
    }

    @Test func tableErrorsNameTheLine() {
        #expect(throws: InventoryError.metadata(path: "t.csv", line: 3, reason: "'jaar' moet een jaartal zijn, zoals 2025")) {
            try MetadataTable.parse(csv: "pad;jaar\na.md;2024\nb.md;twintig\n", name: "t.csv", path: "t.csv")
        }
        #expect(throws: InventoryError.self) { try MetadataTable.parse(csv: "gemeente\nZeist\n", name: "t.csv", path: "t.csv") }
        let quoted = try? MetadataTable.parse(csv: "bestand,gemeente,titel\n\"a.md\",\"Bergen (NH)\",\"Inkoop, deel 2\"\n", name: "t", path: "t")
        #expect(quoted?.metadata(for: "x/y/a.md")?.title == "Inkoop, deel 2")
        #expect(quoted?.metadata(for: "x/y/a.md")?.municipality == "Bergen (NH)")
    }
}
