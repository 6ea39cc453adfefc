import Foundation
import TenderDocument
import TenderFormats
import TenderLint
import TenderRedline
import TenderRules
import ZIPFoundation

enum Support {
    static let root: URL = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let engine: Engine = Engine(catalogue: try! Catalogue.load(from: path("rules")))

    static let options = RedlineOptions(author: "Proef", date: Date(timeIntervalSince1970: 1_800_000_000), language: .nl)

    /// The document, its findings, the plan and the redlined bytes.
    static func redline(_ bytes: [UInt8], name: String = "proef.docx", commentsOnly: Bool = false) throws -> (document: Document, findings: [Finding], plan: RedlinePlan, result: RedlineResult) {
        let document = try DocumentReader().read(bytes: bytes, path: name)
        let findings = engine.lint(document).findings
        var options = self.options
        options.commentsOnly = commentsOnly
        let plan = RedlinePlan(document: document, findings: findings, text: FindingText(catalogue: engine.catalogue, language: .nl), options: options)
        return (document, findings, plan, try DocxRedliner.redline(bytes, document: document, plan: plan, options: options))
    }

    static func entry(_ zip: [UInt8], _ name: String) throws -> String? {
        let archive = try ZIPFoundation.Archive(data: Data(zip), accessMode: .read)
        guard let e = archive[name] else { return nil }
        var data = Data()
        _ = try archive.extract(e) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    static func entries(_ zip: [UInt8]) throws -> [String] {
        try ZIPFoundation.Archive(data: Data(zip), accessMode: .read).map(\.path)
    }

    /// A minimal DOCX: the body, optional comments part content.
    static func docx(body: String, comments: String? = nil) throws -> [UInt8] {
        let w = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#
        var parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"# + (comments == nil ? "" : #"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>"#) + "</Types>"),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#),
            ("word/_rels/document.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"# + (comments == nil ? "" : #"<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>"#) + "</Relationships>"),
            ("word/document.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document \#(w) xmlns:x14="urn:proef"><w:body>\#(body)<w:sectPr/></w:body></w:document>"#),
        ]
        if let comments { parts.append(("word/comments.xml", #"<?xml version="1.0" encoding="UTF-8"?><w:comments \#(w)>\#(comments)</w:comments>"#)) }
        let archive = try ZIPFoundation.Archive(data: Data(), accessMode: .create)
        for (name, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, s in data.subdata(in: Int(p)..<(Int(p) + s)) }
        }
        return [UInt8](archive.data!)
    }

    /// Runs a program; its standard output, or nil when it fails.
    @discardableResult
    static func run(_ arguments: [String], in folder: String? = nil) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenderlint-redline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}
