import Foundation
import ZIPFoundation

/// Builds ZIP containers in memory for the tests (DOCX and ODT fixtures, ZIP bombs).
enum ZipBuilder {
    struct Entry {
        var name: String
        var bytes: [UInt8]
        var stored = false

        init(_ name: String, _ text: String, stored: Bool = false) {
            self.name = name
            self.bytes = Array(text.utf8)
            self.stored = stored
        }

        init(_ name: String, bytes: [UInt8], stored: Bool = false) {
            self.name = name
            self.bytes = bytes
            self.stored = stored
        }
    }

    static func zip(_ entries: [Entry]) throws -> [UInt8] {
        let archive = try ZIPFoundation.Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = Data(entry.bytes)
            try archive.addEntry(with: entry.name, type: .file, uncompressedSize: Int64(data.count),
                                 compressionMethod: entry.stored ? .none : .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw BuildError() }
        return [UInt8](data)
    }

    struct BuildError: Error {}
}
