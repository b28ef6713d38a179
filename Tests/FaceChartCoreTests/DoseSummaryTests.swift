import FaceChartCore
import Testing

@Suite("DoseSummary and Dilution")
struct DoseSummaryTests {
    func point(_ region: Region, _ side: Side, _ units: Units) -> InjectionPoint {
        InjectionPoint(
            id: RecordID.random(), view: .anterior, position: FacePoint(x: 0.5, y: 0.5), region: region, side: side,
            units: units, depth: .intramuscular)
    }

    @Test func totalsPerRegionSideAndAsymmetry() {
        let points = [
            point(.procerus, .midline, Units(4)),
            point(.corrugator, .right, Units(4)), point(.corrugator, .right, Units(4)),
            point(.corrugator, .left, Units(4)),
            point(.frontalis, .left, Units(hundredths: 250)),
        ]
        let summary = DoseSummary(points: points)
        #expect(summary.total == Units(hundredths: 1850))
        #expect(summary.right == Units(8))
        #expect(summary.left == Units(hundredths: 650))
        #expect(summary.midline == Units(4))
        #expect(summary.asymmetry == Units(hundredths: 150))
        #expect(summary.pointCount == 5)
        #expect(summary.regions.map(\.region) == [.frontalis, .procerus, .corrugator])
        #expect(summary.units(in: .corrugator) == Units(12))
        #expect(summary.units(in: .masseter) == .zero)
        let corrugator = summary.regions.first { $0.region == .corrugator }
        #expect(corrugator?.points == 3)
        #expect(corrugator?.right == Units(8) && corrugator?.left == Units(4))
    }

    @Test func botox100In2point5MillilitresIs4UnitsPerTenth() {
        let dilution = Dilution(vialUnits: Units(100), diluentHundredthsML: 250)
        #expect(dilution.unitsPerTenthML == 4)
        #expect(abs(dilution.millilitres(for: Units(4)) - 0.1) < 1e-9)
        #expect(abs(dilution.syringeMarks(for: Units(4)) - 10) < 1e-9)
    }

    /// Every row of the reconstitution table in clinical reference: vial units, mL added, units per 0.1 mL.
    @Test(arguments: [
        (100, 100, 10.0), (100, 200, 5.0), (100, 250, 4.0), (100, 400, 2.5), (100, 800, 1.25),
        (50, 125, 4.0),
        (300, 150, 20.0), (300, 250, 12.0),
        (500, 100, 50.0), (500, 250, 20.0), (500, 500, 10.0),
        (100, 200, 5.0),
        (100, 250, 4.0),
    ])
    func reconstitutionTable(_ vial: Int, _ hundredthsML: Int, _ perTenth: Double) {
        let dilution = Dilution(vialUnits: Units(vial), diluentHundredthsML: hundredthsML)
        #expect(abs(dilution.unitsPerTenthML - perTenth) < 1e-9)
        #expect(abs(dilution.millilitres(for: Units(exactly: perTenth)!) - 0.1) < 1e-9)
    }

    @Test func zeroDiluentIsNotADivisionByZero() {
        #expect(Dilution(vialUnits: Units(100), diluentHundredthsML: 0).unitsPerTenthML == 0)
        #expect(Dilution(vialUnits: .zero, diluentHundredthsML: 250).millilitres(for: Units(4)) == 0)
    }
}
