import Foundation
import TenderRules

/// Number formatting shared by the human-readable reporters (Dutch: 1.234,5).
public enum Formatting {
    public static func hours(_ value: Double, _ language: Language) -> String {
        number(value, decimals: 1, language)
    }

    public static func euros(_ value: Double, _ language: Language) -> String {
        "€ " + number(value, decimals: 0, language)
    }

    public static func number(_ value: Double, decimals: Int, _ language: Language) -> String {
        let rounded = (value * pow(10, Double(decimals))).rounded() / pow(10, Double(decimals))
        let whole = Int(rounded.rounded(.towardZero))
        var digits = String(abs(whole))
        var grouped = ""
        while digits.count > 3 {
            grouped = (language == .nl ? "." : ",") + String(digits.suffix(3)) + grouped
            digits = String(digits.dropLast(3))
        }
        grouped = (whole < 0 ? "-" : "") + digits + grouped
        guard decimals > 0 else { return grouped }
        let fraction = Int((abs(rounded - Double(whole)) * pow(10, Double(decimals))).rounded())
        let f = String(fraction)
        return grouped + (language == .nl ? "," : ".") + String(repeating: "0", count: decimals - f.count) + f
    }
}
