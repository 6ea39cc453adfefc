import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TenderDocument
@testable import TenderLint
@testable import TenderReport
import TenderRules

/// The CI reporters on a fixed result: golden files, the SARIF schema, escaping, positions.
@Suite struct CIReporterTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let options = ReportOptions(language: .nl, color: false, toolVersion: "0.0.0-test")

    /// Compares `actual` with the golden file; `TENDERLINT_UPDATE_GOLDEN=1` rewrites it instead.
    func expectGolden(_ actual: String, _ name: String) throws {
        let url = Self.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TENDERLINT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            // Writing the golden file and then comparing with it could never fail: the update run
            // records an issue instead, so a run that rewrote goldens is never green.
            Issue.record("\(name) rewritten (TENDERLINT_UPDATE_GOLDEN=1); check the diff and rerun without it.")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("\(name) differs from the golden file at line \(line + 1): got «\(line < a.count ? a[line] : "<end>")», expected «\(line < e.count ? e[line] : "<end>")». Rerun with TENDERLINT_UPDATE_GOLDEN=1 after checking the change.")
        }
    }

    func report(_ type: any Reporter.Type, _ result: LintResult = CIReportFixture.result(), options: ReportOptions = CIReporterTests.options) throws -> String {
        try type.init(options: options, catalogue: CIReportFixture.catalogue).report(result)
    }

    func expectValidSARIF(_ sarif: String, _ what: String) throws {
        let violations = try SARIFSchema.violations(sarif)
        #expect(violations.isEmpty, "\(what) violates the SARIF 2.1.0 schema:\n\(violations.joined(separator: "\n"))")
    }

    // MARK: Registry

    @Test func reportersAreRegistered() {
        for id in ["sarif", "junit", "github", "checkstyle"] { #expect(Reporters.identifiers.contains(id), "\(id)") }
        #expect(Reporters.reporter(for: "sarif") == SARIFReporter.self)
    }

    // MARK: Golden files

    @Test func goldenSARIF() throws { try expectGolden(try report(SARIFReporter.self), "CI.sarif.json") }
    @Test func goldenJUnit() throws { try expectGolden(try report(JUnitReporter.self), "CI.junit.xml") }
    @Test func goldenGitHub() throws { try expectGolden(try report(GitHubReporter.self), "CI.github.txt") }
    @Test func goldenCheckstyle() throws { try expectGolden(try report(CheckstyleReporter.self), "CI.checkstyle.xml") }

    @Test func sameInputGivesSameBytes() throws {
        for type in [SARIFReporter.self, JUnitReporter.self, GitHubReporter.self, CheckstyleReporter.self] as [any Reporter.Type] {
            #expect(try report(type) == report(type), "\(type.identifier)")
        }
    }

    // MARK: SARIF

    @Test func everySARIFOutputValidatesAgainstTheSchema() throws {
        try expectValidSARIF(try report(SARIFReporter.self), "the Dutch fixture report")
        try expectValidSARIF(try report(SARIFReporter.self, options: ReportOptions(language: .en, toolVersion: "0.0.0-test")), "the English fixture report")
        try expectValidSARIF(try report(SARIFReporter.self, LintResult(documents: [], errors: [], tariff: .standard)), "an empty report")
        let onlyErrors = LintResult(documents: [], errors: [.malformed(path: "a.docx", reason: .init("kapot", en: "broken"))], tariff: .standard)
        try expectValidSARIF(try report(SARIFReporter.self, onlyErrors), "a report with only input errors")
    }

    @Test func theSchemaCheckRejectsInvalidSARIF() throws {
        let valid = try report(SARIFReporter.self)
        let broken = valid.replacingOccurrences(of: "\"columnKind\" : \"unicodeCodePoints\"", with: "\"columnKind\" : \"bytes\"")
        #expect(broken != valid)
        #expect(try !SARIFSchema.violations(broken).isEmpty)
    }

    @Test func sarifContents() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try report(SARIFReporter.self).utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let run = try #require((json["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["betaaltermijn", "kwartaalrapportage", "suppressie-ongebruikt", "suppressie-zonder-reden", "vog-afschriften"])
        let vog = try #require(rules.last)
        #expect(vog["name"] as? String == "VogAfschriften")
        #expect(vog["helpUri"] as? String == "https://wetten.overheid.nl/BWBR0034925")
        let help = try #require((vog["help"] as? [String: Any])?["text"] as? String)
        #expect(help.contains("Grondslag: art. 4.1.6 Jeugdwet (BWBR0034925)"))
        #expect(help.contains("Modelartikel: VOG volgens de wet (vog-wettelijk)"))
        #expect((vog["properties"] as? [String: Any])?["category"] as? String == "wettelijk-geregeld")
        #expect(rules[0]["helpUri"] as? String == "https://wetten.overheid.nl/BWBR0005289", "a BWB id without URL still links the law")
        #expect(rules[1]["helpUri"] == nil, "no URL is invented for a standard without one")

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 8)
        let first = results[0]
        #expect(first["ruleId"] as? String == "vog-afschriften")
        #expect(first["ruleIndex"] as? Int == 4)
        #expect((first["partialFingerprints"] as? [String: String])?["tenderlint/v1"] == "00000000000000a1")
        let location = try #require((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "docs/bestek%20jeugd.md")
        let region = try #require(location["region"] as? [String: Any])
        // "5.2 Café-medewerkers: de aanbieder " is 35 characters and 36 code points.
        #expect(region["startLine"] as? Int == 12)
        #expect(region["startColumn"] as? Int == 37)
        #expect(region["endColumn"] as? Int == 37 + "overlegt een kopie van de VOG".count)

        let suppressed = results.compactMap { r -> (String, String, String)? in
            guard let s = (r["suppressions"] as? [[String: Any]])?.first else { return nil }
            return (r["ruleId"] as! String, s["kind"] as! String, s["justification"] as! String)
        }
        #expect(suppressed.map(\.1) == ["inSource", "external", "external"])
        #expect(suppressed.map(\.2) == ["regionale afspraak, zie nota", "baseline", "Regionaal afgesproken in de Wmo-verordening."])

        let docx = results[4]
        let docxRegion = (docx["locations"] as? [[String: Any]])?.first.flatMap { ($0["physicalLocation"] as? [String: Any])?["region"] as? [String: Any] }
        #expect(docxRegion?["startLine"] as? Int == 7, "DOCX: the paragraph number stands in the line")
        #expect(((docx["properties"] as? [String: Any])?["location"] as? [String: Any])?["kind"] as? String == "paragraph")

        let pdf = try #require(results.last)
        let pdfLocation = try #require((pdf["locations"] as? [[String: Any]])?.first)
        #expect((pdfLocation["physicalLocation"] as? [String: Any])?["region"] == nil, "a PDF page line is no line of the file")
        #expect((pdfLocation["logicalLocations"] as? [[String: Any]])?.first?["name"] as? String == "pagina 3, regel 18")

        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect(((run["properties"] as? [String: Any])?["staleBaseline"] as? [Any])?.count == 1)
    }

    // MARK: GitHub

    @Test func githubEscapesDataAndProperties() {
        #expect(GitHubReporter.data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d")
        #expect(GitHubReporter.property("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    }

    @Test func githubAnnotationPointsAtFileAndLine() throws {
        let lines = try report(GitHubReporter.self).split(separator: "\n").map(String.init)
        let first = try #require(lines.first)
        #expect(first.hasPrefix("::warning file=docs/bestek jeugd.md,line=12,endLine=12,col=37,endColumn=66,title=VOG-afschriften opvragen [vog-afschriften]::"))
        #expect(first.contains("100%25 overbodig, zie art. 4.1.6.%0ATweede regel: "))
        #expect(lines.contains { $0.hasPrefix("::notice file=docs/bestek jeugd.md,line=14,") }, "info becomes notice")
        #expect(!lines.contains { $0.contains("betaaltermijn]::") && $0.contains("bestek") }, "silenced findings are not annotated")
        #expect(lines.contains { $0.hasPrefix("::error file=scan.pdf,title=") && $0.contains("(pagina 3, regel 18, kolom") })
        #expect(lines.contains { $0.hasPrefix("::notice file=notices/aankondiging.xml,line=40,title=") }, "XML: the element's line only")
        #expect(lines.contains("::error::kapot.docx%3A beschadigd document%3A geen word/document.xml") == false, "a message keeps its colons")
        #expect(lines.contains("::error::kapot.docx: beschadigd document: geen word/document.xml"))
    }

    // MARK: XML formats

    #if canImport(FoundationXML) || canImport(Darwin)
    @Test func xmlOutputsAreWellFormed() throws {
        for type in [JUnitReporter.self, CheckstyleReporter.self] as [any Reporter.Type] {
            let parser = XMLParser(data: Data(try report(type).utf8))
            #expect(parser.parse(), "\(type.identifier): \(parser.parserError.map { "\($0)" } ?? "")")
        }
    }
    #endif

    @Test func xmlEscaping() {
        #expect(XMLText.attribute("<a href=\"x\">'&'\n\u{1}") == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&#10;\u{FFFD}")
        #expect(XMLText.content("a < b & c\nd") == "a &lt; b &amp; c\nd")
    }

    @Test func junitHasOneSuitePerDocumentAndOneCasePerRule() throws {
        let xml = try report(JUnitReporter.self)
        #expect(xml.contains("<testsuite name=\"docs/bestek jeugd.md\" tests=\"5\" failures=\"3\""))
        #expect(xml.contains("<testcase name=\"betaaltermijn\" classname=\"docs/bestek jeugd.md\">\n      <system-out>"), "silenced: passes, with the reason")
        #expect(xml.contains("<testsuite name=\"docs/wmo.docx\" tests=\"3\" failures=\"0\""))
        #expect(xml.contains("<error type=\"input\" message=\"kapot.docx: beschadigd document: geen word/document.xml\"/>"))
    }

    // MARK: Text and JSON sections

    @Test func textListsExplainedDeviationsAndStaleBaseline() throws {
        let text = try report(TextReporter.self)
        #expect(text.contains("Verklaarde afwijkingen (3):\n  ./docs/bestek jeugd.md:16:14: [betaaltermijn] regionale afspraak, zie nota (document)\n"))
        #expect(text.contains("  docs/wmo.docx:7:51: [kwartaalrapportage] Regionaal afgesproken in de Wmo-verordening. (configuratie)\n  1 aanvaard in de baseline\n"))
        #expect(text.contains("Verouderde baseline-items (1):\n  docs/oud.md Artikel 3 [vog-afschriften] \"kopie van de VOG\"\n"))
        let en = try report(TextReporter.self, options: ReportOptions(language: .en))
        #expect(en.contains("Explained deviations (3):"))
        #expect(en.contains("Stale baseline entries (1):"))
    }

    @Test func jsonCarriesSuppressionSourceAndStaleBaseline() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try report(JSONReporter.self).utf8)) as? [String: Any])
        let stale = try #require(json["staleBaseline"] as? [[String: Any]])
        #expect(stale.first?["fingerprint"] as? String == "00000000000000e1")
        let findings = try #require((json["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["suppressionSource"] as? String } == ["document"])
        #expect(findings.contains { $0["ruleId"] as? String == "suppressie-zonder-reden" })
    }
}
