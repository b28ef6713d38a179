import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct ChartingSafetyAndPatternTests {
    /// A three-site pattern on the sample drawing: procerus (midline) and both corrugators, 4 U each.
    static let pattern: TreatmentPattern = {
        let view = SampleFaceView.anterior()
        func site(_ column: Int, _ region: Region, _ side: Side) -> PatternSite {
            let position = view.position(column: column, row: 1)
            return PatternSite(view: .anterior, x: position.x, y: position.y, region: region, side: side, units: Units(4), depth: .intramuscular)
        }
        return TreatmentPattern(
            key: "mini-glabella", name: "Mini glabella", indication: Indication(kind: .aesthetic, concern: "Glabellar lines"),
            products: ["botox-cosmetic"], totalUnits: Units(12), siteCount: 3,
            source: Source(grade: .label, reference: "test"),
            sites: [site(5, .procerus, .midline), site(3, .corrugator, .right), site(7, .corrugator, .left)])
    }()

    var environment: ScreenEnvironment {
        var environment = TestEnvironment.make()
        environment.patterns = [Self.pattern]
        return environment
    }

    func screen(flags: Set<ClinicalFlag> = []) -> ChartingScreen {
        var patient = SampleRecords.patient()
        patient.flags = flags
        return ChartingScreen(patient: patient, session: SampleRecords.session(points: 0), views: SampleFaceView.views())
    }

    func send(_ keys: [Key], to screen: inout ChartingScreen) -> [Effect] {
        keys.flatMap { screen.update(.key($0), environment: environment).effects }
    }

    @Test func aPatternIsAppliedAsEditablePointsInOneUndoStep() {
        var chart = screen()
        let effects = send([.character("t")] + "mini".map { .character($0) } + [.enter], to: &chart)
        #expect(effects.count == 1)
        #expect(chart.session.points.map(\.units) == [Units(4), Units(4), Units(4)])
        #expect(chart.session.points.map(\.region) == [.procerus, .corrugator, .corrugator])
        _ = send([.character("u")], to: &chart)
        #expect(chart.session.points.isEmpty)
    }

    @Test func oneSideAndAScaleRoundToHalfUnits() {
        var chart = screen()
        _ = send([.character("t"), .tab, .character(">"), .character(">"), .character(">"), .enter], to: &chart)
        #expect(chart.session.points.count == 1)
        #expect(chart.session.points.first?.side == .right)
        #expect(chart.session.points.first?.units == Units(hundredths: 500))
    }

    @Test func aContraindicationBlocksUntilOverriddenWithAReason() {
        var chart = screen(flags: [.siteInfection])
        #expect(send([.enter], to: &chart).isEmpty)
        #expect(chart.message?.text.hasPrefix("Blocked:") == true)
        #expect(send([.character("O"), .enter], to: &chart).isEmpty)
        #expect(chart.message?.kind == .error)
        let saved = send(" other site, infection resolved".map { .character($0) } + [.enter], to: &chart)
        #expect(saved.count == 2, "the session, and the override in the change list")
        #expect(saved.contains { if case .recordChanges(let changes, _) = $0 { changes.map(\.field) == ["overrides.contraindication.siteInfection"] } else { false } })
        #expect(chart.session.overrides.last?.reason == "other site, infection resolved")
        #expect(send([.enter], to: &chart).count == 1)
        #expect(chart.session.points.count == 1)
    }

    @Test func signingIsRefusedWhileACheckBlocks() {
        var chart = screen()
        _ = send([.enter], to: &chart)
        chart.patient.flags = [.toxinHypersensitivity]
        #expect(send([.character("S")], to: &chart).isEmpty)
        #expect(chart.mode == .charting)
        #expect(chart.message?.text.hasPrefix("Cannot sign:") == true)
    }

    @Test func aLabelMaximumBlocksSigningUntilOverriddenAndOpenWarningsNeedOneReason() throws {
        var chart = screen()
        _ = send([.character("6"), .character("0"), .enter, .character("y")], to: &chart)
        #expect(send([.character("S")], to: &chart).isEmpty)
        #expect(chart.message?.text.hasPrefix("Cannot sign: 60 U of onabotulinumtoxinA at one site") == true)
        _ = send([.character("O")] + "dose agreed with neurology".map { .character($0) } + [.enter], to: &chart)
        #expect(chart.session.override(of: SafetyRule.siteMaximum)?.reason == "dose agreed with neurology")
        _ = send([.character("S"), .enter], to: &chart)
        guard case .prompt(_, for: .signingReason) = chart.mode else { Issue.record("expected the reason prompt"); return }
        #expect(send([.enter], to: &chart).isEmpty, "an empty reason signs nothing")
        #expect(chart.message?.text == "Signing with warnings open needs a reason.")
        let saved = send("volume explained to the patient".map { .character($0) } + [.enter], to: &chart)
        let signed = try #require(saved.compactMap { effect -> Session? in
            if case .saveSession(let session) = effect { return session }
            return nil
        }.last)
        #expect(signed.isSigned)
        let reason = try #require(signed.override(of: SafetyRule.signedWithWarnings))
        #expect(reason.reason.contains("volume explained to the patient (open: "))
        #expect(reason.by == signed.signature?.signer)
        #expect(reason.reason.contains("site.faceVolume"))
    }

    @Test func aNewWarningIsAnnouncedWithItsSourceAsItArises() {
        var chart = screen()
        _ = send([.character("6"), .character("0"), .enter, .character("y")], to: &chart)
        #expect(chart.session.points.map(\.units) == [Units(60)])
        #expect(chart.message?.kind == .error)
        #expect(chart.message?.text.contains("the Botox label allows at most 50 U per site") == true)
        #expect(chart.message?.text.contains("[L]") == true)
    }
}

@Suite struct SavingAPatternTests {
    @Test func theCurrentMapIsSavedAsANamedPatternAndCanBeAppliedAgain() throws {
        let repository = InMemoryRepository()
        let patient = SampleRecords.patient()
        repository.patients[patient.id] = patient
        var session = SampleRecords.session(points: 0)
        session.points = []
        repository.sessionsByPatient[patient.id] = [session]
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try app.openPatient(patient.id)
        let keys: [Key] = [.enter, .enter, .left, .left, .enter, .character("P")] + "My glabella".map { .character($0) } + [.enter]
        for key in keys { _ = app.update(.key(key)) }
        let saved = try #require(repository.patterns.first)
        #expect(saved.name == "My glabella")
        #expect(saved.sites.map(\.units) == [Units(4), Units(4)])
        #expect(saved.totalUnits == Units(8))
        #expect(app.environment.patterns.contains(saved))

        for key in [Key.character("t")] + "My gl".map({ .character($0) }) + [.enter] { _ = app.update(.key(key)) }
        guard case .charting(let screen) = app.top else { Issue.record("expected the charting screen"); return }
        #expect(screen.session.points.count == 4)
    }
}

@Suite struct PatternPickerTests {
    @Test func aPatternInAnotherIngredientsUnitsComesLastWithLabelledGuidance() {
        let rules = TestEnvironment.rules
        var picker = PatternPicker(product: "dysport", ingredient: "abobotulinumtoxinA")
        var dysportPattern = ChartingSafetyAndPatternTests.pattern
        dysportPattern.key = "mini-dysport"
        dysportPattern.name = "Mini glabella, Dysport"
        dysportPattern.products = ["dysport"]
        let patterns = [ChartingSafetyAndPatternTests.pattern, dysportPattern]
        #expect(picker.visible(patterns, rules: rules).map(\.key) == ["mini-dysport", "mini-glabella"])
        _ = picker.handle(.down, patterns: patterns, rules: rules)
        var canvas = Canvas(width: 80, height: 24)
        picker.render(into: &canvas, patterns: patterns, rules: rules, productName: { $0 })
        let text = canvas.lines.joined(separator: " ")
        #expect(text.contains("not interchangeable"))
        #expect(text.contains("Off-label guidance only, never a dose: Dysport : Botox 2.5-3 : 1"))
    }
}

@Suite struct ActiveIngredientWiringTests {
    @Test func botoxAndBotoxCosmeticCountTogetherTowardsTheCap() {
        let environment = TestEnvironment.make()
        var earlier = SampleRecords.session(id: "earlier", startedAt: TestEnvironment.timestamp.adding(seconds: -60 * 86_400), points: 0)
        earlier.vials[0].product = "botox"
        let view = SampleFaceView.anterior()
        earlier.points = (0..<4).map { index in
            InjectionPoint(id: RecordID("e\(index)")!, view: .anterior, position: view.position(column: 0, row: 4),
                           region: .masseter, side: .right, units: Units(75), depth: .deep)
        }
        var screen = ChartingScreen(
            patient: SampleRecords.patient(), session: SampleRecords.session(startedAt: TestEnvironment.timestamp, points: 0),
            views: SampleFaceView.views())
        screen.history = [earlier]
        let keys: [Key] = [.character("5"), .character("0"), .enter, .character("y"), .character("l"), .enter, .character("y"),
                           .character("l"), .enter, .character("y")]
        for key in keys {
            _ = screen.update(.key(key), environment: environment)
        }
        #expect(screen.session.points.count == 3)
        #expect(screen.findings.contains { $0.rule == SafetyRule.cumulative }, "\(screen.findings.map(\.message))")
    }
}
