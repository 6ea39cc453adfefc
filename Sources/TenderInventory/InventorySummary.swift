import Foundation

/// The corpus aggregates a report shows: totals, and burden by category, topic, municipality,
/// region, year, procedure and document. Built by `InventoryStore.summary`; rendered by the
/// inventory reports. Plain values, no database types.
///
/// Burden figures come in two scales: *per provider* (the sum of the documents' own totals, as
/// `tenderlint lint` reports them) and *all providers* (each document's total × the providers it
/// affects). Euros are hours × `parameters.tariff`.
public struct InventorySummary: Codable, Sendable, Equatable {
    /// The JSON shape's version; raised on any incompatible change.
    public static let schemaVersion = 1

    /// A row of an aggregate: one topic, category, municipality, region, year, procedure.
    public struct Group: Codable, Sendable, Equatable {
        /// The topic or category id, municipality, region, year or procedure; `nil` for documents
        /// without that metadata ("onbekend").
        public var key: String?
        /// A display name: the topic's title; otherwise the key.
        public var label: String?
        /// The category of a topic.
        public var category: String?
        public var documents: Int
        public var findings: Int
        /// In how many distinct municipalities it occurs (topics and categories: how widely a
        /// burden recurs).
        public var municipalities: Int?
        public var hoursPerProvider: Double
        public var eurosPerProvider: Double
        public var hoursAllProviders: Double
        public var eurosAllProviders: Double
    }

    /// One of the documents with the heaviest burden.
    public struct DocumentEntry: Codable, Sendable, Equatable {
        public var path: String
        public var municipality: String?
        public var region: String?
        public var year: Int?
        public var procedure: String?
        /// The providers this document's burden is multiplied by (its metadata, or the default).
        public var providers: Int
        public var findings: Int
        public var hoursPerProvider: Double
        public var eurosPerProvider: Double
        public var hoursAllProviders: Double
        public var eurosAllProviders: Double
    }

    /// Corpus totals, over documents that were read and are still present.
    public struct Totals: Codable, Sendable, Equatable {
        public var documents: Int
        public var documentsWithFindings: Int
        public var findings: Int
        public var municipalities: Int
        public var regions: Int
        /// Documents without any metadata (no municipality, region or year).
        public var documentsWithoutMetadata: Int
        /// Files that could not be read in their last scan (not in any total).
        public var unreadable: Int
        /// Files marked deleted (not in any total).
        public var deleted: Int
        public var hoursPerProvider: Double
        public var eurosPerProvider: Double
        public var hoursAllProviders: Double
        public var eurosAllProviders: Double
    }

    public var schemaVersion = InventorySummary.schemaVersion
    public var parameters: BurdenParameters
    /// When the last complete or interrupted scan finished; `nil` before any scan.
    public var lastScan: Date?
    public var totals: Totals
    /// Every category, also those without findings, in catalogue order.
    public var categories: [Group]
    /// The topics with the highest burden (all providers), at most `limit`.
    public var topics: [Group]
    public var municipalities: [Group]
    public var regions: [Group]
    /// By year, ascending; empty when no document has a year.
    public var years: [Group]
    public var procedures: [Group]
    /// The documents with the highest burden (all providers), at most `limit`.
    public var documents: [DocumentEntry]
    /// How many rows each list would have without the limit.
    public var counts: [String: Int]
    /// The `top` limit applied to topics, municipalities, regions, procedures and documents.
    public var limit: Int
}
