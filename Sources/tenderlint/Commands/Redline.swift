import ArgumentParser
import Foundation
import TenderDocument
import TenderFormats
import TenderLint
import TenderRedline
import TenderRules

/// `tenderlint redline INPUT -o OUTPUT`: the document handed back marked up.
struct Redline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Geef het document terug met een opmerking bij elke bevinding en de modelartikelen als bijgehouden wijzigingen.",
        discussion: """
        Word (.docx) en OpenDocument (.odt, .fodt) krijgen opmerkingen en bijgehouden wijzigingen; tekst en Markdown een verbeterde kopie (-o) \
        of een unified diff (--diff) die git apply en patch aanvaarden. De invoer wordt nooit gewijzigd. \
        De datum van de wijzigingen is SOURCE_DATE_EPOCH als die gezet is. Zie docs/redline.md.
        Exitcodes: 0 geschreven; 2 gebruiks- of invoerfout.
        """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "Het document (.docx, .odt, .fodt, .md, .txt).")
    var input: String

    @Option(name: .shortAndLong, help: "Het bestand om te schrijven (een kopie; de invoer blijft zoals hij is).")
    var output: String?

    @Flag(help: "Tekst en Markdown: druk een unified diff af in plaats van een kopie te schrijven.")
    var diff = false

    @Option(help: "Auteur van de opmerkingen en wijzigingen.")
    var author: String = "tenderlint"

    @Flag(help: "Alleen opmerkingen, geen bijgehouden wijzigingen.")
    var commentsOnly = false

    @Flag(help: "Overschrijf een bestaand uitvoerbestand.")
    var force = false

    @Option(help: "Configuratiebestand (standaard: het dichtstbijzijnde .tenderlint.yml boven het document).")
    var config: String?

    @OptionGroup var tariffOptions: TariffOptions

    func run() throws {
        try exitingOnFailure {
            let en = common.language == .en
            func fail(_ path: String, _ nl: String, _ english: String) -> Failure { .usage("\(path): \(en ? english : nl)") }
            if !diff && output == nil { throw fail(input, "geef -o UITVOER of --diff", "give -o OUTPUT or --diff") }
            if let output {
                let same = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
                    == URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath()
                if same { throw fail(output, "de uitvoer is de invoer; de invoer wordt nooit overschreven", "the output is the input; the input is never overwritten") }
                if FileManager.default.fileExists(atPath: output), !force {
                    throw fail(output, "bestaat al; geef --force om te overschrijven", "exists; pass --force to overwrite")
                }
            }
            // The matcher through the cache, as `lint` takes it: one document costs no compile.
            let base = Engine(compiled: try common.loadCompiledCatalogue().compiled, options: try tariffOptions.engineOptions(common.language))
            let engine: Engine
            do throws(ConfigurationError) { engine = try EngineResolver(base: base, configFile: config).resolve([input]).choices.first?.engine ?? base } catch {
                throw Failure.usage("\(error)")
            }
            guard let bytes = FileManager.default.contents(atPath: input).map({ [UInt8]($0) }) else {
                throw fail(input, "kan niet lezen", "cannot read")
            }
            let document: Document
            do throws(ReaderError) { document = try DocumentReader().read(bytes: bytes, path: input) } catch {
                throw Failure.usage(error.message(english: en))
            }
            let result = engine.lint(document)
            let options = RedlineOptions(author: author, date: RedlineOptions.date(), language: common.language, commentsOnly: commentsOnly)
            let plan = RedlinePlan(document: document, findings: result.findings, text: FindingText(catalogue: engine.catalogue, language: common.language), options: options)
            let written: Redliner.Output
            do throws(RedlineError) {
                if diff, document.format != .text, document.format != .markdown {
                    throw RedlineError(nl: "--diff is er voor tekst en Markdown; geef -o UITVOER", en: "--diff is for text and Markdown; give -o OUTPUT")
                }
                written = try Redliner.redline(input: bytes, document: document, plan: plan, options: options)
            } catch {
                throw Failure.usage("\(input): \(error.reason(english: en))")
            }
            if diff, let text = written.text {
                print(text.diff(oldName: input, newName: output ?? input), terminator: "")
            }
            guard let output else { return }
            // A Word or OpenDocument copy keeps its format: `-o copy.docx` for an ODT input would
            // give a file no office program opens by its name.
            let outputExtension = URL(fileURLWithPath: output).pathExtension.lowercased()
            if written.text == nil, outputExtension != written.fileExtension {
                throw fail(output, "de kopie is \(written.fileExtension.uppercased()), zoals de invoer; geef -o NAAM.\(written.fileExtension)",
                           "the copy is \(written.fileExtension.uppercased()), like the input; give -o NAME.\(written.fileExtension)")
            }
            do { try Data(written.bytes).write(to: URL(fileURLWithPath: output)) } catch {
                throw fail(output, "kan niet schrijven", "cannot write")
            }
            if !diff { printError("\(output): \(written.summary(english: en))") }
        }
    }
}
