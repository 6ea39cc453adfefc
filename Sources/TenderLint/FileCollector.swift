import Foundation
import TenderDocument
import TenderFormats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands the paths given on the command line into the files to lint.
public enum FileCollector {
    /// File name endings read when walking a folder. A file named explicitly is always read.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "docx", "odt", "fodt", "xml", "pdf"]

    /// The files to read, and what the walk could not read or skipped, one line each
    /// (`path: reason`, the path escaped for printing).
    public struct Collection: Sendable, Equatable {
        public var files: [String] = []
        public var problems: [ReaderError] = []
    }

    /// The files named, and those below the folders named (recursively, hidden entries skipped),
    /// sorted within each folder; paths that do not exist are returned as they are, so reading
    /// them reports the error.
    public static func files(_ paths: [String]) -> [String] {
        collect(paths).files
    }

    /// Like `files`, with the problems met in folders: a subfolder that cannot be read, a name
    /// that is not UTF-8 (it cannot be named in a report), and an entry with a document's
    /// extension that is not a regular file (a FIFO, a device, a socket), which is skipped:
    /// reading it would block or never end. A symbolic link to a file is followed; one to a
    /// folder is not (no cycles).
    ///
    /// `alsoCollecting` adds file endings to collect while walking (the inventory collects the
    /// endings of formats it cannot read, to name them as unsupported).
    public static func collect(_ paths: [String], alsoCollecting extra: Set<String> = []) -> Collection {
        var out = Collection()
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                out.files.append(path)
                continue
            }
            var found: [String] = []
            walk(path.hasSuffix("/") ? String(path.dropLast()) : path, into: &found,
                 problems: &out.problems, endings: extensions.union(extra))
            out.files += found.sorted()
        }
        return out
    }

    private static func walk(_ folder: String, into found: inout [String], problems: inout [ReaderError], endings: Set<String>) {
        guard let dir = opendir(folder.isEmpty ? "/" : folder) else {
            problems.append(.skipped(path: folder, reason: .unreadableFolder(String(cString: strerror(errno)))))
            return
        }
        defer { closedir(dir) }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            // Safety: d_name is a NUL-terminated array inside the entry readdir returned, valid
            // until the next readdir call; it is copied out here.
            names.append(withUnsafeBytes(of: entry.pointee.d_name) { buffer in Array(buffer.prefix { $0 != 0 }) })
        }
        // In byte order, so the problems come out in the same order on every run.
        names.sort { $0.lexicographicallyPrecedes($1) }
        var subfolders: [String] = []
        for raw in names {
            guard let name = String(validating: raw, as: UTF8.self) else {
                problems.append(.skipped(path: folder + "/" + String(decoding: raw, as: UTF8.self), reason: .nameNotUTF8))
                continue
            }
            if name.hasPrefix(".") { continue }
            let full = folder + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            var mode = info.st_mode & S_IFMT
            if mode == S_IFLNK {
                // Follow a link to see what it names; a link to a folder is not walked.
                guard stat(full, &info) == 0 else { continue }
                mode = info.st_mode & S_IFMT
                if mode == S_IFDIR { continue }
            }
            if mode == S_IFDIR { subfolders.append(full); continue }
            let ext = (name as NSString).pathExtension.lowercased()
            guard endings.contains(ext) else { continue }
            if mode == S_IFREG {
                found.append(full)
            } else {
                problems.append(.skipped(path: full, reason: .notRegularFile))
            }
        }
        for sub in subfolders { walk(sub, into: &found, problems: &problems, endings: endings) }
    }
}
