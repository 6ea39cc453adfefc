import Foundation
import TenderDocument
import TenderLint
import TenderRules

/// A small catalogue of two rules of our own (so these tests do not move when the bundled rules
/// change), with the repository's taxonomy and lexicon; and the bundled catalogue for the tests
/// that must cover every rule.
enum TestCatalogue {
    /// The repository's `rules/` folder.
    static let bundledFolder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("rules").path
    }()

    static let vogRule = """
    id: vog-kopie
    aliases: [vog-oud]
    topic: vog-jeugd
    category: wettelijk-geregeld
    severity: warning
    title: {nl: VOG-kopie, en: Copy of certificate of conduct}
    message: {nl: "Vraag geen '{match}'.", en: "Do not ask for '{match}'."}
    rationale: Waarom.
    basis: [{law: Jeugdwet, article: "4.1.6", bwb: BWBR0034925, status: V, source: test}]
    match: {all: [[vog], [kopie, overleggen, overlegt]], near: 8}
    burden: {hours: 2, frequency: 1}
    model: m1
    examples:
      triggering:
        - "De aanbieder ⟦overlegt een VOG⟧."
        - "Stuur een ⟦kopie van de VOG⟧."
      non-triggering:
        - "De aanbieder heeft een VOG."
        - "Geen verklaring nodig."
    """

    static let reportRule = """
    id: kwartaalrapportage
    topic: maand-kwartaalrapportage
    category: verantwoordingslast
    severity: info
    title: Kwartaalrapportage
    message: "Rapportage per kwartaal: '{match}'."
    rationale: Waarom.
    basis: [{law: Landelijk accountantsprotocol, status: U}]
    match: {all: [[kwartaal, kwartaalrapportage]]}
    burden: {hours: 3, frequency: 4}
    model: m1
    examples:
      triggering:
        - "Elk ⟦kwartaal⟧ rapporteert de aanbieder."
        - "Een ⟦kwartaalrapportage⟧ volgt."
      non-triggering:
        - "Eenmaal per jaar rapporteert de aanbieder."
        - "Geen rapportage."
    """

    /// A scratch catalogue folder with both rules, created once.
    static let folder: String = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lint-cat-\(UUID().uuidString)").path
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: dir + "/models", withIntermediateDirectories: true)
            try fm.createDirectory(atPath: dir + "/test", withIntermediateDirectories: true)
            for f in ["topics.yml", "lexicon.yml"] { try fm.copyItem(atPath: bundledFolder + "/" + f, toPath: dir + "/" + f) }
            try """
            id: m1
            title: Model
            text: Een modeltekst.
            basis: [{law: Jeugdwet, article: "4.1.6", status: V, source: test}]
            """.write(toFile: dir + "/models/m1.yml", atomically: true, encoding: .utf8)
            try vogRule.write(toFile: dir + "/test/vog-kopie.yml", atomically: true, encoding: .utf8)
            try reportRule.write(toFile: dir + "/test/kwartaalrapportage.yml", atomically: true, encoding: .utf8)
        } catch {
            preconditionFailure("cannot write the test catalogue: \(error)")
        }
        return dir
    }()

    static let catalogue: Result<Catalogue, CatalogueErrors> = Result { () throws(CatalogueErrors) in try Catalogue.load(from: folder) }

    /// The bundled catalogue, loaded once for the tests that need every rule.
    static let bundled: Result<Catalogue, CatalogueErrors> = Result { () throws(CatalogueErrors) in try Catalogue.load(from: bundledFolder) }

    /// A plain-text document of one paragraph per line, with an eForms-style issue date if given.
    static func lines(_ lines: [String], issued: String? = nil) -> Document {
        Document(path: "bestek.txt", format: .text, contentHash: "",
                 blocks: lines.enumerated().map { Block(kind: .paragraph, text: $1, firstLine: $0 + 1) },
                 properties: DocumentProperties(issued: issued))
    }

    static func engine(_ options: EngineOptions = EngineOptions()) throws -> Engine {
        Engine(catalogue: try catalogue.get(), options: options)
    }

    /// A Markdown document read the way `tenderlint lint` reads one.
    static func document(_ text: String, path: String = "bestek.md") -> Document {
        var blocks: [Block] = []
        var lineNumber = 1
        // One block per paragraph (blank-line separated), as the Markdown reader does.
        for paragraph in text.components(separatedBy: "\n\n") {
            let kind: BlockKind = paragraph.hasPrefix("#") ? .heading(level: paragraph.prefix { $0 == "#" }.count) : .paragraph
            if !paragraph.isEmpty { blocks.append(Block(kind: kind, text: paragraph, firstLine: lineNumber)) }
            lineNumber += paragraph.split(separator: "\n", omittingEmptySubsequences: false).count + 1
        }
        return Document(path: path, format: .markdown, contentHash: "", blocks: blocks)
    }

    /// A scratch folder for files of one test.
    static func scratchFolder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lint-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
