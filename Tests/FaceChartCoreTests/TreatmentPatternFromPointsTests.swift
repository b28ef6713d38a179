import FaceChartCore
import FaceChartTestSupport
import Testing

@Suite struct TreatmentPatternFromPointsTests {
    @Test func aPatternFromPointsTotalsItsSites() {
        let points = SampleRecords.session(points: 12).points
        let pattern = TreatmentPattern.fromPoints(
            points, key: "mine", name: "Mine", indication: Indication(kind: .medical, concern: "Migraine"), product: "botox")
        #expect(pattern.siteCount == 12)
        #expect(pattern.sites.count == 12)
        #expect(pattern.totalUnits == points.map(\.units).total())
        #expect(pattern.sitesTotal == pattern.totalUnits)
        #expect(pattern.products == ["botox"])
        #expect(pattern.grade == .unconfirmed)
        #expect(pattern.source.reference == "saved by the user")
        #expect(pattern.problem == nil)
        #expect(pattern.sites[0].note == "note 0")
        #expect(pattern.sites[1].note == nil)
        let reapplied = pattern.points { RecordID("x")! }
        #expect(reapplied.map(\.units) == points.map(\.units))
        #expect(reapplied.map(\.position) == points.map(\.position))
    }
}
