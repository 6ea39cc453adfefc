import Foundation

/// What the HTML report needs beyond the aggregates: per municipality its heaviest topics with
/// quoted example clauses, per region the hours per municipality and topic, and per topic the
/// hours by year. Over the documents that count (copies merged), active findings only.
public struct InventoryDetails: Sendable, Equatable {
    public struct TopicBurden: Sendable, Equatable {
        public var topic: String
        public var title: String
        public var category: String
        /// Σ hours per year for one provider, over the municipality's documents.
        public var hoursPerProvider: Double
        public var eurosAllProviders: Double
    }

    public struct Example: Sendable, Equatable {
        public var topic: String
        public var document: String
        public var clause: String?
        public var quote: String
    }

    public struct Municipality: Sendable, Equatable {
        public var name: String
        public var region: String?
        public var domains: [String]
        public var years: [Int]
        public var documents: Int
        public var eurosAllProviders: Double
        /// Heaviest first.
        public var topics: [TopicBurden]
        public var examples: [Example]
    }

    public struct Region: Sendable, Equatable {
        public var name: String
        public var municipalities: [String]
        /// Topic id, title, category; heaviest first.
        public var topics: [(id: String, title: String, category: String)]
        /// `hours[municipality][topic]`, hours per year for one provider.
        public var hours: [String: [String: Double]]

        /// True when most of the region's municipalities impose `topic`.
        public func majorityImposes(_ topic: String) -> Bool {
            let imposing = municipalities.filter { (hours[$0]?[topic] ?? 0) > 0 }.count
            return imposing * 2 > municipalities.count
        }

        public init(name: String, municipalities: [String], topics: [(id: String, title: String, category: String)], hours: [String: [String: Double]]) {
            self.name = name
            self.municipalities = municipalities
            self.topics = topics
            self.hours = hours
        }

        public static func == (a: Region, b: Region) -> Bool {
            a.name == b.name && a.municipalities == b.municipalities && a.hours == b.hours
                && a.topics.map(\.id) == b.topics.map(\.id)
        }
    }

    public struct Trend: Sendable, Equatable {
        public var topic: String
        public var title: String
        public var category: String
        /// Year → hours per year for one provider.
        public var hours: [Int: Double]
    }

    public var municipalities: [Municipality]
    public var regions: [Region]
    public var years: [Int]
    public var trends: [Trend]
}

extension InventoryStore {
    /// See `InventoryDetails`; `topicsPerMunicipality` and `examplesPerMunicipality` cut the lists.
    public func details(parameters: BurdenParameters, topicsPerMunicipality: Int = 5, examplesPerMunicipality: Int = 3) throws(InventoryError) -> InventoryDetails {
        try reading { db in
            let p = parameters.providersPerTender, t = parameters.tariff
            let active = Self.activeDocuments
            let rows = try db.rows("""
                SELECT d.municipality AS m, d.region AS r, f.topic AS topic, MIN(COALESCE(tp.title, f.topic)) AS title, MIN(f.category) AS category,
                       SUM(f.hoursPerYear) AS hours, SUM(f.hoursPerYear * COALESCE(d.providers, ?)) AS hoursAll
                FROM finding f JOIN document d ON d.id = f.documentId LEFT JOIN topic tp ON tp.id = f.topic
                WHERE \(active) AND f.suppressed IS NULL AND d.municipality IS NOT NULL
                GROUP BY d.municipality, d.region, f.topic
                """, [p])
            let docs = try db.rows("""
                SELECT d.municipality AS m, d.region AS r, COALESCE(d.domain, d.domains) AS domains, d.year AS year,
                       d.hoursPerYear * COALESCE(d.providers, ?) AS hoursAll
                FROM document d WHERE \(active) AND d.municipality IS NOT NULL
                """, [p])
            var municipalities: [String: InventoryDetails.Municipality] = [:]
            for d in docs {
                let name: String = d["m"]
                var m = municipalities[name] ?? InventoryDetails.Municipality(name: name, region: d["r"], domains: [], years: [], documents: 0,
                                                             eurosAllProviders: 0, topics: [], examples: [])
                m.documents += 1
                m.eurosAllProviders += (d["hoursAll"] as Double) * t
                for domain in (d["domains"] as String? ?? "").split(separator: ",").map(String.init) where !m.domains.contains(domain) {
                    m.domains.append(domain)
                }
                if let year: Int = d["year"], !m.years.contains(year) { m.years.append(year) }
                if m.region == nil { m.region = d["r"] }
                municipalities[name] = m
            }
            var regionHours: [String: [String: [String: Double]]] = [:]
            var regionTopics: [String: [String: (title: String, category: String, hours: Double)]] = [:]
            for r in rows {
                let name: String = r["m"], topic: String = r["topic"], hours: Double = r["hours"], all: Double = r["hoursAll"]
                municipalities[name]?.topics.append(InventoryDetails.TopicBurden(topic: topic, title: r["title"], category: r["category"],
                                                                hoursPerProvider: hours, eurosAllProviders: all * t))
                if let region: String = r["r"] {
                    regionHours[region, default: [:]][name, default: [:]][topic, default: 0] += hours
                    var entry = regionTopics[region, default: [:]][topic] ?? (r["title"], r["category"], 0)
                    entry.hours += hours
                    regionTopics[region, default: [:]][topic] = entry
                }
            }
            let examples = try db.rows("""
                SELECT d.municipality AS m, COALESCE(tp.title, f.topic) AS title, f.topic AS topic, f.clause, f.match,
                       d.title AS docTitle, d.path, f.hoursPerYear
                FROM finding f JOIN document d ON d.id = f.documentId LEFT JOIN topic tp ON tp.id = f.topic
                WHERE \(active) AND f.suppressed IS NULL AND d.municipality IS NOT NULL
                ORDER BY d.municipality, f.hoursPerYear DESC, d.path, f.line, f.id
                """)
            for e in examples {
                let name: String = e["m"]
                guard var m = municipalities[name], m.examples.count < examplesPerMunicipality else { continue }
                let topic: String = e["title"]
                guard !m.examples.contains(where: { $0.topic == topic }) else { continue }
                m.examples.append(InventoryDetails.Example(topic: topic, document: e["docTitle"] ?? Self.fileName(e["path"]), clause: e["clause"], quote: e["match"]))
                municipalities[name] = m
            }
            var list = Array(municipalities.values)
            for i in list.indices {
                list[i].topics.sort { ($0.eurosAllProviders, $1.topic) > ($1.eurosAllProviders, $0.topic) }
                list[i].topics = Array(list[i].topics.prefix(topicsPerMunicipality))
                list[i].years.sort()
                list[i].domains.sort()
            }
            list.sort { ($0.region ?? "\u{10FFFF}", $0.name) < ($1.region ?? "\u{10FFFF}", $1.name) }
            let regions = regionHours.keys.sorted().map { name -> InventoryDetails.Region in
                let topics = (regionTopics[name] ?? [:]).sorted { ($0.value.hours, $1.key) > ($1.value.hours, $0.key) }
                    .map { (id: $0.key, title: $0.value.title, category: $0.value.category) }
                let members = list.filter { $0.region == name }.map(\.name)
                return InventoryDetails.Region(name: name, municipalities: members, topics: topics, hours: regionHours[name] ?? [:])
            }
            let trendRows = try db.rows("""
                SELECT f.topic AS topic, MIN(COALESCE(tp.title, f.topic)) AS title, MIN(f.category) AS category, d.year AS year, SUM(f.hoursPerYear) AS hours
                FROM finding f JOIN document d ON d.id = f.documentId LEFT JOIN topic tp ON tp.id = f.topic
                WHERE \(active) AND f.suppressed IS NULL AND d.year IS NOT NULL
                GROUP BY f.topic, d.year ORDER BY f.topic, d.year
                """)
            var trends: [String: InventoryDetails.Trend] = [:]
            var years = Set<Int>()
            for r in trendRows {
                let topic: String = r["topic"], year: Int = r["year"]
                years.insert(year)
                trends[topic, default: InventoryDetails.Trend(topic: topic, title: r["title"], category: r["category"], hours: [:])].hours[year] = r["hours"]
            }
            let trendList = trends.values.sorted { a, b in
                (a.hours.values.reduce(0, +), b.topic) > (b.hours.values.reduce(0, +), a.topic)
            }
            return InventoryDetails(municipalities: list, regions: regions, years: years.sorted(), trends: trendList)
        }
    }
}
