import Foundation
import Testing
import TenderDocument
@testable import TenderFormats

/// What a file says about itself: read from files written by software nobody here wrote
/// (python-docx's core properties, odfpy's meta, LibreOffice's flat ODT) and from the bundled
/// eForms notice.
@Suite(.serialized) struct PropertiesTests {
    static let python = run(["python3", "-c", "import docx, odf"]).status == 0
    static let soffice = run(["soffice", "--version"]).status == 0

    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "tenderlint-properties-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theNoticeGivesBuyerDateTitleAndCPV() throws {
        let document = try DocumentReader().read(path: Samples.sample("inkoopdocument-jeugdhulp.eforms.xml"))
        #expect(document.properties.buyer == "Gemeente Lindeveld, namens de Regio Lindeveld")
        #expect(document.properties.issued == "2026-03-02")
        #expect(document.properties.year == 2026)
        #expect(document.properties.title == "Inkoopdocument Jeugdhulp 2027 Regio Lindeveld")
        #expect(document.properties.cpv == ["85311300"])
    }

    @Test func noticeFieldsAreReadWhereTheyAreAndNowhereElse() throws {
        let ubl = #"xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2""#
        let notice = """
            <ContractNotice \(ubl)>
              <cbc:IssueDate>2025-11-30Z</cbc:IssueDate>
              <cac:ContractingParty><cac:Party><cac:PartyName><cbc:Name languageID="ENG">Municipality of Haarwijk</cbc:Name><cbc:Name languageID="NLD">Gemeente Haarwijk</cbc:Name></cac:PartyName></cac:Party></cac:ContractingParty>
              <cac:ProcurementProject><cbc:Name>Wmo begeleiding</cbc:Name><cbc:Description>Begeleiding.</cbc:Description>
                <cac:MainCommodityClassification><cbc:ItemClassificationCode listName="cpv">85312400-3</cbc:ItemClassificationCode></cac:MainCommodityClassification>
                <cac:AdditionalCommodityClassification><cbc:ItemClassificationCode listName="cpv">85000000</cbc:ItemClassificationCode></cac:AdditionalCommodityClassification>
              </cac:ProcurementProject>
              <cac:ProcurementProjectLot><cac:ProcurementProject>
                <cac:MainCommodityClassification><cbc:ItemClassificationCode listName="cpv">85311200</cbc:ItemClassificationCode></cac:MainCommodityClassification>
                <cac:MainCommodityClassification><cbc:ItemClassificationCode listName="cpv">niet-een-code</cbc:ItemClassificationCode></cac:MainCommodityClassification>
              </cac:ProcurementProject></cac:ProcurementProjectLot>
            </ContractNotice>
            """
        let document = try DocumentReader().read(bytes: Array(notice.utf8), path: "aankondiging.xml")
        #expect(document.format == .eforms)
        #expect(document.properties == DocumentProperties(title: "Wmo begeleiding", buyer: "Gemeente Haarwijk", issued: "2025-11-30",
                                                          cpv: ["85312400", "85311200"]))
        // Generic XML says nothing about itself.
        let generic = try DocumentReader().read(bytes: Array("<bestek><titel>Jeugdhulp</titel></bestek>".utf8), path: "bestek.xml")
        #expect(generic.properties.isEmpty)
    }

    @Test(.enabled(if: python)) func pythonDocxAndOdfpyTitlesAreRead() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = """
            import sys, docx
            from odf.opendocument import OpenDocumentText
            from odf import dc, text
            d = docx.Document(); d.core_properties.title = "Raamovereenkomst Wmo  begeleiding 2027"
            d.add_paragraph("De Aanbieder levert maandelijks een rapportage aan."); d.save(sys.argv[1] + "/titel.docx")
            e = docx.Document(); e.add_paragraph("Geen titel in de eigenschappen."); e.save(sys.argv[1] + "/zonder.docx")
            o = OpenDocumentText(); o.meta.addElement(dc.Title(text="Inkoopdocument Jeugdhulp Haarwijk"))
            o.text.addElement(text.P(text="De Aanbieder levert maandelijks een rapportage aan.")); o.save(sys.argv[1] + "/titel.odt")
            import zipfile
            with zipfile.ZipFile(sys.argv[1] + "/titel.docx") as z, zipfile.ZipFile(sys.argv[1] + "/kapot.docx", "w") as out:
                for i in z.infolist():
                    out.writestr(i, b"<cp:coreProperties><dc:title>kapot" if i.filename == "docProps/core.xml" else z.read(i))
            """
        let made = Self.run(["python3", "-c", script, folder])
        try #require(made.status == 0, "\(made.output)")
        #expect(try DocumentReader().read(path: folder + "/titel.docx").properties.title == "Raamovereenkomst Wmo begeleiding 2027")
        #expect(try DocumentReader().read(path: folder + "/zonder.docx").properties.title == nil)
        #expect(try DocumentReader().read(path: folder + "/titel.odt").properties.title == "Inkoopdocument Jeugdhulp Haarwijk")
        // A broken core part costs the title, not the document.
        let broken = try DocumentReader().read(path: folder + "/kapot.docx")
        #expect(broken.properties.title == nil)
        #expect(broken.blocks.map(\.text) == ["De Aanbieder levert maandelijks een rapportage aan."])
    }

    @Test(.enabled(if: python && soffice)) func libreOfficesFlatODTTitleIsRead() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let script = """
            import sys
            from odf.opendocument import OpenDocumentText
            from odf import dc, text
            o = OpenDocumentText(); o.meta.addElement(dc.Title(text="Programma van eisen participatie"))
            o.text.addElement(text.P(text="De Aanbieder levert maandelijks een rapportage aan.")); o.save(sys.argv[1] + "/pve.odt")
            """
        try #require(Self.run(["python3", "-c", script, folder]).status == 0)
        let converted = Self.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://\(folder)/profile",
                                  "--convert-to", "fodt", "--outdir", folder + "/flat", folder + "/pve.odt"])
        try #require(converted.status == 0, "\(converted.output)")
        let document = try DocumentReader().read(path: folder + "/flat/pve.fodt")
        #expect(document.format == .fodt)
        #expect(document.properties.title == "Programma van eisen participatie")
    }

    @Test func datesAndCodesAreCheckedNotGuessed() {
        #expect(PropertiesReader.date("2026-03-02+01:00") == "2026-03-02")
        #expect(PropertiesReader.date("2 maart 2026") == nil)
        #expect(PropertiesReader.date("2026-3-2") == nil)
        #expect(DocumentProperties.cpvDigits("85311300-5") == "85311300")
        #expect(DocumentProperties.cpvDigits("853113") == nil)
        #expect(DocumentProperties.cpvDigits("85311300-xyz") == nil)
    }
}
