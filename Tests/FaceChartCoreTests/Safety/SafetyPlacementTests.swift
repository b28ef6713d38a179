import FaceChartCore
import Foundation
import Testing

@Suite struct SafetyPlacementTests {
    typealias F = SafetyFixture

    func session(column: Int, row: Int) -> Session {
        F.session("s", day: F.day0, points: [F.point("pt", units: Units(4), position: F.view().position(column: column, row: row))])
    }

    @Test func pointInADangerZoneWarns() throws {
        let found = F.check(session(column: 1, row: 1)).filter { $0.rule == SafetyRule.placementDanger }
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.point == RecordID("pt"))
        #expect(finding.message.hasSuffix(DangerZone.lowerForehead.warning + "."))
        #expect(finding.source.grades == [.paper, .web])
        #expect(finding.source.text == "forehead, upper two-thirds only")
        #expect(finding.note == "typical range, clinician's judgement")
    }

    @Test func pointOneCellAboveTheDangerZoneIsSilent() {
        #expect(F.check(session(column: 1, row: 0)).isEmpty)
    }

    @Test func pointWithNoMuscleUnderItWarns() throws {
        let found = F.check(session(column: 2, row: 2))
        let finding = try #require(found.first)
        #expect(found.map(\.rule) == [SafetyRule.placementNoInjection])
        #expect(finding.message == "4 U at Anterior row 3, column 3: no muscle is charted under this cell, no injection here.")
        #expect(finding.point == RecordID("pt"))
    }

    @Test func pointOneCellBesideTheEyeIsSilent() {
        #expect(F.check(session(column: 0, row: 2)).isEmpty)
    }

    @Test func missingDrawingIsReportedAsUnchecked() {
        let found = F.check(session(column: 2, row: 2), views: [:])
        #expect(found.map(\.rule) == [SafetyRule.placementUnchecked])
        #expect(found.allSatisfy { $0.severity == .caution })
    }
}
