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

    /// A vial mixed at 08:00 the day before a session that started at 07:00 on day 0, checked `age` after mixing
    /// while the session is being charted (the check runs on the session's own day).
    func vial(age: TimeInterval, product: String = "botox") -> [SafetyFinding] {
        let mixed = F.date(F.day0.adding(days: -1), hour: 8)
        var session = F.session("s", day: F.day0, points: F.points(totalling: Units(20)), product: F.product(product, reconstitutedAt: mixed))
        session.startedAt = F.date(F.day0, hour: 7)
        return F.findings(SafetyRule.vialLifetime, session, now: mixed.date.addingTimeInterval(age))
    }

    @Test func vialExactlyAtItsLifetimeIsFine() {
        #expect(vial(age: 24 * 3_600).isEmpty)
    }

    @Test func vialOneSecondPastItsLifetimeWarns() throws {
        let finding = try #require(vial(age: 24 * 3_600 + 1).first)
        #expect(finding.severity == .warning)
        #expect(finding.message == "Vial of botox lot LOT1 reconstituted 2026-07-15 08:00, 24 h 0 min 1 s before 2026-07-16 08:00: "
            + "use within 24 h of reconstitution.")
    }

    @Test func aProductWithoutALifetimeOnFileSkipsTheVialCheck() {
        #expect(vial(age: 30 * 3_600, product: "unknown-toxin").isEmpty)
    }

    @Test func daxxifyLifetimeIsHonoured() {
        #expect(vial(age: 30 * 3_600, product: "daxxify").isEmpty)
    }

    @Test func aSignedSessionFromLastMonthIsMeasuredAtItsSigningNotToday() throws {
        let mixed = F.date(F.day0, hour: 8)
        var session = F.session("s", day: F.day0, points: F.points(totalling: Units(20)), product: F.product(reconstitutedAt: mixed))
        session = try session.signed(by: F.clinician, at: F.date(F.day0, hour: 11), meaning: "author")
        let monthLater = F.date(F.day0.adding(days: 30), hour: 9).date
        #expect(F.findings(SafetyRule.vialLifetime, session, now: monthLater).isEmpty)
        #expect(SafetyChecker.checkTime(for: session, now: monthLater, timeZone: F.timeZone) == F.date(F.day0, hour: 11).date)
    }

    @Test func anOlderDraftIsMeasuredAtItsStart() throws {
        let mixed = F.date(F.day0.adding(days: -2), hour: 8)
        let session = F.session("s", day: F.day0, points: F.points(totalling: Units(20)), product: F.product(reconstitutedAt: mixed))
        let finding = try #require(F.findings(SafetyRule.vialLifetime, session, now: F.date(F.day0.adding(days: 10)).date).first)
        #expect(finding.message.contains("50 h 0 min 0 s before the session's start"))
    }

    @Test func aVialMixedMonthsAgoIsSaidInDays() throws {
        let mixed = F.date(F.day0.adding(days: -40), hour: 8)
        let session = F.session("s", day: F.day0, points: F.points(totalling: Units(20)), product: F.product(reconstitutedAt: mixed))
        let finding = try #require(F.findings(SafetyRule.vialLifetime, session, now: F.date(F.day0, hour: 10).date).first)
        #expect(finding.message.contains("40 days before"))
    }
}
