import TenderDocument
import TenderXML

/// Reads an OpenDocument text: a packaged `.odt` (`content.xml` and `styles.xml` in a ZIP) or a
/// flat `.fodt` (everything in one `<office:document>`). The walk itself is `OdfWalker`'s.
///
/// A package whose manifest lists encryption data for `content.xml` is password-protected and
/// reported as such: its content is ciphertext.
enum OdtReader {
    static func read(archive: Archive, path: String) throws(ReaderError) -> [Block] {
        if let manifest = try archive.xml("META-INF/manifest.xml"), isEncrypted(manifest) {
            throw .protected(path: path)
        }
        guard let content = try archive.xml("content.xml") else {
            throw .malformed(path: path, reason: .init("content.xml ontbreekt in het archief", en: "content.xml is missing from the archive"))
        }
        let stylesRoot = try archive.xml("styles.xml")
        var styles = OdfStyles()
        styles.add(stylesRoot?.element("styles", namespace: OdfNamespace.office))
        styles.add(stylesRoot?.element("automatic-styles", namespace: OdfNamespace.office))
        styles.add(content.element("automatic-styles", namespace: OdfNamespace.office))
        return try blocks(content: content, styles: styles,
                          masterStyles: stylesRoot?.element("master-styles", namespace: OdfNamespace.office), path: path)
    }

    /// A flat ODT's blocks and its `office:meta` properties.
    static func read(flat bytes: [UInt8], path: String, limits: XMLLimits) throws(ReaderError) -> (blocks: [Block], properties: DocumentProperties) {
        let root: XMLTree.Element
        do {
            root = try XMLTree.parse(bytes, limits: limits).root
        } catch {
            throw .invalidXML(path: path, part: nil, error: error)
        }
        guard root.is("document", namespace: OdfNamespace.office) else {
            throw .malformed(path: path, reason: .init("geen OpenDocument-bestand (office:document ontbreekt)", en: "not an OpenDocument file (office:document is missing)"))
        }
        var styles = OdfStyles()
        styles.add(root.element("styles", namespace: OdfNamespace.office))
        styles.add(root.element("automatic-styles", namespace: OdfNamespace.office))
        return (try blocks(content: root, styles: styles,
                           masterStyles: root.element("master-styles", namespace: OdfNamespace.office), path: path),
                PropertiesReader.office(root))
    }

    private static func blocks(content: XMLTree.Element, styles: OdfStyles, masterStyles: XMLTree.Element?,
                               path: String) throws(ReaderError) -> [Block] {
        guard let text = content.element(path: ["body", "text"], namespace: OdfNamespace.office) else {
            if content.element("body", namespace: OdfNamespace.office) != nil {
                throw .unsupported(path: path, format: "OpenDocument dat geen tekstdocument is (spreadsheet of presentatie)")
            }
            throw .malformed(path: path, reason: .init("office:body/office:text ontbreekt", en: "office:body/office:text is missing"))
        }
        let walker = OdfWalker(styles: styles)
        walker.paragraphIndex = OdfWalker.paragraphs(of: content)
        walker.walk(body: text)
        walker.walk(masterStyles: masterStyles)
        return walker.sink.blocks
    }

    /// Whether the manifest says a content part is encrypted (ODF 1.2 §3.8 `manifest:encryption-data`).
    static func isEncrypted(_ manifest: XMLTree.Element) -> Bool {
        manifest.elements("file-entry", namespace: OdfNamespace.manifest).contains { entry in
            entry.element("encryption-data", namespace: OdfNamespace.manifest) != nil
        }
    }
}
