/// A ZIP container opened with every bound of the readers' own `Archive` (entry count, names,
/// declared and inflated sizes, compression ratio), for other targets that read a ZIP format
/// (the inventory's XLSX metadata tables). Not Sendable; use one per read.
public final class ZipContainer {
    private let archive: Archive

    public init(bytes: [UInt8], path: String, limits: InputLimits = .default) throws(ReaderError) {
        archive = try Archive(bytes: bytes, limits: limits, path: path)
    }

    /// The entry names, in the order of the central directory.
    public var names: [String] { archive.names }

    /// The inflated bytes of entry `name`, or nil when there is none.
    public func data(_ name: String) throws(ReaderError) -> [UInt8]? {
        try archive.data(name)
    }
}
