/// What the start of a block says about the contract structure, e.g. `Artikel 12`, `12.3.1`, `b.`.
struct ClauseMarker: Equatable {
    enum Kind: Equatable {
        /// Bijlage, Hoofdstuk, Paragraaf/§, Artikel: a keyword and its number.
        case keyword(String)
        /// A dotted number: `12`, `12.3`, `12.3.1`.
        case dotted([String])
        /// `lid 2`.
        case lid(String)
        /// `a.`, `a)`, `1)`, `(2)`: an item inside the current clause.
        case item(String)
    }
    var kind: Kind
    /// The rest of the first line after the marker (the title when the block is a heading).
    var rest: Substring

    /// Reads the marker at the start of `line`, if any.
    static func parse(_ line: Substring) -> ClauseMarker? {
        var s = line.drop(while: { $0 == " " || $0 == "\t" || $0 == "#" })
        s = s.drop(while: { $0 == " " })
        // Only the start is compared with the keywords (the longest has nine characters).
        let lower = s.prefix(12).lowercased()
        for (keyword, name) in [("hoofdstuk", "Hoofdstuk"), ("bijlage", "Bijlage"), ("paragraaf", "Paragraaf"),
                                ("artikel", "Artikel"), ("art.", "Artikel"), ("§", "Paragraaf")] {
            guard lower.hasPrefix(keyword) else { continue }
            var rest = s.dropFirst(keyword.count)
            let hadSpace = rest.first == " "
            rest = rest.drop(while: { $0 == " " })
            guard hadSpace || keyword.hasSuffix(".") || keyword == "§" else { continue }
            let number = rest.prefix(while: { $0.isNumber || $0 == "." || ($0.isLetter && $0.isLowercase) || $0.isUppercase && keyword == "bijlage" })
            let trimmed = trimNumber(number)
            guard !trimmed.isEmpty, trimmed.first!.isNumber || keyword == "bijlage" else { continue }
            // "Artikel 12a" keeps its letter; "Artikel 4 lid 2" is a lid of article 4.
            var tail = rest.dropFirst(number.count)
            tail = tail.drop(while: { $0 == " " || $0 == ":" || $0 == "-" || $0 == "–" || $0 == "—" || $0 == "." })
            return ClauseMarker(kind: .keyword("\(name) \(trimmed)"), rest: tail)
        }
        if lower.hasPrefix("lid ") {
            let rest = s.dropFirst(4)
            let number = rest.prefix(while: { $0.isNumber })
            if !number.isEmpty {
                let tail = rest.dropFirst(number.count).drop(while: { $0 == " " || $0 == ":" || $0 == "." })
                return ClauseMarker(kind: .lid(String(number)), rest: tail)
            }
        }
        // "(2)" or "(b)"
        if s.first == "(" {
            let inner = s.dropFirst().prefix(while: { $0.isNumber || ($0.isLetter && $0.isLowercase) })
            if !inner.isEmpty, inner.count <= 3, s.dropFirst(1 + inner.count).first == ")" {
                return ClauseMarker(kind: .item(String(inner)), rest: s.dropFirst(2 + inner.count).drop(while: { $0 == " " }))
            }
        }
        // Dotted numbers "12", "12.3", "12.3.1" followed by ".", ")" or a space.
        if let first = s.first, first.isNumber {
            let number = s.prefix(while: { $0.isNumber || $0 == "." })
            let after = s.dropFirst(number.count)
            let trimmed = trimNumber(number)
            let parts = trimmed.split(separator: ".").map(String.init)
            guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 }), parts.count <= 5 else { return nil }
            if after.first == ")" {
                return ClauseMarker(kind: .item(trimmed), rest: after.dropFirst().drop(while: { $0 == " " }))
            }
            // A lone integer needs a dot ("3. Eisen"); "2026 wordt" or "45 dagen" is running text.
            if parts.count == 1 && !number.hasSuffix(".") { return nil }
            guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
            // "30. dagen" does not occur; "1.500 euro" does: a thousands group is not a clause number.
            if parts.count == 2, parts[1].count == 3, !number.hasSuffix(".") { return nil }
            return ClauseMarker(kind: .dotted(parts), rest: after.drop(while: { $0 == " " || $0 == "\t" }))
        }
        // "a." or "a)" followed by a space: a lettered item.
        if let first = s.first, first.isLetter, first.isLowercase {
            let second = s.dropFirst().first
            if second == "." || second == ")", s.dropFirst(2).first == " " {
                return ClauseMarker(kind: .item(String(first)), rest: s.dropFirst(3))
            }
        }
        return nil
    }

    private static func trimNumber(_ s: Substring) -> String {
        var t = s
        while t.last == "." { t = t.dropLast() }
        return String(t)
    }
}
