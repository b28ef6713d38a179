import FaceChartCore
import Foundation
import Testing

@Suite struct SafetyIntervalTests {
    typealias F = SafetyFixture

    let first = F.session("first", day: F.day0, points: F.points(totalling: Units(20)))

    @Test func retreatmentOnDay89Fires() throws {
        let next = F.session("next", day: F.day0.adding(days: 89), points: F.points(totalling: Units(20)))
        let found = F.findings(SafetyRule.retreatment, next, history: [first])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.message == "Retreatment 89 days after the last full session (2026-07-16): the label says not more often than every 90 days.")
        #expect(finding.source.description == "L: Botox label, retreatment not more often than every 3 months (90 days)")
        #expect(finding.note == nil)
    }

    @Test func retreatmentOnDay90IsSilent() {
        let next = F.session("next", day: F.day0.adding(days: 90), points: F.points(totalling: Units(20)))
        #expect(F.findings(SafetyRule.retreatment, next, history: [first]).isEmpty)
    }

    @Test func linkedTopUpOnDay12IsNotARetreatment() {
        let topUp = F.session(
            "topup", day: F.day0.adding(days: 12), points: F.points(totalling: Units(4)),
            link: Session.Link(kind: .topUp, session: first.id))
        #expect(F.findings(SafetyRule.retreatment, topUp, history: [first]).isEmpty)
    }

    @Test func unlinkedSessionOnDay12IsARetreatment() {
        let again = F.session("again", day: F.day0.adding(days: 12), points: F.points(totalling: Units(4)))
        #expect(F.findings(SafetyRule.retreatment, again, history: [first]).map(\.message)
            == ["Retreatment 12 days after the last full session (2026-07-16): the label says not more often than every 90 days."])
    }

    @Test func linkedTopUpOutsideTheReviewWindowIsARetreatment() {
        let late = F.session(
            "late", day: F.day0.adding(days: 30), points: F.points(totalling: Units(4)),
            link: Session.Link(kind: .topUp, session: first.id))
        let found = F.findings(SafetyRule.retreatment, late, history: [first])
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("Top-up 30 days after the session it tops up (2026-07-16), outside the review window (days 10-21)") == true)
    }

    @Test func earlierTopUpsDoNotCountAsTheLastFullSession() {
        let topUp = F.session(
            "topup", day: F.day0.adding(days: 14), points: F.points(totalling: Units(4)),
            link: Session.Link(kind: .topUp, session: first.id))
        let next = F.session("next", day: F.day0.adding(days: 95), points: F.points(totalling: Units(20)))
        #expect(F.findings(SafetyRule.retreatment, next, history: [first, topUp]).isEmpty)
    }

    @Test func emptySessionsAreNotTreatments() {
        let empty = F.session("empty", day: F.day0.adding(days: 50), points: [])
        let next = F.session("next", day: F.day0.adding(days: 95), points: F.points(totalling: Units(20)))
        #expect(F.findings(SafetyRule.retreatment, next, history: [first, empty]).isEmpty)
    }

    @Test func anEmptyDraftTenDaysEarlierIsNotATreatment() {
        let draft = F.session("draft", day: F.day0.adding(days: 90), points: [])
        let next = F.session("next", day: F.day0.adding(days: 100), points: F.points(totalling: Units(20)))
        #expect(!draft.isTreatment)
        #expect(F.findings(SafetyRule.retreatment, next, history: [first, draft]).isEmpty)
        #expect(F.findings(SafetyRule.retreatment, next, history: [draft]).isEmpty)
    }

    @Test func aTreatmentIsANonTopUpWithPoints() {
        let topUp = F.session(
            "topup", day: F.day0.adding(days: 14), points: F.points(totalling: Units(4)),
            link: Session.Link(kind: .topUp, session: first.id))
        let copied = F.session(
            "copied", day: F.day0.adding(days: 90), points: F.points(totalling: Units(20)),
            link: Session.Link(kind: .copiedFrom, session: first.id))
        #expect(first.isTreatment)
        #expect(copied.isTreatment)
        #expect(!topUp.isTreatment)
    }

    @Test func aNewSessionWarnsBeforeItsFirstPoint() {
        let blank = F.session("blank", day: F.day0.adding(days: 45), points: [])
        #expect(F.findings(SafetyRule.retreatment, blank, history: [first]).count == 1)
    }

    @Test func daysAreCountedInTheClinicTimeZone() {
        // 23:30 in Sydney on day 0 is 13:30 UTC the same day; 00:30 Sydney on day 90 is still day 89 in UTC.
        let sydney = TimeZone(identifier: "Australia/Sydney")!
        var early = first
        early.startedAt = F.date(F.day0, hour: 23, minute: 30, timeZone: sydney)
        var next = F.session("next", day: F.day0, points: F.points(totalling: Units(20)))
        next.startedAt = F.date(F.day0.adding(days: 90), hour: 0, minute: 30, timeZone: sydney)
        #expect(F.findings(SafetyRule.retreatment, next, history: [early], timeZone: sydney).isEmpty)
        #expect(F.findings(SafetyRule.retreatment, next, history: [early], timeZone: F.timeZone).count == 1)
    }
}
