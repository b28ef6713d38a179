import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

/// The review asks the scales of the treatment's indication, on any view, and asks before an early review.
@Suite struct ReviewScalesTests {
    let views: [ViewKind: FaceView] = {
        var views: [ViewKind: FaceView] = [:]
        for kind in ViewKind.allCases { views[kind] = try! BundledAssets.faceView(kind) }
        return views
    }()

    func environment(views: [ViewKind: FaceView]? = nil) -> ScreenEnvironment { TestEnvironment.make(views: views ?? self.views) }

    /// A treatment from a bundled pattern, `daysAgo` days before the test clock.
    func treatment(_ pattern: String, concern: String, kind: Indication.Kind = .medical, daysAgo: Int) -> Session {
        let day = CalendarDate(TestEnvironment.now, timeZone: TimeZone(identifier: "UTC")!).adding(days: -daysAgo)
        var next = 0
        let points = try! BundledAssets.patternLibrary().pattern(pattern)!.points {
            next += 1
            return RecordID("pt\(next)")!
        }
        let indication = Indication(kind: kind, concern: concern, key: TestEnvironment.rules.indications.key(forConcern: concern, kind: kind))
        return OutcomeFixtures.session("treated", on: day, indication: indication, points: points)
    }

    func screen(_ session: Session, review: Review? = nil, environment: ScreenEnvironment) -> ReviewScreen {
        ReviewScreen(patient: SampleRecords.patient(), original: session, review: review, topUp: nil, views: views, environment: environment)
    }

    @discardableResult
    func send(_ keys: [Key], to screen: inout ReviewScreen, environment: ScreenEnvironment) -> [Effect] {
        keys.flatMap { screen.update(.key($0), environment: environment).effects }
    }

    func typing(_ text: String) -> [Key] { text.map { Key.character($0) } }

    @Test func aDystoniaReviewAsksTwstrsOnThePosteriorView() {
        let environment = environment()
        var review = screen(treatment("cervical-dystonia-established", concern: "Cervical dystonia", daysAgo: 42), environment: environment)
        #expect(review.view == .posterior, "the view with most of the treatment's points")
        #expect(review.rows.map(\.title) == ["TWSTRS", "Tsui"])
        #expect(review.plan.dueDay == 42 && review.focus == .outcomes)
        let effects = send(typing("12") + typing("8") + typing("6"), to: &review, environment: environment)
        #expect(effects.count == 3)
        #expect(review.review.scores.values(of: "twstrs") == ["severity": 12, "disability": 8, "pain": 6])
        #expect(review.message?.text == "TWSTRS pain: 6 · tot 26")
        var canvas = Canvas(width: 100, height: 30)
        review.render(into: &canvas, environment: environment)
        #expect(canvas.text.contains("TWSTRS            sev 12 dis 8 pain 6 tot 26"))
        #expect(canvas.text.contains("Posterior view, units given:"))
        #expect(canvas.text.contains("Splenius capitis R 25+25  L 25+25"))
        #expect(canvas.lines[1...21].contains { $0.hasPrefix("            _.-~~~~~~~~~~~-._") }, "the posterior drawing")
        #expect(canvas.lines[5].hasPrefix(" L "), "seen from behind")
    }

    @Test func vSwitchesToEveryViewWithTheUnitsOfItsPoints() {
        let environment = environment()
        var review = screen(treatment("cervical-dystonia-established", concern: "Cervical dystonia", daysAgo: 42), environment: environment)
        send([.character("v")], to: &review, environment: environment)
        #expect(review.view == .axilla)
        #expect(review.message?.text == "Axilla view: 0 treated points.")
        send([.character("v")], to: &review, environment: environment)
        #expect(review.view == .anterior)
        #expect(review.message?.text == "Anterior view: 4 treated points.")
        var canvas = Canvas(width: 100, height: 30)
        review.render(into: &canvas, environment: environment)
        #expect(canvas.text.contains("SCM              R 12.5+12.5  L 12.5+12.5"))
    }

    @Test func multiDigitScoresWaitForMoreDigitsOrEnter() {
        let environment = environment()
        var review = screen(treatment("chronic-migraine-preempt", concern: "Chronic migraine", daysAgo: 84), environment: environment)
        #expect(review.rows.map(\.title) == ["Headache days", "HIT-6", "MIDAS"])
        #expect(send(typing("2"), to: &review, environment: environment).isEmpty, "2 could still become 20-29")
        #expect(review.entry == "2")
        #expect(send(typing("0"), to: &review, environment: environment).count == 1)
        #expect(review.column == 1, "the next item comes up")
        #expect(send(typing("3"), to: &review, environment: environment).isEmpty)
        #expect(send([.enter], to: &review, environment: environment).count == 1)
        #expect(review.review.scores.values(of: "headache-days") == ["baseline": 20, "current": 3])
        #expect(review.row == 1, "past the row's last item, the next row")
        send(typing("62"), to: &review, environment: environment)
        #expect(review.message?.text == "HIT-6 HIT-6 total (six items, each 6, 8, 10, 11 or 13): 62 (severe impact)")
        #expect(send(typing("27") + [.escape], to: &review, environment: environment).isEmpty, "Esc drops what was typed")
        #expect(review.review.scores.values(of: "midas").isEmpty && review.focus == .outcomes)
        #expect(send(typing("-"), to: &review, environment: environment).isEmpty)
        #expect(review.message?.kind == .error && review.entry.isEmpty, "MIDAS has no negative values")
        #expect(send(typing("28"), to: &review, environment: environment).count == 1, "280 would be out of range: 28 is kept at once")
    }

    @Test func modifiedAshworthIsScoredPerMuscleByItsGrades() {
        let environment = environment()
        var review = screen(treatment("cervical-dystonia-established", concern: "Spasticity", daysAgo: 42), environment: environment)
        #expect(review.rows.map(\.title) == ["SCM", "Splenius capitis", "Trapezius", "GAS"])
        send(typing("1+"), to: &review, environment: environment)
        #expect(review.review.value(scale: "mas", item: "tone", region: .sternocleidomastoid) == 2)
        send([.tab, .tab] + typing("-1") + typing("+2"), to: &review, environment: environment)
        #expect(review.review.scores.values(of: "gas") == ["goal1": -1, "goal2": 2])
        #expect(review.message?.text.hasSuffix("· T 56.2") == true)
    }

    @Test func aNewReviewBeforeDaySevenAsksFirst() {
        let environment = environment()
        let early = treatment("glabellar-botox-cosmetic", concern: "Glabellar lines", kind: .aesthetic, daysAgo: 3)
        var review = screen(early, environment: environment)
        #expect(review.focus == .confirmingEarlyReview)
        #expect(review.message?.text.hasPrefix("Day 3: this review is due day 14 (10-21)") == true)
        #expect(review.update(.key(.character("n")), environment: environment).navigation == .back)
        review = screen(early, environment: environment)
        send([.character("y")], to: &review, environment: environment)
        #expect(review.focus == .outcomes)
        let existing = Review(patient: RecordID("patient-1")!, session: early.id, createdAt: TestEnvironment.timestamp, clinician: SampleRecords.clinician)
        #expect(screen(early, review: existing, environment: environment).focus == .outcomes, "an existing review opens at once")
        #expect(screen(treatment("glabellar-botox-cosmetic", concern: "Glabellar lines", kind: .aesthetic, daysAgo: 7), environment: environment)
            .focus == .outcomes)
    }

    @Test func aHeadacheDiaryMayBeEnteredAtAnyVisit() {
        let environment = environment()
        let review = screen(treatment("chronic-migraine-preempt", concern: "Chronic migraine", daysAgo: 0), environment: environment)
        #expect(review.focus == .outcomes)
        #expect(review.plan.dueText == "next cycle, day 84 (70-112)")
    }

    @Test func reviewsFallDueByIndication() {
        let environment = environment()
        func isDue(_ pattern: String, _ concern: String, _ kind: Indication.Kind, daysAgo: Int) -> Bool {
            let session = treatment(pattern, concern: concern, kind: kind, daysAgo: daysAgo)
            return !PatientScreen(patient: SampleRecords.patient(), sessions: [session], reviews: [], environment: environment).reviewDue.isEmpty
        }
        #expect(isDue("glabellar-botox-cosmetic", "Glabellar lines", .aesthetic, daysAgo: 14))
        #expect(!isDue("chronic-migraine-preempt", "Chronic migraine", .medical, daysAgo: 14), "migraine is not reviewed at two weeks")
        #expect(isDue("chronic-migraine-preempt", "Chronic migraine", .medical, daysAgo: 84), "but at the next cycle")
        #expect(isDue("cervical-dystonia-established", "Cervical dystonia", .medical, daysAgo: 42))
        #expect(!isDue("cervical-dystonia-established", "Cervical dystonia", .medical, daysAgo: 14))
        #expect(isDue("axillary-hyperhidrosis-botox", "Axillary hyperhidrosis", .medical, daysAgo: 28))
    }

    @Test func sideEffectsCarrySideSeverityOnsetDayAndOtherText() {
        let environment = environment()
        var review = screen(treatment("cervical-dystonia-established", concern: "Cervical dystonia", daysAgo: 42), environment: environment)
        let other = SideEffect.allCases.firstIndex(of: .other)!
        send([.character("e")] + Array(repeating: Key.down, count: other) + [.character(" ")], to: &review, environment: environment)
        guard case .editingSideEffect(let edit) = review.focus, edit.effect == .other else { Issue.record("Other asks what it was"); return }
        #expect(send(typing("sore throat") + [.enter], to: &review, environment: environment).count == 1)
        let neckWeakness = SideEffect.allCases.firstIndex(of: .neckWeakness)!
        let keys = Array(repeating: Key.up, count: other - neckWeakness) + [.character(" "), .character("s"), .character("s"),
                                                                          .character("v"), .character("v"), .character("o")]
        send(keys + typing("5x") + [.enter], to: &review, environment: environment)
        #expect(review.review.sideEffects == [
            ObservedSideEffect(effect: .neckWeakness, side: .left, severity: .moderate, onsetDay: 5),
            ObservedSideEffect(effect: .other, note: "sore throat"),
        ])
        send([.down, .character("s")], to: &review, environment: environment)
        #expect(review.message?.text == "Tick Dry eye first (Space).")
        send([.enter], to: &review, environment: environment)
        var canvas = Canvas(width: 100, height: 30)
        review.render(into: &canvas, environment: environment)
        let sidebar = canvas.lines.map { String($0.dropFirst(42)).trimmingCharacters(in: .whitespaces) }
        let line = sidebar.firstIndex { $0.hasPrefix("Side effects (e):") } ?? 0
        #expect(sidebar[line] + " " + sidebar[line + 1] == "Side effects (e): Neck weakness (L, moderate, from day 5), Other: sore throat",
                "wrapped, never cut")
        #expect(Set(SideEffect.allCases).isSuperset(of: [.neckWeakness, .dryEye, .chewingFatigue, .lipIncompetence, .dysphonia, .breathingDifficulty]))
    }
}
