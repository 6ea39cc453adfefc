import Foundation
import TenderDocument
import TenderFormats
import TenderLint
import TenderReport
import TenderRules

/// `tenderlint lsp`: a Language Server (LSP 3.17) over standard input and output for Markdown
/// and plain text. Diagnostics on open and on change (debounced), a hover with the rule's
/// explanation, legal basis and model article, and a quick fix that replaces the flagged text by
/// the model article. Each file's engine comes from the nearest `.tenderlint.yml`, as with `lint`.
public final class LanguageServer: @unchecked Sendable {
    let base: Engine
    let language: Language
    let rulesFolder: String?
    let debounce: DispatchTimeInterval
    private let channel: JSONRPCChannel
    private let queue = DispatchQueue(label: "tenderlint.lsp.lint")
    private let lock = NSLock()
    /// Open documents: text, version and language id.
    private var documents: [String: OpenDocument] = [:]
    /// The findings last published per document, with their LSP ranges.
    private var published: [String: [Published]] = [:]
    private var shutdownRequested = false
    /// The engine of each configuration file, kept while the file's size and modification time
    /// stay the same: a pause in typing does not read the file and compile its rule folders again.
    private var engines: [String: (stamp: String, engine: Engine)] = [:]

    struct OpenDocument {
        var text: String
        var version: Int
        var languageId: String
    }

    struct Published {
        var finding: Finding
        var range: [String: Any]
        var texts: FindingText
        var start: (line: Int, character: Int)
        var end: (line: Int, character: Int)
    }

    public init(engine: Engine, language: Language, rulesFolder: String?, input: FileHandle = .standardInput,
                output: FileHandle = .standardOutput, debounceMilliseconds: Int = 300) {
        self.base = engine
        self.language = language
        self.rulesFolder = rulesFolder
        self.debounce = .milliseconds(debounceMilliseconds)
        self.channel = JSONRPCChannel(input: input, output: output)
    }

    /// Serves until `exit` or the end of the input. Returns the process's exit code (0 after a
    /// `shutdown`, 1 without, as the protocol asks).
    public func run() -> Int32 {
        while true {
            let message: [String: Any]
            do {
                message = try channel.read()
            } catch .endOfInput {
                return shutdownRequested ? 0 : 1
            } catch {
                FileHandle.standardError.write(Data("tenderlint lsp: \(error)\n".utf8))
                return 1
            }
            guard let method = message["method"] as? String else { continue }  // a response to us: none expected
            let params = message["params"] as? [String: Any] ?? [:]
            let id = message["id"]
            if method == "exit" { return shutdownRequested ? 0 : 1 }
            handle(method: method, params: params, id: id)
        }
    }

    private func handle(method: String, params: [String: Any], id: Any?) {
        switch method {
        case "initialize":
            channel.respond(id: id ?? NSNull(), result: [
                "capabilities": [
                    "textDocumentSync": ["openClose": true, "change": 1],
                    "hoverProvider": true,
                    "codeActionProvider": ["codeActionKinds": ["quickfix"]],
                ],
                "serverInfo": ["name": "tenderlint", "version": TenderlintVersion.current],
            ])
        case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
            break
        case "shutdown":
            shutdownRequested = true
            channel.respond(id: id ?? NSNull(), result: NSNull())
        case "textDocument/didOpen":
            guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String, let text = doc["text"] as? String else { return }
            let version = doc["version"] as? Int ?? 0
            lock.withLock { documents[uri] = OpenDocument(text: text, version: version, languageId: doc["languageId"] as? String ?? "") }
            schedule(uri: uri, version: version, delay: .milliseconds(0))
        case "textDocument/didChange":
            guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String,
                  let changes = params["contentChanges"] as? [[String: Any]], let text = changes.last?["text"] as? String else { return }
            let version = doc["version"] as? Int ?? 0
            lock.withLock {
                let languageId = documents[uri]?.languageId ?? ""
                documents[uri] = OpenDocument(text: text, version: version, languageId: languageId)
            }
            schedule(uri: uri, version: version, delay: debounce)
        case "textDocument/didClose":
            guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String else { return }
            lock.withLock {
                documents[uri] = nil
                published[uri] = nil
            }
            channel.notify("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()])
        case "textDocument/hover":
            channel.respond(id: id ?? NSNull(), result: hover(params) ?? NSNull())
        case "textDocument/codeAction":
            channel.respond(id: id ?? NSNull(), result: codeActions(params))
        default:
            if let id { channel.respond(id: id, errorCode: -32601, message: "method not found: \(method)") }
        }
    }

    /// Lints `uri` after `delay` if it is still at `version` then (a later change reschedules).
    private func schedule(uri: String, version: Int, delay: DispatchTimeInterval) {
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            guard let doc = lock.withLock({ documents[uri] }), doc.version == version else { return }
            let diagnostics = lint(uri: uri, document: doc)
            // Only publish what is still current.
            guard lock.withLock({ documents[uri]?.version == version }) else { return }
            channel.notify("textDocument/publishDiagnostics", ["uri": uri, "version": version, "diagnostics": diagnostics])
        }
    }

    /// The path of a `file:` URI, else nil.
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    /// The engine for the file at `path`: the base, or the one its nearest `.tenderlint.yml` gives.
    private func engine(for path: String) -> Engine {
        guard let configuration = ConfigurationLoader.nearest(to: path) else { return base }
        let attributes = try? FileManager.default.attributesOfItem(atPath: configuration)
        let stamp = "\((attributes?[.size] as? Int) ?? -1) \((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        if let known = lock.withLock({ engines[configuration] }), known.stamp == stamp { return known.engine }
        do {
            let engine = try EngineResolver(base: base, rulesFolder: rulesFolder).resolve([path]).choices.first?.engine ?? base
            lock.withLock { engines[configuration] = (stamp, engine) }
            return engine
        } catch {
            FileHandle.standardError.write(Data("tenderlint lsp: \(error.description(language))\n".utf8))
            return base
        }
    }

    private func lint(uri: String, document doc: OpenDocument) -> [[String: Any]] {
        let path = LanguageServer.path(of: uri)
        let name = path ?? uri
        let lower = name.lowercased()
        let markdown = doc.languageId == "markdown" || lower.hasSuffix(".md") || lower.hasSuffix(".markdown")
        // The configuration that applies to the file, as `lint` finds it.
        let engine = path.map(engine(for:)) ?? base
        let document = DocumentReader.document(text: doc.text, path: name, markdown: markdown)
        let result = engine.lint(document)
        let texts = FindingText(catalogue: engine.catalogue, language: language)
        let index = TextLineIndex(doc.text)
        var list: [Published] = []
        var diagnostics: [[String: Any]] = []
        for f in result.findings where f.suppression == nil {
            guard case let .line(l1, c1) = f.start, case let .line(l2, c2) = f.end else { continue }
            let s = index.position(line: l1, column: c1)
            let e = index.position(line: l2, column: c2)
            let range: [String: Any] = ["start": ["line": s.line, "character": s.character], "end": ["line": e.line, "character": e.character]]
            list.append(Published(finding: f, range: range, texts: texts, start: s, end: e))
            var diagnostic: [String: Any] = [
                "range": range, "severity": f.severity == .error ? 1 : f.severity == .warning ? 2 : 3,
                "code": f.ruleId, "source": "tenderlint", "message": texts.message(f),
            ]
            diagnostic["data"] = ["ruleId": f.ruleId]
            diagnostics.append(diagnostic)
        }
        lock.withLock { published[uri] = list }
        return diagnostics
    }

    private static func position(_ value: Any?) -> (line: Int, character: Int)? {
        guard let p = value as? [String: Any], let line = p["line"] as? Int, let character = p["character"] as? Int else { return nil }
        return (line, character)
    }

    private static func precedes(_ a: (line: Int, character: Int), _ b: (line: Int, character: Int)) -> Bool {
        (a.line, a.character) < (b.line, b.character)
    }

    private func hover(_ params: [String: Any]) -> [String: Any]? {
        guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String,
              let at = LanguageServer.position(params["position"]) else { return nil }
        let list = lock.withLock { published[uri] ?? [] }
        guard let hit = list.first(where: { !LanguageServer.precedes(at, $0.start) && LanguageServer.precedes(at, $0.end) }) else { return nil }
        return ["contents": ["kind": "markdown", "value": hoverText(hit)], "range": hit.range]
    }

    private func hoverText(_ p: Published) -> String {
        let f = p.finding
        let en = language == .en
        var out = "**\(p.texts.title(f))** (`\(f.ruleId)`, \(f.category.label(language)))\n\n\(p.texts.message(f))\n"
        if let rule = base.catalogue.rule(f.ruleId) {
            out += "\n" + rule.rationale.text(language).trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        }
        if !f.basis.isEmpty {
            out += "\n**\(en ? "Legal basis" : "Grondslag"):** " + f.basis.map { b in
                b.url.map { "[\(b.citation)](\($0))" } ?? b.citation
            }.joined(separator: "; ") + "\n"
        }
        if let model = p.texts.model(of: f) {
            out += "\n**\(en ? "Model article" : "Modelartikel"):** \(model.title) (`\(model.id)`)\n\n"
            out += model.text.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n").map { "> " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    private func codeActions(_ params: [String: Any]) -> [[String: Any]] {
        guard let doc = params["textDocument"] as? [String: Any], let uri = doc["uri"] as? String,
              let range = params["range"] as? [String: Any], let from = LanguageServer.position(range["start"]),
              let to = LanguageServer.position(range["end"]) else { return [] }
        let list = lock.withLock { published[uri] ?? [] }
        let en = language == .en
        var actions: [[String: Any]] = []
        for p in list where !LanguageServer.precedes(p.end, from) && !LanguageServer.precedes(to, p.start) {
            guard let model = p.texts.model(of: p.finding) else { continue }
            let diagnostic: [String: Any] = [
                "range": p.range, "severity": p.finding.severity == .error ? 1 : p.finding.severity == .warning ? 2 : 3,
                "code": p.finding.ruleId, "source": "tenderlint", "message": p.texts.message(p.finding),
            ]
            actions.append([
                "title": (en ? "Replace by the model article: " : "Vervang door het modelartikel: ") + model.title,
                "kind": "quickfix",
                "isPreferred": true,
                "diagnostics": [diagnostic],
                "edit": ["changes": [uri: [["range": p.range, "newText": model.text.trimmingCharacters(in: .whitespacesAndNewlines)]]]],
            ])
        }
        return actions
    }
}

