/// An amount with its unit, read from normalised text: `45 dagen`, `dertig (30) dagen`,
/// `€ 1.500.000,-`, `1,5 miljoen euro`, `200%`, `drie keer`.
public struct Quantity: Hashable, Sendable {
    public enum Dimension: String, Hashable, Sendable, Codable {
        /// Time, in days (a week is 7, a month 30, a year 365, an hour 1/24).
        case duration
        /// Money, in euro.
        case money
        case percent
        /// A count of times (`drie keer`).
        case count
    }

    /// The UTF-8 range of the amount and its unit in the normalised text.
    public var range: Range<Int>
    public var dimension: Dimension
    /// The value in the dimension's base unit (days, euro, percent, times).
    public var value: Double

    public init(range: Range<Int>, dimension: Dimension, value: Double) {
        self.range = range
        self.dimension = dimension
        self.value = value
    }

    /// The dimension and the factor to its base unit for a unit word, or nil.
    public static func unit(_ word: String) -> (Dimension, Double)? {
        switch word {
        case "dag", "dagen", "kalenderdag", "kalenderdagen": return (.duration, 1)
        // Five working days make a calendar week: 30 werkdagen is 42 calendar days.
        case "werkdag", "werkdagen": return (.duration, 7.0 / 5.0)
        case "week", "weken": return (.duration, 7)
        case "maand", "maanden": return (.duration, 30)
        case "jaar", "jaren": return (.duration, 365)
        case "uur", "uren": return (.duration, 1.0 / 24)
        case "%", "procent", "pct": return (.percent, 1)
        case "euro", "eur", "€": return (.money, 1)
        case "keer", "maal", "x": return (.count, 1)
        default: return nil
        }
    }
}
