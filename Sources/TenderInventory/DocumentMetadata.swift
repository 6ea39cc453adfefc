/// What a document is, beyond its text: who issued it, where, when and under which procedure.
///
/// Read from a sidecar `<document>.meta.yml` or from the document's path (`--meta-template`);
/// the sidecar wins field by field. Every field is optional: a document without metadata is still
/// counted, under "onbekend".
public struct DocumentMetadata: Hashable, Sendable, Codable {
    /// The municipality that issued the tender, as the source spells it.
    public var municipality: String?
    /// The region (inkoopregio) the tender belongs to.
    public var region: String?
    /// The tender's year, e.g. 2025.
    public var year: Int?
    /// The procedure, as the source names it (e.g. `open`, `sociale-diensten`, `bestuurlijk aanbesteden`).
    public var procedure: String?
    /// Providers affected by this tender; `nil` means the corpus default (`--providers`).
    public var providers: Int?
    /// The domain the metadata names (`jeugd`, `wmo`, `participatie`); the report uses it instead
    /// of the detected domains. It does not change the analysis.
    public var domain: String?
    /// The tender's title: from the metadata, else the document's first heading (or eForms BT-21).
    public var title: String?

    /// Metadata with the given fields; the others unknown.
    public init(municipality: String? = nil, region: String? = nil, year: Int? = nil,
                procedure: String? = nil, providers: Int? = nil, domain: String? = nil, title: String? = nil) {
        self.municipality = Self.known(municipality)
        self.region = Self.known(region)
        self.year = year
        self.procedure = Self.known(procedure)
        self.providers = providers
        self.domain = Self.known(domain)
        self.title = Self.known(title)
    }

    /// Words that mean "not known" in a metadata source are no value at all, so that "onbekend"
    /// is never counted as a municipality or region.
    static let unknownWords: Set<String> = ["", "onbekend", "unknown", "n.v.t.", "nvt", "-", "–", "?"]

    static func known(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        return unknownWords.contains(trimmed.lowercased()) ? nil : trimmed
    }

    /// True when no field is set.
    public var isEmpty: Bool { self == DocumentMetadata() }

    /// This metadata with every field that `other` sets taking `other`'s value.
    public func overridden(by other: DocumentMetadata) -> DocumentMetadata {
        DocumentMetadata(municipality: other.municipality ?? municipality, region: other.region ?? region,
                         year: other.year ?? year, procedure: other.procedure ?? procedure,
                         providers: other.providers ?? providers, domain: other.domain ?? domain,
                         title: other.title ?? title)
    }
}
