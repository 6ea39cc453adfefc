/// One accepted finding in a baseline file. The fingerprint is the key; the other fields are
/// there for people reading the file and for the stale-entry list.
public struct BaselineEntry: Hashable, Sendable, Codable {
    /// `Finding.fingerprint`: the rule and the words of the sentence, so it survives
    /// renumbering, moved clauses and reflowed text.
    public var fingerprint: String
    public var rule: String
    /// The document's path as it was given when the baseline was written.
    public var path: String
    /// The clause number as a person cites it, if the clause has one.
    public var clause: String?
    /// The matched text.
    public var match: String

    public init(fingerprint: String, rule: String, path: String, clause: String?, match: String) {
        self.fingerprint = fingerprint
        self.rule = rule
        self.path = path
        self.clause = clause
        self.match = match
    }

    /// The entry that accepts `finding`.
    public init(_ finding: Finding) {
        self.init(fingerprint: finding.fingerprint, rule: finding.ruleId, path: finding.path,
                  clause: finding.clauseNumber, match: finding.matchedText)
    }
}
