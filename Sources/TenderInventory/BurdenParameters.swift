import TenderLint

/// The two corpus-wide assumptions of the Standaardkostenmodel arithmetic (docs/burden.md):
/// the hourly tariff and the number of providers a tender affects.
///
/// cost per year = hours per occurrence × occurrences per year × providers × tariff.
/// The first two factors come from each rule; these two are parameters.
public struct BurdenParameters: Hashable, Sendable, Codable {
    /// Euro per hour (default `BurdenDefaults.tariff`, an assumption to verify).
    public var tariff: Double
    /// Providers affected by a tender whose metadata does not say (default
    /// `BurdenDefaults.providersPerTender`, an assumption).
    public var providersPerTender: Int

    /// Parameters with the documented defaults unless given.
    public init(tariff: Double = BurdenDefaults.tariff, providersPerTender: Int = BurdenDefaults.providersPerTender) {
        self.tariff = tariff
        self.providersPerTender = providersPerTender
    }

    /// These parameters with the given values replacing the stored ones.
    public func with(tariff: Double?, providersPerTender: Int?) -> BurdenParameters {
        BurdenParameters(tariff: tariff ?? self.tariff, providersPerTender: providersPerTender ?? self.providersPerTender)
    }
}
