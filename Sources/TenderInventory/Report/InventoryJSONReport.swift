import Foundation

/// The inventory as JSON (schema version `InventorySummary.schemaVersion`): the summary's fields
/// plus the formula and the assumptions in words. Keys are sorted and amounts rounded to cents,
/// so the same store gives the same bytes.
struct InventoryJSONReport {
    let options: InventoryReportOptions

    struct Tool: Encodable { var name: String; var version: String }

    struct Shape: Encodable {
        var schemaVersion: Int
        var tool: Tool
        var language: String
        var formula: String
        var assumptions: [String]
        var parameters: BurdenParameters
        var lastScan: Date?
        var totals: InventorySummary.Totals
        var categories: [InventorySummary.Group]
        var topics: [InventorySummary.Group]
        var municipalities: [InventorySummary.Group]
        var regions: [InventorySummary.Group]
        var years: [InventorySummary.Group]
        var procedures: [InventorySummary.Group]
        var documents: [InventorySummary.DocumentEntry]
        var counts: [String: Int]
        var limit: Int
        /// Tenders found in several files, counted once.
        var merged: [InventorySummary.MergedDocument]
        /// Files not read, with the reason.
        var unread: [InventorySummary.UnreadFile]
    }

    func render(_ summary: InventorySummary) throws(InventoryError) -> String {
        let s = Self.rounded(summary)
        let labels = InventoryLabels(language: options.language)
        let shape = Shape(schemaVersion: s.schemaVersion, tool: Tool(name: "tenderlint", version: options.toolVersion),
                          language: options.language.rawValue, formula: labels.formula, assumptions: labels.assumptions(s.parameters),
                          parameters: s.parameters, lastScan: s.lastScan, totals: s.totals, categories: s.categories, topics: s.topics,
                          municipalities: s.municipalities, regions: s.regions, years: s.years, procedures: s.procedures,
                          documents: s.documents, counts: s.counts, limit: s.limit, merged: s.merged, unread: s.unread)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return String(decoding: try encoder.encode(shape), as: UTF8.self) + "\n"
        } catch {
            throw .output(path: "JSON", reason: "\(error)")
        }
    }

    static func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    /// Every amount rounded to two decimals.
    static func rounded(_ summary: InventorySummary) -> InventorySummary {
        func group(_ g: InventorySummary.Group) -> InventorySummary.Group {
            var g = g
            g.hoursPerProvider = round(g.hoursPerProvider); g.eurosPerProvider = round(g.eurosPerProvider)
            g.hoursAllProviders = round(g.hoursAllProviders); g.eurosAllProviders = round(g.eurosAllProviders)
            return g
        }
        var s = summary
        s.totals.hoursPerProvider = round(s.totals.hoursPerProvider); s.totals.eurosPerProvider = round(s.totals.eurosPerProvider)
        s.totals.hoursAllProviders = round(s.totals.hoursAllProviders); s.totals.eurosAllProviders = round(s.totals.eurosAllProviders)
        s.categories = s.categories.map(group); s.topics = s.topics.map(group)
        s.municipalities = s.municipalities.map(group); s.regions = s.regions.map(group)
        s.years = s.years.map(group); s.procedures = s.procedures.map(group)
        s.documents = s.documents.map { d in
            var d = d
            d.hoursPerProvider = round(d.hoursPerProvider); d.eurosPerProvider = round(d.eurosPerProvider)
            d.hoursAllProviders = round(d.hoursAllProviders); d.eurosAllProviders = round(d.eurosAllProviders)
            return d
        }
        return s
    }
}
