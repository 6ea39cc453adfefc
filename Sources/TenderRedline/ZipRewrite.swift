import Foundation
import ZIPFoundation

/// Reads the entries of an office archive and writes a copy in which some entries are replaced
/// or added; every other entry keeps its name, order, content, compression and date.
///
/// Every entry is held in memory while the copy is written, so the entries' content together may
/// be at most `maxTotalBytes` (256 MB): a package that inflates past it is refused, not read.
struct ZipRewrite {
    let archive: ZIPFoundation.Archive
    static let maxTotalBytes = 256 * 1_048_576

    /// Bytes inflated so far (class: `read` is not mutating).
    private final class Counter: @unchecked Sendable { var total = 0 }
    private let counter = Counter()

    private func count(_ n: Int) throws(RedlineError) {
        counter.total += n
        if counter.total > Self.maxTotalBytes {
            throw .unreadable("het archief is uitgepakt groter dan 256 MB", en: "the archive inflates to more than 256 MB")
        }
    }

    init(_ bytes: [UInt8]) throws(RedlineError) {
        do { archive = try ZIPFoundation.Archive(data: Data(bytes), accessMode: .read) } catch {
            throw .unreadable("geen leesbaar ZIP-archief", en: "not a readable ZIP archive")
        }
    }

    func contains(_ name: String) -> Bool { archive[name] != nil }

    func read(_ name: String) throws(RedlineError) -> [UInt8]? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        do { _ = try archive.extract(entry, skipCRC32: false) { data.append($0); try count($0.count) } } catch let error as RedlineError {
            throw error
        } catch {
            throw .unreadable("\(name) is niet te lezen", en: "\(name) cannot be read")
        }
        return [UInt8](data)
    }

    /// The copy: `replaced` entries get new content, `added` entries come after the others.
    func write(replacing replaced: [String: [UInt8]], adding added: [(String, [UInt8])], date: Date) throws(RedlineError) -> [UInt8] {
        do {
            let out = try ZIPFoundation.Archive(data: Data(), accessMode: .create)
            for entry in archive {
                let content: Data
                if let new = replaced[entry.path] { content = Data(new) } else {
                    var data = Data()
                    _ = try archive.extract(entry, skipCRC32: false) { data.append($0); try count($0.count) }
                    content = data
                }
                let modified = replaced[entry.path] == nil
                    ? (entry.fileAttributes[.modificationDate] as? Date ?? date) : date
                try add(content, as: entry.path, to: out, compressed: entry.isCompressed, date: modified, type: entry.type)
            }
            for (name, bytes) in added {
                try add(Data(bytes), as: name, to: out, compressed: true, date: date, type: .file)
            }
            guard let data = out.data else { throw RedlineError.unreadable("kan het archief niet schrijven", en: "cannot write the archive") }
            return [UInt8](data)
        } catch let error as RedlineError {
            throw error
        } catch {
            throw .unreadable("kan het archief niet herschrijven (\(error))", en: "cannot rewrite the archive (\(error))")
        }
    }

    private func add(_ content: Data, as path: String, to out: ZIPFoundation.Archive, compressed: Bool, date: Date, type: Entry.EntryType) throws {
        try out.addEntry(with: path, type: type, uncompressedSize: Int64(content.count), modificationDate: date,
                         compressionMethod: compressed ? .deflate : .none) { position, size in
            content.subdata(in: Int(position)..<(Int(position) + size))
        }
    }
}

/// Why a copy could not be written; rendered as the `reason` of `path: reason`.
public struct RedlineError: Error, Sendable {
    public var nl: String
    public var en: String

    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    public static func unreadable(_ nl: String, en: String) -> RedlineError { RedlineError(nl: nl, en: en) }

    public func reason(english: Bool) -> String { english ? en : nl }
}
