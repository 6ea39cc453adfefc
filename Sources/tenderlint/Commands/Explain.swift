import ArgumentParser
import TenderReport
import TenderRules

/// `tenderlint explain ID`: one rule in full.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Leg één regel uit: waarom, grondslag, voorbeelden, uitzonderingen en modelartikel.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "Het id van de regel (zie `tenderlint rules`).")
    var id: String

    func run() throws {
        try exitingOnFailure {
            let catalogue = try common.loadCatalogue()
            guard let rule = catalogue.rule(id) else {
                let en = common.language == .en
                var message = en ? "\(id): unknown rule" : "\(id): onbekende regel"
                if let near = Explain.nearest(id, among: catalogue.rules.map(\.id)) {
                    message += en ? "; did you mean \(near)?" : "; bedoelt u \(near)?"
                }
                message += en ? " (see `tenderlint rules`)" : " (zie `tenderlint rules`)"
                throw Failure.usage(message)
            }
            print(CatalogueDocumentation(catalogue: catalogue, language: common.language).explain(rule), terminator: "")
        }
    }

    /// The id closest to `typed` by edit distance, when it is close enough to be a typo: at most
    /// a third of the typed length, and at least 1 for short ids. Nil when nothing is that close.
    static func nearest(_ typed: String, among ids: [String]) -> String? {
        let budget = max(2, typed.count / 3)
        let scored = ids.map { ($0, editDistance(typed.lowercased(), $0)) }.filter { $0.1 <= budget }
        return scored.min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    /// Levenshtein distance on characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
