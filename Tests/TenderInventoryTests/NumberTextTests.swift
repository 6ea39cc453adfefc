import Foundation
import Testing
@testable import TenderInventory

@Suite struct NumberTextTests {
    @Test func dutchAndEnglishNumbers() {
        #expect(NumberText.number(1234567.891, decimals: 2, .nl) == "1.234.567,89")
        #expect(NumberText.number(1234567.891, decimals: 2, .en) == "1,234,567.89")
        #expect(NumberText.number(-0.004, decimals: 2, .nl) == "0,00")
        #expect(NumberText.number(-12.5, decimals: 0, .nl) == "-13")
        #expect(NumberText.euros(18412.4, .nl) == "€ 18.412")
        #expect(NumberText.euros(18412.4, .en) == "€18,412")
    }

    @Test func shortAmountsForCharts() {
        #expect(NumberText.shortEuros(45_300, .nl) == "€ 45.300")
        #expect(NumberText.shortEuros(1_234_000, .nl) == "€ 1,2 mln")
        #expect(NumberText.shortEuros(4_950_200_000, .nl) == "€ 5,0 mld")
        #expect(NumberText.shortEuros(4_950_200_000, .en) == "€5.0bn")
    }

    @Test func timestampsAreUTC() {
        #expect(NumberText.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00 UTC")
    }

    @Test func csvNumbersUseAPoint() {
        #expect(NumberText.plain(1234.5) == "1234.50")
    }
}
