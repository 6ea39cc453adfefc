import Foundation
import TenderRules

/// A language of the LanguageTool API as `GET /v2/languages` lists it. tenderlint checks Dutch
/// tender text; the language chooses the language of the messages (Dutch or English).
struct LanguageToolLanguage: Sendable, Codable, Equatable {
    var name: String
    var code: String
    var longCode: String

    /// The languages tenderlint answers for.
    static let all: [LanguageToolLanguage] = [
        .init(name: "Dutch", code: "nl", longCode: "nl-NL"),
        .init(name: "Dutch (Belgium)", code: "nl", longCode: "nl-BE"),
        .init(name: "English (US)", code: "en", longCode: "en-US"),
        .init(name: "English (GB)", code: "en", longCode: "en-GB"),
    ]

    /// The language of the messages for this API language.
    var messageLanguage: Language { code == "en" ? .en : .nl }

    /// The language named by a request's `language` field: a code (`nl`), a long code
    /// (`nl-NL`, `nl_NL`, any case) or `auto` (the text is a Dutch tender: Dutch, or the
    /// `motherTongue` when that is English). Nil for a language tenderlint does not know.
    static func named(_ name: String, motherTongue: String?) -> LanguageToolLanguage? {
        let key = name.replacingOccurrences(of: "_", with: "-").lowercased()
        if key == "auto" {
            if let mother = motherTongue, let m = named(mother, motherTongue: nil), m.code == "en" { return m }
            return all[0]
        }
        if let exact = all.first(where: { $0.longCode.lowercased() == key }) { return exact }
        let code = key.split(separator: "-").first.map(String.init) ?? key
        return all.first(where: { $0.code == code })
    }
}

/// A `POST /v2/check` request, from its form fields (LanguageTool's names).
struct LanguageToolRequest: Sendable {
    var text: AnnotatedText
    var language: LanguageToolLanguage
    /// `language=auto`: the answer names the language it detected.
    var detected: Bool
    var enabledRules: Set<String>
    var disabledRules: Set<String>
    var enabledCategories: Set<String>
    var disabledCategories: Set<String>
    /// `enabledOnly=true`: only the enabled rules and categories run.
    var enabledOnly: Bool

    /// Why a request was refused: the message of LanguageTool's plain-text 400 answer.
    struct Refusal: Error, Equatable {
        var message: String
    }

    init(fields: [String: String]) throws(Refusal) {
        if let data = fields["data"] {
            do {
                text = try AnnotatedText(data: data)
            } catch {
                throw Refusal(message: "Error: the 'data' parameter is not annotated text as JSON ({\"annotation\": [{\"text\": ...}, {\"markup\": ...}]})")
            }
        } else if let plain = fields["text"] {
            text = AnnotatedText(text: plain)
        } else {
            throw Refusal(message: "Error: Missing 'text' or 'data' parameter")
        }
        guard let name = fields["language"], !name.isEmpty else { throw Refusal(message: "Error: Missing 'language' parameter") }
        guard let language = LanguageToolLanguage.named(name, motherTongue: fields["motherTongue"]) else {
            throw Refusal(message: "Error: '\(name)' is not a language code known to tenderlint (nl, nl-NL, nl-BE, en, en-US, en-GB, auto)")
        }
        self.language = language
        detected = name.lowercased() == "auto"
        func list(_ field: String) -> Set<String> {
            Set((fields[field] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        enabledRules = list("enabledRules")
        disabledRules = list("disabledRules")
        enabledCategories = Set(list("enabledCategories").map(LanguageToolRequest.categoryKey))
        disabledCategories = Set(list("disabledCategories").map(LanguageToolRequest.categoryKey))
        enabledOnly = fields["enabledOnly"]?.lowercased() == "true"
        if enabledOnly, enabledRules.isEmpty, enabledCategories.isEmpty {
            throw Refusal(message: "Error: You must specify enabled rules or categories when using enabledOnly=true")
        }
        // `level` (default, picky) and `motherTongue` are accepted: every rule of tenderlint is
        // one a tender author wants, and the text is Dutch whatever the writer's own language.
    }

    /// A category as compared: LanguageTool clients write ids in capitals with underscores.
    static func categoryKey(_ id: String) -> String {
        id.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    /// Whether `rule` runs for this request.
    func runs(_ rule: Rule) -> Bool {
        let category = rule.category.rawValue
        if enabledOnly {
            return enabledRules.contains(rule.id) || enabledCategories.contains(category)
        }
        if disabledRules.contains(rule.id) { return false }
        if disabledCategories.contains(category) { return enabledRules.contains(rule.id) }
        return true
    }
}

