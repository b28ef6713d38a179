import FaceChartCore
import Testing

@Suite struct SafetySourceTests {
    @Test(arguments: [
        ("L: Botox label", [Grade.label], "Botox label", false),
        ("P/W: forehead, upper two-thirds only", [.paper, .web], "forehead, upper two-thirds only", true),
        ("?: mentalis", [.unconfirmed], "mentalis", true),
        ("test drawing", [.unconfirmed], "test drawing", true),
        ("note: not a grade", [.unconfirmed], "note: not a grade", true),
    ])
    func parsesGradePrefixes(text: String, grades: [Grade], body: String, judgement: Bool) {
        let source = SafetySource(parsing: text)
        #expect(source.grades == grades)
        #expect(source.text == body)
        #expect(source.needsJudgement == judgement)
        #expect(source.note == (judgement ? "typical range, clinician's judgement" : nil))
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
