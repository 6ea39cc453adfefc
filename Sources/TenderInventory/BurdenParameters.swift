import TenderLint

/// The two corpus-wide assumptions of the Standaardkostenmodel arithmetic (docs/burden.md):
/// the hourly tariff and the number of providers a tender affects.
///
/// cost per year = hours per occurrence × occurrences per year × providers × tariff.
/// The first two factors come from each rule; these two are parameters.
public struct BurdenParameters: Hashable, Sendable, Codable {
    /// Euro per hour (default `BurdenDefaults.tariff`, an assumption to verify).
    public var tariff: Double
    /// Where the tariff comes from and its year, as the analyst stated them (`--tariff-source`,
    /// `--tariff-year`); nil: not stated (for the default tariff: the Handboek, unverified).
    public var tariffSource: String?
    public var tariffYear: Int?
    /// Providers affected by a tender whose metadata does not say (default
    /// `BurdenDefaults.providersPerTender`, an assumption).
    public var providersPerTender: Int

    /// Parameters with the documented defaults unless given.
    public init(tariff: Double = BurdenDefaults.tariff, tariffSource: String? = nil, tariffYear: Int? = nil,
                providersPerTender: Int = BurdenDefaults.providersPerTender) {
        self.tariff = tariff
        self.tariffSource = tariffSource
        self.tariffYear = tariffYear
        self.providersPerTender = providersPerTender
    }

    /// These parameters with the given values replacing the stored ones. A new tariff brings its
    /// own source and year (none when not given); without one, the stored ones stay.
    public func with(tariff: Double?, source: String? = nil, year: Int? = nil, providersPerTender: Int?) -> BurdenParameters {
        var out = self
        if let tariff {
            out.tariff = tariff
            out.tariffSource = source
            out.tariffYear = year
        }
        if let providersPerTender { out.providersPerTender = providersPerTender }
        return out
    }

    /// The tariff as the lint reports know it: the default is the Handboek's unverified € 54.
    public var tariffWithSource: Tariff {
        if tariff == BurdenDefaults.tariff, tariffSource == nil, tariffYear == nil { return .standard }
        return Tariff(eurosPerHour: tariff, source: tariffSource, year: tariffYear)
    }
}
