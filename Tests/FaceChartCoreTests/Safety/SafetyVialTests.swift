import FaceChartCore
import Foundation
import Testing

@Suite struct SafetyVialTests {
    typealias F = SafetyFixture

    func session(expiry: CalendarDate?) -> Session {
        F.session("s", day: F.day0, points: F.points(totalling: Units(20)), product: F.product(expiry: expiry))
    }

    @Test func lotExpiredYesterdayBlocks() throws {
        let found = F.findings(SafetyRule.lotExpired, session(expiry: F.day0.adding(days: -1)))
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .block)
        #expect(finding.isBlocking)
        #expect(finding.message == "Lot LOT1 (botox) expired on 2026-07-15, before this session (2026-07-16): use an unexpired vial.")
    }

    @Test func lotExpiringTodayIsFine() {
        #expect(F.findings(SafetyRule.lotExpired, session(expiry: F.day0)).isEmpty)
    }

    @Test func anOverrideDoesNotLiftAnExpiredLot() {
        var expired = session(expiry: F.day0.adding(days: -1))
        expired.overrides = [Session.Override(rule: SafetyRule.lotExpired, reason: "edited file", at: F.date(F.day0), by: F.clinician)]
        let found = F.check(expired)
        #expect(SafetyChecker.blocking(found).map(\.rule) == [SafetyRule.lotExpired])
    }

    @Test func aPointsOwnExpiredVialIsReportedOnThatPoint() {
        let old = F.product(expiry: F.day0.adding(days: -10), lot: "OLD", id: "v2")
        let session = F.session(
            "s", day: F.day0, points: [F.point("a", units: Units(4)), F.point("b", units: Units(4), product: old)],
            otherVials: [old])
        let found = F.findings(SafetyRule.lotExpired, session)
        #expect(found.map(\.point) == [RecordID("b")])
    }

    func vial(age: TimeInterval, lifetimeHours: Int? = 24) -> [SafetyFinding] {
        let mixed = F.date(F.day0, hour: 8)
        let session = F.session("s", day: F.day0, points: F.points(totalling: Units(20)), product: F.product(reconstitutedAt: mixed))
        return F.findings(SafetyRule.vialLifetime, session, lifetimeHours: lifetimeHours, now: mixed.date.addingTimeInterval(age))
    }

    @Test func vialExactlyAtItsLifetimeIsFine() {
        #expect(vial(age: 24 * 3_600).isEmpty)
    }

    @Test func vialOneSecondPastItsLifetimeWarns() throws {
        let finding = try #require(vial(age: 24 * 3_600 + 1).first)
        #expect(finding.severity == .warning)
        #expect(finding.message == "Vial of botox lot LOT1 reconstituted 2026-07-16 08:00, 24 h 0 min 1 s ago: use within 24 h of reconstitution.")
    }

    @Test func noLifetimeSkipsTheVialCheck() {
        #expect(vial(age: 100 * 3_600, lifetimeHours: nil).isEmpty)
    }

    @Test func daxxifyLifetimeIsHonoured() {
        #expect(vial(age: 48 * 3_600, lifetimeHours: 72).isEmpty)
        #expect(vial(age: 72 * 3_600 + 1, lifetimeHours: 72).count == 1)
    }
}
