import Foundation
import TenderRules

/// A model article as a report shows it: rendered in one language.
public struct RenderedModel: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var text: String
    /// `rule` or `similarity` (see `ModelProposal.Reason`).
    public var reason: String
}

/// Renders findings in one language: messages, titles and model articles come from the catalogue
/// at report time, so one engine serves every language and a report pays only for the texts it
/// prints.
///
/// A model article's text depends on the article, the language and the rule's parameters, not on
/// the finding (unless it quotes the finding's `{gevonden}`): it is rendered once per rule and
/// article and shared between findings (Swift strings share storage when copied).
///
/// Safety: `@unchecked Sendable` because every access to `modelTexts` holds `lock`.
public final class FindingText: @unchecked Sendable {
    public let catalogue: Catalogue
    public let language: Language
    private let rulesById: [String: Rule]
    private let modelsById: [String: ModelArticle]
    private let lock = NSLock()
    private var modelTexts: [ModelKey: String] = [:]

    private struct ModelKey: Hashable {
        var rule: String
        var model: String
    }

    public init(catalogue: Catalogue, language: Language) {
        self.catalogue = catalogue
        self.language = language
        var rules: [String: Rule] = [:]
        for r in catalogue.rules where rules[r.id] == nil { rules[r.id] = r }
        rulesById = rules
        var models: [String: ModelArticle] = [:]
        for m in catalogue.models where models[m.id] == nil { models[m.id] = m }
        modelsById = models
    }

    /// The finding's message.
    public func message(_ f: Finding) -> String {
        switch f.message {
        case let .rule(match, quantity):
            guard let rule = rulesById[f.ruleId] else { return match.foldingWhitespace() }
            return rule.message.text(language)
                .replacingAll("{match}", with: match.foldingWhitespace())
                .replacingAll("{quantity}", with: quantity.foldingWhitespace())
        case let .suppression(problem):
            return SuppressionRule.message(problem, language)
        }
    }

    /// The title of the finding's rule.
    public func title(_ f: Finding) -> String { title(rule: f.ruleId) }

    /// The title of a rule, built-in or from the catalogue; the id when neither knows it.
    public func title(rule id: String) -> String {
        if let builtin = SuppressionRule.rule(id) { return builtin.title(language) }
        return rulesById[id]?.title.text(language) ?? id
    }

    /// A proposal of `f` rendered: the article's title and its text with the rule's parameters.
    public func model(_ proposal: ModelProposal, of f: Finding) -> RenderedModel {
        guard let article = modelsById[proposal.id] else {
            return RenderedModel(id: proposal.id, title: proposal.id, text: "", reason: proposal.reason.rawValue)
        }
        return RenderedModel(id: article.id, title: article.title.text(language), text: text(of: article, for: f),
                             reason: proposal.reason.rawValue)
    }

    /// The rule's proposal, rendered; nil when it has none.
    public func model(of f: Finding) -> RenderedModel? { f.model.map { model($0, of: f) } }
    /// The similarity runner-up, rendered; nil when there is none.
    public func alternativeModel(of f: Finding) -> RenderedModel? { f.alternativeModel.map { model($0, of: f) } }

    /// The article's text with the parameters of the finding's rule.
    public func text(of article: ModelArticle, for f: Finding) -> String {
        let rule = rulesById[f.ruleId]
        func render() -> String {
            var values = rule?.modelParameters ?? [:]
            values["gevonden"] = f.foundValue
            return article.render(language, values: values)
        }
        if article.parameters.contains(where: { $0.name == "gevonden" }) { return render() }
        let key = ModelKey(rule: f.ruleId, model: article.id)
        lock.lock()
        let cached = modelTexts[key]
        lock.unlock()
        if let cached { return cached }
        let rendered = render()
        lock.lock()
        defer { lock.unlock() }
        if let raced = modelTexts[key] { return raced }
        modelTexts[key] = rendered
        return rendered
    }
}
