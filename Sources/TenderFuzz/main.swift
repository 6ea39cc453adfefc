// libFuzzer entry point for the readers. Built only by scripts/fuzz.sh, with
// `-sanitize=fuzzer,address -parse-as-library` (libFuzzer brings `main`); in an ordinary build
// this file only declares the entry point and the executable does nothing.
//
// The target is chosen by the environment variable TENDERFUZZ_TARGET (see `FuzzTarget`); every
// input must end in a document or a thrown one-line error: a trap, a sanitizer report, a hang
// (libFuzzer's -timeout) or an allocation past -rss_limit_mb is a finding.
import Foundation
import TenderDocument
import TenderFormats
import TenderLint
import TenderRules

enum FuzzTarget: String, CaseIterable {
    /// Text decoding and plain-text blocks, then the engine over them.
    case text
    /// Markdown blocks, then the engine.
    case markdown
    /// The ZIP layer and the DOCX reader (content sniffed as for any file named .docx).
    case docx
    /// The ZIP layer and the ODT reader.
    case odt
    /// Flat ODF XML.
    case fodt
    /// Generic XML (sniffed: an eForms notice goes to the notice reader).
    case xml
    /// eForms notices (the same entry as `xml`, with notice seeds).
    case eforms
    /// The parser of pdftotext's -bbox-layout output and the PDF layout steps.
    case pdfbbox
    /// The ZIP structure checks and the archive limits, on a file with no known extension.
    case archive
    /// `.tenderlint.yml` configuration.
    case config
    /// One rule file against the bundled catalogue.
    case rules
}

let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["TENDERFUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        FileHandle.standardError.write(Data("TENDERFUZZ_TARGET must be one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: " "))\n".utf8))
        exit(2)
    }
    return target
}()

/// The bundled catalogue, loaded once (for the engine and for rule files).
let catalogue: Catalogue = {
    let explicit = ProcessInfo.processInfo.environment["TENDERFUZZ_RULES"]
    guard let folder = CatalogueLocator.locate(explicit: explicit), let catalogue = try? Catalogue.load(from: folder) else {
        FileHandle.standardError.write(Data("rules folder not found; set TENDERFUZZ_RULES\n".utf8))
        exit(2)
    }
    return catalogue
}()

let engine = Engine(catalogue: catalogue)
/// Smaller limits than the defaults, so a hostile input hits them quickly.
let reader = DocumentReader(limits: InputLimits(maxFileBytes: 4 * 1_048_576, maxInflatedBytes: 32 * 1_048_576))

func read(_ bytes: [UInt8], as name: String, lint: Bool) {
    do throws(ReaderError) {
        let document = try reader.read(bytes: bytes, path: name)
        if lint { _ = engine.lint(document) }
    } catch {
        // A refusal must be one line.
        precondition(!error.message().contains("\n"), "multi-line error: \(error.message())")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    switch target {
    case .text: read(bytes, as: "fuzz.txt", lint: true)
    case .markdown: read(bytes, as: "fuzz.md", lint: true)
    case .docx: read(bytes, as: "fuzz.docx", lint: false)
    case .odt: read(bytes, as: "fuzz.odt", lint: false)
    case .fodt: read(bytes, as: "fuzz.fodt", lint: false)
    case .xml, .eforms: read(bytes, as: "fuzz.xml", lint: false)
    case .archive: read(bytes, as: "fuzz.bin", lint: false)
    case .pdfbbox:
        _ = try? PdfReader.blocks(fromBBoxOutput: bytes, path: "fuzz.pdf")
    case .config:
        _ = try? ConfigurationLoader.parse(String(decoding: bytes, as: UTF8.self), file: ".tenderlint.yml")
    case .rules:
        _ = catalogue.problems(inFileText: String(decoding: bytes, as: UTF8.self), file: "fuzz.yml", kind: .rule)
    }
    return 0
}

#if TENDERFUZZ_LIBFUZZER
/// libFuzzer's driver, from the toolchain's libclang_rt.fuzzer (linked by -sanitize=fuzzer).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links a debug executable with `main` aliased to `<module>_main` (so tests can link
/// it), which `-parse-as-library` leaves undefined: this is that entry, handing over to libFuzzer.
@_cdecl("TenderFuzz_main")
public func tenderFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#endif
