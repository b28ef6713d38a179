import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct HistoryScreenTests {
    /// Without outcome scales, so that the paging figures stay those of the plain history.
    let environment: ScreenEnvironment = {
        var environment = TestEnvironment.make()
        environment.outcomes = nil
        return environment
    }()

    func makeScreen() -> HistoryScreen {
        HistoryScreen(patient: SampleRecords.patient(), sessions: SampleHistory.sessions(), reviews: [SampleHistory.review()])
    }

    func render(_ screen: HistoryScreen) -> Canvas {
        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, environment: environment)
        return canvas
    }

    @discardableResult
    func send(_ keys: [Key], to screen: inout HistoryScreen) -> ScreenResult {
        var last = ScreenResult.none
        for key in keys { last = screen.update(.key(key), environment: environment) }
        return last
    }

    /// The first page of the history, 80 x 24.
    @Test func wholeFirstPage() {
        let expected = """
            FaceChart History                                               lines 1-22 of 33
            History: Ada Example (born 1980-02-29)
            3 sessions: 2 full treatments, 1 top-up · 1 review · today 2026-11-28

            Sessions
            Date        Indication          Product           Total  Status         Interval
            2026-08-20  Glabellar lines     Botox Cosmetic     12 U  signed
            2026-09-03  Glabellar lines     Botox Cosmetic      2 U  signed top-up  day 14
            2026-11-28  Glabellar lines     Botox Cosmetic     24 U  draft          100 days
            Intervals between full treatments: 100 days

            Units per region, per treatment (oldest first; top-ups added as +n)
            Botox Cosmetic: 2 treatments, 2026-08-20 to 2026-11-28
            Region                 Trend  Units (█ the row's highest, · none)
            Frontalis              ·█     - → 4
            Procerus               ▄█     4 → 8
            Corrugator             ▇█     8+2 → 12
            Total                  ▅█     12+2 → 24

            Outcomes at review (Facial Wrinkle Scale 0 none-3 severe; satisfaction 1-5)
            Treated     Reviewed    Region                 Rest  Max  Symmetry  Satisf.
            2026-08-20  2026-09-03  Procerus                  0    1  even            4
                                    Corrugator                1    2  R higher        3
            j k scroll · PgUp PgDn page · g G top/end · ? keys · q back
            """
        #expect(render(makeScreen()).text == expected)
    }

    @Test func linesAndPagesScrollWithinTheReport() {
        var screen = makeScreen()
        send([.character("k")], to: &screen)
        #expect(screen.offset == 0)
        send([.character("j"), .down], to: &screen)
        #expect(screen.offset == 2)
        #expect(render(screen).lines[2].hasPrefix("Sessions"))
        send([.up], to: &screen)
        #expect(screen.offset == 1)
        send([.pageDown], to: &screen)
        #expect(screen.offset == 11)
        let end = render(screen).lines
        #expect(end[0].hasSuffix("lines 12-33 of 33"))
        #expect(end[22].hasPrefix("      Source: Upper face | onset 2-3 days; peak 10-14 days; lasts 3-4 months | P"))
        send([.pageDown, .character("j")], to: &screen)
        #expect(screen.offset == 11)
        send([.pageUp], to: &screen)
        #expect(screen.offset == 0)
        send([.character("G")], to: &screen)
        #expect(screen.offset == 11)
        send([.character("g")], to: &screen)
        #expect(screen.offset == 0)
    }

    @Test func mouseWheelAndResizeKeepTheOffsetInRange() {
        var screen = makeScreen()
        _ = screen.update(.mouse(MouseEvent(kind: .scrollDown, x: 0, y: 5)), environment: environment)
        #expect(screen.offset == 3)
        send([.character("G")], to: &screen)
        _ = screen.update(.resized(width: 80, height: 40), environment: environment)
        #expect(screen.offset == 0)
        #expect(screen.viewportHeight == 40)
    }

    @Test func helpOpensAndAnyKeyClosesItThenQGoesBack() {
        var screen = makeScreen()
        send([.character("?")], to: &screen)
        #expect(render(screen).text.contains("History keys"))
        #expect(send([.character("q")], to: &screen) == .none)
        #expect(screen.help == nil)
        #expect(send([.character("q")], to: &screen) == ScreenResult(navigation: .back))
        #expect(send([.escape], to: &screen) == ScreenResult(navigation: .back))
    }
}
