/// The structure of a ZIP container checked byte by byte before the ZIP library sees it.
///
/// ZIPFoundation's in-memory reader trusts the offsets in the file: a seek past the end of the
/// buffer traps inside the library ("Range requires lowerBound <= upperBound"), which no `catch`
/// can stop. So every position the library will seek to is computed here the way the library
/// computes it, and checked against the file: the end-of-central-directory record (found by the
/// same backwards scan, within the last 64 KiB + 22 bytes), the ZIP64 records when present, the
/// central directory (inside the file, before its end record, with as many entries as declared
/// and no more than the entry limit), and for every entry its local header (signature, name and
/// extra field inside the file), its data and its data descriptor. Refusals are one reason.
enum ZIPStructure {
    /// What the checks found: the entry count of the central directory.
    struct Summary: Equatable {
        var entries: Int
    }

    private static let eocdSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50
    private static let zip64RecordSignature: UInt32 = 0x0606_4B50
    private static let centralSignature: UInt32 = 0x0201_4B50
    private static let localSignature: UInt32 = 0x0403_4B50
    private static let eocdSize = 22
    private static let zip64LocatorSize = 20
    private static let zip64RecordSize = 56
    private static let centralSize = 46
    private static let localSize = 30

    struct Failure: Error, Equatable {
        var reason: ReaderError.Reason
        /// Whether the archive is well-formed but over the entry limit.
        var overLimit = false
    }

    static func check(_ bytes: [UInt8], maxEntries: Int) -> Result<Summary, Failure> {
        let reader = LittleEndian(bytes)
        let length = UInt64(bytes.count)
        func fail(_ reason: ReaderError.Reason) -> Result<Summary, Failure> { .failure(Failure(reason: reason)) }

        // 1. The end record: the same backwards scan as the library, but only as far as a
        // record with the longest comment can be.
        guard bytes.count >= eocdSize else { return fail(.init("te kort voor een ZIP-archief", en: "too short for a ZIP archive")) }
        var eocd: Int?
        var index = bytes.count - eocdSize
        let lowest = max(0, bytes.count - eocdSize - 65_535)
        while index >= lowest {
            if reader.u32(index) == eocdSignature { eocd = index; break }
            index -= 1
        }
        guard let eocdOffset = eocd else { return fail(.init("einde van de centrale map niet gevonden", en: "end of the central directory not found")) }
        var entryCount = UInt64(reader.u16(eocdOffset + 10))
        var directorySize = UInt64(reader.u32(eocdOffset + 12))
        var directoryOffset = UInt64(reader.u32(eocdOffset + 16))
        var directoryEnd = UInt64(eocdOffset)
        guard reader.u16(eocdOffset + 4) == 0, reader.u16(eocdOffset + 6) == 0,
              reader.u16(eocdOffset + 8) == reader.u16(eocdOffset + 10) else {
            return fail(.init("archief over meerdere delen verspreid", en: "the archive is spread over several parts"))
        }

        // 2. ZIP64: the library reads the locator and record at fixed places before the end
        // record and, when both signatures are there, uses the record's values.
        if eocdOffset > zip64LocatorSize + zip64RecordSize {
            let locator = eocdOffset - zip64LocatorSize
            let record = locator - zip64RecordSize
            if reader.u32(locator) == zip64LocatorSignature, reader.u32(record) == zip64RecordSignature {
                entryCount = reader.u64(record + 32)
                directorySize = reader.u64(record + 40)
                directoryOffset = reader.u64(record + 48)
                directoryEnd = UInt64(record)
                guard reader.u64(record + 24) == entryCount else { return fail(.init("archief over meerdere delen verspreid", en: "the archive is spread over several parts")) }
            }
        }

        // 3. The central directory inside the file, before its end record.
        guard entryCount <= UInt64(maxEntries) else {
            return .failure(Failure(reason: .init("meer dan \(maxEntries) bestanden in het archief", en: "more than \(maxEntries) files in the archive"), overLimit: true))
        }
        guard let end = add(directoryOffset, directorySize), end <= directoryEnd else {
            return fail(.init("centrale map ligt buiten het bestand", en: "the central directory lies outside the file"))
        }
        var position = directoryOffset
        for _ in 0..<entryCount {
            guard let fixedEnd = add(position, UInt64(centralSize)), fixedEnd <= end,
                  reader.u32(Int(position)) == centralSignature else {
                return fail(.init("centrale map is beschadigd", en: "the central directory is damaged"))
            }
            let p = Int(position)
            let entry = CentralEntry(reader: reader, at: p)
            guard let next = add(fixedEnd, UInt64(entry.nameLength) + UInt64(entry.extraLength) + UInt64(entry.commentLength)),
                  next <= end else {
                return fail(.init("centrale map is beschadigd", en: "the central directory is damaged"))
            }
            let extra = Array(bytes[(p + centralSize + entry.nameLength)..<(p + centralSize + entry.nameLength + entry.extraLength)])
            let effective = entry.effective(extra: extra)

            // 4. The entry's local header, data and data descriptor inside the file.
            guard let headerEnd = add(effective.offset, UInt64(localSize)), headerEnd <= length,
                  reader.u32(Int(effective.offset)) == localSignature else {
                return fail(.init("lokale kop van een bestand ligt buiten het archief of ontbreekt", en: "a file's local header lies outside the archive or is missing"))
            }
            let local = Int(effective.offset)
            let localVariable = UInt64(reader.u16(local + 26)) + UInt64(reader.u16(local + 28))
            let dataSize = entry.method != 0 ? effective.compressed : effective.uncompressed
            guard let dataStart = add(headerEnd, localVariable), dataStart <= length,
                  let dataEnd = add(dataStart, dataSize), dataEnd <= length else {
                return fail(.init("gegevens van een bestand lopen voorbij het einde van het archief", en: "a file's data runs past the end of the archive"))
            }
            position = next
        }
        return .success(Summary(entries: Int(entryCount)))
    }

    private static func add(_ a: UInt64, _ b: UInt64) -> UInt64? {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : sum
    }

    /// One central directory record, read as the library reads it.
    private struct CentralEntry {
        var versionNeeded: UInt16
        var method: UInt16
        var compressed: UInt32
        var uncompressed: UInt32
        var nameLength: Int
        var extraLength: Int
        var commentLength: Int
        var disk: UInt16
        var offset: UInt32

        init(reader: LittleEndian, at p: Int) {
            versionNeeded = reader.u16(p + 6)
            method = reader.u16(p + 10)
            compressed = reader.u32(p + 20)
            uncompressed = reader.u32(p + 24)
            nameLength = Int(reader.u16(p + 28))
            extraLength = Int(reader.u16(p + 30))
            commentLength = Int(reader.u16(p + 32))
            disk = reader.u16(p + 34)
            offset = reader.u32(p + 42)
        }

        /// Sizes and offset as the library takes them: the ZIP64 extended information field
        /// (found the library's way: the first field 0x0001 whose size matches the fields the
        /// record marks with all ones) replaces a 32-bit value when it is non-zero.
        func effective(extra: [UInt8]) -> (offset: UInt64, compressed: UInt64, uncompressed: UInt64) {
            var fields: [Int] = []  // sizes, in order: uncompressed, compressed, offset, disk
            let marked = (uncompressed == .max, compressed == .max, offset == .max, disk == .max)
            if marked.0 { fields.append(8) }
            if marked.1 { fields.append(8) }
            if marked.2 { fields.append(8) }
            if marked.3 { fields.append(4) }
            var zip64: (uncompressed: UInt64, compressed: UInt64, offset: UInt64)?
            let r = LittleEndian(extra)
            var i = 0
            while i < extra.count - 4 {
                let id = r.u16(i), size = Int(r.u16(i + 2))
                let next = i + 4 + size
                guard next <= extra.count else { break }
                if id == 0x0001 {
                    if fields.reduce(0, +) == size {
                        var at = i + 4
                        func take(_ present: Bool) -> UInt64 {
                            guard present else { return 0 }
                            defer { at += 8 }
                            return r.u64(at)
                        }
                        let u = take(marked.0), c = take(marked.1), o = take(marked.2)
                        zip64 = (u, c, o)
                    }
                    break
                }
                i = next
            }
            let isZIP64 = (versionNeeded & 0xFF) >= 45 || zip64 != nil
            func pick(_ wide: UInt64?, _ narrow: UInt32) -> UInt64 {
                if isZIP64, let wide, wide > 0 { return wide }
                return UInt64(narrow)
            }
            return (pick(zip64?.offset, offset), pick(zip64?.compressed, compressed), pick(zip64?.uncompressed, uncompressed))
        }
    }

    /// Little-endian integers at byte offsets; bytes past the end read as zero.
    private struct LittleEndian {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        func u16(_ i: Int) -> UInt16 {
            UInt16(byte(i)) | UInt16(byte(i + 1)) << 8
        }

        func u32(_ i: Int) -> UInt32 {
            UInt32(u16(i)) | UInt32(u16(i + 2)) << 16
        }

        func u64(_ i: Int) -> UInt64 {
            UInt64(u32(i)) | UInt64(u32(i + 4)) << 32
        }

        private func byte(_ i: Int) -> UInt8 {
            i >= 0 && i < bytes.count ? bytes[i] : 0
        }
    }
}
