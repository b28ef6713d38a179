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
        #expect(finding.message == "Retreatment 89 days after the last full session for this indication (2026-07-16): not more often "
            + "than every 90 days for glabellar lines with onabotulinumtoxinA.")
        #expect(finding.source.description == "L: Botox Cosmetic prescribing information: dosing more often than every 3 months not evaluated (90 days)")
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
            == ["Retreatment 12 days after the last full session for this indication (2026-07-16): not more often than every 90 days "
                + "for glabellar lines with onabotulinumtoxinA."])
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

    // MARK: Interval by indication and ingredient

    func retreatment(concern: String, day: Int, earlierConcern: String? = nil, product: String = "botox") -> [SafetyFinding] {
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(20)), concern: earlierConcern ?? concern,
                                product: F.product(product))
        let next = F.session("next", day: F.day0.adding(days: day), points: F.points(totalling: Units(20)), concern: concern,
                             product: F.product(product))
        return F.findings(SafetyRule.retreatment, next, history: [earlier])
    }

    @Test func migraineOnDay84IsSilentAndDay83Fires() throws {
        #expect(retreatment(concern: "Chronic migraine", day: 84).isEmpty)
        let finding = try #require(retreatment(concern: "Chronic migraine", day: 83).first)
        #expect(finding.message.hasSuffix("not more often than every 84 days for chronic migraine with onabotulinumtoxinA."))
        #expect(finding.source.description == "L: Botox prescribing information, chronic migraine: retreatment every 12 weeks (84 days)")
    }

    @Test func sialorrheaWithXeominIsSixteenWeeks() throws {
        let finding = try #require(retreatment(concern: "Sialorrhea", day: 111, product: "xeomin").first)
        #expect(finding.message.hasSuffix("every 112 days for chronic sialorrhea with incobotulinumtoxinA."))
        #expect(finding.source.text.contains("Xeomin"))
        #expect(retreatment(concern: "Sialorrhea", day: 112, product: "xeomin").isEmpty)
        #expect(retreatment(concern: "chronic SIALORRHOEA", day: 100, product: "xeomin").count == 1)
    }

    @Test func aFigureReadForXeominIsNotAppliedToBotox() throws {
        // Botox has no sialorrhea interval on file: the general Botox interval stands in, and says so.
        let finding = try #require(retreatment(concern: "Sialorrhea", day: 89).first)
        #expect(finding.message.hasSuffix("with onabotulinumtoxinA (no figure for this indication: the general interval)."))
        #expect(!finding.source.text.contains("Xeomin"))
        #expect(retreatment(concern: "Sialorrhea", day: 100).isEmpty)
    }

    @Test func aDysportRetreatmentCitesDysportNotBotox() throws {
        let finding = try #require(retreatment(concern: "Glabellar lines", day: 60, product: "dysport").first)
        #expect(finding.source.text.contains("Dysport"))
        #expect(!finding.source.text.contains("Botox"))
    }

    @Test func dystoniaUsesTwelveWeeks() throws {
        #expect(retreatment(concern: "Cervical dystonia", day: 84).isEmpty)
        let finding = try #require(retreatment(concern: "Cervical Dystonia", day: 83).first)
        #expect(finding.message.hasSuffix("every 84 days for cervical dystonia with onabotulinumtoxinA."))
        #expect(finding.source.grades == [.label, .paper])
        #expect(finding.note == nil)
    }

    @Test func otherIndicationsKeepNinetyDays() {
        #expect(retreatment(concern: "Masseter hypertrophy", day: 89).count == 1)
        #expect(retreatment(concern: "Masseter hypertrophy", day: 90).isEmpty)
    }

    @Test func crowsFeetAMonthAfterMigraineIsNotAnEarlyRetreatment() throws {
        // Another indication: its interval is for retreating migraine; the cumulative limit is what applies.
        #expect(retreatment(concern: "Lateral canthal lines", day: 30, earlierConcern: "Chronic migraine").isEmpty)
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(155)), concern: "Chronic migraine")
        let next = F.session("next", day: F.day0.adding(days: 30), points: F.points(totalling: Units(24)), concern: "Lateral canthal lines")
        let finding = try #require(F.findings(SafetyRule.otherIndication, next, history: [earlier]).first)
        #expect(finding.severity == .caution)
        #expect(finding.message.hasPrefix("Chronic migraine was treated 30 days earlier (2026-07-16) with onabotulinumtoxinA: its 84-day interval"))
        #expect(finding.source.text.contains("chronic migraine"))
        #expect(F.findings(SafetyRule.otherIndication, F.session("late", day: F.day0.adding(days: 84), points: F.points(totalling: Units(24)),
                                                                   concern: "Lateral canthal lines"), history: [earlier]).isEmpty)
    }

    @Test func anotherToxinWithinAboutFourMonthsWarns() throws {
        let dysport = F.session("earlier", day: F.day0, points: F.points(totalling: Units(50)), product: F.product("dysport"))
        let botox = F.session("next", day: F.day0.adding(days: 100), points: F.points(totalling: Units(20)))
        let finding = try #require(F.findings(SafetyRule.otherToxin, botox, history: [dysport]).first)
        #expect(finding.severity == .warning)
        #expect(finding.message.hasPrefix("abobotulinumtoxinA (dysport) was given 100 days earlier (2026-07-16); this session uses onabotulinumtoxinA"))
        #expect(finding.source.grades == [.label, .web])
        let later = F.session("later", day: F.day0.adding(days: 120), points: F.points(totalling: Units(20)))
        #expect(F.findings(SafetyRule.otherToxin, later, history: [dysport]).isEmpty)
        // The same ingredient under another brand is not another toxin.
        let cosmetic = F.session("c", day: F.day0.adding(days: 100), points: F.points(totalling: Units(20)), product: F.product("botox-cosmetic"))
        #expect(F.findings(SafetyRule.otherToxin, cosmetic, history: [F.session("b", day: F.day0, points: F.points(totalling: Units(20)))]).isEmpty)
    }

    @Test func aConcernResolvesToTheFirstIndicationOfItsKind() {
        let catalogue = F.rules.indications
        #expect(catalogue.key(forConcern: "Masseter hypertrophy / bruxism", kind: .aesthetic) == "masseter-hypertrophy")
        #expect(catalogue.key(forConcern: "Masseter hypertrophy / bruxism", kind: .medical) == "bruxism")
        #expect(catalogue.key(forConcern: "Benign essential blepharospasm (focal dystonia)", kind: .medical) == "blepharospasm")
        #expect(catalogue.key(forConcern: "Something new", kind: .medical) == "other-medical")
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
