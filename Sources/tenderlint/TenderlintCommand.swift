import ArgumentParser
import TenderReport

@main
struct TenderlintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenderlint",
        abstract: "Controleert inkoopdocumenten voor jeugdhulp, Wmo en Participatiewet op onnodige lasten.",
        discussion: """
        Exitcodes: 0 geen bevindingen op of boven --fail-on; 1 wel; 2 gebruiks-, invoer- of configuratiefout.
        """,
        version: TenderlintVersion.current,
        subcommands: [Lint.self, Compare.self, Rules.self, Explain.self, Evaluate.self, BaselineCommand.self, Serve.self, Inventory.self],
        defaultSubcommand: Lint.self
    )
}
