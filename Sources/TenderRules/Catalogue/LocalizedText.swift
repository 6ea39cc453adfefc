/// The languages tenderlint speaks. Dutch is the default everywhere.
public enum Language: String, Sendable, Codable, CaseIterable {
    case nl, en
}

/// A text in Dutch and (optionally) English; English falls back to Dutch.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var nl: String
    public var en: String?

    public init(nl: String, en: String? = nil) {
        self.nl = nl
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .en ? (en ?? nl) : nl
    }
}
