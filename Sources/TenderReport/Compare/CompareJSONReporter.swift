import Foundation
import TenderCompare
import TenderDocument
import TenderRules

/// The compare result as JSON (docs/compare.md): keys sorted, absent clause numbers `null`.
public struct CompareJSONReporter: CompareReporter {
    public static let identifier = "json"
    public static let schemaVersion = 1
    let options: ReportOptions
    public init(options: ReportOptions) { self.options = options }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    public func report(_ result: CompareResult) throws -> String {
        try CompareJSONReporter.encode(CompareJSON(result, options: options))
    }

    public func report(_ region: RegionResult) throws -> String? {
        try CompareJSONReporter.encode(RegionJSON(region, options: options))
    }
}

/// The JSON shape of `tenderlint compare --standard`.
public struct CompareJSON: Encodable {
    public struct Tool: Encodable { var name = "tenderlint"; var version: String }
    public struct Finding: Encodable {
        var ruleId: String
        var severity: String
        var title: String
        var message: String
        var location: JSONReport.Location
        var hoursPerYear: Double
        var eurosPerYear: Double
        init(_ f: ClauseFinding) {
            ruleId = f.ruleId; severity = f.severity.rawValue; title = f.title; message = f.message
            location = JSONReport.Location(f.location); hoursPerYear = f.hoursPerYear; eurosPerYear = f.eurosPerYear
        }
    }
    public struct NumberChangeJSON: Encodable {
        var label: String
        var from: String
        var to: String
        var fromUnit: String?
        var toUnit: String?
        var text: String
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(label, forKey: .label); try c.encode(from, forKey: .from); try c.encode(to, forKey: .to)
            try c.encode(fromUnit, forKey: .fromUnit); try c.encode(toUnit, forKey: .toUnit); try c.encode(text, forKey: .text)
        }
        enum CodingKeys: String, CodingKey { case label, from, to, fromUnit, toUnit, text }
    }
    public struct DeviationJSON: Encodable {
        var kind: String
        var standardClause: String?
        var documentClause: String?
        var standardHeadingPath: [String]?
        var documentHeadingPath: [String]?
        var standardLocation: JSONReport.Location?
        var documentLocation: JSONReport.Location?
        var standardText: String?
        var documentText: String?
        var similarity: Double?
        var moved: Bool
        var severity: String
        var diff: [DiffSegment]
        var numberChanges: [NumberChangeJSON]
        var findings: [Finding]
        var hoursPerYear: Double

        init(_ d: Deviation) {
            kind = d.kind.rawValue
            standardClause = d.standard?.number; documentClause = d.document?.number
            standardHeadingPath = d.standard?.headingPath; documentHeadingPath = d.document?.headingPath
            standardLocation = d.standard.map { JSONReport.Location($0.location) }
            documentLocation = d.document.map { JSONReport.Location($0.location) }
            standardText = d.standard?.text; documentText = d.document?.text
            similarity = d.similarity.map { ($0 * 1000).rounded() / 1000 }
            moved = d.moved; severity = d.severity.rawValue; diff = d.diff
            numberChanges = d.numberChanges.map { NumberChangeJSON(label: $0.label, from: $0.from, to: $0.to, fromUnit: $0.fromUnit, toUnit: $0.toUnit, text: $0.text) }
            findings = d.findings.map(Finding.init); hoursPerYear = d.hoursPerYear
        }

        enum CodingKeys: String, CodingKey {
            case kind, standardClause, documentClause, standardHeadingPath, documentHeadingPath, standardLocation, documentLocation
            case standardText, documentText, similarity, moved, severity, diff, numberChanges, findings, hoursPerYear
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind)
            // Both clause numbers always present, null when there is no counterpart.
            try c.encode(standardClause, forKey: .standardClause)
            try c.encode(documentClause, forKey: .documentClause)
            try c.encode(standardHeadingPath, forKey: .standardHeadingPath)
            try c.encode(documentHeadingPath, forKey: .documentHeadingPath)
            try c.encode(standardLocation, forKey: .standardLocation)
            try c.encode(documentLocation, forKey: .documentLocation)
            try c.encode(standardText, forKey: .standardText)
            try c.encode(documentText, forKey: .documentText)
            try c.encode(similarity, forKey: .similarity)
            try c.encode(moved, forKey: .moved)
            try c.encode(severity, forKey: .severity)
            try c.encode(diff, forKey: .diff)
            try c.encode(numberChanges, forKey: .numberChanges)
            try c.encode(findings, forKey: .findings)
            try c.encode(hoursPerYear, forKey: .hoursPerYear)
        }
    }
    public struct MovedJSON: Encodable { var standardClause: String?; var documentClause: String? }
    public struct SummaryJSON: Encodable {
        var standardClauses: Int
        var kept: Int
        var keptShare: Double
        var changed: Int
        var added: Int
        var removed: Int
        var moved: Int
        var hoursPerYear: Double
        var eurosPerYear: Double
    }
    public struct DocumentJSON: Encodable {
        var path: String
        var format: String
        var deviations: [DeviationJSON]
        var moved: [MovedJSON]
        var summary: SummaryJSON
        var warnings: [String]
    }
    public struct StandardJSON: Encodable { var path: String; var format: String? }

    var schemaVersion = CompareJSONReporter.schemaVersion
    var tool: Tool
    var language: String
    var standard: StandardJSON
    var documents: [DocumentJSON]
    var errors: [String]
    var tariff: Double

    init(_ r: CompareResult, options: ReportOptions) {
        tool = Tool(version: options.toolVersion)
        language = options.language.rawValue
        standard = StandardJSON(path: r.standardPath, format: r.standardFormat?.rawValue)
        errors = r.errors
        tariff = r.tariff
        documents = r.documents.map { d in
            let s = d.summary
            return DocumentJSON(path: d.path, format: d.format.rawValue, deviations: d.deviations.map(DeviationJSON.init),
                                moved: d.moved.map { MovedJSON(standardClause: $0.standard.number, documentClause: $0.document.number) },
                                summary: SummaryJSON(standardClauses: s.standardClauses, kept: s.kept, keptShare: (s.keptShare * 1000).rounded() / 1000,
                                                     changed: s.changed, added: s.added, removed: s.removed, moved: s.moved,
                                                     hoursPerYear: s.hoursPerYear, eurosPerYear: s.eurosPerYear),
                                warnings: d.warnings.map { $0.message(english: options.language == .en) })
        }
    }
}

/// The JSON shape of `tenderlint compare DIR` (no standard).
public struct RegionJSON: Encodable {
    struct Variant: Encodable {
        var text: String
        var documents: [String]
        var clauses: [String?]
        var majority: Bool
        var findings: [CompareJSON.Finding]
        var hoursPerYear: Double
    }
    struct Group: Encodable {
        var clause: String?
        var headingPath: [String]
        var variants: [Variant]
        var absent: [String]
        var majorityAbsent: Bool
    }
    struct DeviationJSON: Encodable {
        var kind: String
        var group: Int
        var clause: String?
        var majorityClause: String?
        var hoursPerYear: Double
        var findings: [CompareJSON.Finding]
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(kind, forKey: .kind); try c.encode(group, forKey: .group)
            try c.encode(clause, forKey: .clause); try c.encode(majorityClause, forKey: .majorityClause)
            try c.encode(hoursPerYear, forKey: .hoursPerYear); try c.encode(findings, forKey: .findings)
        }
        enum CodingKeys: String, CodingKey { case kind, group, clause, majorityClause, hoursPerYear, findings }
    }
    struct DeviatorJSON: Encodable {
        var path: String
        var municipality: String
        var hoursPerYear: Double
        var eurosPerYear: Double
        var deviations: [DeviationJSON]
    }
    var schemaVersion = CompareJSONReporter.schemaVersion
    var tool: CompareJSON.Tool
    var language: String
    var documents: [String]
    var groups: [Group]
    var deviators: [DeviatorJSON]
    var errors: [String]

    init(_ r: RegionResult, options: ReportOptions) {
        tool = CompareJSON.Tool(version: options.toolVersion)
        language = options.language.rawValue
        documents = r.documents
        errors = r.errors
        groups = r.groups.filter { !$0.isUnanimous }.map { g in
            Group(clause: g.number, headingPath: g.headingPath,
                  variants: g.variants.enumerated().map { i, v in
                      Variant(text: v.text, documents: v.documents, clauses: v.clauses, majority: i == g.majority,
                              findings: v.findings.map(CompareJSON.Finding.init), hoursPerYear: v.hoursPerYear) },
                  absent: g.absent, majorityAbsent: g.majority == nil)
        }
        // Group indices in the JSON count only the groups listed (those that differ).
        var listed: [Int: Int] = [:]
        for (i, g) in r.groups.enumerated() where !g.isUnanimous { listed[i] = listed.count }
        deviators = r.deviators.map { d in
            DeviatorJSON(path: d.path, municipality: d.name, hoursPerYear: d.hoursPerYear, eurosPerYear: d.eurosPerYear,
                         deviations: d.deviations.map { DeviationJSON(kind: $0.kind.rawValue, group: listed[$0.group] ?? -1, clause: $0.clause,
                                                                      majorityClause: $0.majorityClause, hoursPerYear: $0.hoursPerYear,
                                                                      findings: $0.findings.map(CompareJSON.Finding.init)) })
        }
    }
}
