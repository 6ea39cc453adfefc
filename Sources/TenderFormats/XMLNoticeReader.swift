import TenderDocument
import TenderXML

/// Reads an EU eForms notice (UBL `ContractNotice`, `ContractAwardNotice`,
/// `PriorInformationNotice`): the free-text fields a tender author writes, each as a block of
/// kind `.noticeField("BT-…")`, in document order.
///
/// Fields are recognised by their element path below the notice or below a
/// `cac:ProcurementProjectLot` (lot, part or group of lots), as the eForms SDK defines them;
/// where one path serves several business terms, the code beside it decides. Codes, dates,
/// amounts and indicators (BT-539 award criterion type, BT-40 second-stage indicator, …) are
/// not text and are not read. Of a field given in several languages (`languageID`), Dutch
/// (`NLD`) is read, else the notice language (`cbc:NoticeLanguageCode`), else the first.
/// Positions are `.xml(path:line:column: 1)` as for generic XML.
enum XMLNoticeReader {
    /// One text field: its path of local names below the notice or a lot, and optionally the
    /// `listName` of a sibling code element that tells it apart from fields on the same path.
    struct Field {
        let id: String
        let path: String
        var atNoticeLevel = true
        var atLotLevel = true
        var siblingListName: String?
    }

    private static let selection = "TenderingTerms/UBLExtensions/UBLExtension/ExtensionContent/EformsExtension/SelectionCriteria"
    private static let award = "TenderingTerms/AwardingTerms/AwardingCriterion"

    /// The free-text fields read, by eForms business term (eForms SDK 1.x field definitions).
    static let fields: [Field] = [
        Field(id: "BT-21", path: "ProcurementProject/Name"),                      // title
        Field(id: "BT-24", path: "ProcurementProject/Description"),               // description
        Field(id: "BT-300", path: "ProcurementProject/Note"),                     // additional information
        Field(id: "BT-54", path: "ProcurementProject/ContractExtension/OptionsDescription"),
        Field(id: "BT-57", path: "ProcurementProject/ContractExtension/Renewal/Period/Description"),
        Field(id: "BT-728", path: "ProcurementProject/RealizedLocation/Description"),
        Field(id: "BT-88", path: "TenderingProcess/Description", atLotLevel: false),       // procedure features
        Field(id: "BT-1351", path: "TenderingProcess/ProcessJustification/ProcessReason", atLotLevel: false),
        Field(id: "BT-67", path: "TenderingTerms/TendererQualificationRequest/SpecificTendererRequirement/Description",
              siblingListName: "exclusion-ground"),                                 // exclusion grounds
        Field(id: "BT-772", path: "TenderingTerms/TendererQualificationRequest/SpecificTendererRequirement/Description",
              siblingListName: "missing-info-submission"),
        Field(id: "BT-76", path: "TenderingTerms/TendererQualificationRequest/CompanyLegalForm"),
        Field(id: "BT-749", path: selection + "/Name"),                             // selection criterion name
        Field(id: "BT-750", path: selection + "/Description"),                      // selection criterion
        Field(id: "BT-734", path: award + "/SubordinateAwardingCriterion/Name"),    // award criterion name
        Field(id: "BT-540", path: award + "/SubordinateAwardingCriterion/Description"), // award criterion
        Field(id: "BT-733", path: award + "/Description"),                          // order of importance justification
        Field(id: "BT-543", path: award + "/CalculationExpression"),                // weighting method
        Field(id: "BT-70", path: "TenderingTerms/ContractExecutionRequirement/Description",
              siblingListName: "conditions"),                                       // terms of performance
        Field(id: "BT-802", path: "TenderingTerms/ContractExecutionRequirement/Description", siblingListName: "nda"),
        Field(id: "BT-75", path: "TenderingTerms/RequiredFinancialGuarantee/Description"),
        Field(id: "BT-77", path: "TenderingTerms/PaymentTerms/Note"),               // financial terms
        Field(id: "BT-732", path: "TenderingTerms/SecurityClearanceTerm/Description"),
        Field(id: "BT-99", path: "TenderingTerms/AppealTerms/PresentationPeriod/Description"),
        Field(id: "BT-122", path: "TenderingProcess/AuctionTerms/Description"),
        Field(id: "BT-111", path: "TenderingProcess/FrameworkAgreement/SubsequentProcessTenderRequirement/Description"),
    ]

    private static let fieldsByPath: [String: [Field]] = Dictionary(grouping: fields, by: \.path)

    /// The root element names of the notices read here.
    static let noticeRoots: Set<String> = ["ContractNotice", "ContractAwardNotice", "PriorInformationNotice"]

    /// The notice's text fields and what it says about itself (buyer, date, title, CPV); an XML
    /// file that is not a notice is read as generic XML, without properties.
    static func read(bytes: [UInt8], path: String, limits: XMLLimits) throws(ReaderError) -> (blocks: [Block], properties: DocumentProperties) {
        let root: XMLTree.Element
        do {
            root = try XMLTree.parse(bytes, limits: limits).root
        } catch {
            throw .invalidXML(path: path, part: nil, error: error)
        }
        guard noticeRoots.contains(root.name) else {
            return (try GenericXMLReader.read(bytes: bytes, path: path, limits: limits), DocumentProperties())
        }
        let noticeLanguage = root.elements.first { $0.name == "NoticeLanguageCode" }?.text
        let languages = ["NLD", noticeLanguage?.uppercased()].compactMap { $0 }
        var reader = Walk(languages: languages)
        reader.visit(root, path: "/" + root.qualifiedName, relative: [], atLot: false)
        return (reader.blocks, PropertiesReader.notice(root, languages: languages))
    }

    private struct Walk {
        let languages: [String]
        var blocks: [Block] = []

        mutating func visit(_ element: XMLTree.Element, path: String, relative: [String], atLot: Bool) {
            for (child, step) in XMLNoticeReader.preferredLanguage(GenericXMLReader.steps(of: element), languages) {
                let childPath = path + "/" + step
                if child.name == "ProcurementProjectLot" {
                    visit(child, path: childPath, relative: [], atLot: true)
                    continue
                }
                let names = relative + [child.name]
                if let candidates = XMLNoticeReader.fieldsByPath[names.joined(separator: "/")],
                   let field = candidates.first(where: { matches($0, child: child, parent: element, atLot: atLot) }) {
                    if let block = GenericXMLReader.block(kind: .noticeField(field.id), text: child.text,
                                                          path: childPath, line: child.line) {
                        blocks.append(block)
                    }
                    continue
                }
                // Paths of interest are at most 9 steps deep; deeper subtrees hold no fields.
                if names.count < 9 { visit(child, path: childPath, relative: names, atLot: atLot) }
            }
        }

        private func matches(_ field: Field, child: XMLTree.Element, parent: XMLTree.Element, atLot: Bool) -> Bool {
            guard atLot ? field.atLotLevel : field.atNoticeLevel else { return false }
            guard let listName = field.siblingListName else { return true }
            return parent.elements.contains { $0.name != child.name && $0.attribute("listName") == listName }
        }
    }

    /// Drops the translations of a multilingual field: of same-named siblings that carry
    /// `languageID`, only those in the first preferred language present are kept (all of the
    /// first language if none is preferred).
    static func preferredLanguage(_ steps: [(XMLTree.Element, String)], _ languages: [String]) -> [(XMLTree.Element, String)] {
        var chosen: [String: String] = [:]
        var byName: [String: [String]] = [:]
        for (child, _) in steps {
            if let language = child.attribute("languageID")?.uppercased() { byName[child.qualifiedName, default: []].append(language) }
        }
        for (name, present) in byName {
            chosen[name] = languages.first(where: present.contains) ?? present[0]
        }
        return steps.filter { child, _ in
            guard let language = child.attribute("languageID")?.uppercased(), let keep = chosen[child.qualifiedName] else { return true }
            return language == keep
        }
    }
}
