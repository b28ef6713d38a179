import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct CompareScreenTests {
    /// The bundled drawings (41 columns wide), so that 80 columns is too narrow for two grids.
    static func bundledViews() throws -> [ViewKind: FaceView] {
        var views: [ViewKind: FaceView] = [:]
        for kind in ViewKind.allCases { views[kind] = try BundledAssets.faceView(kind) }
        return views
    }

    func makeScreen(views: [ViewKind: FaceView] = SampleFaceView.views(), left: String? = "s1", right: String? = "s2") -> CompareScreen {
        CompareScreen(
            patient: SampleRecords.patient(), sessions: SampleHistory.sessions(), left: left.flatMap(RecordID.init),
            right: right.flatMap(RecordID.init), views: views)
    }

    func render(_ screen: CompareScreen, width: Int, height: Int, environment: ScreenEnvironment) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        screen.render(into: &canvas, environment: environment)
        return canvas
    }

    func send(_ keys: [Key], to screen: inout CompareScreen) -> ScreenResult {
        var last = ScreenResult.none
        for key in keys { last = screen.update(.key(key), environment: TestEnvironment.make()) }
        return last
    }

    @Test func differencesPerRegionAndSide() {
        let rows = DoseDifferenceWidget(a: SampleHistory.first(), b: SampleHistory.second(), timeZone: TimeZone(identifier: "UTC")!).rows
        let figures = rows.map { "\($0.label) \($0.a?.description ?? "-") \($0.b?.description ?? "-") \(DoseDifferenceWidget.signed($0.difference))" }
        #expect(figures == [
            "Frontalis - 4 +4", "Procerus 4 8 +4", "Corrugator 8 12 +4",
            "R side 4 8 +4", "L side 4 8 +4", "Midline 4 8 +4", "Total 12 24 +12",
        ])
        let reversed = DoseDifferenceWidget(a: SampleHistory.second(), b: SampleHistory.topUp(), timeZone: TimeZone(identifier: "UTC")!).rows
        #expect(reversed.last.map { DoseDifferenceWidget.signed($0.difference) } == "-22")
        #expect(reversed.first { $0.label == "Procerus" }?.b == nil)
    }

    @Test func theTableUsesFullDatesWhenWideAndWarnsOfDifferentProducts() {
        var b = SampleHistory.second()
        b.vials[0].product = "dysport"
        let lines = DoseDifferenceWidget(a: SampleHistory.first(), b: b, timeZone: TimeZone(identifier: "UTC")!).lines(width: 50).map(\.0)
        #expect(lines[0].hasPrefix("Different products: units not comparable"))
        #expect(lines[2] == "Region            2026-08-20 2026-11-28           ")
        #expect(lines.allSatisfy { ColumnWidth.of($0) == 50 })
    }

    @Test func aTopUpIsComparedAsPartOfItsTreatmentsVisit() {
        let screen = makeScreen(left: nil, right: nil)
        #expect(screen.visits.map(\.id.rawValue) == ["s1", "s2"])
        #expect(screen.visitA?.topUps.map(\.id.rawValue) == ["t1"])
        #expect(screen.visitB?.id.rawValue == "s2")
        let fromTopUp = makeScreen(left: nil, right: "t1")
        #expect(fromTopUp.visitB?.id.rawValue == "s1", "c on a top-up shows its treatment's visit")
        #expect(fromTopUp.visitA?.id.rawValue == "s2", "the first visit is compared with the next")

        // The top-up adds to its treatment: the right corrugator had 4 + 2, not 2.
        let rows = DoseDifferenceWidget(a: screen.visitA!.combined, b: screen.visitB!.combined, timeZone: TimeZone(identifier: "UTC")!).rows
        let corrugator = rows.first { $0.label == "Corrugator" }
        #expect(corrugator?.a == Units(10) && corrugator?.b == Units(12))
        #expect(rows.last?.a == Units(14))
    }

    /// The whole screen with the small sample drawing: both grids fit, the table beside them.
    @Test func wholeScreenWithTheSampleDrawing() {
        let canvas = render(makeScreen(), width: 60, height: 18, environment: TestEnvironment.make())
        let expected = """
            FaceChart Compare Ada Example · Anterior       A 1, B 2 of 2
            A 2026-08-20… B 2026-11-28…
            R ~~~~~~~ L   R ●~~~~~● L  A 2026-08-20 Glabellar lines
             --●+● ●--     --● ● ●--     Botox Cosmetic · + top-up 2026…
            ( (o) (o) )   ( (o) (o) )  B 2026-11-28 Glabellar lines
               \\ | /         \\ | /       Botox Cosmetic
             \\_______/     \\_______/
                                                         A      B    B-A
                                       Region        08-20  11-28
                                       Frontalis         -      4     +4
                                       Procerus          4      8     +4
                                       Corrugator       10     12     +2
                                       ─────────────────────────────────
                                       R side            6      8     +2
                                       L side            4      8     +4
                                       Midline           4      8     +4
                                       Total            14     24    +10
            Tab switch · [ ] other visit · h l move pair · v view · ? k…
            """
        #expect(canvas.text == expected)
    }

    @Test func narrowCanvasShowsOneGridAndTabShowsTheOther() throws {
        let views = try CompareScreenTests.bundledViews()
        let environment = TestEnvironment.make(views: views)
        var screen = makeScreen(views: views)
        #expect(!screen.isWide(width: 80, height: 24, timeZone: environment.timeZone))
        let before = render(screen, width: 80, height: 24, environment: environment).lines
        #expect(before[1].hasPrefix("Showing B 2026-11-28 24 U draft · Tab: A 2026-08-20"))
        // B charted the frontalis (row 0 of the sample grid, row 2 of the drawing); A did not.
        #expect(before[4].hasPrefix("        /●/'~~~~~~~~~~~~~~~~~'\\●\\"))
        #expect(before[7].contains("A      B    B-A"))
        #expect(before[10].contains("Procerus              4      8     +4"))
        _ = send([.tab], to: &screen)
        #expect(screen.focus == .a)
        let after = render(screen, width: 80, height: 24, environment: environment).lines
        #expect(after[1].hasPrefix("Showing A 2026-08-20 12+2 U signed · Tab: B 2026-11-28"))
        #expect(after[4].hasPrefix("        /./'~~~~~~~~~~~~~~~~~'\\.\\"))
        #expect(after[8].contains("●"))
        _ = send([.character(" ")], to: &screen)
        #expect(screen.focus == .b)
    }

    @Test func wideCanvasShowsBothGrids() throws {
        let views = try CompareScreenTests.bundledViews()
        let environment = TestEnvironment.make(views: views)
        let screen = makeScreen(views: views)
        #expect(screen.isWide(width: 120, height: 30, timeZone: environment.timeZone))
        let lines = render(screen, width: 120, height: 30, environment: environment).lines
        #expect(lines[1].hasPrefix("A 2026-08-20 12+2 U signed                  B 2026-11-28 24 U draft"))
        #expect(lines[4].hasPrefix("        /./'~~~~~~~~~~~~~~~~~'\\.\\                   /●/'~~~~~~~~~~~~~~~~~'\\●\\"))
        #expect(lines[6].hasPrefix(" R      |                       |      L     R      |                       |      L"))
        #expect(lines[2].hasSuffix("A 2026-08-20 Glabellar lines     "))
        #expect(lines.contains { $0.hasSuffix("Total            14     24    +10") }, "the top-up counts with its treatment")
    }

    @Test func bracketsChangeTheFocusedVisitAndHLMoveThePair() {
        var earliest = SampleHistory.second()
        earliest.id = RecordID("s0")!
        earliest.startedAt = SampleHistory.date(5, 10)
        var screen = CompareScreen(
            patient: SampleRecords.patient(), sessions: [earliest] + SampleHistory.sessions(), left: RecordID("s1"), right: RecordID("s2"),
            views: SampleFaceView.views())
        _ = send([.character("[")], to: &screen)
        #expect(screen.visitB?.id.rawValue == "s0", "B steps over A's visit")
        _ = send([.character("[")], to: &screen)
        #expect(screen.visitB?.id.rawValue == "s0")
        #expect(screen.message?.text == "No earlier visit.")
        _ = send([.tab, .character("]")], to: &screen)
        #expect(screen.visitA?.id.rawValue == "s2")

        var pair = CompareScreen(
            patient: SampleRecords.patient(), sessions: [earliest] + SampleHistory.sessions(), left: RecordID("s1"), right: RecordID("s2"),
            views: SampleFaceView.views())
        _ = send([.character("h")], to: &pair)
        #expect(pair.visitA?.id.rawValue == "s0" && pair.visitB?.id.rawValue == "s1")
        _ = send([.character("h")], to: &pair)
        #expect(pair.message?.text == "No earlier pair.")
        _ = send([.right], to: &pair)
        #expect(pair.visitA?.id.rawValue == "s1" && pair.visitB?.id.rawValue == "s2")
    }

    @Test func vSwitchesTheViewHelpOpensAndQGoesBack() {
        var screen = makeScreen()
        _ = send([.character("v")], to: &screen)
        #expect(screen.view == .posterior)
        #expect(render(screen, width: 60, height: 18, environment: TestEnvironment.make()).lines[0].contains("Posterior"))
        _ = send([.character("?")], to: &screen)
        #expect(screen.help != nil)
        #expect(render(screen, width: 60, height: 18, environment: TestEnvironment.make()).text.contains("Compare keys"))
        #expect(send([.character("q")], to: &screen) == .none)
        #expect(screen.help == nil)
        #expect(send([.escape], to: &screen) == ScreenResult(navigation: .back))
    }

    @Test func oneSessionIsNotEnough() {
        let screen = CompareScreen(
            patient: SampleRecords.patient(), sessions: [SampleHistory.first()], left: nil, right: nil, views: SampleFaceView.views())
        #expect(screen.message?.kind == .warning)
        let text = render(screen, width: 60, height: 18, environment: TestEnvironment.make()).text
        #expect(text.contains("Comparing needs two visits; this patient has 1."))
    }
}
