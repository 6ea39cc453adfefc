import Foundation
import TenderCompare
import TenderDocument
import TenderRules

/// SARIF 2.1.0 for a CI gate that holds a tender to its standard: one result per changed or added
/// clause (removed clauses have no place in the document to point at; they count in the exit code
/// and in the text and JSON reports). The level is the deviation's severity.
public struct CompareSARIFReporter: CompareReporter {
    public static let identifier = "sarif"
    public static let changedRule = "compare-changed"
    public static let addedRule = "compare-added"
    let options: ReportOptions
    public init(options: ReportOptions) { self.options = options }

    struct Log: Encodable {
        var schema = SARIFReporter.schemaURI
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
        var properties: [String: String]
    }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable {
        var name = "tenderlint"
        var version: String
        var semanticVersion: String
        var language: String
        var rules: [Rule]
    }
    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: SARIF.Message
        var defaultConfiguration: SARIF.Configuration
    }
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: SARIF.Message
        var locations: [SARIF.Location]
        var partialFingerprints: [String: String]
        var properties: Properties
    }
    struct Properties: Encodable {
        var standardClause: String?
        var documentClause: String?
        var numberChanges: [String]
        var findings: [String]
        var hoursPerYear: Double
    }

    public func report(_ result: CompareResult) throws -> String {
        let en = options.language == .en
        let rules = [
            Rule(id: Self.changedRule, name: "ChangedFromStandard",
                 shortDescription: .init(text: en ? "Clause changed from the standard" : "Clausule gewijzigd ten opzichte van de standaard"),
                 defaultConfiguration: .init(level: "note")),
            Rule(id: Self.addedRule, name: "AddedToStandard",
                 shortDescription: .init(text: en ? "Clause without counterpart in the standard (local addition)" : "Clausule zonder tegenhanger in de standaard (lokale toevoeging)"),
                 defaultConfiguration: .init(level: "note")),
        ]
        var results: [Result] = []
        for doc in result.documents {
            for d in doc.deviations where d.kind != .removed {
                guard let side = d.document else { continue }
                results.append(Result(
                    ruleId: d.kind == .changed ? Self.changedRule : Self.addedRule, ruleIndex: d.kind == .changed ? 0 : 1,
                    level: Self.level(d.severity), message: .init(text: message(d, standardPath: result.standardPath)),
                    locations: [location(doc.path, side)],
                    partialFingerprints: ["tenderlint-compare/v1": Self.fingerprint([d.kind.rawValue, d.standard?.text ?? "", side.text])],
                    properties: Properties(standardClause: d.standard?.number, documentClause: side.number,
                                           numberChanges: d.numberChanges.map(\.text), findings: d.findings.map(\.ruleId),
                                           hoursPerYear: d.hoursPerYear)))
            }
        }
        let log = Log(runs: [Run(tool: Tool(driver: Driver(version: options.toolVersion, semanticVersion: options.toolVersion,
                                                           language: options.language.rawValue, rules: rules)),
                                 results: results, properties: ["standard": result.standardPath])])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    func message(_ d: Deviation, standardPath: String) -> String {
        let en = options.language == .en
        let number = d.document?.number ?? (en ? "(unnumbered)" : "(zonder nummer)")
        var text: String
        if d.kind == .changed {
            let s = d.standard?.number ?? (en ? "(unnumbered)" : "(zonder nummer)")
            text = en ? "\(number) differs from clause \(s) of the standard" : "\(number) wijkt af van clausule \(s) van de standaard"
            if !d.numberChanges.isEmpty { text += ": " + d.numberChanges.map(\.text).joined(separator: "; ") }
        } else {
            text = en ? "\(number) has no counterpart in the standard (local addition)" : "\(number) heeft geen tegenhanger in de standaard (lokale toevoeging)"
        }
        if !d.findings.isEmpty { text += ". " + d.findings.map { "[\($0.ruleId)] \($0.title)" }.joined(separator: "; ") }
        return text + "."
    }

    func location(_ path: String, _ side: ClauseSide) -> SARIF.Location {
        let uri = ReportPosition.uri(path)
        switch side.location {
        case let .line(l, c), let .paragraph(l, c):
            return SARIF.Location(physicalLocation: .init(artifactLocation: .init(uri: uri), region: .init(startLine: l, startColumn: c)),
                                  logicalLocations: side.number.map { [.init(name: $0, fullyQualifiedName: $0, kind: "module")] })
        case let .xml(p, l, _):
            return SARIF.Location(physicalLocation: .init(artifactLocation: .init(uri: uri), region: .init(startLine: l)),
                                  logicalLocations: [.init(name: p, fullyQualifiedName: p, kind: "element")])
        case let .page(p, l, _):
            let name = options.language == .en ? "page \(p), line \(l)" : "pagina \(p), regel \(l)"
            return SARIF.Location(physicalLocation: .init(artifactLocation: .init(uri: uri), region: nil),
                                  logicalLocations: [.init(name: name, fullyQualifiedName: "page[\(p)]/line[\(l)]", kind: "page")])
        }
    }

    static func level(_ s: Severity) -> String {
        switch s { case .error: return "error"; case .warning: return "warning"; case .info: return "note" }
    }

    /// 64-bit FNV-1a over the parts, in hex: the same for the same clauses in every run.
    static func fingerprint(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for b in part.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x1F) &* 0x100_0000_01b3
        }
        let s = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
