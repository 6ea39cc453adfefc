import Testing
import TenderDocument
@testable import TenderFormats
import TenderXML

@Suite struct XMLReaderTests {
    @Test func genericXMLGivesTextInDocumentOrderWithPaths() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bestek>
          <titel>Programma van Eisen</titel>
          <artikel nr="1"><kop>Looptijd</kop><lid>De overeenkomst loopt <b>vier</b> jaar.</lid></artikel>
          <artikel nr="2">
            <kop>Tarieven</kop>
            <lid>
              Eerste regel
              tweede regel
            </lid>
            <leeg>   </leeg>
          </artikel>
        </bestek>
        """
        let document = try DocumentReader().read(bytes: Array(xml.utf8), path: "bestek.xml")
        #expect(document.format == .xml)
        let blocks = document.blocks
        #expect(blocks.map(\.text) == ["Programma van Eisen", "Looptijd", "De overeenkomst loopt vier jaar.", "Tarieven",
                                       "Eerste regel\n      tweede regel"])
        #expect(blocks[0].lineOrigins == [.xml(path: "/bestek/titel", line: 3, column: 1)])
        #expect(blocks[2].lineOrigins == [.xml(path: "/bestek/artikel[1]/lid", line: 4, column: 1)])
        #expect(blocks[3].lineOrigins == [.xml(path: "/bestek/artikel[2]/kop", line: 6, column: 1)])
        // The text starts on the line after <lid>.
        #expect(blocks[4].lineOrigins == [.xml(path: "/bestek/artikel[2]/lid", line: 8, column: 1),
                                          .xml(path: "/bestek/artikel[2]/lid", line: 9, column: 1)])
    }

    @Test func malformedXMLNamesLineAndReason() throws {
        #expect {
            try DocumentReader().read(bytes: Array("<?xml version=\"1.0\"?>\n<a>\n<b></a>".utf8), path: "kapot.xml")
        } throws: { error in
            guard case let ReaderError.invalidXML(path, part, .malformed(line, _, _)) = error else { return false }
            return path == "kapot.xml" && part == nil && line == 3
                && !(error as! ReaderError).message().contains("\n")
        }
    }

    @Test func xxeInAPlainXMLFileIsRefused() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
        let error = ReaderError.invalidXML(path: "x.xml", part: nil, error: .doctypeRefused(line: 2, reason: .internalSubset))
        #expect(throws: error) { try DocumentReader().read(bytes: Array(xml.utf8), path: "x.xml") }
        #expect(error.message(english: true) == "x.xml: DOCTYPE with an internal subset (entity declarations) refused at line 2")
    }
}

@Suite struct NoticeReaderTests {
    @Test func sampleNoticeGivesItsFieldsWithBusinessTerms() throws {
        let document = try DocumentReader().read(path: Samples.sample("inkoopdocument-jeugdhulp.eforms.xml"))
        #expect(document.format == .eforms)
        let fields = document.blocks.compactMap { block -> String? in
            guard case let .noticeField(id) = block.kind else { return nil }
            return id
        }
        #expect(fields == ["BT-67", "BT-88", "BT-21", "BT-24", "BT-300", "BT-749", "BT-750", "BT-750", "BT-70",
                           "BT-734", "BT-540", "BT-21", "BT-24", "BT-21", "BT-24", "BT-21", "BT-24"])
        // Dutch is preferred over the English translation next to it.
        let title = try #require(document.blocks.first { $0.kind == .noticeField("BT-21") })
        #expect(title.text == "Inkoopdocument Jeugdhulp 2027 Regio Lindeveld")
        #expect(title.lineOrigins.first == .xml(path: "/ContractNotice/cac:ProcurementProject/cbc:Name[2]", line: 76, column: 1))
        let selection = try #require(document.blocks.first { $0.kind == .noticeField("BT-750") })
        #expect(selection.text.contains("volledige kwaliteitshandboek"))
        guard case let .xml(path, _, _) = selection.lineOrigins[0] else { Issue.record("no xml position"); return }
        #expect(path.hasSuffix("/efac:SelectionCriteria[1]/cbc:Description"))
        #expect(path.hasPrefix("/ContractNotice/cac:ProcurementProjectLot[1]/"))
    }

    @Test func languagePreferenceIsDutchThenNoticeLanguageThenFirst() throws {
        func notice(_ names: String, language: String = "ENG") -> [UInt8] {
            Array("""
            <ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"
              xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
              xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
            <cbc:NoticeLanguageCode>\(language)</cbc:NoticeLanguageCode>
            <cac:ProcurementProject>\(names)</cac:ProcurementProject></ContractNotice>
            """.utf8)
        }
        func title(_ bytes: [UInt8]) throws -> [String] {
            try DocumentReader().read(bytes: bytes, path: "n.xml").blocks.map(\.text)
        }
        let fra = #"<cbc:Name languageID="FRA">Titre</cbc:Name>"#
        let eng = #"<cbc:Name languageID="ENG">Title</cbc:Name>"#
        let nld = #"<cbc:Name languageID="nld">Titel</cbc:Name>"#
        #expect(try title(notice(fra + eng + nld)) == ["Titel"])
        #expect(try title(notice(fra + eng)) == ["Title"])
        #expect(try title(notice(fra + eng, language: "DEU")) == ["Titre"])
    }

    @Test func sameTextPathIsToldApartByTheCodeBesideIt() throws {
        let xml = """
        <ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"
          xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
          xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
        <cac:ProcurementProjectLot><cbc:ID schemeName="Lot">LOT-0001</cbc:ID><cac:TenderingTerms>
          <cac:ContractExecutionRequirement><cbc:ExecutionRequirementCode listName="conditions">performance</cbc:ExecutionRequirementCode>
            <cbc:Description languageID="NLD">Uitvoeringsvoorwaarden</cbc:Description></cac:ContractExecutionRequirement>
          <cac:ContractExecutionRequirement><cbc:ExecutionRequirementCode listName="nda">true</cbc:ExecutionRequirementCode>
            <cbc:Description languageID="NLD">Geheimhouding</cbc:Description></cac:ContractExecutionRequirement>
          <cac:ContractExecutionRequirement><cbc:ExecutionRequirementCode listName="einvoicing">required</cbc:ExecutionRequirementCode></cac:ContractExecutionRequirement>
        </cac:TenderingTerms></cac:ProcurementProjectLot></ContractNotice>
        """
        let blocks = try DocumentReader().read(bytes: Array(xml.utf8), path: "n.xml").blocks
        #expect(blocks.map(\.kind) == [.noticeField("BT-70"), .noticeField("BT-802")])
    }
}
