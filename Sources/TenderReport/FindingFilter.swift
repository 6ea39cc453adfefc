import TenderLint
import TenderRules

/// Which findings an HTML page highlights: by category and by severity. An empty set means all.
public struct FindingFilter: Sendable, Equatable {
    public var categories: Set<Category>
    public var severities: Set<Severity>

    public init(categories: Set<Category> = [], severities: Set<Severity> = []) {
        self.categories = categories
        self.severities = severities
    }

    /// Every finding passes.
    public static let all = FindingFilter()

    /// True when nothing is filtered out.
    public var isEmpty: Bool { categories.isEmpty && severities.isEmpty }

    /// Whether `finding` is shown under this filter.
    public func includes(_ finding: Finding) -> Bool {
        (categories.isEmpty || categories.contains(finding.category))
            && (severities.isEmpty || severities.contains(finding.severity))
    }
}
