import TenderRules

/// Decides which social-domain laws a document is about from how often each domain's words occur.
enum DomainDetector {
    /// Domains whose words occur at least twice and at least 15% as often as the most frequent
    /// domain's; a document that names a domain once in passing is not about it. With no domain
    /// words at all the set is empty, and every rule applies.
    static func domains(from counts: [Domain: Int]) -> (Set<Domain>, DomainSource) {
        guard let top = counts.values.max(), top > 0 else { return ([], .none) }
        var chosen = Set(counts.filter { $0.value >= 2 && Double($0.value) >= Double(top) * 0.15 }.keys)
        if chosen.isEmpty { chosen = Set(counts.filter { $0.value == top }.keys) }
        return (chosen, .detected)
    }
}
