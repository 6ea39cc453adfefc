import Foundation
import Yams

/// Reads the sidecar `<document>.meta.yml` that may stand next to a document.
///
/// ```yaml
/// municipality: Zeist        # or: gemeente
/// region: Utrecht-Oost       # or: regio
/// year: 2025                 # or: jaar
/// procedure: sociale-diensten
/// providers: 40              # or: aanbieders — overrides --providers for this tender
/// domain: wmo                 # or: domein
/// title: Raamovereenkomst Wmo # or: titel
/// ```
public enum MetadataSidecar {
    /// The name ending that marks a sidecar: `bestek.docx` → `bestek.docx.meta.yml`.
    public static let suffix = ".meta.yml"

    /// The accepted keys (English and Dutch), as in a metadata table.
    static var keys: [String: String] { MetadataFields.names }

    /// The sidecar path for a document.
    public static func path(for document: String) -> String { document + suffix }

    /// The metadata in the sidecar of `document`, or `nil` when it has none.
    /// - Throws: `InventoryError.metadata` when the sidecar exists but is not valid.
    public static func load(for document: String, english: Bool = false) throws(InventoryError) -> DocumentMetadata? {
        let sidecar = path(for: document)
        guard FileManager.default.fileExists(atPath: sidecar) else { return nil }
        guard let data = FileManager.default.contents(atPath: sidecar) else {
            throw .metadata(path: sidecar, line: 0, reason: english ? "cannot be read" : "kan niet worden gelezen")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .metadata(path: sidecar, line: 0, reason: english ? "not UTF-8 text" : "geen UTF-8-tekst")
        }
        return try parse(text, path: sidecar, english: english)
    }

    /// Parses sidecar text; `path` names it in errors.
    public static func parse(_ text: String, path: String, english: Bool = false) throws(InventoryError) -> DocumentMetadata {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw .metadata(path: path, line: 0, reason: (english ? "not valid YAML: " : "geen geldige YAML: ") + oneLine("\(error)"))
        }
        guard let root else { return DocumentMetadata() }
        guard let mapping = root.mapping else {
            throw .metadata(path: path, line: root.mark?.line ?? 0,
                            reason: english ? "expected key: value pairs" : "verwacht sleutel: waarde-paren")
        }
        var metadata = DocumentMetadata()
        for (keyNode, valueNode) in mapping {
            let line = keyNode.mark?.line ?? 0
            guard let key = keyNode.string, let field = keys[key] else {
                let allowed = keys.keys.sorted().joined(separator: ", ")
                throw .metadata(path: path, line: line,
                                reason: (english ? "unknown key '\(keyNode.string ?? "")' (allowed: " : "onbekende sleutel '\(keyNode.string ?? "")' (toegestaan: ") + allowed + ")")
            }
            guard let raw = valueNode.scalar?.string else {
                throw .metadata(path: path, line: line, reason: english ? "'\(key)' must be a single value" : "'\(key)' moet één waarde zijn")
            }
            if let reason = MetadataFields.assign(field, key: key, value: raw, to: &metadata, english: english) {
                throw .metadata(path: path, line: line, reason: reason)
            }
        }
        return metadata
    }

    /// Yams errors span several lines (with a caret excerpt); a message must stay on one.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.first ?? text
    }
}
