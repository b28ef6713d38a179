import FaceChartCore
import Testing

@Suite("Units")
struct UnitsTests {
    @Test(arguments: [("4", 400), ("2.5", 250), ("1.25", 125), (".5", 50), (" 10 ", 1000), ("0", 0), ("3.", 300)])
    func parsesTypedDoses(_ text: String, _ hundredths: Int) {
        #expect(Units(parsing: text) == Units(hundredths: hundredths))
    }

    @Test(arguments: ["", ".", "1.255", "-2", "abc", "1.2.3", "1e2", "100000"])
    func rejectsNonsense(_ text: String) {
        #expect(Units(parsing: text) == nil)
    }

    @Test func formatsWithoutTrailingZeros() {
        #expect(Units(4).description == "4")
        #expect(Units(hundredths: 250).description == "2.5")
        #expect(Units(hundredths: 125).description == "1.25")
        #expect(Units(hundredths: 105).description == "1.05")
        #expect(Units(hundredths: -250).description == "-2.5")
    }

    @Test(arguments: [(124, 100), (125, 150), (126, 150), (174, 150), (175, 200), (480, 500), (0, 0)])
    func roundsToHalfUnits(_ hundredths: Int, _ expected: Int) {
        #expect(Units(hundredths: hundredths).roundedToHalf == Units(hundredths: expected))
    }

    @Test func scalesAndSums() {
        #expect(Units(4).scaled(by: 1.2) == Units(hundredths: 480))
        #expect(Units(4).scaled(by: 1.2).roundedToHalf == Units(5))
        #expect([Units(4), Units(hundredths: 250), Units(1)].total() == Units(hundredths: 750))
        #expect(Units(exactly: 2.5) == Units(hundredths: 250))
        #expect(Units(exactly: 2.555) == nil)
    }
}
