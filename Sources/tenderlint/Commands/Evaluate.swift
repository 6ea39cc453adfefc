import ArgumentParser
import Foundation
import TenderLint
import TenderReport
import TenderRules

/// `tenderlint evaluate [FILE]`: precision and recall on a labelled evaluation set.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Meet precisie en recall van de catalogus op een gelabelde evaluatieset.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "De evaluatieset (YAML).")
    var file: String = "samples/evaluation/clauses.yml"

    @Option(help: "text, markdown of json.")
    var format: String = "text"

    @Flag(help: "Toon ook elke gemiste en elke onterechte bevinding.")
    var verbose = false

    func run() throws {
        try exitingOnFailure {
            let catalogue = try common.loadCatalogue()
            let clauses: [Evaluation.Clause]
            do { clauses = try Evaluation.load(file) } catch { throw Failure.usage("\(error)") }
            let evaluation = Evaluation(clauses: clauses, engine: Engine(catalogue: catalogue, options: EngineOptions(language: common.language)))
            print(try EvaluationReport(evaluation: evaluation, catalogue: catalogue).render(format: format, verbose: verbose), terminator: "")
        }
    }
}
