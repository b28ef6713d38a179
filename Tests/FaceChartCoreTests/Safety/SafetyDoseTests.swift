import FaceChartCore
import Foundation
import Testing

@Suite struct SafetyDoseTests {
    typealias F = SafetyFixture

    // MARK: Cumulative 90 days

    func cumulative(sessionUnits: Units, earlierUnits: Units = Units(300), daysEarlier: Int = 100) -> [SafetyFinding] {
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: earlierUnits))
        let now = F.session("now", day: F.day0.adding(days: daysEarlier), points: F.points(totalling: sessionUnits))
        // The earlier session is `daysEarlier` days back; 60 days back it is inside the 90-day window.
        return F.findings(SafetyRule.cumulative, now, history: [earlier])
    }

    @Test func cumulative400IsSilent() {
        #expect(cumulative(sessionUnits: Units(100), daysEarlier: 60).isEmpty)
    }

    @Test func cumulative400Point5Fires() throws {
        let found = cumulative(sessionUnits: Units(hundredths: 10_050), daysEarlier: 60)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .warning)
        #expect(finding.message == "400.5 U of onabotulinumtoxinA (botox) within 90 days (from 2026-07-16 to 2026-09-14; this session 100.5 U): "
            + "the label allows at most 400 U in any 3-month interval.")
        #expect(finding.source.description == "L: Botox label, 400 U in any 3-month interval")
    }

    @Test func sessionsDay89ApartShareAWindowButDay90ApartDoNot() {
        #expect(cumulative(sessionUnits: Units(101), daysEarlier: 89).count == 1)
        #expect(cumulative(sessionUnits: Units(101), daysEarlier: 90).isEmpty)
    }

    @Test func laterSessionsInTheHistoryCountToo() {
        // Charting an older session after a later one: the window containing both is checked.
        let later = F.session("later", day: F.day0.adding(days: 40), points: F.points(totalling: Units(300)))
        let now = F.session("now", day: F.day0, points: F.points(totalling: Units(101)))
        #expect(F.findings(SafetyRule.cumulative, now, history: [later]).count == 1)
    }

    @Test func unitsOfDifferentIngredientsAreNotAdded() {
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(300)), product: F.product("dysport"))
        let now = F.session("now", day: F.day0.adding(days: 30), points: F.points(totalling: Units(101)))
        #expect(F.findings(SafetyRule.cumulative, now, history: [earlier]).isEmpty)
    }

    @Test func botoxAndBotoxCosmeticAreAddedAsOneIngredient() throws {
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(300)))
        let now = F.session(
            "now", day: F.day0.adding(days: 60), points: F.points(totalling: Units(150)), product: F.product("botox-cosmetic"))
        let found = F.findings(SafetyRule.cumulative, now, history: [earlier])
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.message == "450 U of onabotulinumtoxinA (botox, botox-cosmetic) within 90 days "
            + "(from 2026-07-16 to 2026-09-14; this session 150 U): the label allows at most 400 U in any 3-month interval.")
    }

    @Test func pointsFromAnotherVialCountUnderTheirOwnIngredient() {
        // A Dysport session with 150 U drawn from a Botox Cosmetic vial, 60 days after 300 U of Botox.
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(300)))
        let cosmetic = F.product("botox-cosmetic", lot: "C1", id: "v2")
        let now = F.session("now", day: F.day0.adding(days: 60), points: [
            F.point("a", units: Units(40), product: cosmetic), F.point("b", units: Units(40), product: cosmetic),
            F.point("c", units: Units(40), product: cosmetic), F.point("d", units: Units(30), product: cosmetic),
        ], product: F.product("dysport"), otherVials: [cosmetic])
        #expect(F.findings(SafetyRule.cumulative, now, history: [earlier]).map(\.rule) == [SafetyRule.cumulative])
    }

    @Test(arguments: ["dysport", "daxxify", "xeomin"])
    func the400UnitBotoxCapIsNotAppliedToOtherToxins(product: String) {
        // Dysport 500 U in 60 days: its units are on another scale; no other figure is borrowed.
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(250)), product: F.product(product))
        let now = F.session(
            "now", day: F.day0.adding(days: 60), points: F.points(totalling: Units(250)), product: F.product(product))
        #expect(F.findings(SafetyRule.cumulative, now, history: [earlier]).isEmpty)
    }

    @Test func withoutALookupEachKeyIsItsOwnIngredient() {
        // The default `activeIngredient` is the key itself: only a key spelled onabotulinumtoxinA gets the cap.
        func check(_ key: String) -> [SafetyFinding] {
            let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(300)), product: F.product(key))
            let now = F.session("now", day: F.day0.adding(days: 60), points: F.points(totalling: Units(150)), product: F.product(key))
            return SafetyChecker.findings(
                for: now, patient: F.patient(), history: [earlier], views: F.views(), reconstitutionLifetimeHours: nil,
                now: now.startedAt.date, timeZone: F.timeZone
            ).filter { $0.rule == SafetyRule.cumulative }
        }
        #expect(check("botox").isEmpty)
        let named = check("onabotulinumtoxinA")
        #expect(named.count == 1)
        #expect(named.allSatisfy { $0.message.hasPrefix("450 U of onabotulinumtoxinA within 90 days") })
    }

    // MARK: Blepharospasm 30 days

    func blepharospasm(sessionUnits: Units, concern: String = "Blepharospasm") -> [SafetyFinding] {
        let earlier = F.session(
            "earlier", day: F.day0, points: F.points(totalling: Units(100), region: .orbicularisOculiPretarsal),
            concern: concern)
        let now = F.session(
            "now", day: F.day0.adding(days: 29), points: F.points(totalling: sessionUnits, region: .orbicularisOculiPretarsal),
            concern: concern)
        return F.findings(SafetyRule.blepharospasm, now, history: [earlier])
    }

    @Test func blepharospasm200IsSilent() {
        #expect(blepharospasm(sessionUnits: Units(100)).isEmpty)
    }

    @Test func blepharospasm200Point5Fires() throws {
        let finding = try #require(blepharospasm(sessionUnits: Units(hundredths: 10_050), concern: "Benign essential BLEPHAROSPASM").first)
        #expect(finding.severity == .warning)
        #expect(finding.message == "200.5 U of onabotulinumtoxinA (botox) for blepharospasm within 30 days (from 2026-07-16 to 2026-08-14; "
            + "this session 100.5 U): the label allows at most 200 U per 30 days.")
    }

    @Test func blepharospasmCapIsForOnabotulinumtoxinAOnly() {
        let xeomin = F.product("xeomin")
        let earlier = F.session(
            "earlier", day: F.day0, points: F.points(totalling: Units(150), region: .orbicularisOculiPretarsal),
            concern: "Blepharospasm", product: xeomin)
        let now = F.session(
            "now", day: F.day0.adding(days: 20), points: F.points(totalling: Units(100), region: .orbicularisOculiPretarsal),
            concern: "Blepharospasm", product: xeomin)
        #expect(F.findings(SafetyRule.blepharospasm, now, history: [earlier]).isEmpty)
    }

    @Test func blepharospasmCapDoesNotApplyToOtherConcerns() {
        #expect(blepharospasm(sessionUnits: Units(hundredths: 10_050), concern: "Hemifacial spasm").isEmpty)
    }

    // MARK: SCM per session

    @Test(arguments: [(Units(100), 0), (Units(hundredths: 10_050), 1)])
    func sternocleidomastoid(total: Units, expected: Int) {
        let session = F.session("neck", day: F.day0, points: F.points(totalling: total, region: .sternocleidomastoid))
        let found = F.findings(SafetyRule.sternocleidomastoid, session)
        #expect(found.count == expected)
        #expect(found.allSatisfy { $0.severity == .warning && $0.message.contains("dysphagia") })
    }

    // MARK: Per site

    @Test func site50IsSilent() {
        let session = F.session("s", day: F.day0, points: [F.point("big", units: Units(50), region: .masseter, side: .right)])
        #expect(F.findings(SafetyRule.siteMaximum, session).isEmpty)
    }

    @Test func site50Point5FiresOnThatPoint() throws {
        let session = F.session("s", day: F.day0, points: [
            F.point("small", units: Units(4)),
            F.point("big", units: Units(hundredths: 5_050), region: .masseter, side: .right),
        ])
        let found = F.findings(SafetyRule.siteMaximum, session)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.point == RecordID("big"))
        #expect(finding.message == "50.5 U at one site (Masseter, R): the label allows at most 50 U per site.")
    }
}
