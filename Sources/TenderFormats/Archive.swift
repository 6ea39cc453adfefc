import Foundation
import TenderXML
internal import ZIPFoundation

/// A ZIP container (DOCX, ODT) opened for reading, with every archive bound checked here.
///
/// Before anything is inflated: the entry count, the entry names (no absolute paths, no `..`,
/// no duplicates) and the sizes the entries declare (their sum and each entry's compression
/// ratio). While inflating: the bytes actually produced, against the entry's declared size, the
/// per-entry XML bound, the ratio to its compressed size and the container's total. Declared
/// sizes are never trusted alone, so a ZIP bomb with a lying header stops after at most
/// `maxCompressionRatio` times its compressed size. Nothing is ever written to disk.
///
/// Not Sendable: it counts the bytes inflated so far; use one per read.
final class Archive {
    private let zip: ZIPFoundation.Archive
    private let entries: [String: Entry]
    let limits: InputLimits
    private let path: String
    /// Bytes inflated from this container so far, over all entries read.
    private var inflatedTotal = 0

    /// The entry names, in the order the central directory lists them.
    let names: [String]

    init(bytes: [UInt8], limits: InputLimits, path: String) throws(ReaderError) {
        self.limits = limits
        self.path = path
        // The library traps on offsets past the end of the buffer; nothing it would seek to is
        // left unchecked (ZIPStructure), so a damaged container is refused here, in one line.
        if case let .failure(problem) = ZIPStructure.check(bytes, maxEntries: limits.maxArchiveEntries) {
            if problem.overLimit { throw .limitExceeded(path: path, limit: problem.reason) }
            throw .malformed(path: path, reason: .init("geen leesbaar ZIP-archief (\(problem.reason.nl))", en: "not a readable ZIP archive (\(problem.reason.en))"))
        }
        do {
            zip = try ZIPFoundation.Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .malformed(path: path, reason: .init("geen leesbaar ZIP-archief", en: "not a readable ZIP archive"))
        }
        var byName: [String: Entry] = [:]
        var names: [String] = []
        var declaredTotal: UInt64 = 0
        for entry in zip {
            // Counted while iterating, so a central directory claiming millions of entries is
            // refused after maxArchiveEntries + 1 of them.
            guard names.count < limits.maxArchiveEntries else {
                throw .limitExceeded(path: path, limit: .init("meer dan \(limits.maxArchiveEntries) bestanden in het archief", en: "more than \(limits.maxArchiveEntries) files in the archive"))
            }
            let name = entry.path
            try Archive.checkName(name, path: path)
            guard byName[name] == nil else {
                throw .malformed(path: path, reason: .init("archief bevat \(name) twee keer", en: "the archive holds \(name) twice"))
            }
            declaredTotal += entry.uncompressedSize
            guard declaredTotal <= UInt64(limits.maxInflatedBytes) else {
                throw .limitExceeded(path: path, limit: .init("archief pakt uit tot meer dan \(Archive.mebibytes(limits.maxInflatedBytes))", en: "the archive inflates to more than \(Archive.mebibytes(limits.maxInflatedBytes))"))
            }
            if let error = Archive.ratioError(inflated: entry.uncompressedSize, compressed: entry.compressedSize,
                                              name: name, limits: limits, path: path) {
                throw error
            }
            byName[name] = entry
            names.append(name)
        }
        self.entries = byName
        self.names = names
    }

    func contains(_ name: String) -> Bool {
        entries[name] != nil
    }

    /// The inflated bytes of entry `name`, or nil if the archive has no such entry.
    func data(_ name: String) throws(ReaderError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        guard entry.type == .file else { return nil }
        let declared = entry.uncompressedSize
        let compressed = entry.compressedSize
        let perEntry = limits.xml.maxBytes
        guard declared <= UInt64(perEntry) else {
            throw .limitExceeded(path: path, limit: .init("\(name) pakt uit tot meer dan \(Archive.mebibytes(perEntry))", en: "\(name) inflates to more than \(Archive.mebibytes(perEntry))"))
        }
        var out: [UInt8] = []
        out.reserveCapacity(Int(declared))
        var stop: ReaderError?
        do {
            _ = try zip.extract(entry, skipCRC32: false) { chunk in
                out.append(contentsOf: chunk)
                // Checked per chunk (16 KiB), so inflation stops within one chunk of a bound.
                let produced = UInt64(out.count)
                if produced > declared {
                    stop = .limitExceeded(path: self.path, limit: .init("\(name) pakt uit tot meer dan de opgegeven \(declared) bytes", en: "\(name) inflates to more than its declared \(declared) bytes"))
                } else if let error = Archive.ratioError(inflated: produced, compressed: compressed, name: name,
                                                         limits: self.limits, path: self.path) {
                    stop = error
                } else if self.inflatedTotal + out.count > self.limits.maxInflatedBytes {
                    stop = .limitExceeded(path: self.path, limit: .init("archief pakt uit tot meer dan \(Archive.mebibytes(self.limits.maxInflatedBytes))", en: "the archive inflates to more than \(Archive.mebibytes(self.limits.maxInflatedBytes))"))
                }
                if stop != nil { throw StopInflating() }
            }
        } catch {
            if let stop { throw stop }
            throw .malformed(path: path, reason: .init("\(name) kan niet worden uitgepakt (beschadigd of versleuteld)", en: "\(name) cannot be inflated (damaged or encrypted)"))
        }
        guard UInt64(out.count) == declared else {
            throw .malformed(path: path, reason: .init("\(name) heeft een andere grootte dan het archief opgeeft", en: "\(name) has another size than the archive declares"))
        }
        inflatedTotal += out.count
        return out
    }

    /// The inflated bytes of entry `name`, which the format requires.
    func requiredData(_ name: String) throws(ReaderError) -> [UInt8] {
        guard let bytes = try data(name) else {
            throw .malformed(path: path, reason: .init("\(name) ontbreekt in het archief", en: "\(name) is missing from the archive"))
        }
        return bytes
    }

    // MARK: Checks

    /// Thrown from the extraction consumer to stop inflating; the reason is kept in `stop`.
    private struct StopInflating: Error {}

    private static func ratioError(inflated: UInt64, compressed: UInt64, name: String, limits: InputLimits,
                                   path: String) -> ReaderError? {
        guard inflated > UInt64(limits.compressionRatioFloorBytes) else { return nil }
        // A stored or empty entry has ratio 1 at most; guard the division all the same.
        let ratio = inflated / max(compressed, 1)
        guard ratio > UInt64(limits.maxCompressionRatio) else { return nil }
        return .limitExceeded(path: path, limit: .init("\(name) is meer dan \(limits.maxCompressionRatio) keer gecomprimeerd (ZIP-bom?)", en: "\(name) is compressed more than \(limits.maxCompressionRatio) times (ZIP bomb?)"))
    }

    /// Refuses names that could escape a folder if anyone ever extracted them, or that hide
    /// an entry behind another spelling.
    static func checkName(_ name: String, path: String) throws(ReaderError) {
        let reason: String?
        if name.isEmpty || name.utf8.contains(0) {
            reason = "lege naam of NUL-teken"
        } else if name.hasPrefix("/") || name.hasPrefix("\\") {
            reason = "absoluut pad"
        } else if name.count >= 2, name.dropFirst().first == ":", name.first?.isLetter == true {
            reason = "pad met stationsletter"
        } else if name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains("..") {
            reason = "pad met '..'"
        } else {
            reason = nil
        }
        if let reason {
            throw .malformed(path: path, reason: .init("ongeldige bestandsnaam in archief (\(reason)): \(name.debugDescription)", en: "invalid file name in the archive (\(reason)): \(name.debugDescription)"))
        }
    }

    static func mebibytes(_ bytes: Int) -> String {
        "\(bytes / 1_048_576) MiB"
    }
}

extension Archive {
    /// Entry `name` parsed as XML under the XML limits, or nil if there is no such entry.
    func xml(_ name: String) throws(ReaderError) -> XMLTree.Element? {
        guard let bytes = try data(name) else { return nil }
        do {
            return try XMLTree.parse(bytes, limits: limits.xml).root
        } catch {
            throw .invalidXML(path: path, part: name, error: error)
        }
    }
}
