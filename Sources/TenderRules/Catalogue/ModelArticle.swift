import Foundation

/// A model article: the standard text a rule proposes instead of the flagged clause.
public struct ModelArticle: Sendable, Identifiable, Codable {
    public struct Parameter: Hashable, Sendable, Codable {
        public var name: String
        public var defaultValue: String
        public var description: String?
    }

    public var id: String
    public var title: LocalizedText
    /// The text, with `{name}` placeholders for parameters.
    public var text: LocalizedText
    public var basis: [LegalBasis]
    public var parameters: [Parameter]
    public var topics: [String]
    /// What the article itself still asks of one provider for one municipality (`burden:` in its
    /// file): a finding's hours saved are its own hours minus these. Nil when the file states none.
    public var remaining: BurdenSpec?
    public var file: String

    /// The text in `language` with parameters filled from `values`, else their defaults.
    public func render(_ language: Language, values: [String: String] = [:]) -> String {
        var out = text.text(language)
        for p in parameters {
            out = out.replacingOccurrences(of: "{\(p.name)}", with: values[p.name] ?? p.defaultValue)
        }
        return out
    }
}
