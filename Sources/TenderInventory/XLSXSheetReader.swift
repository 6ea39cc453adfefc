import Foundation
import TenderFormats
import TenderXML

/// Reads the cells of the first worksheet of an XLSX workbook (SpreadsheetML, ECMA-376 part 1
/// §18): shared strings, inline strings, numbers and booleans, as text per row. Enough for a
/// metadata table; formulas give their cached value.
enum XLSXSheetReader {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func firstSheet(_ bytes: [UInt8], path: String, english: Bool) throws(InventoryError) -> [(line: Int, fields: [String])] {
        do {
            return try read(bytes, path: path)
        } catch let error as InventoryError {
            throw error
        } catch let error as ReaderError {
            throw .metadata(path: path, line: 0, reason: error.message(english: english))
        } catch let error as XMLError {
            throw .metadata(path: path, line: 0, reason: error.message(english: english))
        } catch {
            throw .metadata(path: path, line: 0, reason: english ? "not a readable XLSX workbook" : "geen leesbare XLSX-werkmap")
        }
    }

    static func read(_ bytes: [UInt8], path: String) throws -> [(line: Int, fields: [String])] {
        let zip = try ZipContainer(bytes: bytes, path: path)
        func tree(_ name: String) throws -> XMLTree? {
            guard let data = try zip.data(name) else { return nil }
            return try XMLTree.parse(data)
        }
        guard let workbook = try tree("xl/workbook.xml") else {
            throw InventoryError.metadata(path: path, line: 0, reason: "xl/workbook.xml ontbreekt / is missing")
        }
        // The first sheet in the workbook's order, found through the workbook's relationships.
        var sheetPath = "xl/worksheets/sheet1.xml"
        if let sheet = workbook.root.element("sheets", namespace: main)?.element("sheet", namespace: main),
           let id = sheet.attribute("id", namespace: relationships),
           let rels = try tree("xl/_rels/workbook.xml.rels"),
           let target = rels.root.elements("Relationship", namespace: packageRelationships).first(where: { $0.attribute("Id") == id })?.attribute("Target") {
            sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        var shared: [String] = []
        if let strings = try tree("xl/sharedStrings.xml") {
            shared = strings.root.elements("si", namespace: main).map { si in
                si.descendants { $0.is("t", namespace: main) }.map(\.text).joined()
            }
        }
        guard let sheet = try tree(sheetPath) else {
            throw InventoryError.metadata(path: path, line: 0, reason: "\(sheetPath) ontbreekt / is missing")
        }
        var records: [(line: Int, fields: [String])] = []
        for row in sheet.root.element("sheetData", namespace: main)?.elements("row", namespace: main) ?? [] {
            let number = Int(row.attribute("r") ?? "") ?? records.count + 1
            var fields: [String] = []
            for (i, cell) in row.elements("c", namespace: main).enumerated() {
                let column = cell.attribute("r").map(columnIndex) ?? i
                while fields.count < column { fields.append("") }
                let value = cell.element("v", namespace: main)?.text ?? ""
                let text: String
                switch cell.attribute("t") {
                case "s": text = Int(value).flatMap { $0 < shared.count ? shared[$0] : nil } ?? ""
                case "inlineStr": text = cell.element("is", namespace: main)?.descendants { $0.is("t", namespace: main) }.map(\.text).joined() ?? ""
                case "b": text = value == "1" ? "1" : "0"
                default: text = value
                }
                if fields.count == column { fields.append(text) } else { fields[column] = text }
            }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            records.append((number, fields))
        }
        return records
    }

    /// `C12` → 2 (zero-based column).
    static func columnIndex(_ reference: String) -> Int {
        var n = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65 && scalar.value <= 90 else { break }
            n = n * 26 + Int(scalar.value - 64)
        }
        return max(0, n - 1)
    }
}
