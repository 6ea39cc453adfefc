import Crypto
import Foundation

/// A cache of loaded catalogues on disk, so that a process that lints one document does not parse
/// and validate a hundred and more YAML files first.
///
/// One file per list of rule folders (`catalogue-<hash of the folder paths>.cache`), holding the
/// catalogue as JSON behind a header with a key and a checksum:
///
/// ```
/// tenderlint-catalogue-cache <format>\n
/// <key: SHA-256 of the format, tool version, executable, folder paths and every file's path and bytes>\n
/// <SHA-256 of the payload>\n
/// <payload length>\n
/// <payload: the Catalogue as JSON>
/// ```
///
/// The key covers every byte the YAML loader would read, so a changed, added or removed rule file
/// makes the entry stale; it also covers the tool version and the executable's size and
/// modification time, since a new build may parse the same files differently. A stale, truncated,
/// corrupted or unreadable entry is ignored and the catalogue is loaded from its YAML as without a
/// cache (and the entry rewritten); the cache is never trusted beyond its checksum. Only a
/// catalogue that loaded without errors is written, atomically (temporary file, then rename), so
/// processes running at the same time see either the old entry or the new one.
public struct CatalogueCache: Sendable {
    /// Bumped whenever the encoded shape of `Catalogue` changes.
    static let format = 2
    static let magic = "tenderlint-catalogue-cache"
    /// Entries kept in the folder; the least recently written beyond this are removed.
    static let maximumEntries = 32

    /// The cache folder.
    public var folder: String
    /// Goes into the key: a catalogue cached by one version is not read by another.
    public var toolVersion: String

    public init(folder: String, toolVersion: String) {
        self.folder = folder
        self.toolVersion = toolVersion
    }

    /// The cache of the current user: `$TENDERLINT_CACHE`, else `$XDG_CACHE_HOME/tenderlint`, else
    /// `~/.cache/tenderlint`. Nil (no cache) when `TENDERLINT_CACHE` is `off` or no folder is known.
    public static func standard(toolVersion: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> CatalogueCache? {
        if let explicit = environment["TENDERLINT_CACHE"], !explicit.isEmpty {
            return explicit == "off" ? nil : CatalogueCache(folder: explicit, toolVersion: toolVersion)
        }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return CatalogueCache(folder: xdg + "/tenderlint", toolVersion: toolVersion)
        }
        if let home = environment["HOME"], !home.isEmpty {
            return CatalogueCache(folder: home + "/.cache/tenderlint", toolVersion: toolVersion)
        }
        return nil
    }

    /// What happened on the last `load` (for `tenderlint rules --stats` and tests).
    public enum Outcome: String, Sendable {
        /// Read from the cache.
        case hit
        /// Loaded from YAML and written to the cache (no entry, or a stale or damaged one).
        case written
        /// Loaded from YAML; the cache could not be written (the catalogue is still correct).
        case unwritable
    }

    /// The catalogue of `folder` and `extraFolders`, from the cache when its entry is current,
    /// else from YAML (`Catalogue.load`), which also reports every problem of a broken catalogue.
    public func load(from rulesFolder: String, extraFolders: [String] = []) throws(CatalogueErrors) -> (Catalogue, Outcome) {
        let loaded = try loadKeyed(from: rulesFolder, extraFolders: extraFolders)
        return (loaded.catalogue, loaded.outcome)
    }

    /// The catalogue as `load` gives it, and its matcher: from the entry beside the catalogue's
    /// (`compiled-<hash>.cache`, the same key, its own format) when that is current, else
    /// compiled and written there. The matcher is a function of the catalogue's bytes and the
    /// executable, both in the key; a stale, damaged or unreadable entry is compiled anew.
    public func loadCompiled(from rulesFolder: String, extraFolders: [String] = []) throws(CatalogueErrors)
        -> (compiled: CompiledCatalogue, catalogue: Outcome, matcher: Outcome) {
        let loaded = try loadKeyed(from: rulesFolder, extraFolders: extraFolders)
        guard let key = loaded.key else { return (CompiledCatalogue(loaded.catalogue), loaded.outcome, .unwritable) }
        let entry = folder + "/compiled-" + loaded.name + ".cache"
        let magic = Self.compiledMagic + " \(CompiledCatalogue.encodingFormat)"
        if let payload = Self.payload(of: entry, magic: magic, key: key),
           let compiled = CompiledCatalogue(loaded.catalogue, encoded: Array(payload)) {
            return (compiled, loaded.outcome, .hit)
        }
        let compiled = CompiledCatalogue(loaded.catalogue)
        let written = write(Data(compiled.encoded()), magic: magic, to: entry, key: key)
        return (compiled, loaded.outcome, written ? .written : .unwritable)
    }

    static let compiledMagic = "tenderlint-compiled-catalogue"

    /// `load`, with the key and the entry's name (nil key: no cache for these folders).
    private func loadKeyed(from rulesFolder: String, extraFolders: [String]) throws(CatalogueErrors)
        -> (catalogue: Catalogue, outcome: Outcome, key: String?, name: String) {
        let folders = [rulesFolder] + extraFolders
        let name = String(Self.hex(SHA256.hash(data: Data(folders.joined(separator: "\n").utf8))).prefix(24))
        let entry = folder + "/catalogue-" + name + ".cache"
        guard let key = key(folders: folders) else {
            // A folder that cannot be listed or a file that cannot be read: the YAML loader says which.
            return (try Catalogue.load(from: rulesFolder, extraFolders: extraFolders), .unwritable, nil, name)
        }
        if let cached = read(entry, key: key) { return (cached, .hit, key, name) }
        let catalogue = try Catalogue.load(from: rulesFolder, extraFolders: extraFolders)
        return (catalogue, write(catalogue, to: entry, key: key) ? .written : .unwritable, key, name)
    }

    /// The key over everything the loader reads; nil when a file cannot be read.
    func key(folders: [String]) -> String? {
        var hasher = SHA256()
        func add(_ text: String) {
            hasher.update(data: Data(text.utf8))
            hasher.update(data: Data([0]))
        }
        add("\(Self.magic) \(Self.format)")
        add(toolVersion)
        add(Self.executableIdentity())
        for (i, root) in folders.enumerated() {
            add(root)
            var paths = Catalogue.yamlFiles(in: root)
            // The main folder's taxonomy and lexicon are read by name (and may be missing).
            if i == 0 { paths += [root + "/topics.yml", root + "/lexicon.yml"] }
            for path in paths {
                add(path)
                if path.hasSuffix("/lexicon.yml"), !FileManager.default.fileExists(atPath: path) { add("-"); continue }
                guard let data = FileManager.default.contents(atPath: path) else { return nil }
                add(String(data.count))
                hasher.update(data: data)
            }
        }
        return Self.hex(hasher.finalize())
    }

    /// The running executable's size and modification time: a rebuilt binary has a new one.
    static func executableIdentity() -> String {
        // /proc/self/exe is a link whose own time is the process's start: the file behind it counts.
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "?" }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size) \(modified)"
    }

    /// The entry's catalogue when its header names `key` and its payload matches its checksum.
    func read(_ entry: String, key: String) -> Catalogue? {
        guard let payload = Self.payload(of: entry, magic: "\(Self.magic) \(Self.format)", key: key) else { return nil }
        return try? JSONDecoder().decode(Catalogue.self, from: payload)
    }

    /// The payload of the entry when its header has `magic` and `key` and the payload its length
    /// and checksum.
    static func payload(of entry: String, magic: String, key: String) -> Data? {
        guard let data = FileManager.default.contents(atPath: entry) else { return nil }
        // Four header lines, then the payload.
        var lines: [Substring] = []
        var offset = data.startIndex
        while lines.count < 4 {
            guard let newline = data[offset...].firstIndex(of: 0x0A), newline - offset < 200 else { return nil }
            lines.append(Substring(String(decoding: data[offset..<newline], as: UTF8.self)))
            offset = newline + 1
        }
        guard lines[0] == magic, lines[1] == key, let length = Int(lines[3]),
              data.endIndex - offset == length else { return nil }
        let payload = data[offset...]
        guard Self.hex(SHA256.hash(data: payload)) == lines[2] else { return nil }
        return Data(payload)
    }

    /// Writes the catalogue's entry; false when the folder or file cannot be written.
    func write(_ catalogue: Catalogue, to entry: String, key: String) -> Bool {
        guard let payload = try? JSONEncoder().encode(catalogue) else { return false }
        return write(payload, magic: "\(Self.magic) \(Self.format)", to: entry, key: key)
    }

    /// Writes an entry: the header, then `payload`.
    func write(_ payload: Data, magic: String, to entry: String, key: String) -> Bool {
        let fm = FileManager.default
        var data = Data("\(magic)\n\(key)\n\(Self.hex(SHA256.hash(data: payload)))\n\(payload.count)\n".utf8)
        data.append(payload)
        do {
            try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let temporary = entry + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
            guard fm.createFile(atPath: temporary, contents: data) else { return false }
            if rename(temporary, entry) != 0 {
                try? fm.removeItem(atPath: temporary)
                return false
            }
        } catch {
            return false
        }
        prune()
        return true
    }

    /// Removes the oldest entries beyond `maximumEntries` (temporary rule folders of tests leave one each).
    private func prune() {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder) else { return }
        for prefix in ["catalogue-", "compiled-"] {
            prune(names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".cache") })
        }
    }

    private func prune(_ entries: [String]) {
        let fm = FileManager.default
        guard entries.count > Self.maximumEntries else { return }
        let dated = entries.map { name -> (String, Date) in
            let date = (try? fm.attributesOfItem(atPath: folder + "/" + name))?[.modificationDate] as? Date
            return (name, date ?? .distantPast)
        }.sorted { $0.1 > $1.1 }
        for (name, _) in dated.dropFirst(Self.maximumEntries) { try? fm.removeItem(atPath: folder + "/" + name) }
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in digest { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
