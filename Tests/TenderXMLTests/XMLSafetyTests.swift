import Foundation
import Testing
@testable import TenderXML

/// Hostile XML must fail with a one-line error naming the reason, without crashing, reading a
/// file or opening a socket.
@Suite struct XMLSafetyTests {
    private func parse(_ xml: String, limits: XMLLimits = .default) -> Result<XMLTree, XMLError> {
        Result { () throws(XMLError) in try XMLTree.parse(Array(xml.utf8), limits: limits) }
    }

    private func failure(_ xml: String, limits: XMLLimits = .default) throws -> XMLError {
        switch parse(xml, limits: limits) {
        case .success: throw ExpectedFailure()
        case let .failure(error):
            // Every message is one line, in both languages.
            #expect(!error.message().contains("\n"))
            #expect(!error.message(english: true).contains("\n"))
            return error
        }
    }

    private struct ExpectedFailure: Error {}

    @Test func externalEntityFromFileIsRefusedUnread() throws {
        let secret = "geheim-\(UUID().uuidString)"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("xxe-\(UUID().uuidString).txt")
        try secret.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let watch = try FileAccessWatch(path: file.path)
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE r [ <!ENTITY x SYSTEM "\(file.absoluteString)"> ]>
        <r>&x;</r>
        """
        let error = try failure(xml)
        #expect(error == .doctypeRefused(line: 2, reason: .internalSubset))
        #expect(!error.message().contains(secret))
        #expect(error.message(english: true).contains("internal subset"))
        #expect(!watch.wasTouched(), "the parser opened the file")
    }

    /// The two probes the tests rely on do see an open file and a connection.
    @Test func probesSeeAccess() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString).txt")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let watch = try FileAccessWatch(path: file.path)
        _ = try Data(contentsOf: file)
        #if os(Linux)
        #expect(watch.wasTouched())
        #endif
        let listener = try LoopbackListener()
        #expect(LoopbackListener.connect(port: listener.port))
        #expect(listener.receivedConnection())
    }

    @Test func externalEntityFromURLOpensNoSocket() throws {
        let listener = try LoopbackListener()
        let xml = """
        <!DOCTYPE r [ <!ENTITY x SYSTEM "http://127.0.0.1:\(listener.port)/x.txt"> ]>
        <r>&x;</r>
        """
        #expect(try failure(xml) == .doctypeRefused(line: 1, reason: .internalSubset))
        #expect(!listener.receivedConnection())
    }

    @Test func parameterEntityIsRefused() throws {
        let xml = """
        <!DOCTYPE r [ <!ENTITY % p SYSTEM "file:///etc/passwd"> %p; ]>
        <r/>
        """
        #expect(try failure(xml) == .doctypeRefused(line: 1, reason: .internalSubset))
    }

    @Test func billionLaughsIsRefusedBeforeExpansion() throws {
        var decls = "<!ENTITY lol0 \"lol\">\n"
        for i in 1...9 {
            let refs = String(repeating: "&lol\(i - 1);", count: 10)
            decls += "<!ENTITY lol\(i) \"\(refs)\">\n"
        }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(decls)]>\n<lolz>&lol9;</lolz>"
        let clock = ContinuousClock()
        var error: XMLError?
        let elapsed = try clock.measure { error = try failure(xml) }
        #expect(error == .doctypeRefused(line: 2, reason: .internalSubset))
        // Expanding it would take minutes; refused before, it takes milliseconds (bound generous
        // for a debug build on a busy machine).
        #expect(elapsed < .seconds(2))
    }

    @Test func networkDTDIsRefusedWithoutConnecting() throws {
        let listener = try LoopbackListener()
        let url = "http://127.0.0.1:\(listener.port)/evil.dtd"
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE r SYSTEM "\(url)">
        <r>&x;</r>
        """
        let error = try failure(xml)
        #expect(error == .doctypeRefused(line: 2, reason: .externalDTD(systemID: url)))
        #expect(error.message(english: true).contains("external DTD"))
        #expect(!listener.receivedConnection())
    }

    @Test func localDTDFileIsNeverOpened() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dtd-\(UUID().uuidString).dtd")
        try "<!ENTITY x \"uit een bestand\">".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let watch = try FileAccessWatch(path: file.path)
        let xml = "<!DOCTYPE r SYSTEM \"\(file.absoluteString)\">\n<r>&x;</r>"
        #expect(try failure(xml) == .doctypeRefused(line: 1, reason: .externalDTD(systemID: file.absoluteString)))
        #expect(!watch.wasTouched(), "the parser opened the DTD")
    }

    @Test func publicDTDIsRefused() throws {
        let xml = """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
        <html/>
        """
        guard case .doctypeRefused(_, .externalDTD) = try failure(xml) else {
            Issue.record("expected an external DTD refusal"); return
        }
    }

    @Test func bareDoctypeIsAccepted() throws {
        let tree = try XMLTree.parse(Array("<!DOCTYPE r>\n<r>tekst</r>".utf8))
        #expect(tree.root.text == "tekst")
    }

    @Test func undeclaredEntityIsMalformed() throws {
        guard case let .malformed(line, _, reason) = try failure("<r>\n&x;</r>") else {
            Issue.record("expected malformed"); return
        }
        #expect(line == 2)
        #expect(reason.text(english: true).contains("x"))
        #expect(reason.text(english: false) == "entiteit die niet is gedeclareerd")
    }

    @Test func xincludeIsNotProcessed() throws {
        let xml = #"<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></r>"#
        let tree = try XMLTree.parse(Array(xml.utf8))
        #expect(tree.root.text.isEmpty)
        #expect(tree.root.elements.first?.name == "include")
    }

    @Test func nestingPastTheLimitIsRefused() throws {
        let depth = 300
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(try failure(xml) == .tooDeep(line: 1, limit: XMLLimits.default.maxDepth))
        let small = XMLLimits(maxBytes: 1_000, maxDepth: 3, maxNodes: 100)
        #expect(try failure("<a>\n<b>\n<c>\n<d/></c></b></a>", limits: small) == .tooDeep(line: 4, limit: 3))
    }

    @Test func veryDeepNestingDoesNotCrash() throws {
        let depth = 200_000
        let xml = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        guard case .tooDeep = try failure(xml) else { Issue.record("expected tooDeep"); return }
    }

    @Test func oversizedInputIsRefusedBeforeParsing() throws {
        let limits = XMLLimits(maxBytes: 1_024, maxDepth: 10, maxNodes: 1_000)
        let xml = "<r>" + String(repeating: "x", count: 2_000) + "</r>"
        #expect(try failure(xml, limits: limits) == .tooLarge(bytes: 2_007, limit: 1_024))
    }

    @Test func tooManyNodesIsRefused() throws {
        let limits = XMLLimits(maxBytes: 1_000_000, maxDepth: 10, maxNodes: 100)
        let xml = "<r>" + String(repeating: "<p>x</p>\n", count: 100) + "</r>"
        guard case let .tooManyNodes(_, limit) = try failure(xml, limits: limits) else {
            Issue.record("expected tooManyNodes"); return
        }
        #expect(limit == 100)
    }

    @Test func tooManyAttributesOnOneElementIsRefusedBeforeLibxml2() throws {
        let limits = XMLLimits(maxBytes: 10_000_000, maxDepth: 10, maxNodes: 100, maxAttributesPerElement: 8, maxAttributes: 20)
        let eight = (0..<8).map { " a\($0)='x=y'" }.joined()
        // `=` inside values, comments, CDATA and processing instructions does not count.
        let fine = "<r\(eight)><!-- a=b c=d e=f g=h i=j k=l m=n o=p q=r --><![CDATA[a=b=c=d=e=f=g=h=i=j]]><?pi a=b c=d e=f g=h i=j?></r>"
        #expect(throws: Never.self) { try XMLTree.parse(Array(fine.utf8), limits: limits) }
        #expect(try failure("<r>\n<p\(eight) b='1'/></r>", limits: limits) == .tooManyAttributes(line: 2, limit: 8, perElement: true))
        let many = "<r>" + String(repeating: "<p\(eight)/>", count: 3) + "</r>"
        #expect(try failure(many, limits: limits) == .tooManyAttributes(line: 1, limit: 20, perElement: false))
        // 200,000 attributes: refused in well under a second (libxml2 took about 50 s).
        let huge = "<r" + (0..<200_000).map { " a\($0)=\"1\"" }.joined() + "/>"
        let elapsed = ContinuousClock().measure { _ = try? XMLTree.parse(Array(huge.utf8)) }
        #expect(try failure(huge) == .tooManyAttributes(line: 1, limit: XMLLimits.default.maxAttributesPerElement, perElement: true))
        #expect(elapsed < .seconds(1))
    }

    @Test func invalidUTF8IsReportedWithItsPosition() throws {
        var bytes = Array("<r>\nca".utf8)
        bytes += [0xE9, 0x20, 0x61]  // Latin-1 "é" in a document that claims UTF-8 by default
        bytes += Array("</r>".utf8)
        let result = Result { () throws(XMLError) in try XMLTree.parse(bytes) }
        guard case let .failure(error) = result else { Issue.record("expected failure"); return }
        guard case let .invalidEncoding(line, _) = error else { Issue.record("got \(error)"); return }
        #expect(line == 2)
        #expect(error.message(english: true).hasPrefix("invalid UTF-8"))
    }

    @Test func declaredLatin1IsDecoded() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>caf".utf8)
        bytes += [0xE9]
        bytes += Array("</r>".utf8)
        #expect(try XMLTree.parse(bytes).root.text == "café")
    }

    @Test func malformedXMLNamesLineAndReason() throws {
        guard case let .malformed(line, column, reason) = try failure("<r>\n  <a></b>\n</r>") else {
            Issue.record("expected malformed"); return
        }
        #expect(line == 2)
        #expect(column > 1)
        #expect(reason.text(english: true).contains("mismatch"), "libxml2's own words in English: \(reason)")
        #expect(reason.text(english: false) == "eindtag past niet bij de begintag")
    }

    @Test func emptyInputIsMalformed() throws {
        guard case .malformed = try failure("") else { Issue.record("expected malformed"); return }
    }
}
