import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderReport
@testable import TenderServer

/// The web page over HTTP, through Hummingbird's router test framework (and one live server):
/// upload, paste, broken and unsupported files, oversized uploads, concurrency, headers.
@Suite struct ServerHTTPTests {
    @Test func startPageIsDutchWithAFormThatWorksWithoutScript() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let html = response.text
            #expect(html.contains("<html lang=\"nl\">"))
            #expect(html.contains("<form class=\"upload\" method=\"post\" action=\"/lint\" enctype=\"multipart/form-data\">"))
            #expect(html.contains("<input type=\"file\" id=\"bestand\" name=\"bestand\""))
            #expect(html.contains("<textarea id=\"tekst\" name=\"tekst\""))
            #expect(html.contains("Controleren"))
            // Assets come from this server only.
            #expect(html.contains("href=\"/assets/tenderlint.css\""))
            #expect(!html.contains("http://") && !html.contains("https://"))

            let english = try await client.execute(uri: "/?lang=en", method: .get)
            #expect(english.text.contains("<html lang=\"en\">"))
            #expect(english.text.contains("Check a tender document"))
            #expect(english.text.contains("action=\"/lint?lang=en\""))
        }
    }

    @Test func securityHeadersOnEveryResponse() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.router) { client in
            for (uri, status) in [("/", HTTPResponse.Status.ok), ("/assets/tenderlint.css", .ok), ("/bestaat-niet", .notFound), ("/r/onbekend", .notFound)] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == status, "\(uri)")
                let csp = response.headers[.contentSecurityPolicy] ?? ""
                #expect(csp.contains("default-src 'self'"), "\(uri)")
                #expect(csp.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(!csp.contains("unsafe-inline"), "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(uri)")
                #expect(response.headers[.init("Referrer-Policy")!] == "same-origin", "\(uri)")
            }
            let missing = try await client.execute(uri: "/r/onbekend", method: .get)
            #expect(missing.text.contains("Deze pagina bestaat niet (meer)."))
        }
    }

    @Test func uploadOfAMarkdownSampleGivesTheAnnotatedDocument() async throws {
        let app = try ServerFixture.server().application()
        let sample = try ServerFixture.sample("samples/inkoopdocument-jeugdhulp.md")
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                    body: ServerFixture.multipart(file: ("inkoopdocument-jeugdhulp.md", sample)))
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("Resultaat: inkoopdocument-jeugdhulp.md"))
            #expect(html.contains("<h2 id=\"summary-title\">Samenvatting</h2>"))
            #expect(html.contains("<mark class=\"sev-"))
            #expect(html.contains("<details class=\"finding sev-"))
            #expect(html.contains("<blockquote class=\"model-text\""))
            #expect(html.contains("Kopieer modelartikel"))
            // The whole document is there, not only flagged clauses: its first heading and an unflagged paragraph.
            #expect(html.contains("Inkoopdocument Jeugdhulp 2027"))
            #expect(html.contains("De huidige overeenkomsten lopen af op 31 december 2026."))
            #expect(html.contains("<form class=\"filters\" method=\"get\""))
            #expect(html.contains("/rapport.json\" download>JSON</a>"))
            #expect(html.contains("/rapport.html\" download>HTML</a>"))
        }
    }

    @Test func uploadOfADocxSample() async throws {
        let app = try ServerFixture.server().application()
        let sample = try ServerFixture.sample("samples/formats/raamovereenkomst-wmo-begeleiding.docx")
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                    body: ServerFixture.multipart(file: ("raamovereenkomst-wmo-begeleiding.docx", sample)))
            #expect(response.status == .ok)
            #expect(response.text.contains("<dt>Formaat</dt><dd>docx</dd>"))
            #expect(response.text.contains("<mark class=\"sev-"))
        }
    }

    @Test func pastedTextAsMultipartAndAsURLEncodedForm() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.router) { client in
            let multipart = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                     body: ServerFixture.multipart(fields: [("tekst", ServerFixture.flaggedText), ("lang", "nl")]))
            #expect(multipart.status == .ok)
            #expect(multipart.text.contains("Resultaat: geplakte-tekst.txt"))
            #expect(multipart.text.contains("<mark class=\"sev-"))

            var form = "tekst="
            form += ServerFixture.flaggedText.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let encoded = try await client.execute(uri: "/lint?lang=en", method: .post,
                                                   headers: [.contentType: "application/x-www-form-urlencoded"],
                                                   body: ByteBuffer(string: form))
            #expect(encoded.status == .ok)
            #expect(encoded.text.contains("<html lang=\"en\">"))
            #expect(encoded.text.contains("Result: pasted-text.txt"))
            #expect(encoded.text.contains("<mark class=\"sev-"))
        }
    }

    @Test func emptySubmissionAsksForAFileOrText() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                    body: ServerFixture.multipart(fields: [("tekst", "   ")]))
            #expect(response.status == .badRequest)
            #expect(response.text.contains("Kies een bestand of plak tekst"))
            let garbage = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders, body: ByteBuffer(string: "geen formulier"))
            #expect(garbage.status == .badRequest)
            #expect(garbage.text.contains("Het formulier kwam niet goed aan."))
        }
    }

    @Test func unsupportedAndBrokenFilesGetAFriendlyMessageAndTheServerKeepsServing() async throws {
        let app = try ServerFixture.server().application()
        // A Word 97-2003 file starts with the OLE signature; a "DOCX" that is no ZIP archive is broken.
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)
        let brokenDocx: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0x41, count: 300)
        try await app.test(.router) { client in
            let doc = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                               body: ServerFixture.multipart(file: ("C:\\Users\\ambtenaar\\Bureaublad\\concept <oud>.doc", ole)))
            #expect(doc.status == .unprocessableContent)
            let html = doc.text
            #expect(html.contains("Dit bestand kan tenderlint niet lezen:"))
            // The client's path is reduced to a display name; the reader's message names only that.
            #expect(html.contains("concept oud.doc: niet ondersteund formaat: Word 97-2003"))
            #expect(!html.contains("Bureaublad"))
            #expect(!html.contains("/tmp"))

            let broken = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                  body: ServerFixture.multipart(file: ("kapot.docx", brokenDocx)))
            #expect(broken.status == .unprocessableContent)
            #expect(broken.text.contains("<div class=\"alert\" role=\"alert\">"))
            #expect(broken.text.contains("kapot.docx: "))

            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.status == .ok)
        }
    }

    @Test func oversizedUploadGets413WithAFriendlyPage() async throws {
        let app = try ServerFixture.server(maxUploadBytes: 1_048_576).application()
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 1_048_576 + Routes.formOverhead + 10)
        let justTooBig = [UInt8](repeating: UInt8(ascii: "b"), count: 1_048_576 + 1)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                    body: ServerFixture.multipart(file: ("groot.txt", big)))
            #expect(response.status == .contentTooLarge)
            #expect(response.text.contains("Het bestand is te groot. tenderlint leest bestanden tot 1 MB."))
            #expect(response.headers[.contentSecurityPolicy] != nil)
            // Within the body limit but over the file limit: the same answer.
            let file = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                body: ServerFixture.multipart(file: ("net-te-groot.txt", justTooBig)))
            #expect(file.status == .contentTooLarge)
            let home = try await client.execute(uri: "/", method: .get)
            #expect(home.status == .ok)
        }
    }

    @Test func concurrentUploadsAreAllAnswered() async throws {
        let app = try ServerFixture.server(maxConcurrentJobs: 2, maxWaitingJobs: 16).application()
        let samples = ["samples/inkoopdocument-jeugdhulp.md", "samples/programma-van-eisen-participatie.md", "samples/raamovereenkomst-wmo-begeleiding.md"]
        let bodies = try samples.map { path in (URL(fileURLWithPath: path).lastPathComponent, try ServerFixture.sample(path)) }
        try await app.test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, Bool).self) { group in
                for i in 0..<9 {
                    let (name, bytes) = bodies[i % bodies.count]
                    group.addTask {
                        let r = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                         body: ServerFixture.multipart(file: (name, bytes)))
                        return (r.status, r.text.contains("Resultaat: \(name)"))
                    }
                }
                var all: [(HTTPResponse.Status, Bool)] = []
                for try await s in group { all.append(s) }
                return all
            }
            #expect(statuses.count == 9)
            #expect(statuses.allSatisfy { $0.0 == .ok && $0.1 })
        }
    }

    /// The result page of a long tender stays short: the findings first, as a compact list whose
    /// panels are folded, then the summary and the downloads; the filters and the document folded.
    @Test func resultPageListsTheFindingsFirstWithEverythingFolded() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                    body: ServerFixture.multipart(fields: [("tekst", ServerFixture.flaggedText)]))
            #expect(response.status == .ok)
            let html = response.text
            let list = try #require(html.range(of: "<ol class=\"findings\">"))
            let summary = try #require(html.range(of: "<h2 id=\"summary-title\">"))
            let document = try #require(html.range(of: "<details class=\"fold document-view\">"))
            #expect(list.lowerBound < summary.lowerBound && summary.lowerBound < document.lowerBound)
            // One folded panel per finding marked in the text, each with its compact line:
            // severity, title, the match, where.
            let panels = html.matches(of: /<details class="finding sev-(error|warning|info)" id="f-1-\d+">\n<summary><span class="badge/).count
            let links = html.matches(of: /<a class="ref" href="#f-1-/).count
            #expect(panels > 0 && panels == links, "\(panels) panels, \(links) links from the text")
            #expect(html.contains("<q class=\"match\">"))
            #expect(html.contains("<span class=\"where\">"))
            // Nothing is open until the reader opens it; the text has no panels of its own.
            #expect(!html.contains(" open>"))
            #expect(!html.contains("<aside class=\"finding"))
            #expect(!html.contains("<nav class=\"finding-index\""))
            // Marks link to the list, the list back to the marks.
            #expect(html.contains("<a class=\"ref\" href=\"#f-1-1\""))
            #expect(html.contains("<a href=\"#m-1-1\">Toon in de tekst</a>"))
            let css = try await client.execute(uri: "/assets/tenderlint.css", method: .get)
            #expect(css.text.contains("details.finding > summary"))
            let script = try await client.execute(uri: "/assets/tenderlint.js", method: .get)
            #expect(script.text.contains("hashchange"))
        }
    }

    /// The language link of a result page leads to the same result, filters kept, rendered in
    /// the other language; downloads follow the page's language.
    @Test func switchingLanguageKeepsTheResult() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                    body: ServerFixture.multipart(fields: [("tekst", ServerFixture.flaggedText)]))
            let dutch = response.text
            let id = String(try #require(dutch.firstMatch(of: /action="\/r\/([0-9a-f]{32})"/)).1)
            #expect(dutch.contains("<a href=\"/r/\(id)?lang=en\" lang=\"en\" hreflang=\"en\">English</a>"))
            let count = dutch.matches(of: /<details class="finding sev-/).count

            let english = try await client.execute(uri: "/r/\(id)?lang=en", method: .get)
            #expect(english.status == .ok)
            let html = english.text
            #expect(html.contains("<html lang=\"en\">"))
            #expect(html.contains("Result: geplakte-tekst.txt"))
            #expect(html.contains("<h2 id=\"summary-title\">Summary</h2>"))
            #expect(html.contains("Show in the text"))
            #expect(html.matches(of: /<details class="finding sev-/).count == count)
            #expect(html.contains("<a href=\"/r/\(id)\" lang=\"nl\" hreflang=\"nl\">Nederlands</a>"))
            #expect(html.contains("/r/\(id)/rapport.json?lang=en\" download>"))

            // With a filter the link keeps it.
            let filtered = try await client.execute(uri: "/r/\(id)?categorie=wettelijk-geregeld&ernst=warning", method: .get)
            #expect(filtered.text.contains("href=\"/r/\(id)?categorie=wettelijk-geregeld&amp;ernst=warning&amp;lang=en\" lang=\"en\""))
            #expect(filtered.text.contains("<details class=\"fold\" open><summary><h2 id=\"filters-title\">Filteren</h2>"))

            // A download in the language of the page it was linked from.
            let json = try await client.execute(uri: "/r/\(id)/rapport.json?lang=en", method: .get)
            let dutchJSON = try await client.execute(uri: "/r/\(id)/rapport.json", method: .get)
            #expect(json.status == .ok && dutchJSON.status == .ok)
            #expect(json.text != dutchJSON.text)
            #expect(dutchJSON.text.contains("Verklaring Omtrent het Gedrag") || dutchJSON.text.contains("VOG"))
        }
    }

    @Test func resultCanBeFilteredAndDownloaded() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/lint", method: .post, headers: ServerFixture.multipartHeaders,
                                                    body: ServerFixture.multipart(fields: [("tekst", ServerFixture.flaggedText)]))
            let html = response.text
            let id = try #require(html.firstMatch(of: /action="\/r\/([0-9a-f]{32})"/)).1

            let filtered = try await client.execute(uri: "/r/\(id)?categorie=wettelijk-geregeld&ernst=error&ernst=warning&ernst=info", method: .get)
            #expect(filtered.status == .ok)
            #expect(filtered.text.contains("(filter actief)"))
            #expect(filtered.text.contains("value=\"wettelijk-geregeld\" checked"))

            let json = try await client.execute(uri: "/r/\(id)/rapport.json", method: .get)
            #expect(json.status == .ok)
            #expect(json.headers[.contentDisposition] == "attachment; filename=\"geplakte-tekst.txt.tenderlint.json\"")
            let object = try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any]
            let documents = object?["documents"] as? [[String: Any]]
            #expect(documents?.first?["path"] as? String == "geplakte-tekst.txt")
            #expect(((documents?.first?["findings"] as? [Any])?.count ?? 0) > 0)

            let report = try await client.execute(uri: "/r/\(id)/rapport.html", method: .get)
            #expect(report.status == .ok)
            #expect(report.text.hasPrefix("<!DOCTYPE html>"))
            #expect(report.text.contains("<style>"))
            #expect(report.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)

            let sarif = try await client.execute(uri: "/r/\(id)/rapport.sarif", method: .get)
            if Reporters.reporter(for: "sarif") != nil {
                #expect(sarif.status == .ok)
                #expect(html.contains("/rapport.sarif\" download>SARIF</a>"))
            } else {
                #expect(sarif.status == .notFound)
                #expect(!html.contains("rapport.sarif"))
            }
            let unknown = try await client.execute(uri: "/r/\(id)/rapport.exe", method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func requestsForOtherHostsAreRefused() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // A page of another site that rebinds its name to 127.0.0.1 still sends its own Host.
            let rebound = try await RawHTTP.off { try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: aanvaller.example:\(port)\r\nConnection: close\r\n\r\n") }
            #expect(rebound.hasPrefix("HTTP/1.1 421"), "\(rebound.prefix(200))")
            #expect(rebound.contains("alleen verzoeken aan dit apparaat"))
            let local = try await RawHTTP.off { try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n") }
            #expect(local.hasPrefix("HTTP/1.1 200"), "\(local.prefix(200))")
        }
        #expect(SecurityHeadersMiddleware<BasicRequestContext>.host(of: "[::1]:8080") == "::1")
        #expect(SecurityHeadersMiddleware<BasicRequestContext>.host(of: "LocalHost:8080") == "localhost")
    }

    @Test func formsPostedFromOtherSitesAreRefused() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.router) { client in
            var headers = ServerFixture.multipartHeaders
            headers[.origin] = "https://aanvaller.example"
            let crossSite = try await client.execute(uri: "/lint", method: .post, headers: headers,
                                                     body: ServerFixture.multipart(fields: [("tekst", ServerFixture.flaggedText)]))
            #expect(crossSite.status == .forbidden)
            // The test client addresses the page as `localhost` (port 80): its own origin.
            headers[.origin] = "http://localhost"
            let sameSite = try await client.execute(uri: "/lint", method: .post, headers: headers,
                                                    body: ServerFixture.multipart(fields: [("tekst", ServerFixture.flaggedText)]))
            #expect(sameSite.status == .ok)
        }
    }

    @Test func liveServerOnLoopbackAnswersAnUpload() async throws {
        // Workers of its own, started first, and our own socket with a 60 s limit: on a busy CI
        // machine the live test client's fixed 20 s read limit was outlasted.
        let server = try ServerFixture.server(worker: ServerFixture.worker())
        try await server.warmUp()
        let app = server.application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let body = Array(ServerFixture.multipart(fields: [("tekst", ServerFixture.flaggedText)]).readableBytesView)
            let head = "POST /lint HTTP/1.1\r\nHost: localhost:\(port)\r\nContent-Type: multipart/form-data; boundary=\(ServerFixture.boundary)\r\n"
                + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
            let answer = try await RawHTTP.off { try RawHTTP.exchange(port: port, bytes: Array(head.utf8) + body) }
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(200))")
            #expect(answer.contains("<mark class=\"sev-"))
            #expect(answer.lowercased().contains("x-frame-options: deny"))
        }
    }

    @Test func onlyLoopbackAddressesAreAccepted() throws {
        let engine = try ServerFixture.engine.get()
        for host in ["0.0.0.0", "192.168.1.10", "10.0.0.1", "example.org", "127.0.0.256", "::"] {
            #expect(throws: ServeError.notLoopback(host: host)) {
                try TenderServer(engine: engine, worker: ServerFixture.worker(), configuration: ServerConfiguration(host: host, port: 0))
            }
        }
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] {
            #expect(ServerConfiguration.isLoopback(host), "\(host)")
        }
        #expect(throws: ServeError.badPort(70000)) {
            try TenderServer(engine: engine, worker: ServerFixture.worker(), configuration: ServerConfiguration(port: 70000))
        }
    }
}
