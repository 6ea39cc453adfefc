import Foundation

/// Expands the paths given on the command line into the files to lint.
public enum FileCollector {
    /// File name endings read when walking a folder. A file named explicitly is always read.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "docx", "odt", "fodt", "xml", "pdf"]

    /// The files named, and those below the folders named (recursively, hidden entries skipped),
    /// sorted within each folder; paths that do not exist are returned as they are, so reading
    /// them reports the error.
    public static func files(_ paths: [String]) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                out.append(path)
                continue
            }
            var found: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                while let item = walker.nextObject() as? String {
                    let name = (item as NSString).lastPathComponent
                    if name.hasPrefix(".") { walker.skipDescendants(); continue }
                    let ext = (name as NSString).pathExtension.lowercased()
                    guard extensions.contains(ext) else { continue }
                    let full = path.hasSuffix("/") ? path + item : path + "/" + item
                    var isDir: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { found.append(full) }
                }
            }
            out += found.sorted()
        }
        return out
    }
}
