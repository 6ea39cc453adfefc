import Foundation
import Testing

/// Hostile inputs and outputs at the command line: one line on stderr and exit code 2, never a
/// hang, and `-o` written safely.
@Suite struct ReliabilityTests {
    let cli = CommandLineTests()

    /// Runs tenderlint with a watchdog: a hang is a failure after `seconds`, not a stuck test run.
    func run(_ arguments: [String], stdout: FileHandle? = nil, seconds: Double = 30) throws -> CommandLineTests.Run {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tenderlint")
        let executable = FileManager.default.isExecutableFile(atPath: binary.path)
            ? binary : CommandLineTests.root.appendingPathComponent(".build/debug/tenderlint")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = CommandLineTests.root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = stdout ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        let watchdog = Thread {
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { process.terminate() }
        }
        watchdog.start()
        let outData = stdout == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "tenderlint \(arguments) was killed after \(seconds) s (hang?)")
        return .init(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
    }

    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tl-rel-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func lines(_ s: String) -> [Substring] { s.split(separator: "\n") }

    static let clean = "Artikel 1. De gemeente betaalt binnen dertig dagen.\n"

    @Test func aFIFOAsInputIsRefusedAtOnce() throws {
        let dir = try folder()
        let fifo = dir + "/wacht.md"
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try run(["lint", fifo], seconds: 20)
        #expect(result.status == 2)
        #expect(lines(result.stderr) == ["\(fifo): kan niet worden gelezen (geen gewoon bestand (FIFO))"])
    }

    @Test func aFIFOInAFolderIsSkippedAndReported() throws {
        let dir = try folder()
        try Self.clean.write(toFile: dir + "/a.md", atomically: true, encoding: .utf8)
        #expect(mkfifo(dir + "/b.md", 0o600) == 0)
        let result = try run(["lint", dir], seconds: 20)
        #expect(result.status == 2)
        #expect(lines(result.stderr) == ["\(dir)/b.md: geen gewoon bestand; overgeslagen"])
        #expect(result.stdout.contains("in 1 document"), "the other file is linted")
    }

    @Test func devZeroIsRefused() throws {
        let result = try run(["lint", "/dev/zero"], seconds: 20)
        #expect(result.status == 2)
        #expect(lines(result.stderr) == ["/dev/zero: kan niet worden gelezen (geen gewoon bestand (tekenapparaat))"])
    }

    @Test func aNameThatIsNotUTF8IsReported() throws {
        let dir = try folder()
        try Self.clean.write(toFile: dir + "/a.md", atomically: true, encoding: .utf8)
        // Safety: a C string with a byte that is not UTF-8, alive for the call.
        let bad: [CChar] = Array((dir + "/x").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0x2E, 0x6D, 0x64, 0]
        let fd = open(bad, O_CREAT | O_WRONLY, 0o600)
        #expect(fd >= 0)
        close(fd)
        let result = try run(["lint", dir])
        #expect(result.status == 2)
        #expect(lines(result.stderr) == ["\(dir)/x\u{FFFD}.md: bestandsnaam is geen geldige UTF-8; overgeslagen"])
    }

    @Test func controlCharactersInAFileNameAreEscaped() throws {
        let dir = try folder()
        let path = dir + "/a\nb\u{1B}[2J.xml"
        try "<a></a>".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["lint", path])
        #expect(result.status == 2)
        #expect(lines(result.stderr) == ["\(dir)/a\\nb\\x1B[2J.xml: geen leesbare tekst"])
    }

    @Test func xmlWithoutTextIsNoReadableText() throws {
        let path = try cli.scratch("leeg.xml", "<?xml version=\"1.0\"?><bestek><artikel/></bestek>")
        let result = try run(["lint", path, "--lang", "en"])
        #expect(result.status == 2)
        #expect(lines(result.stderr) == ["\(path): no readable text"])
    }

    @Test func ebcdicDeclarationGivesExactlyOneLine() throws {
        let path = CommandLineTests.root.appendingPathComponent("Tests/TenderFormatsTests/Fixtures/crashers/xml-ebcdic-decl-multiline-stderr.xml").path
        let result = try run(["lint", path])
        #expect(result.status == 2)
        #expect(lines(result.stderr).count == 1, "\(result.stderr)")
        // Dutch names the problem in Dutch; English keeps libxml2's own words.
        #expect(result.stderr.contains("ongeldige XML op regel 1, kolom 1: bytes die niet in de opgegeven tekencodering kunnen worden omgezet"), "\(result.stderr)")
        #expect(!result.stderr.contains("conversion"), "\(result.stderr)")
        let english = try run(["lint", path, "--lang", "en"])
        #expect(english.stderr.contains("malformed XML at line 1, column 1: input conversion failed"), "\(english.stderr)")
    }

    /// A malformed DOCX part: the Dutch line names libxml2's problem in Dutch, the English line
    /// in libxml2's words.
    @Test func malformedXMLInsideADocumentIsNamedInTheReportLanguage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tl-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("kapot.xml").path
        try "<aanbesteding>\n  <eis>VOG</eisen>\n</aanbesteding>\n".write(toFile: path, atomically: true, encoding: .utf8)
        let dutch = try run(["lint", path])
        #expect(dutch.status == 2)
        #expect(lines(dutch.stderr) == ["\(path): ongeldige XML op regel 2, kolom 19: eindtag past niet bij de begintag"], "\(dutch.stderr)")
        let english = try run(["lint", path, "--lang", "en"])
        #expect(english.stderr.contains("malformed XML at line 2, column 19: Opening and ending tag mismatch: eis line 2 and eisen"), "\(english.stderr)")
    }

    @Test func aFailedWriteToStandardOutputIsExitCode2() throws {
        let path = try cli.scratch("a.md", Self.clean)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for format in ["text", "json"] {
            let result = try run(["lint", path, "--format", format, "--fail-on", "never"], stdout: full)
            #expect(result.status == 2, "\(format): \(result.stderr)")
            #expect(result.stderr.contains("kan niet schrijven"), "\(format): \(result.stderr)")
        }
    }

    @Test func outputOverAnInputIsRefusedAndTheInputKept() throws {
        let path = try cli.scratch("a.md", Self.clean)
        for format in ["text", "json"] {
            let result = try run(["lint", path, "--format", format, "-o", path])
            #expect(result.status == 2)
            #expect(lines(result.stderr) == ["\(path): is een invoerbestand; de uitvoer zou het overschrijven"])
            #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.clean)
        }
    }

    @Test func outputToASymlinkOrADeviceIsRefused() throws {
        let dir = try folder()
        let input = dir + "/a.md"
        try Self.clean.write(toFile: input, atomically: true, encoding: .utf8)
        try "oud".write(toFile: dir + "/doel.txt", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.txt", withDestinationPath: dir + "/doel.txt")
        let link = try run(["lint", input, "-o", dir + "/link.txt"])
        #expect(link.status == 2)
        #expect(lines(link.stderr) == ["\(dir)/link.txt: is een symbolische koppeling; schrijf naar het bestand zelf"])
        #expect(try String(contentsOfFile: dir + "/doel.txt", encoding: .utf8) == "oud")
        let device = try run(["lint", input, "-o", "/dev/null"])
        #expect(device.status == 2)
        #expect(lines(device.stderr) == ["/dev/null: geen gewoon bestand; er wordt niet naar geschreven"])
    }

    @Test func outputKeepsTheTargetsPermissionsAndLeavesNoTemporaryFile() throws {
        let dir = try folder()
        let input = dir + "/a.md"
        try Self.clean.write(toFile: input, atomically: true, encoding: .utf8)
        let target = dir + "/rapport.json"
        try "oud".write(toFile: target, atomically: true, encoding: .utf8)
        #expect(chmod(target, 0o640) == 0)
        for format in ["json", "text"] {
            let result = try run(["lint", input, "--format", format, "--fail-on", "never", "-o", target])
            #expect(result.status == 0, "\(result.stderr)")
            let attributes = try FileManager.default.attributesOfItem(atPath: target)
            #expect((attributes[.posixPermissions] as? Int) == 0o640)
            #expect(try String(contentsOfFile: target, encoding: .utf8) != "oud")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.md", "rapport.json"])
    }

    /// A PDF of which two of four pages are scans: the typed pages are linted and the report says
    /// which part was not read, in the text report and on the compact line; a PDF of scans only is
    /// one line on stderr and exit code 2.
    @Test func partlyScannedPDFWarnsInTheReportAndAWholeScanIsRefused() throws {
        let partly = "Tests/TenderFormatsTests/Fixtures/partly-scanned.pdf"
        let warning = partly + ": 2 van de 4 pagina's hebben geen tekstlaag (gescand?); die pagina's zijn niet gecontroleerd"
        for format in ["text", "compact"] {
            let lint = try run(["lint", partly, "--format", format, "--fail-on", "never"])
            #expect(lint.status == 0)
            #expect(lint.stdout.contains("let op: " + warning), "\(format): \(lint.stdout)")
        }
        let english = try run(["lint", partly, "--lang", "en", "--fail-on", "never"])
        #expect(english.stdout.contains("warning: " + partly + ": 2 of the 4 pages have no text layer (scanned?)"))

        let scan = "Tests/TenderFormatsTests/Fixtures/scanned-2-pages.pdf"
        let refused = try run(["lint", scan])
        #expect(refused.status == 2)
        #expect(refused.stdout.isEmpty)
        let lines = refused.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix(scan + ": "), "\(refused.stderr)")
    }
}
