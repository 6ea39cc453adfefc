import Foundation
import TenderRules
import Yams

/// Finds and reads `.tenderlint.yml` files. Every problem is reported with the file, line and
/// column of the YAML node (Yams marks), all at once.
public enum ConfigurationLoader {
    /// The keys a configuration file may have.
    static let keys = ["burden", "context", "disable", "domain", "enable", "rule-folders", "severity", "version"]
    /// The keys of the `burden` mapping.
    static let burdenKeys = ["municipalities-per-provider", "tariff", "tariff-source", "tariff-year"]

    /// The nearest `.tenderlint.yml` in the folder of `file` or a folder above it; nil if none.
    /// The path is relative to the working directory when the file lies below it, so error
    /// messages read `.tenderlint.yml:2:1: …`. `isFile` is injectable for tests.
    public static func nearest(to file: String, isFile: (String) -> Bool = ConfigurationLoader.isFile) -> String? {
        var dir = (absolute(file) as NSString).deletingLastPathComponent
        let cwd = FileManager.default.currentDirectoryPath
        while true {
            let candidate = (dir as NSString).appendingPathComponent(Configuration.fileName)
            if isFile(candidate) {
                return candidate.hasPrefix(cwd + "/") && cwd != "/" ? String(candidate.dropFirst(cwd.count + 1)) : candidate
            }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }

    /// Reads and checks the configuration file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> Configuration {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    /// Parses configuration `text` read from `file`; relative rule folders are resolved against
    /// the folder of `file`.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> Configuration {
        var reader = Reader(file: file)
        var configuration = Configuration()
        configuration.file = file
        guard let root = reader.compose(text) else {
            if !reader.problems.isEmpty { throw .invalid(reader.problems) }
            return configuration
        }
        let map = reader.mapping(root, allowed: keys, what: Configuration.fileName, inPart: false)
        if let v = map["version"] {
            if v.scalar?.string != "1" { reader.fail(v, .unsupportedVersion(v.scalar?.string ?? "?")) }
        }
        if let d = map["domain"] {
            var domains: [Domain] = []
            for (item, name) in reader.stringNodes(d, "domain") {
                if let domain = Domain(rawValue: name) { domains.append(domain) } else { reader.fail(item, .unknownDomain(name)) }
            }
            configuration.domains = domains
        }
        if let b = map["burden"] {
            let burden = reader.mapping(b, allowed: burdenKeys, what: "burden")
            if let m = burden["municipalities-per-provider"] {
                if let n = m.scalar.flatMap({ Int($0.string) }), (1...1000).contains(n) {
                    configuration.municipalitiesPerProvider = n
                } else {
                    reader.fail(m, .notACount("municipalities-per-provider", m.scalar?.string ?? "?"))
                }
            }
            if let t = burden["tariff"] {
                if let value = t.scalar.flatMap({ Double($0.string) }), Tariff.range.contains(value) {
                    var tariff = Tariff(eurosPerHour: value)
                    if let s = burden["tariff-source"], let source = reader.string(s, "tariff-source") {
                        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
                        tariff.source = trimmed.isEmpty ? nil : trimmed
                    }
                    if let y = burden["tariff-year"] {
                        if let year = y.scalar.flatMap({ Int($0.string) }), Tariff.years.contains(year) { tariff.year = year } else {
                            reader.fail(y, .notATariffYear(y.scalar?.string ?? "?"))
                        }
                    }
                    configuration.tariff = tariff
                } else {
                    reader.fail(t, .notATariff(t.scalar?.string ?? "?"))
                }
            } else {
                for key in ["tariff-source", "tariff-year"] {
                    if let n = burden[key] { reader.fail(n, .tariffDetailWithoutTariff(key)) }
                }
            }
        }
        configuration.enable = reader.selectors(map["enable"], "enable")
        configuration.disable = reader.selectors(map["disable"], "disable")
        if let s = map["severity"] {
            for (key, value) in reader.pairs(s, "severity") {
                guard let name = reader.string(key, "severity") else { continue }
                guard let text = reader.string(value, name) else { continue }
                guard let severity = Severity(rawValue: text) else { reader.fail(value, .unknownSeverity(text)); continue }
                configuration.severities.append(.init(selector: reader.selector(name, key), severity: severity))
            }
        }
        if let f = map["rule-folders"] {
            let base = (absolute(file) as NSString).deletingLastPathComponent
            for (item, folder) in reader.stringNodes(f, "rule-folders") {
                let path = folder.hasPrefix("/") ? folder : (base as NSString).appendingPathComponent(folder)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                    configuration.ruleFolders.append((path as NSString).standardizingPath)
                } else {
                    reader.fail(item, .ruleFolderMissing(folder))
                }
            }
        }
        if let c = map["context"] {
            if let items = c.sequence {
                for item in items {
                    let entry = reader.mapping(item, allowed: ["reason", "rule"], what: "context")
                    guard let ruleNode = entry["rule"] else { reader.fail(item, .missingKey("rule")); continue }
                    guard let name = reader.string(ruleNode, "rule") else { continue }
                    guard let reasonNode = entry["reason"] else { reader.fail(item, .emptyReason); continue }
                    guard let reason = reader.string(reasonNode, "reason") else { continue }
                    let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
                    if trimmed.isEmpty { reader.fail(reasonNode, .emptyReason); continue }
                    configuration.context.append(.init(selector: reader.selector(name, ruleNode), reason: trimmed))
                }
            } else {
                reader.fail(c, .notAList("context"))
            }
        }
        if !reader.problems.isEmpty { throw .invalid(reader.problems) }
        return configuration
    }

    /// Whether a regular file exists at `path`.
    public static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return (path as NSString).standardizingPath }
        let cwd = FileManager.default.currentDirectoryPath
        return ((cwd as NSString).appendingPathComponent(path) as NSString).standardizingPath
    }

    /// The one YAML layer (`YAMLNodeReader`), with the configuration's selectors.
    typealias Reader = YAMLNodeReader<ConfigurationError.Problem>
}

extension YAMLNodeReader where Problem == ConfigurationError.Problem {
    func selector(_ name: String, _ node: Node) -> Configuration.Selector {
        Configuration.Selector(name: name, file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    mutating func selectors(_ node: Node?, _ what: String) -> [Configuration.Selector] {
        stringNodes(node, what).map { selector($0.text, $0.node) }
    }
}
