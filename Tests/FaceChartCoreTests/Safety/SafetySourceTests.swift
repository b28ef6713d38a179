import FaceChartCore
import Testing

@Suite struct SafetySourceTests {
    @Test(arguments: [
        (DangerZone.supraorbitalRim, [Grade.label], false),
        (.lowerForehead, [.paper, .web], true),
        (.mouthCorner, [.paper], false),
        (.medialLowerLid, [.label], false),
    ])
    func dangerZonesCarryTheirGrades(zone: DangerZone, grades: [Grade], judgement: Bool) {
        let source = zone.source
        #expect(source.grades == grades)
        #expect(source.description == "\(source.gradeText): \(source.text)")
        #expect(source.needsJudgement == judgement)
        #expect(source.note == (judgement ? "typical range, clinician's judgement" : nil))
    }

    @Test func aSourceWithoutGradesIsUnconfirmed() {
        let source = SafetySource(text: "test drawing")
        #expect(source.grades == [.unconfirmed])
        #expect(source.gradeText == "?")
        #expect(source.needsJudgement)
    }

    @Test func limitsCarryLabelSources() {
        #expect(SafetyLimits.cumulativeUnits.value == Units(400))
        #expect(SafetyLimits.retreatmentDays.value == Timeline.retreatmentDays)
        #expect(SafetyLimits.cumulativeUnits.source.description == "L: Botox label, 400 U in any 3-month interval")
        #expect(SafetyLimits.topUpReviewWindow.source.note == "typical range, clinician's judgement")
    }

    @Test func botoxLabelDoseCapsBelongToOnabotulinumtoxinA() {
        #expect(SafetyLimits.cumulativeUnits.ingredient == "onabotulinumtoxinA")
        #expect(SafetyLimits.cumulativeWindowDays.ingredient == "onabotulinumtoxinA")
        #expect(SafetyLimits.blepharospasmUnits.ingredient == "onabotulinumtoxinA")
        #expect(SafetyLimits.blepharospasmWindowDays.ingredient == "onabotulinumtoxinA")
        #expect(SafetyLimits.cumulativeUnits.applies(to: "onabotulinumtoxinA"))
        #expect(!SafetyLimits.cumulativeUnits.applies(to: "abobotulinumtoxinA"))
        #expect(SafetyLimits.unitsPerSite.applies(to: "abobotulinumtoxinA"))
    }
}
