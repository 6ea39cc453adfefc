import Foundation
import Testing
import TenderDocument
@testable import TenderLint
@testable import TenderReport
import TenderRules

/// The JSON, JSON Lines and SARIF reporters write documents and findings with `JSONOutput`, not
/// `JSONEncoder`. These tests hold every shape it writes to `JSONEncoder`'s bytes for the same
/// `Codable` value (`JSONReport.encode` and `JSONReport.compact`, the reporters' writer before):
/// the fixed CI result (every kind of position and silencing), the samples linted with the
/// bundled rules, and values with every character JSON escapes and awkward numbers.
@Suite struct JSONOutputTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func pretty(_ entry: JSONReport.DocumentEntry, indent: Int) -> String {
        var w = JSONOutput(indent: indent)
        entry.write(to: &w)
        return w.string
    }

    func compact(_ line: JSONReport.Line) -> String {
        var w = JSONOutput(pretty: false)
        line.write(to: &w)
        return w.string
    }

    func sarif(_ result: SARIF.Result, indent: Int) -> String {
        var w = JSONOutput(indent: indent)
        result.write(to: &w)
        return w.string
    }

    /// Every document and finding of `result` in the JSON and SARIF shapes, both ways.
    func expectSameBytes(_ result: LintResult, catalogue: Catalogue, language: Language) {
        let text = FindingText(catalogue: catalogue, language: language)
        let sarifReporter = SARIFReporter(options: ReportOptions(language: language), catalogue: catalogue)
        for d in result.documents {
            var used = JSONCatalogueUse()
            let entry = JSONReport.document(d, text: text, used: &used)
            for indent in [0, 4] {
                #expect(pretty(entry, indent: indent) == JSONReport.encode(entry, indent: indent), "\(d.path), indent \(indent)")
            }
            let line = JSONReport.Line(type: "document", schemaVersion: 2, document: entry, rules: used.rules, modelTexts: used.modelTexts)
            #expect(compact(line) == JSONReport.compact(line), "\(d.path), JSON Lines")
            for (i, f) in d.findings.enumerated() {
                let r = sarifReporter.result(f, ruleIndex: i, document: d)
                #expect(sarif(r, indent: 8) == JSONReport.encode(r, indent: 8), "\(d.path), SARIF result \(i)")
            }
        }
    }

    @Test func theCIFixtureIsWrittenAsJSONEncoderWritesIt() {
        for language in [Language.nl, .en] {
            expectSameBytes(CIReportFixture.result(), catalogue: CIReportFixture.catalogue, language: language)
        }
    }

    @Test(.timeLimit(.minutes(5))) func theSamplesAreWrittenAsJSONEncoderWritesThem() async throws {
        let catalogue = try Catalogue.load(from: Self.root + "/rules")
        let run = LintRun(engine: Engine(catalogue: catalogue, options: EngineOptions(tariff: .standard)), workers: 2)
        let samples = Self.root + "/samples"
        let paths = try FileManager.default.contentsOfDirectory(atPath: samples).filter { $0.hasSuffix(".md") || $0.hasSuffix(".xml") }.sorted()
            .map { samples + "/" + $0 } + [samples + "/formats"]
        let result = try await run.run(paths, settings: LintRun.Settings(rulesFolder: Self.root + "/rules")).result
        #expect(result.documents.count > 5)
        #expect(result.documents.reduce(0) { $0 + $1.findings.count } > 50)
        expectSameBytes(result, catalogue: catalogue, language: .nl)
        expectSameBytes(result, catalogue: catalogue, language: .en)
    }

    /// Every ASCII byte (each C0 control, quote, backslash, slash, DEL), non-ASCII text, and
    /// numbers whose shortest form has an exponent, a fraction or neither.
    @Test func escapingAndNumbersAreJSONEncoders() {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        let strings = [ascii, "", "a/b \\ \"c\"", "Café é 😀 \u{2028}\u{2029} \u{FEFF}", "\t\n\r\u{8}\u{C}\u{0}\u{1F}"]
        let numbers: [Double] = [0, -0.0, 1, 0.1, 0.3, 1.0 / 3, 2.5, 54, 123_456.78, 1e-7, 1e15, 1e16, 1.5e300, 4e-320, -12.25]
        for (i, s) in strings.enumerated() {
            let n = numbers[i % numbers.count]
            let location = JSONReport.Location(.xml(path: s, line: i, column: -i))
            let entry = JSONReport.FindingEntry(
                ruleId: s, topic: s, category: s, severity: s, start: location, end: JSONReport.Location(.page(1, line: 2, column: 3)),
                clause: i.isMultiple(of: 2) ? nil : s, headingPath: i.isMultiple(of: 2) ? [] : [s, s],
                match: s, message: s,
                basis: i.isMultiple(of: 2) ? [] : [JSONReport.Basis(law: s, article: nil, bwb: s, url: nil, verification: s, source: s, citation: s)],
                period: i.isMultiple(of: 2) ? nil : JSONReport.Period(from: i.isMultiple(of: 3) ? nil : s, until: s),
                model: i.isMultiple(of: 2) ? nil : JSONReport.ModelReference(id: s, reason: s, ref: s),
                alternativeModel: i.isMultiple(of: 2) ? JSONReport.ModelReference(id: s, reason: s, ref: s) : nil,
                burden: JSONReport.Burden(hoursPerOccurrence: n, occurrencesPerYear: -n, municipalities: i - 2, hoursPerYear: n * 3,
                                          eurosPerYear: n / 7, bearer: s, remainingHoursPerYear: i.isMultiple(of: 2) ? nil : n,
                                          savedHoursPerYear: i.isMultiple(of: 3) ? n : nil),
                fingerprint: s, suppressed: i.isMultiple(of: 2) ? s : nil, suppressionSource: i.isMultiple(of: 3) ? nil : s)
            let document = JSONReport.DocumentEntry(path: s, format: s, contentHash: s, domains: i.isMultiple(of: 2) ? [] : [s],
                                                    domainSource: s, clauses: i, hoursPerYear: n, eurosPerYear: -n,
                                                    warnings: i.isMultiple(of: 3) ? [] : [s, ""], findings: i == 0 ? [] : [entry, entry],
                                                    date: i.isMultiple(of: 2) ? nil : JSONReport.DocumentDateEntry(day: s, source: s, yearOnly: i.isMultiple(of: 3) ? true : nil),
                                                    lawDay: s)
            for indent in [0, 2, 8] {
                #expect(pretty(document, indent: indent) == JSONReport.encode(document, indent: indent), "string \(i), indent \(indent)")
            }
            let line = JSONReport.Line(type: s, schemaVersion: i, document: document,
                                       rules: i == 0 ? [:] : [s: .init(title: s, topic: s, category: s), "b": .init(title: "", topic: "", category: ""),
                                                              "B": .init(title: "", topic: "", category: ""), "é": .init(title: s, topic: s, category: s)],
                                       modelTexts: i == 1 ? [:] : ["a/b": .init(id: s, title: s, text: s), s: .init(id: "", title: "", text: "")])
            #expect(compact(line) == JSONReport.compact(line), "string \(i), JSON Lines")
        }
    }
}
