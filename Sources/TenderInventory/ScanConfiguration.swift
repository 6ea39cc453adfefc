/// How a scan finds `.tenderlint.yml` configurations, as `tenderlint lint` does: one `--config`
/// file for every document, or the nearest `.tenderlint.yml` in or above each document's folder.
/// A configuration turns rules on or off, overrides severities, fixes the domain and records
/// municipal context (silenced findings count in no total), so the inventory counts what `lint`
/// reports for the same file.
public struct ScanConfiguration: Sendable {
    /// `--config FILE`: used for every document. Nil: the nearest `.tenderlint.yml`.
    public var configFile: String?
    /// Whether to look for `.tenderlint.yml` files when `configFile` is nil.
    public var searchesConfiguration: Bool
    /// The catalogue folder the engine's catalogue came from; a configuration's `rule-folders`
    /// are loaded together with it.
    public var rulesFolder: String

    /// Settings for a scan over the catalogue in `rulesFolder`.
    public init(configFile: String? = nil, searchesConfiguration: Bool = true, rulesFolder: String) {
        self.configFile = configFile
        self.searchesConfiguration = searchesConfiguration
        self.rulesFolder = rulesFolder
    }
}
