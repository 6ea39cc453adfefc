import TenderReport
import Foundation
internal import ZIPFoundation
import TenderRules

/// Writes tables as an XLSX workbook (SpreadsheetML, ECMA-376 part 1): one sheet per table, a
/// bold header row, numbers as numbers with display formats (`#,##0` counts, `#,##0.0` hours,
/// `[$€-413] #,##0.00` euros; Excel and LibreOffice show them with the reader's separators, so
/// Dutch with a decimal comma in a Dutch installation) and text as inline strings. No Swift
/// library writes XLSX on Linux among the allowed packages; this writer stays this small.
/// The same tables give the same bytes (fixed entry dates).
enum XLSXWriter {
    static func workbook(_ tables: [InventoryTable]) throws(InventoryError) -> [UInt8] {
        let names = sheetNames(tables.map(\.title))
        var entries: [(String, String)] = []
        entries.append(("[Content_Types].xml", contentTypes(count: tables.count)))
        entries.append(("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """))
        var sheets = "", rels = ""
        for (i, name) in names.enumerated() {
            sheets += "<sheet name=\"\(XMLText.attribute(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        rels += "<Relationship Id=\"rId\(names.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        entries.append(("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets>\(sheets)</sheets></workbook>
            """))
        entries.append(("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """))
        entries.append(("xl/styles.xml", styles))
        for (i, table) in tables.enumerated() { entries.append(("xl/worksheets/sheet\(i + 1).xml", sheet(table))) }

        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = Date(timeIntervalSince1970: 1_577_836_800)   // 2020-01-01: the same tables give the same bytes
            for (path, text) in entries {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw InventoryError.output(path: "XLSX", reason: "no data") }
            return Array(data)
        } catch let error as InventoryError {
            throw error
        } catch {
            throw .output(path: "XLSX", reason: "\(error)")
        }
    }

    /// Style indexes into `cellXfs`.
    enum Style: Int { case plain = 0, header, integer, hours, euros }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0.0"/><numFmt numFmtId="165" formatCode="[$€-413]\\ #,##0.00"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static func contentTypes(count: Int) -> String {
        var overrides = "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        overrides += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        for i in 1...max(1, count) {
            overrides += "<Override PartName=\"/xl/worksheets/sheet\(i).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\(overrides)</Types>
            """
    }

    static func sheet(_ table: InventoryTable) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        xml += "<sheetData>"
        func cell(_ column: Int, _ row: Int, _ value: InventoryTable.Cell, header: Bool = false) -> String {
            let ref = columnName(column) + String(row)
            switch value {
            case let .text(text):
                let style = header ? " s=\"\(Style.header.rawValue)\"" : ""
                return "<c r=\"\(ref)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(XMLText.content(text))</t></is></c>"
            case let .integer(n): return "<c r=\"\(ref)\" s=\"\(Style.integer.rawValue)\"><v>\(n)</v></c>"
            case let .hours(h): return "<c r=\"\(ref)\" s=\"\(Style.hours.rawValue)\"><v>\(number(h))</v></c>"
            case let .euros(e): return "<c r=\"\(ref)\" s=\"\(Style.euros.rawValue)\"><v>\(number(e))</v></c>"
            case .empty: return ""
            }
        }
        xml += "<row r=\"1\">" + table.columns.enumerated().map { cell($0.offset, 1, .text($0.element), header: true) }.joined() + "</row>"
        for (r, row) in table.rows.enumerated() {
            xml += "<row r=\"\(r + 2)\">" + row.enumerated().map { cell($0.offset, r + 2, $0.element) }.joined() + "</row>"
        }
        xml += "</sheetData></worksheet>"
        return xml
    }

    /// A number as SpreadsheetML stores it (`.` decimals, rounded to cents).
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 { let r = (n - 1) % 26; name = String(UnicodeScalar(UInt8(65 + r))) + name; n = (n - 1) / 26 }
        return name
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`, unique.
    static func sheetNames(_ titles: [String]) -> [String] {
        var used = Set<String>()
        return titles.map { title in
            var name = String(title.filter { !"[]:*?/\\".contains($0) }.prefix(31))
            if name.isEmpty { name = "Blad" }
            var candidate = name, n = 2
            while used.contains(candidate.lowercased()) { candidate = String(name.prefix(28)) + " \(n)"; n += 1 }
            used.insert(candidate.lowercased())
            return candidate
        }
    }

}

/// The tables as CSV files, one per table: Dutch Excel's dialect by default (`;`, decimal comma,
/// no thousands separator) or the international one (`,`, `.`). UTF-8 with a byte-order mark, so
/// Excel reads the accents; CRLF; RFC 4180 quoting; formula-like text neutralised.
public enum CSVDialect: String, Sendable, CaseIterable {
    case dutch, international

    var separator: String { self == .dutch ? ";" : "," }

    func number(_ value: Double, decimals: Int) -> String {
        let factor = decimals == 2 ? 100.0 : 10.0
        let rounded = (value * factor).rounded() / factor
        var text = String(format: decimals == 2 ? "%.2f" : "%.1f", rounded)
        if self == .dutch { text = text.replacingOccurrences(of: ".", with: ",") }
        return text
    }
}

enum CSVTables {
    static func files(_ tables: [InventoryTable], dialect: CSVDialect) -> [(name: String, text: String)] {
        tables.map { table in
            var lines = [table.columns.map { field($0, dialect) }.joined(separator: dialect.separator)]
            for row in table.rows {
                lines.append(row.map { cell in
                    switch cell {
                    case let .text(t): return field(t, dialect)
                    case let .integer(n): return String(n)
                    case let .hours(h): return dialect.number(h, decimals: 1)
                    case let .euros(e): return dialect.number(e, decimals: 2)
                    case .empty: return ""
                    }
                }.joined(separator: dialect.separator))
            }
            return (table.key + ".csv", "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n")
        }
    }

    static func field(_ text: String, _ dialect: CSVDialect) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { String($0) == dialect.separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The spreadsheet outputs of `inventory report`.
public enum InventorySpreadsheet {
    /// The XLSX workbook: one sheet per table and a sheet of all findings.
    public static func xlsx(_ summary: InventorySummary, findings: [FindingEntry], language: Language) throws(InventoryError) -> [UInt8] {
        try XLSXWriter.workbook(InventoryTable.all(summary, findings: findings, language: language))
    }

    /// One CSV file per table: file name and contents.
    public static func csv(_ summary: InventorySummary, findings: [FindingEntry], language: Language,
                           dialect: CSVDialect) -> [(name: String, text: String)] {
        CSVTables.files(InventoryTable.all(summary, findings: findings, language: language), dialect: dialect)
    }
}
