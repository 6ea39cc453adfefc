import Testing
import TenderDocument
@testable import TenderFormats

@Suite struct OdtReaderTests {
    static let namespaces = """
    xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
    xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
    xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
    xmlns:dc="http://purl.org/dc/elements/1.1/" \
    xmlns:xml="http://www.w3.org/XML/1998/namespace"
    """

    static let listStyles = """
    <text:list-style style:name="L1">
      <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>
      <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/>
      <!-- Shows all three levels, each in its own format: 1.b.1. -->
      <text:list-level-style-number text:level="3" style:num-format="1" text:display-levels="3" style:num-suffix="."/>
    </text:list-style>
    <text:list-style style:name="L2">
      <text:list-level-style-bullet text:level="1" text:bullet-char="•"/>
    </text:list-style>
    <style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>
    """

    static let body = """
    <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Verwijderde tekst.</text:p></text:deletion></text:changed-region></text:tracked-changes>
    <text:p text:style-name="P1">Programma van Eisen</text:p>
    <text:h text:outline-level="1"><text:number>1</text:number>Algemeen</text:h>
    <text:p>De Opdrachtnemer  <text:span>levert</text:span><text:s text:c="2"/>binnen<text:tab/>30 dagen<text:change text:change-id="c1"/>.</text:p>
    <text:p><office:annotation office:name="a1"><dc:creator>Inkoper</dc:creator><text:p>tenderlint: negeer x (reden)</text:p></office:annotation>Begin van het bereik</text:p>
    <text:p>Einde van het bereik<office:annotation-end office:name="a1"/></text:p>
    <text:list text:style-name="L1" xml:id="list1">
      <text:list-item><text:p>eerste</text:p>
        <text:list><text:list-item><text:p>sub een</text:p></text:list-item><text:list-item><text:p>sub twee</text:p>
          <text:list><text:list-item><text:p>diep</text:p></text:list-item></text:list></text:list-item></text:list>
      </text:list-item>
      <text:list-item><text:p>tweede</text:p><text:p>vervolg van tweede</text:p></text:list-item>
    </text:list>
    <text:p>Tussendoor<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Een voetnoot.</text:p></text:note-body></text:note>.</text:p>
    <text:list text:style-name="L1" text:continue-list="list1">
      <text:list-item><text:p>derde</text:p></text:list-item>
    </text:list>
    <text:list text:style-name="L1">
      <text:list-item text:start-value="5"><text:p>vijfde</text:p></text:list-item>
    </text:list>
    <text:list text:style-name="L2"><text:list-item><text:p>punt</text:p></text:list-item></text:list>
    <table:table><table:table-row><table:table-cell><text:p>Product</text:p></table:table-cell><table:table-cell><text:p>Tarief</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell><text:p>Begeleiding</text:p><text:p>individueel</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>€ 412,00</text:p></table:table-cell></table:table-row></table:table>
    <text:table-of-content><text:index-body><text:p>Algemeen 1</text:p></text:index-body></text:table-of-content>
    """

    static let expectedTexts = [
        "Programma van Eisen", "Algemeen", "De Opdrachtnemer levert  binnen\t30 dagen.", "Begin van het bereik",
        "Einde van het bereik", "eerste", "sub een", "sub twee", "diep", "tweede", "vervolg van tweede", "Tussendoor.",
        "derde", "vijfde", "punt", "Product |\nTarief |", "Begeleiding\nindividueel |\n€ 412,00 |", "Een voetnoot.",
    ]
    static let expectedLabels: [String?] = [
        nil, "1", nil, nil, nil, "1.", "a)", "b)", "1.b.1.", "2.", nil, nil, "3.", "5.", nil, nil, nil, nil,
    ]

    static func content(_ inner: String = body) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content \(namespaces)><office:automatic-styles>\(listStyles)</office:automatic-styles>
        <office:body><office:text>\(inner)</office:text></office:body></office:document-content>
        """
    }

    static let stylesPart = """
    <?xml version="1.0" encoding="UTF-8"?>
    <office:document-styles \(namespaces)><office:master-styles><style:master-page style:name="Standard">
    <style:header><text:p>Gemeente Dijkmeer</text:p></style:header>
    <style:footer><text:p><text:page-number>3</text:page-number></text:p></style:footer>
    </style:master-page></office:master-styles></office:document-styles>
    """

    static func manifest(encrypted: Bool) -> String {
        let encryption = encrypted ? #"<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>"# : ""
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
        <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
        <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">\(encryption)</manifest:file-entry>
        </manifest:manifest>
        """
    }

    static func odt(content: String = content(), encrypted: Bool = false) throws -> [UInt8] {
        try ZipBuilder.zip([
            .init("mimetype", "application/vnd.oasis.opendocument.text", stored: true),
            .init("META-INF/manifest.xml", manifest(encrypted: encrypted)),
            .init("content.xml", content),
            .init("styles.xml", stylesPart),
        ])
    }

    @Test func readsHeadingsListsTablesNotesAndAnnotations() throws {
        let document = try DocumentReader().read(bytes: try Self.odt(), path: "pve.odt")
        #expect(document.format == .odt)
        let blocks = document.blocks
        #expect(blocks.map(\.text) == Self.expectedTexts + ["Gemeente Dijkmeer"])
        #expect(blocks.map(\.label) == Self.expectedLabels + [nil])
        #expect(blocks[0].kind == .heading(level: 1))
        #expect(blocks[1].kind == .heading(level: 1))
        #expect(blocks[5].kind == .listItem)
        #expect(blocks[15].kind == .tableCell)
        #expect(blocks[3].comments == ["tenderlint: negeer x (reden)"])
        #expect(blocks[4].comments == ["tenderlint: negeer x (reden)"])
        #expect(blocks[5].comments.isEmpty)
        // A table row is one block, each cell paragraph on a line of its own from its paragraph.
        #expect(blocks[16].lineOrigins == [.paragraph(18, column: 1), .paragraph(19, column: 1), .paragraph(20, column: 1)])
        #expect(LeadIn.leadIns(of: blocks)[16] == 15)
    }

    @Test func numberedItemsAreReadWithTheirLeadIn() throws {
        let inner = """
        <text:p>Bij de inschrijving voegt u toe:</text:p>
        <text:list text:style-name="L1"><text:list-item><text:p>een kopie van de VOG;</text:p></text:list-item>
        <text:list-item><text:p>het uittreksel.</text:p></text:list-item></text:list>
        <text:p>Daarna volgt de beoordeling.</text:p>
        """
        let flat = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document \(Self.namespaces) office:mimetype="application/vnd.oasis.opendocument.text">
        <office:automatic-styles>\(Self.listStyles)</office:automatic-styles>
        <office:body><office:text>\(inner)</office:text></office:body></office:document>
        """
        for document in [try DocumentReader().read(bytes: Array(flat.utf8), path: "lijst.fodt"),
                         try DocumentReader().read(bytes: try Self.odt(content: Self.content(inner)), path: "lijst.odt")] {
            // The body's four paragraphs (the .odt's styles part adds its footer after them).
            let body = Array(document.blocks.prefix(4))
            #expect(body.map(\.label) == [nil, "1.", "2.", nil])
            #expect(LeadIn.leadIns(of: body) == [nil, 0, 0, nil])
        }
    }

    @Test func twoTablesWithOnlyAnEmptyParagraphBetweenKeepTheirOwnHeaders() throws {
        func table(_ rows: [[String]]) -> String {
            "<table:table>" + rows.map { "<table:table-row>" + $0.map { "<table:table-cell><text:p>\($0)</text:p></table:table-cell>" }.joined() + "</table:table-row>" }.joined() + "</table:table>"
        }
        let inner = table([["Rapportage", "Frequentie"], ["Managementrapportage", "maandelijks"]])
            + "<text:p/>"
            + table([["Document", "Moment"], ["Kopie VOG", "bij start"]])
        let blocks = Array(try DocumentReader().read(bytes: try Self.odt(content: Self.content(inner)), path: "tabellen.odt").blocks.prefix(4))
        #expect(blocks.map(\.startsTable) == [true, false, true, false])
        #expect(LeadIn.leadIns(of: blocks) == [nil, 0, nil, 2])
    }

    @Test func readsFlatODTTheSameWay() throws {
        let flat = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document \(Self.namespaces) office:mimetype="application/vnd.oasis.opendocument.text">
        <office:automatic-styles>\(Self.listStyles)</office:automatic-styles>
        <office:master-styles><style:master-page style:name="Standard"><style:footer><text:p>Pagina <text:page-number>1</text:page-number></text:p></style:footer></style:master-page></office:master-styles>
        <office:body><office:text>\(Self.body)</office:text></office:body></office:document>
        """
        let document = try DocumentReader().read(bytes: Array(flat.utf8), path: "pve.fodt")
        #expect(document.format == .fodt)
        #expect(document.blocks.map(\.text) == Self.expectedTexts)
        #expect(document.blocks.map(\.label) == Self.expectedLabels)
    }

    @Test func passwordProtectedODTIsReportedAsProtected() throws {
        let bytes = try Self.odt(content: "versleutelde bytes", encrypted: true)
        #expect(throws: ReaderError.protected(path: "geheim.odt")) {
            try DocumentReader().read(bytes: bytes, path: "geheim.odt")
        }
    }

    @Test func spreadsheetIsUnsupported() throws {
        let bytes = try ZipBuilder.zip([.init("mimetype", "application/vnd.oasis.opendocument.spreadsheet", stored: true)])
        #expect(throws: ReaderError.unsupported(path: "t.ods", format: "OpenDocument-spreadsheet (.ods)")) {
            try DocumentReader().read(bytes: bytes, path: "t.ods")
        }
    }
}
