extension Catalogue {
    /// What one catalogue file of the given kind says, parsed from text against this catalogue's
    /// taxonomy, lexicon and models, as `load` parses it; the errors `load` would report for it.
    /// For tools that check one file without a folder (and for the fuzz targets).
    public func problems(inFileText text: String, file: String, kind: CatalogueFileKind) -> [CatalogueError] {
        switch kind {
        case .rule:
            return RuleParser(taxonomy: taxonomy, lexicon: lexicon, modelIds: Set(models.map(\.id))).parse(text, file: file).1
        case .model:
            return ModelParser(taxonomy: taxonomy).parse(text, file: file).1
        case .lexicon:
            do { _ = try Lexicon.parse(text, file: file); return [] } catch { return error.errors }
        case .topics:
            do { _ = try Taxonomy.parse(text, file: file); return [] } catch { return error.errors }
        }
    }
}

/// The kinds of file in a catalogue folder.
public enum CatalogueFileKind: String, Sendable, CaseIterable {
    case rule, model, lexicon, topics
}
