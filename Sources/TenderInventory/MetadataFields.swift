import TenderDocument

/// The metadata fields a sidecar or a metadata table may give, by the names a user writes
/// (English, Dutch, and the Dutch column headings of a spreadsheet), and how each value is checked.
enum MetadataFields {
    /// Name (lowercased, spaces and underscores as `-`) → field.
    static let names: [String: String] = [
        "municipality": "municipality", "gemeente": "municipality", "buyer": "municipality", "opdrachtgever": "municipality",
        "region": "region", "regio": "region", "inkoopregio": "region",
        "year": "year", "jaar": "year",
        "procedure": "procedure",
        "providers": "providers", "aanbieders": "providers", "aantal-aanbieders": "providers",
        "domain": "domain", "domein": "domain",
        "title": "title", "titel": "title",
        "cpv": "cpv", "cpv-code": "cpv", "cpv-codes": "cpv",
    ]

    /// `Aantal aanbieders` → `aantal-aanbieders`.
    static func canonical(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
    }

    /// Sets `field` of `metadata` from `value`; returns the reason when the value is not valid.
    static func assign(_ field: String, key: String, value raw: String, to metadata: inout DocumentMetadata, english: Bool) -> String? {
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard let known = DocumentMetadata.known(value) else { return nil }
        switch field {
        case "municipality": metadata.municipality = known
        case "region": metadata.region = known
        case "procedure": metadata.procedure = known
        case "title": metadata.title = known
        case "cpv":
            // Codes of eight digits, with or without their check digit, separated by commas,
            // semicolons or blanks; a spreadsheet may give one code as the number 85311300.0.
            let parts = known.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
            // A spreadsheet number loses the leading zero of a code such as 03000000.
            let codes = parts.map { part -> String in
                let code = part.hasSuffix(".0") ? String(part.dropLast(2)) : part
                // (CPV divisions 03 and 09): seven digits get it back, nothing else is guessed.
                return code.count == 7 && code.allSatisfy({ $0.isASCII && $0.isNumber }) ? "0" + code : code
            }
            guard !codes.isEmpty, codes.allSatisfy({ DocumentProperties.cpvDigits($0) != nil }) else {
                return english ? "'\(key)' must be CPV codes of eight digits, such as 85311300" : "'\(key)' moet CPV-codes van acht cijfers bevatten, zoals 85311300"
            }
            metadata.cpv = codes.joined(separator: ", ")
        case "domain":
            let folded = known.lowercased()
            let domain: String? = folded.hasPrefix("jeugd") ? "jeugd" : folded.hasPrefix("wmo") ? "wmo"
                : folded.hasPrefix("participatie") ? "participatie" : nil
            guard let domain else {
                return english ? "'\(key)' must be jeugd, wmo or participatie" : "'\(key)' moet jeugd, wmo of participatie zijn"
            }
            metadata.domain = domain
        case "year":
            // A spreadsheet may hold the year as the number 2025.0.
            let text = known.hasSuffix(".0") ? String(known.dropLast(2)) : known
            guard let year = Int(text), (1900...2200).contains(year) else {
                return english ? "'\(key)' must be a year such as 2025" : "'\(key)' moet een jaartal zijn, zoals 2025"
            }
            metadata.year = year
        default:
            let text = known.hasSuffix(".0") ? String(known.dropLast(2)) : known
            guard let providers = Int(text), providers > 0 else {
                return english ? "'\(key)' must be a whole number above 0" : "'\(key)' moet een geheel getal boven 0 zijn"
            }
            metadata.providers = providers
        }
        return nil
    }
}
