import TenderRules

/// What a report's closing lines need from a whole run: counts, burden, domains and the silenced
/// findings. A streamed run adds each document as it is written and then lets it go, so memory
/// stays bounded by the silenced findings, not by every finding of the corpus.
public struct LintTotals: Sendable {
    public var documents = 0
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Sums of the documents' burdens, added in document order (the same bits as
    /// `LintResult.hoursPerYear`).
    public var hoursPerYear: Double = 0
    public var eurosPerYear: Double = 0
    public var domains: Set<Domain> = []
    /// The municipalities factor of the findings' burdens (nil while no finding has a burden).
    public var municipalitiesPerProvider: Int?
    /// The tariff of the euros: the first document's (the run's until there is one);
    /// `tariffsDiffer` when a later document was estimated with another (a `.tenderlint.yml` per
    /// folder can set it).
    public var tariff: Tariff
    public var tariffsDiffer = false
    /// Silenced findings (marker, configuration, baseline), in document order.
    public var silenced: [Finding] = []
    /// Documents without any date (judged by today's law), and that day.
    public var undated = 0
    public var undatedLawDay: String?

    public init(tariff: Tariff = .standard) { self.tariff = tariff }

    public mutating func add(_ document: DocumentResult) {
        if documents == 0 { tariff = document.tariff } else if document.tariff != tariff { tariffsDiffer = true }
        documents += 1
        if document.date == nil {
            undated += 1
            if undatedLawDay == nil { undatedLawDay = document.lawDay }
        }
        for f in document.findings {
            if f.suppression != nil { silenced.append(f); continue }
            if f.burden.hoursPerOccurrence > 0, municipalitiesPerProvider == nil { municipalitiesPerProvider = f.burden.municipalities }
            switch f.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
        hoursPerYear += document.hoursPerYear
        eurosPerYear += document.eurosPerYear
        domains.formUnion(document.domains)
    }

    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .info: infos
        }
    }
}

extension LintResult {
    /// The totals of all documents.
    public var totals: LintTotals {
        var t = LintTotals(tariff: tariff)
        for d in documents { t.add(d) }
        return t
    }
}
