import Testing
import TenderDocument
@testable import TenderFormats
import TenderXML

@Suite struct DocxReaderTests {
    typealias F = DocxFixture

    private func read(_ fixture: DocxFixture) throws -> Document {
        try DocumentReader().read(bytes: try fixture.bytes(), path: "proef.docx")
    }

    @Test func joinsRunsSoSplitPhrasesStayWhole() throws {
        let body = """
        <w:p><w:r><w:t>De aan</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:b/></w:rPr><w:t>bieder</w:t></w:r>\
        <w:r><w:t xml:space="preserve"> overlegt een </w:t></w:r><w:hyperlink r:id="x"><w:r><w:t>VOG</w:t></w:r></w:hyperlink>\
        <w:r><w:tab/><w:t>nu.</w:t></w:r></w:p>
        """
        let document = try read(F(body: body))
        #expect(document.format == .docx)
        #expect(document.blocks.map(\.text) == ["De aanbieder overlegt een VOG\tnu."])
        #expect(document.blocks[0].lineOrigins == [.paragraph(1, column: 1)])
    }

    @Test func numbersNonEmptyParagraphsInReadingOrder() throws {
        let body = F.p("Eerste") + "<w:p/>" + F.p("Tweede") + #"<w:p><w:r><w:t>regel een</w:t><w:br/><w:t>regel twee</w:t></w:r></w:p>"#
        let blocks = try read(F(body: body)).blocks
        #expect(blocks.map(\.text) == ["Eerste", "Tweede", "regel een\nregel twee"])
        #expect(blocks[1].lineOrigins == [.paragraph(2, column: 1)])
        // The second line of a paragraph starts after "regel een" and the break: column 11.
        #expect(blocks[2].lineOrigins == [.paragraph(3, column: 1), .paragraph(3, column: 11)])
    }

    @Test func headingsFromStyleNameStyleIdAndOutlineLevel() throws {
        let styles = """
        <w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="Heading 2"/></w:style>
        <w:style w:type="paragraph" w:styleId="Artikelkop"><w:name w:val="Artikelkop"/><w:basedOn w:val="Kop1"/></w:style>
        <w:style w:type="paragraph" w:styleId="Eigen"><w:name w:val="Eigen"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
        """
        let body = F.p("Hoofdstuk 1", style: "Kop1") + F.p("Paragraaf", style: "Heading2") + F.p("Artikel 3", style: "Artikelkop")
            + F.p("Diep", style: "Eigen") + #"<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>Direct</w:t></w:r></w:p>"#
            + F.p("Gewoon")
        let kinds = try read(F(body: body, styles: styles)).blocks.map(\.kind)
        #expect(kinds == [.heading(level: 1), .heading(level: 2), .heading(level: 1), .heading(level: 3), .heading(level: 1), .paragraph])
    }

    static let numbering = """
    <w:abstractNum w:abstractNumId="1">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Artikel %1"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="2">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="3">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
    <w:num w:numId="4"><w:abstractNumId w:val="3"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    <w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>
    """

    @Test func rebuildsTheNumbersWordShows() throws {
        let styles = """
        <w:style w:type="paragraph" w:styleId="Artikel"><w:name w:val="heading 2"/>\
        <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
        """
        let body = F.p("Looptijd", style: "Artikel")                 // Artikel 1 (numbering from the style)
            + F.p("De overeenkomst loopt vier jaar.", num: (1, 1))     // 1.1
            + F.p("Verlenging is mogelijk.", num: (1, 1))              // 1.2
            + F.p("tweemaal;", num: (1, 2))                            // a)
            + F.p("met twee jaar.", num: (1, 2))                       // b)
            + F.p("Opzegging", style: "Artikel")                      // Artikel 2
            + F.p("Opzeggen kan schriftelijk.", num: (1, 1))           // 2.1 (level 1 restarted)
            + F.p("een punt", num: (2, 0))                             // bullet: no label
            + F.p("eerste", num: (3, 0)) + F.p("tweede", num: (3, 0))  // I. II.
            + F.p("opnieuw", num: (4, 0))                              // I. (startOverride restarts)
            + F.p("verder", num: (5, 0))                               // II. (same abstract, no override: continues)
        let blocks = try read(F(body: body, styles: styles, numbering: Self.numbering)).blocks
        #expect(blocks.map(\.label) == ["Artikel 1", "1.1", "1.2", "a)", "b)", "Artikel 2", "2.1", nil, "I.", "II.", "I.", "II."])
        #expect(blocks[0].kind == .heading(level: 2))
        #expect(blocks[1].kind == .listItem)
        #expect(blocks[7].kind == .listItem)
        // The segmenter reads the label as if it stood in front of the text.
        let clauses = Segmenter().clauses(of: blocks)
        #expect(clauses.first?.number == "Artikel 1")
    }

    @Test func readsEachTableRowAsABlockReadWithTheHeaderRow() throws {
        let cell = { (texts: [String]) in "<w:tc>" + texts.map { F.p($0) }.joined() + "</w:tc>" }
        let body = F.p("Voor de tabel")
            + "<w:tbl><w:tr>" + cell(["Product"]) + cell(["Tarief"]) + "</w:tr>"
            + "<w:tr>" + cell(["Begeleiding", "individueel"]) + cell(["€ 412,00"]) + "</w:tr>"
            + #"<w:tr><w:trPr><w:del w:id="9" w:author="x"/></w:trPr>"# + cell(["Geschrapt"]) + cell(["0"]) + "</w:tr></w:tbl>"
            + F.p("Na de tabel")
        let blocks = try read(F(body: body)).blocks
        // One block per row, as a Markdown row; each cell closed by " |".
        #expect(blocks.map(\.text) == ["Voor de tabel", "Product |\nTarief |", "Begeleiding\nindividueel |\n€ 412,00 |", "Na de tabel"])
        #expect(blocks[1...2].allSatisfy { $0.kind == .tableCell })
        // Every cell paragraph keeps its own line, paragraph number and columns.
        #expect(blocks[2].lineOrigins == [.paragraph(4, column: 1), .paragraph(5, column: 1), .paragraph(6, column: 1)])
        #expect(blocks[2].location(atUTF8Offset: "Begeleiding\nindividueel |\n€ ".utf8.count) == .paragraph(6, column: 3))
        #expect(blocks[3].lineOrigins == [.paragraph(7, column: 1)])
        #expect(LeadIn.leadIns(of: blocks) == [nil, nil, 1, nil])
    }

    @Test func twoTablesWithOnlyAnEmptyParagraphBetweenKeepTheirOwnHeaders() throws {
        func table(_ rows: [[String]]) -> String {
            "<w:tbl>" + rows.map { "<w:tr>" + $0.map { "<w:tc>" + F.p($0) + "</w:tc>" }.joined() + "</w:tr>" }.joined() + "</w:tbl>"
        }
        let body = table([["Rapportage", "Frequentie"], ["Managementrapportage", "maandelijks"]])
            + "<w:p/>"
            + table([["Document", "Moment"], ["Kopie VOG", "bij start"], ["Uittreksel KvK", "jaarlijks"]])
        let blocks = try read(F(body: body)).blocks
        #expect(blocks.map(\.startsTable) == [true, false, true, false, false])
        // The second table's rows are read with "Document | Moment", not with the first header.
        #expect(LeadIn.leadIns(of: blocks) == [nil, 0, nil, 2, 2])
    }

    @Test func aNestedTableEndsTheRowAroundIt() throws {
        let inner = "<w:tbl><w:tr><w:tc>" + F.p("binnen") + "</w:tc></w:tr></w:tbl>"
        let body = "<w:tbl><w:tr><w:tc>" + F.p("links") + inner + F.p("onder") + "</w:tc><w:tc>" + F.p("rechts") + "</w:tc></w:tr></w:tbl>"
        let blocks = try read(F(body: body)).blocks
        #expect(blocks.map(\.text) == ["links |", "binnen |", "onder |\nrechts |"])
        #expect(blocks.map { $0.lineOrigins.map(\.lineNumber) } == [[1], [2], [3, 4]])
    }

    @Test func numberedItemsAreReadWithTheirLeadInAndClauseNumbersAreNot() throws {
        let numbering = """
        <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>
        <w:abstractNum w:abstractNumId="3">
          <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="2"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>
        """
        let body = F.p("Bij de aanmelding voegt u toe:") + F.p("een kopie van de VOG;", num: (1, 0)) + F.p("het KvK-uittreksel.", num: (1, 0))
            + F.p("Daarbij geldt:") + F.p("de kopie is gewaarmerkt.", num: (2, 0))
            + F.p("De aanbieder levert het volgende:") + F.p("Rapportage", num: (3, 1)) + F.p("Facturatie", num: (3, 1))
        let blocks = try read(F(body: body, numbering: numbering)).blocks
        #expect(blocks.map(\.label) == [nil, "1.", "2.", nil, "a)", nil, "3.2", "3.3"])
        // "1." and "a)" are list marks: every item is read with the lead-in. "3.2" numbers a clause:
        // the block right after a colon is read with it, but "3.3" is no item of that sentence.
        let leadIns = LeadIn.leadIns(of: blocks)
        #expect(leadIns == [nil, 0, 0, nil, 3, nil, 5, nil])
    }

    @Test func attachesCommentsToTheParagraphsTheyCover() throws {
        let comments = """
        <w:comment w:id="1" w:author="Inkoper"><w:p><w:r><w:t>tenderlint: negeer vog-kopie (gemeentelijk beleid)</w:t></w:r></w:p></w:comment>
        <w:comment w:id="2" w:author="Jurist"><w:p><w:r><w:t>Klopt dit?</w:t></w:r></w:p></w:comment>
        """
        let body = """
        <w:p><w:r><w:t>Geen commentaar.</w:t></w:r></w:p>
        <w:p><w:commentRangeStart w:id="1"/><w:r><w:t>De aanbieder levert kopieën</w:t></w:r></w:p>
        <w:p><w:r><w:t>van alle VOG's.</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>
        <w:p><w:r><w:t>Los.</w:t></w:r><w:r><w:commentReference w:id="2"/></w:r></w:p>
        <w:p><w:r><w:t>Weer zonder.</w:t></w:r></w:p>
        """
        let blocks = try read(F(body: body, comments: comments)).blocks
        #expect(blocks.map(\.comments) == [[], ["tenderlint: negeer vog-kopie (gemeentelijk beleid)"],
                                            ["tenderlint: negeer vog-kopie (gemeentelijk beleid)"], ["Klopt dit?"], []])
    }

    @Test func readsTrackedChangesAsAccepted() throws {
        let body = """
        <w:p><w:r><w:t xml:space="preserve">Betaling binnen </w:t></w:r>\
        <w:del w:id="1" w:author="a"><w:r><w:delText>60</w:delText></w:r></w:del>\
        <w:ins w:id="2" w:author="a"><w:r><w:t>30</w:t></w:r></w:ins>\
        <w:r><w:t xml:space="preserve"> dagen.</w:t></w:r></w:p>
        <w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">Deze zin loopt </w:t></w:r></w:p>
        <w:p><w:r><w:t>door in de volgende alinea.</w:t></w:r></w:p>
        <w:p><w:moveFrom w:id="4" w:author="a"><w:r><w:t>Verplaatst weg.</w:t></w:r></w:moveFrom></w:p>
        <w:p><w:moveTo w:id="5" w:author="a"><w:r><w:t>Verplaatst hierheen.</w:t></w:r></w:moveTo></w:p>
        <w:p><w:r><w:t xml:space="preserve">Veldresultaat: </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
        <w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>\
        <w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
        """
        let blocks = try read(F(body: body)).blocks
        #expect(blocks.map(\.text) == ["Betaling binnen 30 dagen.", "Deze zin loopt door in de volgende alinea.",
                                       "Verplaatst hierheen.", "Veldresultaat: 7"])
    }

    @Test func readsFootnotesAfterTheBodyAndHeadersOnce() throws {
        let footnotes = """
        <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        <w:footnote w:id="1"><w:p><w:r><w:t>Zie artikel 2.6 Jeugdwet.</w:t></w:r></w:p></w:footnote>
        """
        let body = #"<w:p><w:r><w:t>Tekst met voetnoot.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>"#
        let header = F.p("Regio Lindeveld – Inkoopdocument")
        let footer = #"<w:p><w:r><w:t xml:space="preserve">Pagina </w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>"#
        let blocks = try read(F(body: body, footnotes: footnotes, header: header, footer: footer)).blocks
        // The footer is only a page number: not text of the document.
        #expect(blocks.map(\.text) == ["Tekst met voetnoot.", "Zie artikel 2.6 Jeugdwet.", "Regio Lindeveld – Inkoopdocument"])
        #expect(blocks[1].lineOrigins == [.paragraph(2, column: 1)])
    }

    @Test func readsTextBoxesOnce() throws {
        let box = #"<w:txbxContent><w:p><w:r><w:t>In het kader</w:t></w:r></w:p></w:txbxContent>"#
        let body = """
        <w:p><w:r><w:t>Ervoor</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps">\
        <w:drawing><wps:wsp xmlns:wps="urn:wps"><wps:txbx>\(box)</wps:txbx></wps:wsp></w:drawing></mc:Choice>\
        <mc:Fallback><w:pict><v:textbox xmlns:v="urn:v">\(box)</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
        """
        let blocks = try read(F(body: body)).blocks
        #expect(blocks.map(\.text) == ["Ervoor", "In het kader"])
    }

    @Test func skipsTheTableOfContents() throws {
        let styles = #"<w:style w:type="paragraph" w:styleId="Inhopg1"><w:name w:val="toc 1"/></w:style>"#
        let body = """
        <w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>        <w:sdtContent>\(F.p("Inhoud"))\(F.p("Artikel 1 Looptijd\t3"))</w:sdtContent></w:sdt>
        \(F.p("Artikel 2 Tarieven\t4", style: "Inhopg1"))\(F.p("Artikel 1 Looptijd"))
        """
        #expect(try read(F(body: body, styles: styles)).blocks.map(\.text) == ["Artikel 1 Looptijd"])
    }

    @Test func hostileDocumentXMLIsRefusedWithItsPart() throws {
        let raw = """
        <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <w:document \(F.namespaces)><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>
        """
        #expect(throws: ReaderError.invalidXML(path: "proef.docx", part: "word/document.xml",
                                               error: .doctypeRefused(line: 1, reason: .internalSubset))) {
            try read(F(body: "", rawDocument: raw))
        }
    }

    @Test func aDocumentWithoutDocumentPartIsMalformed() throws {
        let bytes = try ZipBuilder.zip([.init("[Content_Types].xml", "<Types>wordprocessingml.document.main+xml</Types>")])
        #expect(throws: ReaderError.malformed(path: "x.docx", reason: .init("word/document.xml ontbreekt in het archief", en: "word/document.xml is missing from the archive"))) {
            try DocumentReader().read(bytes: bytes, path: "x.docx")
        }
    }
}
