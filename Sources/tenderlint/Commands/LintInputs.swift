import Foundation
import TenderLint
import TenderRules

/// `--select` and `--ignore` of `lint`: which findings are reported, by rule id (or alias),
/// topic or category. Names are checked against the catalogue: a typo is a usage error, not a
/// filter that silently reports nothing.
struct FindingSelection {
    var select: Set<String> = []
    var ignore: Set<String> = []

    init(select: [String], ignore: [String], catalogue: Catalogue?, english: Bool) throws {
        func names(_ list: [String]) -> Set<String> {
            Set(list.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        self.select = names(select)
        self.ignore = names(ignore)
        guard let catalogue else { return }
        var known = Set(Category.allCases.map(\.rawValue))
        for rule in catalogue.rules {
            known.insert(rule.id)
            known.insert(rule.topic)
            known.formUnion(rule.aliases)
        }
        known.formUnion(SuppressionRule.allCases.map(\.id))
        for name in self.select.union(self.ignore).sorted() where !known.contains(name) {
            let near = Explain.nearest(name, among: Array(known))
            var message = english ? "\(name): not a rule, topic or category" : "\(name): geen regel, topic of categorie"
            if let near { message += english ? "; did you mean \(near)?" : "; bedoelt u \(near)?" }
            throw Failure.usage(message)
        }
        // Aliases name their rule: compare by id.
        func ids(_ set: Set<String>) -> Set<String> {
            var out = set
            for rule in catalogue.rules where !set.isDisjoint(with: rule.aliases) { out.insert(rule.id) }
            return out
        }
        self.select = ids(self.select)
        self.ignore = ids(self.ignore)
    }

    var isEmpty: Bool { select.isEmpty && ignore.isEmpty }

    func keeps(_ f: Finding) -> Bool {
        let names: Set<String> = [f.ruleId, f.topic, f.category.rawValue]
        if !select.isEmpty, select.isDisjoint(with: names) { return false }
        return ignore.isDisjoint(with: names)
    }

    /// The document with only the findings this selection keeps.
    func apply(_ document: DocumentResult) -> DocumentResult {
        guard !isEmpty else { return document }
        var out = document
        out.findings = document.findings.filter(keeps)
        return out
    }
}

/// `-` among `lint`'s paths: standard input, read whole into a private temporary file (the
/// readers take files), reported as `-`. The file is removed when the run ends.
struct StandardInput {
    var paths: [String]
    private var temporary: String?
    private var folder: String?

    static func substitute(_ paths: [String], english: Bool) throws -> StandardInput {
        guard paths.contains("-") else { return StandardInput(paths: paths) }
        guard paths.filter({ $0 == "-" }).count == 1 else {
            throw Failure.usage(english ? "-: standard input can be read once" : "-: standaardinvoer kan één keer gelezen worden")
        }
        let data = FileHandle.standardInput.readDataToEndOfFile()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tenderlint-stdin-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            let file = folder.appendingPathComponent("stdin")
            try data.write(to: file)
            return StandardInput(paths: paths.map { $0 == "-" ? file.path : $0 }, temporary: file.path, folder: folder.path)
        } catch {
            throw Failure.usage(english ? "-: cannot keep standard input: \(error.localizedDescription)" : "-: kan standaardinvoer niet bewaren: \(error.localizedDescription)")
        }
    }

    /// The document named `-` instead of its temporary file.
    func rename(_ document: DocumentResult) -> DocumentResult {
        guard let temporary, document.path == temporary else { return document }
        var out = document
        out.path = "-"
        out.findings = document.findings.map { f in
            var f = f
            f.path = "-"
            return f
        }
        out.warnings = document.warnings.map { w in
            var w = w
            if w.path == temporary { w.path = "-" }
            return w
        }
        return out
    }

    /// A message with the temporary file named `-`.
    func rename(_ message: String) -> String {
        guard let temporary else { return message }
        return message.replacingOccurrences(of: temporary, with: "-")
    }

    func remove() {
        if let folder { try? FileManager.default.removeItem(atPath: folder) }
    }
}
