import Foundation
import TenderFormats
import TenderLint

/// Identifies everything besides a document's bytes that decides its findings: the rule
/// catalogue's files, the engine settings and the tool version. A document whose stored key
/// differs is analysed again even when its content is unchanged, so a grown catalogue never
/// leaves stale findings in the store.
public enum AnalysisKey {
    /// The key for the catalogue in `folders` (all `.yml` files below them) and `options`.
    public static func make(catalogueFolders: [String], options: EngineOptions, toolVersion: String) -> String {
        var bytes: [UInt8] = Array("tenderlint \(toolVersion)\n".utf8)
        let fm = FileManager.default
        for folder in catalogueFolders {
            var files: [String] = []
            if let walker = fm.enumerator(atPath: folder) {
                while let item = walker.nextObject() as? String {
                    if item.hasSuffix(".yml") || item.hasSuffix(".yaml") { files.append(item) }
                }
            }
            for file in files.sorted() {
                bytes += Array("\u{0}\(file)\u{0}".utf8)
                // A file that vanished between listing and reading contributes its name only;
                // the catalogue loader has already read (and validated) the same files.
                if let data = fm.contents(atPath: folder + "/" + file) { bytes += Array(data) }
            }
        }
        let domains = options.domains.map { $0.map(\.rawValue).sorted().joined(separator: ",") } ?? "auto"
        bytes += Array("\u{0}domains=\(domains)".utf8)
        bytes += Array("\u{0}disabled=\(options.disabledRules.sorted().joined(separator: ","))".utf8)
        let overrides = options.severityOverrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }
        bytes += Array("\u{0}severity=\(overrides.joined(separator: ","))".utf8)
        // Municipal context silences findings, which changes the totals.
        let context = options.context.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        bytes += Array("\u{0}context=\(context.joined(separator: "\u{1}"))".utf8)
        return String(ContentHash.sha256(bytes).prefix(16))
    }
}
