/// Finds quantities in normalised text in one pass.
public enum QuantityScanner {
    /// Every quantity in `bytes` (normalised text), in order. `tokens` are the tokens of the same text.
    public static func quantities(in bytes: [UInt8], tokens: [Token]) -> [Quantity] {
        var result: [Quantity] = []
        var t = 0
        while t < tokens.count {
            if let (q, next) = quantity(at: t, bytes: bytes, tokens: tokens) {
                result.append(q)
                t = next
            } else if tokens[t].isNumber, let (_, next, _) = numeral(at: t, bytes: bytes, tokens: tokens), next > t + 1 {
                // A numeral of several tokens ("1.500.000", "1,5") without a unit: no token inside
                // it starts a quantity either (the same unit test would follow), and trying each
                // made a long run of digit groups quadratic.
                t = next
            } else {
                t += 1
            }
        }
        return result
    }

    /// Reads a quantity starting at token `t`; returns it and the index of the token after it.
    static func quantity(at t: Int, bytes: [UInt8], tokens: [Token]) -> (Quantity, Int)? {
        let token = tokens[t]
        var start = token.range.lowerBound
        var euroBefore = false
        // "€ 200", "€200", "eur 200", "euro 200"
        if token.isNumber {
            var p = start - 1
            while p >= 0, bytes[p] == 0x20 { p -= 1 }
            if p >= 2, bytes[p - 2] == 0xE2, bytes[p - 1] == 0x82, bytes[p] == 0xAC { euroBefore = true; start = p - 2 }
            else if t > 0, tokens[t - 1].text == "eur" || tokens[t - 1].text == "euro", tokens[t - 1].range.upperBound >= start - 1 {
                euroBefore = true; start = tokens[t - 1].range.lowerBound
            }
        }

        var value: Double
        var next: Int
        var end: Int
        if token.isNumber {
            guard let (v, n, e) = numeral(at: t, bytes: bytes, tokens: tokens) else { return nil }
            value = v; next = n; end = e
        } else if let times = NumberWords.multiplier(of: token.text) {
            // "driemaal", "een drievoudige": a count on its own.
            return (Quantity(range: start..<token.range.upperBound, dimension: .count, value: Double(times)), t + 1)
        } else if token.text == "anderhalf" || token.text == "half" {
            // "anderhalf jaar", "een half jaar": a fraction before a unit.
            let v = token.text == "half" ? 0.5 : 1.5
            guard t + 1 < tokens.count, let (dimension, factor) = Quantity.unit(tokens[t + 1].text), dimension == .duration else { return nil }
            if token.text == "half", t > 0, tokens[t - 1].text == "een" { start = tokens[t - 1].range.lowerBound }
            return (Quantity(range: start..<tokens[t + 1].range.upperBound, dimension: .duration, value: v * factor), t + 2)
        } else if let v = NumberWords.value(of: token.text) {
            value = Double(v); next = t + 1; end = token.range.upperBound
            // "dertig (30) dagen": the digits in brackets repeat the word.
            if next < tokens.count, tokens[next].isNumber, let open = gap(bytes, end, tokens[next].range.lowerBound), open == "(" {
                if let (v2, n2, e2) = numeral(at: next, bytes: bytes, tokens: tokens) {
                    value = v2; next = n2; end = e2
                    if end < bytes.count, bytes[end] == UInt8(ascii: ")") { end += 1 }
                }
            }
        } else {
            return nil
        }

        // Multipliers: "1,5 miljoen", "200 duizend", "2 mln".
        if next < tokens.count, isAdjacent(bytes, end, tokens[next]) {
            switch tokens[next].text {
            case "miljoen", "mln", "mio": value *= 1_000_000; end = tokens[next].range.upperBound; next += 1
            case "duizend": value *= 1000; end = tokens[next].range.upperBound; next += 1
            case "miljard": value *= 1_000_000_000; end = tokens[next].range.upperBound; next += 1
            default: break
            }
        }
        // A percent sign right after the number.
        var p = end
        while p < bytes.count, bytes[p] == 0x20 { p += 1 }
        if p < bytes.count, bytes[p] == UInt8(ascii: "%") {
            return (Quantity(range: start..<(p + 1), dimension: .percent, value: value), next)
        }
        if euroBefore {
            return (Quantity(range: start..<end, dimension: .money, value: value), next)
        }
        if next < tokens.count, isAdjacent(bytes, end, tokens[next]), let (dimension, factor) = Quantity.unit(tokens[next].text) {
            let unitEnd = tokens[next].range.upperBound
            return (Quantity(range: start..<unitEnd, dimension: dimension, value: value * factor), next + 1)
        }
        return nil
    }

    /// Digits with Dutch separators starting at token `t`: `1.500.000,-`, `1,5`, `45`.
    static func numeral(at t: Int, bytes: [UInt8], tokens: [Token]) -> (Double, Int, Int)? {
        var digits = tokens[t].text
        var next = t + 1
        var end = tokens[t].range.upperBound
        var decimals: String?
        // Thousands groups: ".500.000"
        while next < tokens.count, tokens[next].isNumber, tokens[next].text.count == 3,
              tokens[next].range.lowerBound == end + 1, bytes[end] == UInt8(ascii: ".") {
            digits += tokens[next].text
            end = tokens[next].range.upperBound
            next += 1
        }
        // Decimal comma: ",5"; a trailing ",-" or ",--" means whole euros.
        if end + 1 < bytes.count, bytes[end] == UInt8(ascii: ",") {
            if next < tokens.count, tokens[next].isNumber, tokens[next].range.lowerBound == end + 1 {
                decimals = tokens[next].text
                end = tokens[next].range.upperBound
                next += 1
            } else if bytes[end + 1] == UInt8(ascii: "-") {
                end += 2
                while end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
            }
        } else if decimals == nil, end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."),
                  next < tokens.count, tokens[next].isNumber, tokens[next].range.lowerBound == end + 1,
                  tokens[next].text.count != 3, tokens.count > next + 1, ["miljoen", "mln"].contains(tokens[next + 1].text) {
            // "2.5 miljoen" written the English way.
            decimals = tokens[next].text
            end = tokens[next].range.upperBound
            next += 1
        }
        guard var value = Double(digits) else { return nil }
        if let d = decimals, let f = Double("0." + d) { value += f }
        return (value, next, end)
    }

    private static func isAdjacent(_ bytes: [UInt8], _ end: Int, _ token: Token) -> Bool {
        let between = bytes[end..<token.range.lowerBound]
        return between.count <= 2 && between.allSatisfy { $0 == 0x20 || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ")") }
    }

    private static func gap(_ bytes: [UInt8], _ from: Int, _ to: Int) -> Character? {
        let between = bytes[from..<to].filter { $0 != 0x20 }
        return between.count == 1 ? Character(UnicodeScalar(between[0])) : nil
    }
}
