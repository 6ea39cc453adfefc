import ArgumentParser
import TenderReport
import TenderRules

/// `tenderlint explain ID`: one rule in full.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Leg één regel uit: waarom, grondslag, voorbeelden en modelartikel.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "Het id van de regel (zie `tenderlint rules`).")
    var id: String

    func run() throws {
        try exitingOnFailure {
            let catalogue = try common.loadCatalogue()
            guard let rule = catalogue.rule(id) else {
                throw Failure.usage("\(id): onbekende regel; zie `tenderlint rules`")
            }
            print(CatalogueDocumentation(catalogue: catalogue, language: common.language).explain(rule), terminator: "")
        }
    }
}
