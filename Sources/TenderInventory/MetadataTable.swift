import Foundation

/// A metadata table (`inventory scan --meta FILE`): one row per document, naming it by path or
/// file name, with any of the columns gemeente, regio, jaar, procedure, domein, aantal
/// aanbieders, titel, cpv (or their English names). CSV with `;` or `,` (detected from the header
/// line; RFC 4180 quoting; UTF-8, a byte-order mark allowed).
///
/// A row matches a document when its key is the document's path as collected, the end of that
/// path (`Zeist/bestek.docx`), or its file name. A sidecar `<document>.meta.yml` still wins
/// field by field for its one document.
///
/// The CSV reader is our own, not SwiftCSV 0.10.0 (checked 2026-12-02 on `;`-separated Dutch
/// tables): SwiftCSV reads `;`, quoted fields, doubled quotes and CRLF correctly, but it takes an
/// unclosed quote as the start of one field holding the rest of the file (every later row lost
/// without a word), drops an empty last field when the file does not end in a newline, and its
/// errors name no line. Ours reports `path:line: reason` for each of these.
public struct MetadataTable: Sendable {
    /// The table's file name, as the source recorded with the metadata (`tabel metadata.csv`).
    public var name: String
    /// Key (path or file name, as written) → metadata, in the order of the table.
    public var rows: [(key: String, metadata: DocumentMetadata)]
    private var byName: [String: DocumentMetadata] = [:]
    private var byPath: [String: DocumentMetadata] = [:]

    /// The headings that name the document.
    static let keyColumns: Set<String> = ["path", "pad", "file", "bestand", "bestandsnaam", "filename", "document"]

    public init(name: String, rows: [(key: String, metadata: DocumentMetadata)]) {
        self.name = name
        self.rows = rows
        for (key, metadata) in rows {
            let normalized = InventoryScanner.normalized(key)
            if normalized.contains("/") { byPath[normalized] = metadata } else { byName[normalized] = metadata }
        }
    }

    /// The row for the document at `path`, if any: the longest matching path, else the file name.
    public func metadata(for path: String) -> DocumentMetadata? {
        if let exact = byPath[path] { return exact }
        let components = path.split(separator: "/").map(String.init)
        if components.count > 1 {
            for start in 1..<components.count - 1 {
                if let hit = byPath[components[start...].joined(separator: "/")] { return hit }
            }
        }
        return byName[components.last ?? path]
    }

    /// Reads the table at `path`.
    public static func load(path: String, english: Bool = false) throws(InventoryError) -> MetadataTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .metadata(path: path, line: 0, reason: english ? "cannot be read" : "kan niet worden gelezen")
        }
        let name = (path as NSString).lastPathComponent
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return try parse(records: try XLSXSheetReader.firstSheet(Array(data), path: path, english: english),
                             name: name, path: path, english: english)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw .metadata(path: path, line: 0, reason: english ? "not UTF-8 text (save the table as CSV UTF-8 or XLSX)"
                                                                  : "geen UTF-8-tekst (sla de tabel op als CSV UTF-8 of XLSX)")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(csv: text, name: name, path: path, english: english)
    }

    /// Parses CSV text; `path` names it in errors.
    public static func parse(csv text: String, name: String, path: String, english: Bool = false) throws(InventoryError) -> MetadataTable {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let semicolons = firstLine.filter { $0 == ";" }.count, commas = firstLine.filter { $0 == "," }.count
        let tabs = firstLine.filter { $0 == "\t" }.count
        let delimiter: Character = tabs > max(semicolons, commas) ? "\t" : semicolons >= commas ? ";" : ","
        return try parse(records: try records(text, delimiter: delimiter, path: path, english: english),
                         name: name, path: path, english: english)
    }

    /// RFC 4180 records with their 1-based line numbers.
    static func records(_ text: String, delimiter: Character, path: String, english: Bool) throws(InventoryError) -> [(line: Int, fields: [String])] {
        var out: [(line: Int, fields: [String])] = []
        var fields: [String] = [], field = "", quoted = false, atStart = true
        var line = 1, recordLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? { if let p = pending { pending = nil; return p }; return iterator.next() }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where atStart && field.isEmpty:
                quoted = true
            case delimiter:
                fields.append(field); field = ""; atStart = true; continue
            case "\n", "\r\n", "\r":
                fields.append(field); field = ""
                if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) { out.append((recordLine, fields)) }
                fields = []; line += 1; recordLine = line; atStart = true; continue
            default:
                field.append(c)
            }
            atStart = false
        }
        if quoted { throw .metadata(path: path, line: recordLine, reason: english ? "a quote is not closed" : "een aanhalingsteken wordt niet gesloten") }
        fields.append(field)
        if !(fields.count == 1 && fields[0].trimmingCharacters(in: .whitespaces).isEmpty) { out.append((recordLine, fields)) }
        return out
    }

    /// The table from its records: the first is the header.
    static func parse(records: [(line: Int, fields: [String])], name: String, path: String, english: Bool) throws(InventoryError) -> MetadataTable {
        guard let header = records.first else {
            throw .metadata(path: path, line: 0, reason: english ? "the table is empty" : "de tabel is leeg")
        }
        var keyIndex: Int?
        var columns: [Int: (field: String, heading: String)] = [:]
        for (i, heading) in header.fields.enumerated() {
            let canonical = MetadataFields.canonical(heading)
            if canonical.isEmpty { continue }
            if keyColumns.contains(canonical) { keyIndex = keyIndex ?? i; continue }
            guard let field = MetadataFields.names[canonical] else {
                throw .metadata(path: path, line: header.line, reason: english
                    ? "unknown column '\(heading)' (allowed: pad/bestand, gemeente, regio, jaar, procedure, domein, aantal aanbieders, titel, cpv)"
                    : "onbekende kolom '\(heading)' (toegestaan: pad/bestand, gemeente, regio, jaar, procedure, domein, aantal aanbieders, titel, cpv)")
            }
            columns[i] = (field, heading)
        }
        guard let keyIndex else {
            throw .metadata(path: path, line: header.line, reason: english ? "no column 'pad' or 'bestand' naming the document"
                                                                           : "geen kolom 'pad' of 'bestand' die het document noemt")
        }
        var rows: [(key: String, metadata: DocumentMetadata)] = []
        for record in records.dropFirst() {
            let key = keyIndex < record.fields.count ? record.fields[keyIndex].trimmingCharacters(in: .whitespaces) : ""
            if key.isEmpty { continue }
            var metadata = DocumentMetadata()
            for (i, column) in columns where i < record.fields.count {
                if let reason = MetadataFields.assign(column.field, key: column.heading, value: record.fields[i], to: &metadata, english: english) {
                    throw .metadata(path: path, line: record.line, reason: reason)
                }
            }
            rows.append((key, metadata))
        }
        return MetadataTable(name: name, rows: rows)
    }
}
