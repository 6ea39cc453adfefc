import Foundation
import TenderRules

/// Numbers as a Dutch or English reader writes them: `1.234,5` and `€ 1.235` in Dutch,
/// `1,234.5` and `€1,235` in English. Rounds half away from zero.
enum NumberText {
    static func number(_ value: Double, decimals: Int = 0, _ language: Language) -> String {
        let scale = pow(10, Double(decimals))
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = Int(rounded.rounded(.towardZero))
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = (language == .nl ? "." : ",") + String(digits.suffix(3)) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = (value < 0 && rounded > 0 ? "-" : "") + digits + grouped
        guard decimals > 0 else { return grouped }
        let fraction = String(Int(((rounded - Double(whole)) * scale).rounded()))
        return grouped + (language == .nl ? "," : ".") + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    static func euros(_ value: Double, _ language: Language) -> String {
        (language == .nl ? "€ " : "€") + number(value, decimals: 0, language)
    }

    static func hours(_ value: Double, _ language: Language) -> String {
        number(value, decimals: value >= 100 ? 0 : 1, language)
    }

    /// A short form for chart labels: `€ 3,1 mld`, `€ 1,2 mln`, `€ 45.300`.
    static func shortEuros(_ value: Double, _ language: Language) -> String {
        if abs(value) >= 1_000_000_000 {
            return (language == .nl ? "€ " : "€") + number(value / 1_000_000_000, decimals: 1, language) + (language == .nl ? " mld" : "bn")
        }
        if abs(value) >= 1_000_000 {
            return (language == .nl ? "€ " : "€") + number(value / 1_000_000, decimals: 1, language) + (language == .nl ? " mln" : "m")
        }
        return euros(value, language)
    }

    /// A machine-readable decimal for CSV: `1234.57`.
    static func plain(_ value: Double, decimals: Int = 2) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// A UTC timestamp, `2026-11-23 16:46 UTC`: the same bytes on every machine.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ n: Int?) -> String { let s = String(n ?? 0); return s.count < 2 ? "0" + s : s }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) UTC"
    }
}
