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
        /// Documents counted (for a finding group: documents with at least one such finding).
        public var documents: Int
        /// Active findings.
        public var findings: Int
        /// In how many distinct municipalities it occurs (topics and categories: how widely a
        /// burden recurs).
        public var municipalities: Int?
        /// Σ over documents of each document's hours per year for one provider.
        public var hoursPerProvider: Double
        /// `hoursPerProvider` × the tariff.
        public var eurosPerProvider: Double
        /// Σ over documents of each document's hours per year × the providers it affects.
        public var hoursAllProviders: Double
        /// `hoursAllProviders` × the tariff.
        public var eurosAllProviders: Double
    }

    /// One of the documents with the heaviest burden.
    public struct DocumentEntry: Codable, Sendable, Equatable {
        /// The path as stored by the scan.
        public var path: String
        /// What reports show: the title, else the file name (never a local folder).
        public var name: String
        /// Metadata, `nil` when unknown.
        public var municipality: String?
        /// Metadata, `nil` when unknown.
        public var region: String?
        /// Metadata, `nil` when unknown.
        public var year: Int?
        /// Metadata, `nil` when unknown.
        public var procedure: String?
        /// Metadata: the CPV codes, comma-separated; `nil` when unknown.
        public var cpv: String? = nil
        /// The providers this document's burden is multiplied by (its metadata, or the default).
        public var providers: Int
        /// Active findings.
        public var findings: Int
        /// The document's hours per year for one provider, as `tenderlint lint` reports them.
        public var hoursPerProvider: Double
        /// `hoursPerProvider` × the tariff.
        public var eurosPerProvider: Double
        /// `hoursPerProvider` × `providers`.
        public var hoursAllProviders: Double
        /// `hoursAllProviders` × the tariff.
        public var eurosAllProviders: Double
    }

    /// Corpus totals, over documents that were read and are still present.
    public struct Totals: Codable, Sendable, Equatable {
        /// Documents read in their last scan and still present.
        public var documents: Int
        /// Documents with at least one active finding.
        public var documentsWithFindings: Int
        /// Active findings.
        public var findings: Int
        /// Distinct municipalities named in the metadata.
        public var municipalities: Int
        /// Distinct regions named in the metadata.
        public var regions: Int
        /// Documents without any metadata (no municipality, region or year).
        public var documentsWithoutMetadata: Int
        /// Files that could not be read in their last scan (not in any total).
        public var unreadable: Int
        /// Files marked deleted (not in any total).
        public var deleted: Int
        /// Σ over documents of each document's hours per year for one provider.
        public var hoursPerProvider: Double
        /// `hoursPerProvider` × the tariff.
        public var eurosPerProvider: Double
        /// Σ over documents of each document's hours per year × the providers it affects.
        public var hoursAllProviders: Double
        /// `hoursAllProviders` × the tariff.
        public var eurosAllProviders: Double
    }

    /// See `InventorySummary.schemaVersion`.
    public var schemaVersion = InventorySummary.schemaVersion
    /// The tariff and providers default the euros and all-provider figures were computed with.
    public var parameters: BurdenParameters
    /// When the last complete or interrupted scan finished; `nil` before any scan.
    public var lastScan: Date?
    /// Corpus totals.
    public var totals: Totals
    /// Every category, also those without findings, in catalogue order.
    public var categories: [Group]
    /// The topics with the highest burden (all providers), at most `limit`.
    public var topics: [Group]
    /// The municipalities with the highest burden (all providers), at most `limit`; `key` nil = unknown.
    public var municipalities: [Group]
    /// The regions with the highest burden (all providers), at most `limit`; `key` nil = unknown.
    public var regions: [Group]
    /// By year, ascending; empty when no document has a year.
    public var years: [Group]
    /// By procedure, at most `limit`; empty when no document names one.
    public var procedures: [Group]
    /// The documents with the highest burden (all providers), at most `limit`.
    public var documents: [DocumentEntry]
    /// How many rows each list would have without the limit.
    public var counts: [String: Int]
    /// The `top` limit applied to topics, municipalities, regions, procedures and documents.
    public var limit: Int

    /// A tender found in several files (copies, other formats), counted once.
    public struct MergedDocument: Codable, Sendable, Equatable {
        /// The title of the file that counts, else its file name.
        public var document: String
        /// The file names: the one that counts first, then its copies.
        public var files: [String]
    }

    /// A file that is not in any total because it could not be read or is not supported.
    public struct UnreadFile: Codable, Sendable, Equatable {
        public var file: String
        public var reason: String
    }

    /// The tenders found in more than one file, with their files.
    public var merged: [MergedDocument] = []
    /// The files that could not be read or are not supported, with the reason.
    public var unread: [UnreadFile] = []

    /// Files merged into `merged.count` documents.
    public var mergedFiles: Int { merged.reduce(0) { $0 + $1.files.count } }
}
