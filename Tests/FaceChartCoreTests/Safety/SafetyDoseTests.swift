import FaceChartCore
import Foundation
import Testing

@Suite struct SafetyDoseTests {
    typealias F = SafetyFixture

    // MARK: Cumulative 90 days

    func cumulative(sessionUnits: Units, earlierUnits: Units = Units(300), daysEarlier: Int = 100) -> [SafetyFinding] {
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: earlierUnits))
        let now = F.session("now", day: F.day0.adding(days: daysEarlier), points: F.points(totalling: sessionUnits))
        return F.findings(SafetyRule.cumulative, now, history: [earlier])
    }

    @Test func cumulative400IsSilent() {
        #expect(cumulative(sessionUnits: Units(100), daysEarlier: 60).isEmpty)
    }

    @Test func cumulative400Point5BlocksWithTheBotoxLabel() throws {
        let found = cumulative(sessionUnits: Units(hundredths: 10_050), daysEarlier: 60)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.severity == .block)
        #expect(finding.message == "400.5 U of onabotulinumtoxinA (botox) within 90 days (from 2026-07-16 to 2026-09-14; this session 100.5 U): "
            + "the Botox label allows at most 400 U in any 3-month interval, all indications together.")
        #expect(finding.source.gradeText == "L")
        #expect(finding.source.text.contains("Botox"))
    }

    @Test func sessionsDay89ApartShareAWindowButDay90ApartDoNot() {
        #expect(cumulative(sessionUnits: Units(101), daysEarlier: 89).count == 1)
        #expect(cumulative(sessionUnits: Units(101), daysEarlier: 90).isEmpty)
    }

    @Test func laterSessionsInTheHistoryCountToo() {
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
        let finding = try #require(F.findings(SafetyRule.cumulative, now, history: [earlier]).first)
        #expect(finding.message.hasPrefix("450 U of onabotulinumtoxinA (botox, botox-cosmetic) within 90 days"))
    }

    @Test func pointsFromAnotherVialCountUnderTheirOwnIngredient() {
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(300)))
        let cosmetic = F.product("botox-cosmetic", lot: "C1", id: "v2")
        let now = F.session("now", day: F.day0.adding(days: 60), points: [
            F.point("a", units: Units(40), product: cosmetic), F.point("b", units: Units(40), product: cosmetic),
            F.point("c", units: Units(40), product: cosmetic), F.point("d", units: Units(30), product: cosmetic),
        ], product: F.product("dysport"), otherVials: [cosmetic])
        #expect(F.findings(SafetyRule.cumulative, now, history: [earlier]).map(\.rule) == [SafetyRule.cumulative])
    }

    @Test(arguments: ["dysport", "daxxify", "xeomin", "jeuveau", "letybo"])
    func the400UnitBotoxCapIsNotAppliedToOtherToxins(product: String) {
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(250)), product: F.product(product))
        let now = F.session(
            "now", day: F.day0.adding(days: 60), points: F.points(totalling: Units(250)), product: F.product(product))
        #expect(F.findings(SafetyRule.cumulative, now, history: [earlier]).isEmpty)
    }

    @Test func aProductTheCatalogueDoesNotKnowGetsNoOtherProductsFigure() {
        let earlier = F.session("earlier", day: F.day0, points: F.points(totalling: Units(300)), product: F.product("unknown-toxin"))
        let now = F.session(
            "now", day: F.day0.adding(days: 60), points: F.points(totalling: Units(150)), product: F.product("unknown-toxin"))
        let found = F.check(now, history: [earlier])
        #expect(!found.contains { $0.rule == SafetyRule.cumulative || $0.rule == SafetyRule.siteMaximum })
    }

    // MARK: Blepharospasm 30 days

    func blepharospasm(sessionUnits: Units, concern: String = "Blepharospasm") -> [SafetyFinding] {
        let earlier = F.session(
            "earlier", day: F.day0, points: F.points(totalling: Units(100), region: .orbicularisOculiPretarsal, each: Units(5)),
            concern: concern)
        let now = F.session(
            "now", day: F.day0.adding(days: 29),
            points: F.points(totalling: sessionUnits, region: .orbicularisOculiPretarsal, prefix: "n", each: Units(5)), concern: concern)
        return F.findings(SafetyRule.blepharospasm, now, history: [earlier])
    }

    @Test func blepharospasm200IsSilent() {
        #expect(blepharospasm(sessionUnits: Units(100)).isEmpty)
    }

    @Test func blepharospasm200Point5Blocks() throws {
        let finding = try #require(blepharospasm(sessionUnits: Units(hundredths: 10_050), concern: "Benign essential BLEPHAROSPASM").first)
        #expect(finding.severity == .block)
        #expect(finding.message == "200.5 U of onabotulinumtoxinA (botox) within 30 days (from 2026-07-16 to 2026-08-14; "
            + "this session 100.5 U): the Botox label allows at most 200 U for blepharospasm in any 30 days.")
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

    @Test(arguments: [(Units(100), 0), (Units(hundredths: 10_050), 1), (Units(210), 1)])
    func sternocleidomastoid(total: Units, expected: Int) {
        let session = F.session("neck", day: F.day0, points: F.points(totalling: total, region: .sternocleidomastoid), concern: "Cervical dystonia")
        let found = F.findings(SafetyRule.sternocleidomastoid, session)
        #expect(found.count == expected)
        #expect(found.allSatisfy { $0.severity == .block && $0.message.contains("dysphagia") })
    }

    @Test func dysportSCMIsJudgedPerSideByItsOwnPaper() {
        let dysport = F.product("dysport")
        let session = F.session("neck", day: F.day0, points: F.points(totalling: Units(160), region: .sternocleidomastoid, side: .right),
                                concern: "Cervical dystonia", product: dysport)
        #expect(F.findings(SafetyRule.sternocleidomastoid, session).isEmpty)
        let side = F.findings("scm.side", session)
        #expect(side.count == 1)
        #expect(side.first?.source.grades == [.paper])
        #expect(side.first?.message.hasPrefix("160 U of abobotulinumtoxinA into the SCM on the R side") == true)
    }

    // MARK: Per site

    @Test func site50IsSilent() {
        let session = F.session("s", day: F.day0, points: [F.point("big", units: Units(50), region: .trapezius, side: .right)])
        #expect(F.findings(SafetyRule.siteMaximum, session).isEmpty)
    }

    @Test func site60BlocksOnThatPointWithTheBotoxLabel() throws {
        let session = F.session("s", day: F.day0, points: [
            F.point("small", units: Units(4)),
            F.point("big", units: Units(60), region: .trapezius, side: .right),
        ])
        let found = F.findings(SafetyRule.siteMaximum, session)
        let finding = try #require(found.first)
        #expect(found.count == 1)
        #expect(finding.point == RecordID("big"))
        #expect(finding.severity == .block)
        #expect(finding.message == "60 U of onabotulinumtoxinA at one site (Trapezius, R): the Botox label allows at most 50 U per site.")
    }

    @Test func aDysportSiteIsNeverJudgedByTheBotoxFigure() {
        // 60 U of Dysport at one site: the Botox 50 U figure must not be quoted.
        let session = F.session("s", day: F.day0, points: [F.point("big", units: Units(60), region: .trapezius, side: .right)],
                                product: F.product("dysport", vialUnits: Units(500), diluentHundredthsML: 250))
        let found = F.check(session)
        #expect(F.findings(SafetyRule.siteMaximum, session).isEmpty)
        #expect(!found.contains { $0.message.contains("50 U per site") || $0.source.text.contains("Botox") })
    }

    @Test func dysportVolumeAboveOneMillilitrePerSiteBlocks() throws {
        // 300 U vial in 1.5 mL: 20 U per 0.1 mL, so 220 U is 1.1 mL.
        let vial = F.product("dysport", vialUnits: Units(300), diluentHundredthsML: 150)
        let session = F.session("s", day: F.day0, points: [F.point("big", units: Units(220), region: .trapezius, side: .right)],
                                concern: "Spasticity", product: vial)
        let finding = try #require(F.findings("site.volume", session).first)
        #expect(finding.severity == .block)
        #expect(finding.message.hasPrefix("1.1 mL at one site (220 U at 20 U per 0.1 mL, Trapezius, R)"))
        #expect(F.findings("site.volume", F.session("t", day: F.day0, points: [F.point("ok", units: Units(200), region: .trapezius, side: .right)],
                                                       concern: "Spasticity", product: vial)).isEmpty)
    }

    @Test func aFaceSiteAboveTwoTenthsOfAMillilitreIsFlaggedForEveryProduct() throws {
        // 40 U at 4 U per 0.1 mL is 1.00 mL at one glabellar site.
        let session = F.session("s", day: F.day0, points: [F.point("a", units: Units(40), region: .procerus)],
                                product: F.product("botox-cosmetic", vialUnits: Units(100), diluentHundredthsML: 250))
        let finding = try #require(F.findings("site.faceVolume", session).first)
        #expect(finding.message.hasPrefix("1 mL at one site (40 U at 4 U per 0.1 mL, Procerus, M)"))
        #expect(finding.source.grades == [.label, .unconfirmed])
        #expect(finding.note == "typical range, clinician's judgement")
    }

    // MARK: Per session

    @Test func xeominAbove400UnitsInOneSessionBlocks() throws {
        let session = F.session("s", day: F.day0, points: F.points(totalling: Units(410), region: .trapezius), concern: "Spasticity",
                                product: F.product("xeomin"))
        let finding = try #require(F.findings(SafetyRule.sessionMaximum, session).first)
        #expect(finding.severity == .block)
        #expect(finding.message == "410 U of incobotulinumtoxinA this session: the Xeomin label allows at most 400 U per treatment "
            + "session, for any indication.")
        #expect(F.findings(SafetyRule.sessionMaximum, F.session("t", day: F.day0, points: F.points(totalling: Units(400), region: .trapezius),
                                                                concern: "Spasticity", product: F.product("xeomin"))).isEmpty)
    }

    @Test func dysportAbove1500UnitsInOneSessionBlocks() {
        let vial = F.product("dysport", vialUnits: Units(5_000), diluentHundredthsML: 250)
        let session = F.session("s", day: F.day0, points: F.points(totalling: Units(1_510), region: .trapezius, each: Units(100)),
                                concern: "Spasticity", product: vial)
        #expect(F.findings(SafetyRule.sessionMaximum, session).map(\.severity) == [.block])
    }
}
