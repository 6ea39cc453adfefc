import Foundation
import TenderDocument
import TenderLanguage
import TenderRules

/// Ranks the model-article library by similarity to a clause: BM25 over stemmed words of each
/// article's title and text.
struct ModelRanker: Sendable {
    private let models: [ModelArticle]
    private let documents: [[String: Int]]
    private let lengths: [Double]
    private let averageLength: Double
    private let documentFrequency: [String: Int]
    /// For each term, the models that contain it and how often (model index, term frequency), in
    /// model order: `best` visits only the models that share a term with the query.
    private let postings: [String: [(model: Int, frequency: Int)]]

    static let k1 = 1.2, b = 0.75
    /// Words too common in contracts to say anything about the subject.
    static let stopwords: Set<String> = ["de", "het", "een", "en", "van", "in", "op", "te", "aan", "voor", "met", "is", "zijn",
                                         "dat", "die", "of", "bij", "door", "als", "om", "tot", "worden", "wordt", "niet", "geen",
                                         "dez", "deze", "zij", "hij", "naar", "over", "ook", "er", "uit", "per", "kan", "word"]

    init(models: [ModelArticle]) {
        let stemmer = DutchStemmer()
        self.models = models
        var docs: [[String: Int]] = []
        var df: [String: Int] = [:]
        for m in models {
            let terms = ModelRanker.terms(m.title.nl + " " + m.text.nl, stemmer: stemmer)
            var tf: [String: Int] = [:]
            for t in terms { tf[t, default: 0] += 1 }
            for t in tf.keys { df[t, default: 0] += 1 }
            docs.append(tf)
        }
        self.documents = docs
        self.lengths = docs.map { Double($0.values.reduce(0, +)) }
        self.averageLength = lengths.isEmpty ? 1 : max(1, lengths.reduce(0, +) / Double(lengths.count))
        self.documentFrequency = df
        var postings: [String: [(model: Int, frequency: Int)]] = [:]
        for (i, tf) in docs.enumerated() {
            for (term, f) in tf { postings[term, default: []].append((i, f)) }
        }
        self.postings = postings
    }

    static func terms(_ text: String, stemmer: DutchStemmer) -> [String] {
        terms(tokens: Tokenizer.tokens(in: NormalizedText(text).bytes), stemmer: stemmer)
    }

    /// The terms of tokens already cut from normalised text (the engine's analysed blocks).
    static func terms(tokens: [Token], stemmer: DutchStemmer) -> [String] {
        tokens.compactMap { t in
            guard !t.isNumber, t.text.count > 2 else { return nil }
            let s = stemmer.stem(t.text)
            return stopwords.contains(s) ? nil : s
        }
    }

    /// The best-scoring article for `text`, if it is not `excluding` and scores clearly above zero.
    func best(for text: String, stemmer: DutchStemmer, excluding: String, topic: String) -> ModelArticle? {
        best(forQuery: ModelRanker.query(text, stemmer: stemmer), excluding: excluding, topic: topic)
    }

    /// The distinct terms of `text`, sorted: the query `best(forQuery:…)` scores. Sorted, so the
    /// scores are summed in the same order in every process (a `Set`'s order depends on the
    /// process's hash seed, and a different order can change the last bit of a sum).
    static func query(_ text: String, stemmer: DutchStemmer) -> [String] {
        Set(terms(text, stemmer: stemmer)).sorted()
    }

    /// `query(_:stemmer:)` of the text `tokens` were cut from, without tokenising it again.
    static func query(tokens: [Token], stemmer: DutchStemmer) -> [String] {
        Set(terms(tokens: tokens, stemmer: stemmer)).sorted()
    }

    /// The best-scoring article for the terms of `query(_:stemmer:)`.
    func best(forQuery query: [String], excluding: String, topic: String) -> ModelArticle? {
        guard !models.isEmpty else { return nil }
        let n = Double(models.count)
        // Each model's score adds the same terms in the same order (the query's) as a loop over
        // the models would, so the sums are the same to the last bit; models without a query
        // term keep 0.
        var scores = [Double](repeating: 0, count: models.count)
        for term in query {
            guard let list = postings[term] else { continue }
            let df = Double(documentFrequency[term] ?? 0)
            let idf = log((n - df + 0.5) / (df + 0.5) + 1)
            for (i, f) in list {
                let freq = Double(f)
                scores[i] += idf * freq * (ModelRanker.k1 + 1) / (freq + ModelRanker.k1 * (1 - ModelRanker.b + ModelRanker.b * lengths[i] / averageLength))
            }
        }
        var best: (score: Double, index: Int)?
        for i in documents.indices {
            let score = scores[i]
            if best == nil || score > best!.score || (score == best!.score && models[i].id < models[best!.index].id) {
                best = (score, i)
            }
        }
        guard let best, best.score > 1.0, models[best.index].id != excluding else { return nil }
        return models[best.index]
    }
}
