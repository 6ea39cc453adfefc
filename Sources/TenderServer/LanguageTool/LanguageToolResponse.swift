/// The answer of `POST /v2/check`, in the shape of LanguageTool's HTTP API (v2): what
/// LibreOffice's remote checker and LanguageTool's client libraries read.
struct LanguageToolResponse: Sendable, Codable, Equatable {
    struct Software: Sendable, Codable, Equatable {
        var name: String
        var version: String
        var buildDate: String
        var apiVersion: Int
        var premium: Bool
        var status: String
    }

    struct Warnings: Sendable, Codable, Equatable {
        var incompleteResults: Bool
    }

    struct DetectedLanguage: Sendable, Codable, Equatable {
        var name: String
        var code: String
        var confidence: Double
    }

    struct LanguageInfo: Sendable, Codable, Equatable {
        var name: String
        var code: String
        var detectedLanguage: DetectedLanguage
    }

    struct Value: Sendable, Codable, Equatable {
        var value: String
    }

    struct Context: Sendable, Codable, Equatable {
        var text: String
        /// Where the match starts in `text` (UTF-16).
        var offset: Int
        var length: Int
    }

    struct MatchType: Sendable, Codable, Equatable {
        var typeName: String
    }

    struct RuleCategory: Sendable, Codable, Equatable {
        var id: String
        var name: String
    }

    struct RuleInfo: Sendable, Codable, Equatable {
        var id: String
        var description: String
        var issueType: String
        var category: RuleCategory
        var urls: [Value]
    }

    struct Match: Sendable, Codable, Equatable {
        var message: String
        var shortMessage: String
        /// The model article's text when the rule proposes one; else none.
        var replacements: [Value]
        /// UTF-16 code units from the start of the text (with markup, for annotated text).
        var offset: Int
        var length: Int
        var context: Context
        var sentence: String
        var type: MatchType
        var rule: RuleInfo
        var ignoreForIncompleteSentence: Bool
        var contextForSureMatch: Int
    }

    var software: Software
    var warnings: Warnings
    var language: LanguageInfo
    var matches: [Match]
}
