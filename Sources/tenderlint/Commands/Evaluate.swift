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

    @Flag(help: "Meet zonder de reparatie van typefouten en gesplitste samenstellingen (ter vergelijking).")
    var withoutTypoTolerance = false

    @Option(help: "Exitcode 1 als de precisie onder deze waarde ligt (0 tot 1), voor CI.")
    var minPrecision: Double?

    @Option(help: "Exitcode 1 als de recall onder deze waarde ligt (0 tot 1), voor CI.")
    var minRecall: Double?

    func run() throws {
        try exitingOnFailure {
            let catalogue = try common.loadCatalogue()
            let clauses: [Evaluation.Clause]
            do { clauses = try Evaluation.load(file) } catch { throw Failure.usage((error as? EvaluationError)?.message(common.language) ?? "\(error)") }
            let evaluation = Evaluation(clauses: clauses, engine: Engine(catalogue: catalogue, options: EngineOptions(), typoTolerance: !withoutTypoTolerance))
            print(try EvaluationReport(evaluation: evaluation, catalogue: catalogue, language: common.language).render(format: format, verbose: verbose), terminator: "")
            let en = common.language == .en
            var below: [String] = []
            if let minPrecision, (evaluation.overall.precision ?? 1) < minPrecision {
                below.append((en ? "precision" : "precisie") + String(format: " %.3f < %.2f", evaluation.overall.precision ?? 1, minPrecision))
            }
            if let minRecall, (evaluation.overall.recall ?? 1) < minRecall {
                below.append("recall" + String(format: " %.3f < %.2f", evaluation.overall.recall ?? 1, minRecall))
            }
            if !below.isEmpty {
                printError("\(file): " + (en ? "below the floor: " : "onder de ondergrens: ") + below.joined(separator: ", "))
                throw ExitCode(1)
            }
        }
    }
}
