import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderLint
@testable import TenderServer

/// The LanguageTool HTTP API of `tenderlint serve`: LanguageTool's own Python client
/// (language-tool-python from PyPI) against a live server, the request LibreOffice's remote checker
/// sends (recorded in `LanguageTool/libreoffice-check.body`), annotated text, filters and errors.
@Suite struct LanguageToolTests {
    static let folder = ServerFixture.root.appendingPathComponent("Tests/TenderServerTests/LanguageTool")
    static let vogClause = "kopie van hun Verklaring Omtrent het Gedrag"

    /// The answer as JSON.
    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text.prefix(300))")
    }

    static func matches(_ answer: [String: Any]) throws -> [[String: Any]] {
        try #require(answer["matches"] as? [[String: Any]])
    }

    /// The text a match covers, counted in UTF-16 code units as the API does.
    static func covered(_ match: [String: Any], in text: String) throws -> String {
        let offset = try #require(match["offset"] as? Int)
        let length = try #require(match["length"] as? Int)
        let units = Array(text.utf16)
        try #require(offset >= 0 && offset + length <= units.count, "match \(offset)+\(length) outside the text")
        return String(decoding: units[offset..<(offset + length)], as: UTF16.self)
    }

    static func formBody(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return ByteBuffer(string: body)
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    @Test func languageToolPythonGetsTheFindingsOfABurdensomeParagraphAndNoneOfACleanOne() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", LanguageToolTests.folder.appendingPathComponent("lt_client_check.py").path, "--url", "http://127.0.0.1:\(port)"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let data = await withCheckedContinuation { continuation in
                DispatchQueue.global().async { continuation.resume(returning: output.fileHandleForReading.readDataToEndOfFile()) }
            }
            process.waitUntilExit()
            let text = String(decoding: data, as: UTF8.self)
            #expect(process.terminationStatus == 0, "language-tool-python check failed (pip install -r scripts/test-requirements.txt):\n\(text)")
            #expect(text.contains("language-tool-python check passed"), "\(text)")
        }
    }

    @Test func theRequestLibreOfficeSendsGetsMatchesItCanRead() async throws {
        let body = try String(contentsOf: LanguageToolTests.folder.appendingPathComponent("libreoffice-check.body"), encoding: .utf8)
        let paragraph = try #require(URLEncodedForm.fields(Array(body.utf8))["text"])
        #expect(paragraph.contains("‘VOG’") && paragraph.contains("coördinator"))
        let app = try ServerFixture.server().application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // As libcurl sends it for LibreOffice: base URL + "/check", the form type, no Origin.
            let request = "POST /v2/check HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: */*\r\nContent-Length: \(body.utf8.count)\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n" + body
            let answer = try await RawHTTP.off { try RawHTTP.exchange(port: port, request) }
            #expect(answer.hasPrefix("HTTP/1.1 200"), "\(answer.prefix(300))")
            #expect(answer.lowercased().contains("content-type: application/json"))
            let json = try #require(answer.range(of: "\r\n\r\n").map { String(answer[$0.upperBound...]) })
            let matches = try LanguageToolTests.matches(try LanguageToolTests.object(json))
            let vog = try #require(matches.first { ($0["rule"] as? [String: Any])?["id"] as? String == "vog-afschriften-jeugd" }, "\(json.prefix(500))")
            // The offsets count UTF-16 code units, as LibreOffice's OUString does (the en dash and
            // quotes before the match are one unit each, the ö after it too).
            #expect(try LanguageToolTests.covered(vog, in: paragraph) == LanguageToolTests.vogClause)
            // What LibreOffice reads from each match (languagetoolimp.cxx): message, shortMessage,
            // rule.category.id (the underline colour), replacements[].value (at most 10 shown).
            for match in matches {
                #expect((match["message"] as? String)?.isEmpty == false)
                #expect(match["shortMessage"] is String)
                let rule = try #require(match["rule"] as? [String: Any])
                let category = try #require(rule["category"] as? [String: Any])
                #expect((category["id"] as? String)?.isEmpty == false)
                #expect((category["name"] as? String)?.isEmpty == false)
                let urls = try #require(rule["urls"] as? [[String: Any]])
                #expect((urls.first?["value"] as? String)?.hasPrefix("http://127.0.0.1:\(port)/regels/") == true)
                let replacements = try #require(match["replacements"] as? [[String: Any]])
                #expect(replacements.allSatisfy { $0["value"] is String })
            }
            let replacement = try #require((vog["replacements"] as? [[String: Any]])?.first?["value"] as? String)
            #expect(replacement.contains("artikel 4.1.6 van de Jeugdwet"))
            // The rule page the match links to exists.
            let page = try await RawHTTP.off {
                try RawHTTP.exchange(port: port, "GET /regels/vog-afschriften-jeugd HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
            }
            #expect(page.hasPrefix("HTTP/1.1 200"))
            #expect(page.contains("vog-afschriften-jeugd"))
        }
    }

    @Test func languagesListCodesAndLongCodes() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/v2/languages", method: .get)
            #expect(response.status == .ok)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: String]])
            #expect(list.contains { $0["code"] == "nl" && $0["longCode"] == "nl-NL" && $0["name"] == "Dutch" })
            #expect(list.contains { $0["code"] == "en" })
        }
    }

    @Test func annotatedTextCountsOffsetsOverTextAndMarkup() async throws {
        let app = try ServerFixture.server().application()
        // As an editor sends HTML: the tags are markup, <p> read as a paragraph break.
        let items: [[String: String]] = [
            ["markup": "<p>"], ["text": "7.1 De aanbieder levert een "], ["markup": "<b>", "interpretAs": ""],
            ["text": "kopie van hun Verklaring Omtrent het Gedrag"], ["markup": "</b>"], ["text": " van alle medewerkers."],
            ["markup": "</p><p>", "interpretAs": "\n\n"], ["text": "De gemeente betaalt binnen dertig dagen."], ["markup": "</p>"],
        ]
        let original = items.map { $0["text"] ?? $0["markup"]! }.joined()
        let data = String(decoding: try JSONSerialization.data(withJSONObject: ["annotation": items]), as: UTF8.self)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/v2/check", method: .post, headers: LanguageToolTests.formHeaders,
                                                    body: LanguageToolTests.formBody([("data", data), ("language", "nl")]))
            #expect(response.status == .ok, "\(response.text)")
            let matches = try LanguageToolTests.matches(try LanguageToolTests.object(response.text))
            let vog = try #require(matches.first { ($0["rule"] as? [String: Any])?["id"] as? String == "vog-afschriften-jeugd" })
            #expect(try LanguageToolTests.covered(vog, in: original) == LanguageToolTests.vogClause)
            let context = try #require(vog["context"] as? [String: Any])
            #expect((context["text"] as? String)?.contains("<b>") == false)
        }
    }

    @Test func filtersEnabledOnlyAndCategories() async throws {
        let app = try ServerFixture.server().application()
        let text = "7.1 De aanbieder levert ieder kwartaal een overzicht van alle medewerkers met een kopie van hun Verklaring Omtrent het Gedrag."
        @Sendable func ids(_ fields: [(String, String)], client: some TestClientProtocol) async throws -> Set<String> {
            let response = try await client.execute(uri: "/v2/check", method: .post, headers: LanguageToolTests.formHeaders,
                                                    body: LanguageToolTests.formBody([("text", text)] + fields))
            #expect(response.status == .ok, "\(response.text)")
            return Set(try LanguageToolTests.matches(try LanguageToolTests.object(response.text)).compactMap { ($0["rule"] as? [String: Any])?["id"] as? String })
        }
        try await app.test(.router) { client in
            let all = try await ids([("language", "nl-NL")], client: client)
            #expect(all.contains("vog-afschriften-jeugd") && all.count >= 2, "\(all)")
            let only = try await ids([("language", "nl"), ("enabledOnly", "true"), ("enabledRules", "vog-afschriften-jeugd")], client: client)
            #expect(only == ["vog-afschriften-jeugd"])
            let withoutLegal = try await ids([("language", "nl"), ("disabledCategories", "WETTELIJK_GEREGELD")], client: client)
            #expect(!withoutLegal.contains("vog-afschriften-jeugd") && !withoutLegal.isEmpty, "\(withoutLegal)")
            let legalOnly = try await ids([("language", "auto"), ("enabledOnly", "true"), ("enabledCategories", "wettelijk-geregeld"),
                                           ("level", "picky"), ("motherTongue", "de-DE")], client: client)
            #expect(legalOnly == ["vog-afschriften-jeugd"], "\(legalOnly)")
        }
    }

    @Test func badRequestsGetLanguageToolsPlainTextErrors() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.router) { client in
            for (fields, expected) in [([("language", "nl")], "Missing 'text' or 'data'"), ([("text", "Tekst.")], "Missing 'language'"),
                                       ([("text", "Tekst."), ("language", "fr")], "'fr' is not a language code"),
                                       ([("data", "{niet json"), ("language", "nl")], "'data' parameter"),
                                       ([("text", "Tekst."), ("language", "nl"), ("enabledOnly", "true")], "enabledOnly")] {
                let response = try await client.execute(uri: "/v2/check", method: .post, headers: LanguageToolTests.formHeaders,
                                                        body: LanguageToolTests.formBody(fields))
                #expect(response.status == .badRequest, "\(fields)")
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                #expect(response.text.contains(expected), "\(response.text)")
            }
            // A check from a page elsewhere is answered (it changes nothing), unlike a form post.
            var headers = LanguageToolTests.formHeaders
            headers[.origin] = "https://andere-site.example"
            let foreign = try await client.execute(uri: "/v2/check", method: .post, headers: headers,
                                                   body: LanguageToolTests.formBody([("text", "Tekst."), ("language", "nl")]))
            #expect(foreign.status == .ok)
            #expect(foreign.headers[.init("Access-Control-Allow-Origin")!] == nil)
            let unknown = try await client.execute(uri: "/regels/bestaat-niet", method: .get)
            #expect(unknown.status == .notFound)
        }
    }

    /// The engine is compiled once; a check of a ten-page text costs the lint and the answer.
    @Test func aTenPageTextIsCheckedInTime() throws {
        let sample = try String(contentsOf: ServerFixture.root.appendingPathComponent("samples/inkoopdocument-jeugdhulp.md"), encoding: .utf8)
        // The sample is about five pages (2,300 words); twice it is ten.
        let text = sample + "\n\n" + sample
        #expect(text.split(whereSeparator: \.isWhitespace).count >= 4_500)
        let checker = LanguageToolChecker(engine: try ServerFixture.engine.get())
        let request = try LanguageToolRequest(fields: ["text": text, "language": "nl"])
        _ = checker.check(request) { $0 }
        let clock = ContinuousClock()
        var best = Duration.seconds(60)
        var count = 0
        for _ in 0..<3 {
            let elapsed = clock.measure { count = checker.check(request) { $0 }.matches.count }
            best = min(best, elapsed)
        }
        #expect(count > 20)
        print("LanguageTool check of a ten-page text: \(best) (\(count) matches)")
        #if DEBUG
        // An unoptimised build is many times slower; this bounds it against a regression only.
        #expect(best < .seconds(20))
        #else
        #expect(best < .milliseconds(100))
        #endif
    }
}
