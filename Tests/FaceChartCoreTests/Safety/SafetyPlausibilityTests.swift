import FaceChartCore
import Foundation
import Testing

/// Doses that are possible but unlikely to be meant, each a finding with its source.
@Suite struct SafetyPlausibilityTests {
    typealias F = SafetyFixture

    /// A Botox Cosmetic vial as set up by default: 100 U in 2.5 mL.
    let cosmetic = F.product("botox-cosmetic", vialUnits: Units(100), diluentHundredthsML: 250)

    @Test func fortyUnitsAtEachOfTwoGlabellarPointsIsFlaggedThreeWays() throws {
        let session = F.session("s", day: F.day0, points: [
            F.point("a", units: Units(40), region: .corrugator, side: .right),
            F.point("b", units: Units(40), region: .corrugator, side: .left),
        ], product: cosmetic)
        let found = F.check(session)
        let region = try #require(found.first { $0.rule == SafetyRule.regionDose })
        #expect(region.message == "80 U of onabotulinumtoxinA in the glabella this session: more than 2 x the label dose of 20 U.")
        #expect(region.source.gradeText == "L/?")
        #expect(found.filter { $0.rule == "site.faceVolume" }.count == 2, "1.00 mL at each site")
        #expect(found.filter { $0.rule == "site.face" }.count == 2)
    }

    @Test func theLabelGlabellarDoseIsQuiet() {
        let session = F.session("s", day: F.day0, points: F.points(totalling: Units(20), region: .procerus, each: Units(4)), product: cosmetic)
        let found = F.check(session)
        #expect(!found.contains { [SafetyRule.regionDose, "site.faceVolume", "site.face", SafetyRule.vialTotal].contains($0.rule) })
    }

    @Test func eachIngredientIsJudgedByItsOwnLabelDose() {
        // 50 U of Dysport in the glabella is its label dose; 101 U is above twice it.
        let dysport = F.product("dysport", vialUnits: Units(300), diluentHundredthsML: 250)
        let label = F.session("s", day: F.day0, points: F.points(totalling: Units(50), region: .procerus, each: Units(10)), product: dysport)
        #expect(F.findings(SafetyRule.regionDose, label).isEmpty)
        let high = F.session("t", day: F.day0, points: F.points(totalling: Units(101), region: .procerus, each: Units(10)), product: dysport)
        #expect(F.findings(SafetyRule.regionDose, high).first?.message.contains("the label dose of 50 U") == true)
    }

    @Test func theAxillaeAreJudgedByTheLabelDosePerAxilla() {
        func session(perAxilla: Units) -> Session {
            F.session("s", day: F.day0, points: F.points(
                totalling: perAxilla, region: .axilla, prefix: "r", each: Units(5), side: .right)
                + F.points(totalling: perAxilla, region: .axilla, prefix: "l", each: Units(5), side: .left),
                concern: "Axillary hyperhidrosis")
        }
        #expect(F.findings(SafetyRule.regionDose, session(perAxilla: Units(50))).isEmpty)
        #expect(F.findings(SafetyRule.regionDose, session(perAxilla: Units(110))).first?.message
            == "220 U of onabotulinumtoxinA in the axillae this session: more than 2 x the label dose of 100 U.")
    }

    @Test func twentyUnitsInOnePretarsalEyelidSiteIsFlagged() throws {
        let session = F.session("s", day: F.day0, points: [F.point("lid", units: Units(20), region: .orbicularisOculiPretarsal, side: .right)],
                                concern: "Blepharospasm")
        let finding = try #require(F.findings("site.eyelid", session).first)
        #expect(finding.message == "20 U of onabotulinumtoxinA at one site (Orb. oculi (pretarsal), R): the Botox label finds little "
            + "benefit above 5 U per eyelid site.")
        #expect(finding.source.gradeText == "L")
        #expect(F.findings("site.eyelid", F.session("t", day: F.day0, points: [
            F.point("lid", units: Units(5), region: .orbicularisOculiPretarsal, side: .right),
        ], concern: "Blepharospasm")).isEmpty)
    }

    @Test func aLipSiteAboveItsSmallCapIsFlagged() {
        let session = F.session("s", day: F.day0, points: [F.point("lip", units: Units(3), region: .orbicularisOris, side: .right)],
                                concern: "Perioral lines")
        #expect(F.findings("site.lip", session).map(\.source.gradeText) == ["P/?"])
    }

    @Test func grossAsymmetryNotAskedForIsFlaggedUntilARecordedReason() throws {
        let session = F.session("s", day: F.day0, points: [
            F.point("r", units: Units(hundredths: 750), region: .orbicularisOculiLateral, side: .right),
            F.point("l", units: Units(25), region: .orbicularisOculiLateral, side: .left),
        ], concern: "Lateral canthal lines")
        let finding = try #require(F.findings(SafetyRule.asymmetry, session).first)
        #expect(finding.message.hasPrefix("Orb. oculi (lateral): R 7.5 U vs L 25 U of onabotulinumtoxinA, more than 2 x apart"))
        #expect(finding.note == "typical range, clinician's judgement")
        let asked = try session.overriding(rule: SafetyRule.asymmetry, reason: "left side stronger on animation", at: F.date(F.day0), by: F.clinician)
        let after = F.findings(SafetyRule.asymmetry, asked)
        #expect(after.count == 1 && after.allSatisfy { $0.isOverridden })
    }

    @Test func asymmetryIsNotFlaggedWhereTheIndicationIsAsymmetric() {
        let session = F.session("s", day: F.day0, points: [
            F.point("r", units: Units(10), region: .sternocleidomastoid, side: .right),
            F.point("l", units: Units(50), region: .sternocleidomastoid, side: .left),
        ], concern: "Cervical dystonia")
        #expect(F.findings(SafetyRule.asymmetry, session).isEmpty)
    }

    @Test func preemptOnOneHundredUnitVialIsMoreThanItHolds() throws {
        let vial = F.product("botox", vialUnits: Units(100), diluentHundredthsML: 200)
        let session = F.session("s", day: F.day0, points: F.points(totalling: Units(155), region: .temporalis, each: Units(5)),
                                concern: "Chronic migraine", product: vial)
        let finding = try #require(F.findings(SafetyRule.vialTotal, session).first)
        #expect(finding.message == "155 U charted from one 100 U vial of botox (lot LOT1): more than it holds; record the other vials "
            + "the doses came from.")
        // A second vial recorded on the points drawn from it makes it whole.
        var split = session
        let second = F.product("botox", lot: "LOT2", id: "v2", vialUnits: Units(100), diluentHundredthsML: 200)
        split.vials.append(second)
        for index in split.points.indices.suffix(11) { split.points[index].vial = second.id }
        #expect(F.findings(SafetyRule.vialTotal, split).isEmpty)
    }
}

/// The patient's facts: age from the date of birth, toxin-naive patients, both SCMs.
@Suite struct SafetyPatientTests {
    typealias F = SafetyFixture

    @Test func dysportGlabellarAtSixtyFiveIsOutsideItsLabel() throws {
        let born = CalendarDate(year: 1961, month: 7, day: 16)!
        let session = F.session("s", day: F.day0, points: F.points(totalling: Units(50), region: .procerus, each: Units(10)),
                                product: F.product("dysport"))
        let finding = try #require(F.findings(SafetyRule.age, session, patient: F.patient(born: born)).first)
        #expect(finding.message == "Age 65 on 2026-07-16, abobotulinumtoxinA: the Dysport label covers glabellar lines in adults under 65.")
        #expect(finding.severity == .warning)
        let younger = CalendarDate(year: 1961, month: 7, day: 17)!
        #expect(F.findings(SafetyRule.age, session, patient: F.patient(born: younger)).isEmpty)
        // The same patient with Botox Cosmetic: no Dysport figure applies.
        let botox = F.session("b", day: F.day0, points: F.points(totalling: Units(20), region: .procerus, each: Units(4)))
        #expect(F.findings(SafetyRule.age, botox, patient: F.patient(born: born)).isEmpty)
    }

    @Test func letyboFromSeventyFiveIsContraindicatedBySmPC() {
        let session = F.session("s", day: F.day0, points: F.points(totalling: Units(20), region: .procerus, each: Units(4)),
                                product: F.product("letybo"))
        let found = F.findings(SafetyRule.age, session, patient: F.patient(born: CalendarDate(year: 1950, month: 1, day: 1)))
        #expect(found.map(\.severity) == [.block])
    }

    @Test func aestheticUseUnderEighteenIsWarned() {
        let session = F.session("s", day: F.day0, points: F.points(totalling: Units(20), region: .procerus, each: Units(4)))
        let found = F.findings(SafetyRule.age, session, patient: F.patient(born: CalendarDate(year: 2010, month: 1, day: 1)))
        #expect(found.first?.message.contains("aesthetic use is labelled for adults only") == true)
    }

    func dystonia(history: [Session] = []) -> [SafetyFinding] {
        var points = F.points(totalling: Units(50), region: .sternocleidomastoid, prefix: "r", each: Units(hundredths: 1_250), side: .right)
        points += F.points(totalling: Units(50), region: .sternocleidomastoid, prefix: "l", each: Units(hundredths: 1_250), side: .left)
        points += F.points(totalling: Units(130), region: .trapezius, prefix: "t", each: Units(20), side: .right)
        let session = F.session("cd", day: F.day0, points: points, concern: "Cervical dystonia")
        return F.check(session, history: history)
    }

    @Test func theReferenceMapOnAToxinNaivePatientIsWarned() throws {
        let naive = try #require(dystonia().first { $0.rule == SafetyRule.naiveStart })
        #expect(naive.message.hasPrefix("Toxin-naive patient (no earlier session) given 230 U of onabotulinumtoxinA"))
        #expect(naive.source.gradeText == "L/?")
        let earlier = F.session("before", day: F.day0.adding(days: -100), points: F.points(totalling: Units(200), region: .trapezius),
                                concern: "Cervical dystonia")
        #expect(!dystonia(history: [earlier]).contains { $0.rule == SafetyRule.naiveStart })
    }

    @Test func bothSternocleidomastoidsInOneSessionAreWarned() throws {
        let finding = try #require(dystonia().first { $0.rule == SafetyRule.bilateralSternocleidomastoid })
        #expect(finding.message.hasPrefix("Both sides of the SCM injected (R 50 U, L 50 U of onabotulinumtoxinA)"))
        #expect(finding.severity == .warning)
    }
}
