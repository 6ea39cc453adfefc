import Foundation

/// One row of the `document` table: a file seen by a scan, with its metadata and its burden totals
/// for one provider. Deleted files keep their row with `deletedAt` set; unreadable files have
/// `status = "error"` and the reader's one-line message.
struct DocumentRecord: Codable, Sendable {

    var id: Int64?
    /// The path as collected from the scan's arguments (root as given, then the relative path).
    var path: String
    /// Hex SHA-256 of the file's bytes; empty when the file could not be read at all.
    var contentHash: String
    var format: String?
    /// Detected or forced domains, comma-separated (`jeugd,wmo`).
    var domains: String
    var municipality: String?
    var region: String?
    var year: Int?
    var procedure: String?
    /// Providers affected by this tender, from metadata; `nil` means the corpus default.
    var providers: Int?
    /// `ok` or `error`.
    var status: String
    /// For `status = error`: `path: reason`.
    var error: String?
    /// Identifies the catalogue and engine settings the findings were made with; a different key
    /// means the findings are stale and the document is analysed again.
    var analysisKey: String
    var clauseCount: Int
    /// Active (not silenced) findings.
    var findingCount: Int
    /// Σ hours per year of the active findings, for one provider.
    var hoursPerYear: Double
    /// `hoursPerYear` × the corpus tariff, for one provider.
    var eurosPerYear: Double
    var scannedAt: Date
    var deletedAt: Date?
    /// Metadata: the domain named by a metadata source (not the detected `domains`).
    var domain: String? = nil
    /// Metadata: the title, from a metadata source or the document's first heading.
    var title: String? = nil
    /// Where the metadata came from, e.g. `tabel metadata.csv, sidecar`.
    var metadataSource: String? = nil
    /// `TextFingerprint.text` of the document as read; nil for unreadable files.
    var textFingerprint: String? = nil
    /// The document this one is a copy of (same tender, any format); nil for a document counted
    /// in the totals. Set by `InventoryStore.mergeDuplicates` after every scan.
    var duplicateOf: Int64? = nil
    /// Metadata: the CPV codes, comma-separated.
    var cpv: String? = nil

    /// The columns `InventoryStore.save` writes (all but `id`), in the order of `values`.
    static let columns = [
        "path", "contentHash", "format", "domains", "municipality", "region", "year", "procedure", "providers", "status", "error",
        "analysisKey", "clauseCount", "findingCount", "hoursPerYear", "eurosPerYear", "scannedAt", "deletedAt", "domain", "title",
        "metadataSource", "textFingerprint", "duplicateOf", "cpv",
    ]

    var values: [any SQLBindable] {
        [path, contentHash, format, domains, municipality, region, year, procedure, providers, status, error,
         analysisKey, clauseCount, findingCount, hoursPerYear, eurosPerYear, scannedAt, deletedAt, domain, title,
         metadataSource, textFingerprint, duplicateOf, cpv]
    }

    var metadata: DocumentMetadata {
        DocumentMetadata(municipality: municipality, region: region, year: year, procedure: procedure, providers: providers,
                         domain: domain, title: title, cpv: cpv)
    }

    mutating func apply(_ metadata: DocumentMetadata) {
        municipality = metadata.municipality
        region = metadata.region
        year = metadata.year
        procedure = metadata.procedure
        providers = metadata.providers
        domain = metadata.domain
        title = metadata.title
        cpv = metadata.cpv
    }
}
