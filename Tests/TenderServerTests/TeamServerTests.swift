import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TenderServer

/// A server a team can run: behind a real nginx on loopback as reverse proxy (the test writes its
/// own nginx.conf in a temporary folder and runs `nginx -c … -p …` in the foreground), answering
/// only to its allowed host name and only with the token or the account's password
/// (hummingbird-auth's authenticators).
@Suite(.serialized) struct TeamServerTests {
    static let token = "team-token-0123456789abcdef"
    static let account = ServerConfiguration.Account(user: "inkoop", password: "lang genoeg wachtwoord ✓")

    static func server(host: String = "127.0.0.1", allowedHosts: [String] = ["tenders.example"], token: String? = TeamServerTests.token,
                       account: ServerConfiguration.Account? = nil) throws -> TenderServer {
        var configuration = ServerConfiguration(host: host, port: 0, maxUploadBytes: 1_048_576)
        configuration.allowedHosts = allowedHosts
        configuration.token = token
        configuration.account = account
        return try TenderServer(engine: try ServerFixture.engine.get(), workers: ServerFixture.sharedWorkers, configuration: configuration)
    }

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test func theAccountLetsInWithItsPasswordOnly() async throws {
        let app = try TeamServerTests.server(token: nil, account: TeamServerTests.account).application()
        try await app.test(.router) { client in
            let refused = try await client.execute(uri: "/", method: .get)
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.wwwAuthenticate]?.hasPrefix("Basic realm=\"tenderlint\"") == true)
            let password = TeamServerTests.account.password
            let signedIn = try await client.execute(uri: "/", method: .get, headers: [.authorization: TeamServerTests.basic("inkoop", password)])
            #expect(signedIn.status == .ok)
            #expect(signedIn.text.contains("<form class=\"upload\""))
            for header in [TeamServerTests.basic("inkoop", password + "x"), TeamServerTests.basic("inkoop", String(password.dropLast())),
                           TeamServerTests.basic("collega", password), TeamServerTests.basic("Inkoop", password),
                           "Bearer \(password)", "Basic niet-base64!", TeamServerTests.basic("inkoop", "")] {
                let wrong = try await client.execute(uri: "/", method: .get, headers: [.authorization: header])
                #expect(wrong.status == .unauthorized, "\(header)")
            }
        }
    }

    @Test func theTokenAndTheAccountTogether() async throws {
        let app = try TeamServerTests.server(account: TeamServerTests.account).application()
        try await app.test(.router) { client in
            let account = try await client.execute(uri: "/", method: .get, headers: [.authorization: TeamServerTests.basic("inkoop", TeamServerTests.account.password)])
            #expect(account.status == .ok)
            let bearer = try await client.execute(uri: "/v2/languages", method: .get, headers: [.authorization: "Bearer \(TeamServerTests.token)"])
            #expect(bearer.status == .ok)
            let tokenAsPassword = try await client.execute(uri: "/", method: .get, headers: [.authorization: TeamServerTests.basic("wie-dan-ook", TeamServerTests.token)])
            #expect(tokenAsPassword.status == .ok)
            let neither = try await client.execute(uri: "/", method: .get, headers: [.authorization: TeamServerTests.basic("inkoop", TeamServerTests.token + "x")])
            #expect(neither.status == .unauthorized)
        }
    }

    @Test func anotherAddressNeedsAnAllowedHost() throws {
        #expect(throws: ServeError.notLoopback(host: "0.0.0.0")) { try TeamServerTests.server(host: "0.0.0.0", allowedHosts: []) }
        _ = try TeamServerTests.server(host: "0.0.0.0", allowedHosts: ["tenders.example"])
        _ = try TeamServerTests.server(host: "0.0.0.0", allowedHosts: ["tenders.example"], token: nil, account: TeamServerTests.account)
        // Reachable from other machines, and nobody would have to sign in: refused.
        #expect(throws: ServeError.openWithoutSignIn(host: "0.0.0.0")) {
            try TeamServerTests.server(host: "0.0.0.0", allowedHosts: ["tenders.example"], token: nil)
        }
        #expect(!ServeError.openWithoutSignIn(host: "0.0.0.0").message().contains("\n"))
        // Loopback (a proxy on the same machine does the rest) needs no sign-in.
        _ = try TeamServerTests.server(host: "127.0.0.1", allowedHosts: ["tenders.example"], token: nil)
    }

    @Test func theTokenIsRequiredAsBearerOrBasicPassword() async throws {
        let app = try TeamServerTests.server().application()
        try await app.test(.router) { client in
            let refused = try await client.execute(uri: "/", method: .get)
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.wwwAuthenticate]?.hasPrefix("Basic realm=\"tenderlint\"") == true)
            #expect(refused.headers[.contentSecurityPolicy] != nil)
            let wrong = try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer team-token-0123456789abcdeX"])
            #expect(wrong.status == .unauthorized)
            let bearer = try await client.execute(uri: "/", method: .get, headers: [.authorization: "Bearer \(TeamServerTests.token)"])
            #expect(bearer.status == .ok)
            let basic = Data("collega:\(TeamServerTests.token)".utf8).base64EncodedString()
            let browser = try await client.execute(uri: "/", method: .get, headers: [.authorization: "Basic \(basic)"])
            #expect(browser.status == .ok)
        }
    }

    /// `tenderlint serve --user` as an operator starts it: the password from a file or the
    /// environment (never an option), refused without either or when too short, exit code 2.
    @Test func theServeCommandTakesThePasswordFromAFileOrTheEnvironment() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-account-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let passwordFile = dir.appendingPathComponent("password")
        try "geheim-wachtwoord-2026\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        let rules = ServerFixture.root.appendingPathComponent("rules").path

        func start(_ arguments: [String], environment: [String: String] = [:]) throws -> (Process, Pipe) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ServerFixture.executable)
            process.arguments = ["serve", "--port", "0", "--rules", rules, "--workers", "1"] + arguments
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": dir.path].merging(environment) { $1 }
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            return (process, output)
        }
        // Usage errors: exit 2 with one line.
        for (arguments, environment, message) in [
            (["--user", "inkoop"], [:], "--user: geef het wachtwoord in TENDERLINT_PASSWORD of met --password-file"),
            (["--password-file", passwordFile.path], [:], "--password-file: alleen met --user"),
            (["--user", "inkoop"], ["TENDERLINT_PASSWORD": "kort"], "--user: het wachtwoord moet 12 tot 256 tekens hebben"),
            (["--user", "in:koop", "--password-file", passwordFile.path], [:], "--user: 1 tot 64 tekens"),
        ] as [([String], [String: String], String)] {
            let (process, output) = try start(arguments, environment: environment)
            process.waitUntilExit()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 2, "\(arguments): \(text)")
            #expect(text.contains(message), "\(arguments): \(text)")
        }
        // The password from the file: the server lets the account in and no one else.
        for (arguments, environment) in [(["--user", "inkoop", "--password-file", passwordFile.path], [:]),
                                         (["--user", "inkoop"], ["TENDERLINT_PASSWORD": "geheim-wachtwoord-2026"])] as [([String], [String: String])] {
            let (process, output) = try start(arguments, environment: environment)
            defer {
                process.terminate()
                process.waitUntilExit()
            }
            let line = try await RawHTTP.off { () throws -> String in
                var seen = ""
                while !seen.contains("\n") {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    seen += String(decoding: chunk, as: UTF8.self)
                }
                return seen
            }
            let port = try #require(line.firstMatch(of: /127\.0\.0\.1:(\d+)/).flatMap { Int($0.1) }, "no address in «\(line)»")
            let refused = try await RawHTTP.off { try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") }
            #expect(refused.hasPrefix("HTTP/1.1 401"), "\(refused.prefix(200))")
            let good = TeamServerTests.basic("inkoop", "geheim-wachtwoord-2026")
            let page = try await RawHTTP.off { try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: \(good)\r\nConnection: close\r\n\r\n") }
            #expect(page.hasPrefix("HTTP/1.1 200"), "\(page.prefix(200))")
            // The file's newline is not part of the password.
            let withNewline = TeamServerTests.basic("inkoop", "geheim-wachtwoord-2026\n")
            let wrong = try await RawHTTP.off { try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: \(withNewline)\r\nConnection: close\r\n\r\n") }
            #expect(wrong.hasPrefix("HTTP/1.1 401"), "\(wrong.prefix(200))")
        }
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Runs `check` with the port of a real nginx on loopback proxying to `app` (own nginx.conf
    /// and logs in a temporary folder, in the foreground) and the folder of its logs.
    static func behindNginx(_ app: some ApplicationProtocol, _ check: @escaping @Sendable (Int, URL) async throws -> Void) async throws {
        let nginx = ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let binary = try #require(nginx, "nginx is needed (scripts/install-deps.sh installs it)")
        try await app.test(.live) { client in
            let upstream = try #require(client.port)
            let port = try TeamServerTests.freePort()
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-nginx-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let conf = """
            daemon off;
            worker_processes 1;
            pid \(dir.path)/nginx.pid;
            error_log \(dir.path)/error.log notice;
            events { worker_connections 64; }
            http {
              access_log \(dir.path)/access.log;
              client_body_temp_path \(dir.path)/body;
              proxy_temp_path \(dir.path)/proxy;
              fastcgi_temp_path \(dir.path)/fastcgi;
              uwsgi_temp_path \(dir.path)/uwsgi;
              scgi_temp_path \(dir.path)/scgi;
              client_max_body_size 25m;
              server {
                listen 127.0.0.1:\(port);
                server_name tenders.example;
                location / {
                  proxy_pass http://127.0.0.1:\(upstream);
                  proxy_set_header Host $host;
                  proxy_set_header X-Forwarded-Proto $scheme;
                  proxy_http_version 1.1;
                }
              }
            }
            """
            try conf.write(to: dir.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["-c", dir.appendingPathComponent("nginx.conf").path, "-p", dir.path, "-e", dir.appendingPathComponent("error.log").path]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = errors
            try process.run()
            defer {
                process.terminate()
                process.waitUntilExit()
            }
            // Wait until nginx listens.
            for _ in 0..<50 {
                let answer = (try? await RawHTTP.off { try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: tenders.example\r\nConnection: close\r\n\r\n") }) ?? ""
                if !answer.isEmpty { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            try await check(port, dir)
        }
    }

    /// A colleague's browser through nginx with the account of `--user`: asked to sign in, let in
    /// with the user name and password, refused with a wrong one.
    @Test func throughNginxWithTheAccountAndRefusedWithout() async throws {
        let app = try TeamServerTests.server(token: nil, account: TeamServerTests.account).application()
        try await TeamServerTests.behindNginx(app) { port, dir in
            let refused = try await RawHTTP.off { try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: tenders.example\r\nConnection: close\r\n\r\n") }
            #expect(refused.hasPrefix("HTTP/1.1 401"), "\(refused.prefix(300))")
            #expect(refused.contains("WWW-Authenticate: Basic realm=\"tenderlint\""))
            let wrong = try await RawHTTP.off {
                try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: tenders.example\r\nAuthorization: \(TeamServerTests.basic("inkoop", "niet het wachtwoord"))\r\nConnection: close\r\n\r\n")
            }
            #expect(wrong.hasPrefix("HTTP/1.1 401"), "\(wrong.prefix(300))")
            let credentials = TeamServerTests.basic("inkoop", TeamServerTests.account.password)
            let page = try await RawHTTP.off {
                try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: tenders.example\r\nAuthorization: \(credentials)\r\nConnection: close\r\n\r\n")
            }
            #expect(page.hasPrefix("HTTP/1.1 200"), "\(page.prefix(300))")
            #expect(page.contains("<form class=\"upload\""))
            // The page's own form post, signed in, and its result in English.
            let form = "tekst=" + "7.1 De aanbieder levert een kopie van hun Verklaring Omtrent het Gedrag.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let posted = try await RawHTTP.off {
                try RawHTTP.exchange(port: port, "POST /lint HTTP/1.1\r\nHost: tenders.example\r\nAuthorization: \(credentials)\r\nOrigin: http://tenders.example\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\nConnection: close\r\n\r\n" + form)
            }
            #expect(posted.hasPrefix("HTTP/1.1 200"), "\(posted.prefix(300))")
            let id = try #require(posted.firstMatch(of: /action="\/r\/([0-9a-f]{32})"/)).1
            let english = try await RawHTTP.off {
                try RawHTTP.exchange(port: port, "GET /r/\(id)?lang=en HTTP/1.1\r\nHost: tenders.example\r\nAuthorization: \(credentials)\r\nConnection: close\r\n\r\n")
            }
            #expect(english.hasPrefix("HTTP/1.1 200"), "\(english.prefix(300))")
            #expect(english.contains("vog-afschriften-jeugd") && english.contains("<html lang=\"en\">"))
            let log = (try? String(contentsOf: dir.appendingPathComponent("access.log"), encoding: .utf8)) ?? ""
            #expect(log.contains("\"GET / HTTP/1.1\" 401"), "nginx saw the refusal: \(log)")
            #expect(log.contains("\"GET / HTTP/1.1\" 200"), "nginx saw the page: \(log)")
        }
    }

    @Test func throughNginxWithTheTokenAndRefusedWithout() async throws {
        let app = try TeamServerTests.server().application()
        try await TeamServerTests.behindNginx(app) { port, dir in
            let answer = try await RawHTTP.off { try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: tenders.example\r\nConnection: close\r\n\r\n") }
            // Without the token: refused, and the browser is asked for it.
            #expect(answer.hasPrefix("HTTP/1.1 401"), "\(answer.prefix(300))")
            #expect(answer.contains("WWW-Authenticate: Basic"))
            let basic = Data("collega:\(TeamServerTests.token)".utf8).base64EncodedString()
            let page = try await RawHTTP.off {
                try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: tenders.example\r\nAuthorization: Basic \(basic)\r\nConnection: close\r\n\r\n")
            }
            #expect(page.hasPrefix("HTTP/1.1 200"), "\(page.prefix(300))")
            #expect(page.contains("<form class=\"upload\""))
            // A name the server was not told: refused even with the token (DNS rebinding).
            let other = try await RawHTTP.off {
                try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: aanvaller.example\r\nAuthorization: Bearer \(TeamServerTests.token)\r\nConnection: close\r\n\r\n")
            }
            #expect(other.hasPrefix("HTTP/1.1 421"), "\(other.prefix(300))")
            // The LanguageTool API through the proxy, with the token.
            let body = "text=" + "7.1 De aanbieder levert een kopie van hun Verklaring Omtrent het Gedrag.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)! + "&language=nl"
            let check = try await RawHTTP.off {
                try RawHTTP.exchange(port: port, "POST /v2/check HTTP/1.1\r\nHost: tenders.example\r\nAuthorization: Bearer \(TeamServerTests.token)\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body)
            }
            #expect(check.hasPrefix("HTTP/1.1 200"), "\(check.prefix(300))")
            #expect(check.contains("vog-afschriften-jeugd"))
            #expect(check.contains("http://tenders.example/regels/vog-afschriften-jeugd"))
            // A form post from the page itself, as the browser sends it through a TLS proxy.
            let form = "tekst=" + "Tekst zonder lasten.".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let posted = try await RawHTTP.off {
                try RawHTTP.exchange(port: port, "POST /lint HTTP/1.1\r\nHost: tenders.example\r\nAuthorization: Basic \(basic)\r\nOrigin: http://tenders.example\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\nConnection: close\r\n\r\n" + form)
            }
            #expect(posted.hasPrefix("HTTP/1.1 200"), "\(posted.prefix(300))")
            let log = (try? String(contentsOf: dir.appendingPathComponent("access.log"), encoding: .utf8)) ?? ""
            #expect(log.contains("\"GET / HTTP/1.1\" 401"), "nginx saw the refusal: \(log)")
        }
    }
}
