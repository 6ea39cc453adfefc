/// What a document is, beyond its text: who issued it, where, when and under which procedure.
///
/// Read from a sidecar `<document>.meta.yml`, a metadata table (`--meta`), the document's path
/// (`--meta-template`) or, for what none of them gives, the document's own properties (an eForms
/// notice's buyer, date and CPV; a title); the sidecar wins field by field. Every field is optional: a document without metadata is still
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
    /// The tender's title: from the metadata, else the document's own (its properties or first heading).
    public var title: String?
    /// The CPV codes of what is bought, comma-separated as given (`85311300, 85312400`): from the
    /// metadata or an eForms notice (BT-262).
    public var cpv: String?

    /// Metadata with the given fields; the others unknown.
    public init(municipality: String? = nil, region: String? = nil, year: Int? = nil,
                procedure: String? = nil, providers: Int? = nil, domain: String? = nil, title: String? = nil, cpv: String? = nil) {
        self.municipality = Self.known(municipality)
        self.region = Self.known(region)
        self.year = year
        self.procedure = Self.known(procedure)
        self.providers = providers
        self.domain = Self.known(domain)
        self.title = Self.known(title)
        self.cpv = Self.known(cpv)
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
                         title: other.title ?? title, cpv: other.cpv ?? cpv)
    }
}
