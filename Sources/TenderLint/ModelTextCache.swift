import Foundation

/// Rendered model articles, shared between findings.
///
/// A proposed model article's text depends only on the article, the language (fixed per engine)
/// and the rule's model parameters, not on the finding, unless the article uses the finding's
/// `{gevonden}`. Rendering it once per rule and handing every finding the same string (Swift
/// strings share their storage when copied) keeps a corpus run's memory proportional to the
/// number of findings times their own text, not times the article texts, and saves the rendering.
///
/// Safety: `@unchecked Sendable` because every access to `texts` holds `lock`.
final class ModelTextCache: @unchecked Sendable {
    private struct Key: Hashable {
        var rule: Int
        var model: String
    }
    private let lock = NSLock()
    private var texts: [Key: String] = [:]

    /// The cached text for the proposal of `model` by rule number `rule`, rendered with `render`
    /// the first time.
    func text(rule: Int, model: String, render: () -> String) -> String {
        let key = Key(rule: rule, model: model)
        lock.lock()
        let cached = texts[key]
        lock.unlock()
        if let cached { return cached }
        let rendered = render()
        lock.lock()
        defer { lock.unlock() }
        if let raced = texts[key] { return raced }
        texts[key] = rendered
        return rendered
    }
}
