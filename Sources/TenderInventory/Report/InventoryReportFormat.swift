import TenderRules

/// The output formats of `tenderlint inventory report`.
public enum InventoryReportFormat: String, Sendable, CaseIterable {
    /// `csv`: one file per table (`InventorySpreadsheet.csv`); `xlsx`: a workbook
    /// (`InventorySpreadsheet.xlsx`); `csv-long`: the earlier single table for scripts.
    case html, csv, xlsx, json
    case csvLong = "csv-long"

    /// The HTML report with filters, a section per municipality, "Gemeenten × onderwerpen" per
    /// region and trends per topic (`InventoryHTMLExplorer`).
    public static func html(_ summary: InventorySummary, details: InventoryDetails, options: InventoryReportOptions) -> String {
        InventoryHTMLReport(options: options, details: details).render(summary)
    }

    /// Renders `summary` in this format, for the text formats (html, json, csv-long).
    public func render(_ summary: InventorySummary, options: InventoryReportOptions) throws(InventoryError) -> String {
        switch self {
        case .html: return InventoryHTMLReport(options: options).render(summary)
        case .csvLong: return InventoryCSVReport(options: options).render(summary)
        case .json: return try InventoryJSONReport(options: options).render(summary)
        case .csv, .xlsx: throw .output(path: rawValue, reason: "written as files by InventorySpreadsheet")
        }
    }
}

/// Settings every inventory report receives.
public struct InventoryReportOptions: Sendable {
    /// Dutch unless `--lang en`.
    public var language: Language
    /// The tenderlint version named in the output.
    public var toolVersion: String
    /// The store's file name, shown in the report's footer.
    public var database: String?

    /// Options for one report.
    public init(language: Language = .nl, toolVersion: String, database: String? = nil) {
        self.language = language
        self.toolVersion = toolVersion
        self.database = database
    }
}
