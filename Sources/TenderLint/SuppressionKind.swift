/// Where the exception that silences a finding is written down.
///
/// Reporters use it to tell an exception written in the document (SARIF `inSource`) from one
/// kept beside it (SARIF `external`), and the text report to group the explained deviations.
public enum SuppressionKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A `[tenderlint: negeer <regel> — <reden>]` marker in the text of the clause.
    case document
    /// The same marker in a Word or LibreOffice comment on a paragraph of the clause.
    case comment
    /// A `context` entry of `.tenderlint.yml`: the municipality's own context, with its reason.
    case configuration
    /// An accepted finding in the baseline file (`tenderlint baseline`).
    case baseline

    /// Whether the exception stands in the document itself (SARIF `inSource`).
    public var isInSource: Bool { self == .document || self == .comment }

    /// A short name for reports: `document`, `opmerking`, `configuratie`, `baseline`.
    public func label(english: Bool) -> String {
        switch self {
        case .document: return english ? "document" : "document"
        case .comment: return english ? "comment" : "opmerking"
        case .configuration: return english ? "configuration" : "configuratie"
        case .baseline: return "baseline"
        }
    }
}
