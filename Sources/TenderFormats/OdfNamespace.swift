/// The OpenDocument namespace URIs the ODT and FODT readers look for.
enum OdfNamespace {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    static let xml = "http://www.w3.org/XML/1998/namespace"
}
