import Foundation
import TenderDocument
import TenderXML

/// The properties a file states about itself (see `DocumentProperties`), read from the parts the
/// readers already hold: an eForms notice's tree, a DOCX's `docProps/core.xml`, an ODT's
/// `meta.xml` or a flat ODT's `office:meta`. Nothing is parsed a second time.
enum PropertiesReader {
    static let dublinCore = "http://purl.org/dc/elements/1.1/"

    /// `dc:title` of a DOCX's core properties (`cp:coreProperties`).
    static func core(_ root: XMLTree.Element?) -> DocumentProperties {
        DocumentProperties(title: root?.element("title", namespace: dublinCore)?.text)
    }

    /// `dc:title` below `office:meta` of an ODF document (`meta.xml`'s root or a flat ODT's root).
    static func office(_ root: XMLTree.Element?) -> DocumentProperties {
        DocumentProperties(title: root?.element("meta", namespace: OdfNamespace.office)?.element("title", namespace: dublinCore)?.text)
    }

    /// An eForms notice: the title (BT-21 of the procedure), the buyer (BT-500, the name of the
    /// organisation the first contracting party points at), the issue date (BT-05) and the main
    /// CPV codes (BT-262) of the procedure and its lots. Of a name in several languages the
    /// first of `languages` is taken, else the first given.
    static func notice(_ root: XMLTree.Element, languages: [String]) -> DocumentProperties {
        let project = root.elements.first { $0.name == "ProcurementProject" }
        let title = preferred(project?.elements.filter { $0.name == "Name" } ?? [], languages)?.text
        let lots = root.elements.filter { $0.name == "ProcurementProjectLot" }
            .compactMap { lot in lot.elements.first { $0.name == "ProcurementProject" } }
        var cpv: [String] = []
        for project in [project].compactMap({ $0 }) + lots {
            for classification in project.elements where classification.name == "MainCommodityClassification" {
                guard let code = classification.elements.first(where: { $0.name == "ItemClassificationCode" }),
                      let digits = DocumentProperties.cpvDigits(code.text), !cpv.contains(digits) else { continue }
                cpv.append(digits)
            }
        }
        return DocumentProperties(title: title, buyer: buyer(root, languages), issued: date(root.elements.first { $0.name == "IssueDate" }?.text), cpv: cpv)
    }

    /// The buyer's name: the contracting party's own `PartyName`, or the organisation in the
    /// notice's `efac:Organizations` whose identifier it gives.
    private static func buyer(_ root: XMLTree.Element, _ languages: [String]) -> String? {
        guard let party = root.elements.first(where: { $0.name == "ContractingParty" })?.elements.first(where: { $0.name == "Party" }) else { return nil }
        if let own = name(of: party, languages) { return own }
        guard let id = child(party, "PartyIdentification")?.elements.first(where: { $0.name == "ID" })?.text.trimmed, !id.isEmpty else { return nil }
        let organisations = root.descendants { $0.name == "Organization" }
        for organisation in organisations {
            guard let company = child(organisation, "Company"),
                  child(company, "PartyIdentification")?.elements.first(where: { $0.name == "ID" })?.text.trimmed == id else { continue }
            return name(of: company, languages)
        }
        return nil
    }

    private static func name(of party: XMLTree.Element, _ languages: [String]) -> String? {
        let names = party.elements.filter { $0.name == "PartyName" }.flatMap { $0.elements.filter { $0.name == "Name" } }
        return preferred(names, languages)?.text
    }

    private static func child(_ element: XMLTree.Element, _ name: String) -> XMLTree.Element? {
        element.elements.first { $0.name == name }
    }

    private static func preferred(_ elements: [XMLTree.Element], _ languages: [String]) -> XMLTree.Element? {
        for language in languages {
            if let match = elements.first(where: { $0.attribute("languageID")?.uppercased() == language }) { return match }
        }
        return elements.first
    }

    /// `2026-03-02+01:00` → `2026-03-02`; anything that does not start with a date gives nothing.
    static func date(_ text: String?) -> String? {
        guard let text = text?.trimmed else { return nil }
        let head = Array(text.utf8.prefix(10))
        guard head.count == 10, head[4] == UInt8(ascii: "-"), head[7] == UInt8(ascii: "-"),
              head.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0.element) })
        else { return nil }
        return String(decoding: head, as: UTF8.self)
    }
}

private extension String {
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
