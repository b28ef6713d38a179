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

    // MARK: Interval by indication

    func retreatment(concern: String, day: Int, earlierConcern: String? = nil) -> [SafetyFinding] {
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(20)), concern: earlierConcern ?? concern)
        let next = F.session("next", day: F.day0.adding(days: day), points: F.points(totalling: Units(20)), concern: concern)
        return F.findings(SafetyRule.retreatment, next, history: [earlier])
    }

    @Test func migraineOnDay84IsSilentAndDay83Fires() throws {
        #expect(retreatment(concern: "Chronic migraine", day: 84).isEmpty)
        let finding = try #require(retreatment(concern: "Chronic migraine", day: 83).first)
        #expect(finding.message == "Retreatment 83 days after the last full session (2026-07-16): the label says not more "
            + "often than every 84 days for migraine.")
        #expect(finding.source.description == "L: Botox label, chronic migraine: retreatment every 12 weeks (84 days)")
    }

    @Test func sialorrheaOnDay111FiresAndDay112IsSilent() throws {
        let finding = try #require(retreatment(concern: "Sialorrhea", day: 111).first)
        #expect(finding.message.hasSuffix("the label says not more often than every 112 days for sialorrhea."))
        #expect(finding.source.gradeText == "L")
        #expect(retreatment(concern: "Sialorrhea", day: 112).isEmpty)
        // British spelling and any case.
        #expect(retreatment(concern: "chronic SIALORRHOEA", day: 100).count == 1)
    }

    @Test func dystoniaUsesTwelveWeeks() throws {
        #expect(retreatment(concern: "Cervical dystonia", day: 84).isEmpty)
        let finding = try #require(retreatment(concern: "Cervical Dystonia", day: 83).first)
        #expect(finding.message.hasSuffix("every 84 days for dystonia."))
        #expect(finding.source.grades == [.label, .paper])
        #expect(finding.note == nil)
    }

    @Test func otherIndicationsKeepNinetyDays() {
        #expect(retreatment(concern: "Masseter hypertrophy", day: 89).count == 1)
        #expect(retreatment(concern: "Masseter hypertrophy", day: 90).isEmpty)
    }

    @Test func theIntervalIsThisSessionsIndications() {
        // A migraine session 85 days after a glabellar session: the migraine interval (84) applies.
        #expect(retreatment(concern: "Chronic migraine", day: 85, earlierConcern: "Glabellar lines").isEmpty)
        // A glabellar session 85 days after a migraine session: 90 days.
        #expect(retreatment(concern: "Glabellar lines", day: 85, earlierConcern: "Chronic migraine").count == 1)
    }

    @Test func severalIndicationsTakeTheLongestInterval() {
        #expect(SafetyLimits.retreatmentInterval(forConcern: "Migraine and sialorrhoea")?.days.value == 112)
        #expect(SafetyLimits.retreatmentInterval(forConcern: "Glabellar lines") == nil)
        #expect(retreatment(concern: "Migraine and sialorrhea", day: 100).count == 1)
    }

    @Test func daysAreCountedOnTheClockThatChartedThemWhereverTheyAreRead() {
        // 23:30 in Sydney on day 0 is 13:30 UTC the same day; 00:30 Sydney on day 90 is still day 89 in UTC.
        // The clinic in Sydney charted them 90 days apart, and that is what every reader must see.
        let sydney = TimeZone(identifier: "Australia/Sydney")!
        var early = first
        early.startedAt = F.date(F.day0, hour: 23, minute: 30, timeZone: sydney)
        var next = F.session("next", day: F.day0, points: F.points(totalling: Units(20)))
        next.startedAt = F.date(F.day0.adding(days: 90), hour: 0, minute: 30, timeZone: sydney)
        #expect(F.findings(SafetyRule.retreatment, next, history: [early], timeZone: sydney).isEmpty)
        #expect(F.findings(SafetyRule.retreatment, next, history: [early], timeZone: F.timeZone).isEmpty)
        // Sessions from format 1 kept no offset: their day is the reader's, as it always was.
        early.startedAt = Timestamp(milliseconds: early.startedAt.milliseconds, utcOffsetSeconds: nil)
        next.startedAt = Timestamp(milliseconds: next.startedAt.milliseconds, utcOffsetSeconds: nil)
        #expect(F.findings(SafetyRule.retreatment, next, history: [early], timeZone: sydney).isEmpty)
        #expect(F.findings(SafetyRule.retreatment, next, history: [early], timeZone: F.timeZone).count == 1)
    }
}
