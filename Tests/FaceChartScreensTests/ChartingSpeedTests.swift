import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartTestSupport
import FaceChartUI
import Foundation
import Testing

/// Editing speed on the charting screen: units typed into the selected point, moving a point, the grid's
/// labels, favourites on function keys, the picker's order.
@Suite struct ChartingSpeedTests {
    let environment = TestEnvironment.make()

    func screen(points: [InjectionPoint] = [], indication: Indication = SampleRecords.glabellarLines) -> ChartingScreen {
        var session = SampleRecords.session(points: 0)
        session.points = points
        session.indication = indication
        return ChartingScreen(patient: SampleRecords.patient(), session: session, views: SampleFaceView.views(), environment: environment)
    }

    func send(_ keys: [Key], to screen: inout ChartingScreen, environment: ScreenEnvironment? = nil) -> [Effect] {
        keys.flatMap { screen.update(.key($0), environment: environment ?? self.environment).effects }
    }

    func savedPoints(_ effects: [Effect]) -> [InjectionPoint]? {
        effects.compactMap { effect -> Session? in if case .saveSession(let session) = effect { session } else { nil } }.last?.points
    }

    @Test func aFigureTypedWithAPointSelectedSetsThatPointsUnits() {
        var chart = screen()
        _ = send([.enter], to: &chart)
        let pen = chart.pen
        let effects = send([.character("2"), .character("."), .character("5"), .enter], to: &chart)
        #expect(savedPoints(effects)?.map(\.units) == [Units(hundredths: 250)], "Enter sets the point, placing nothing more")
        #expect(chart.pen == pen, "the pen is as it was")
        #expect(chart.mode == .charting)
        // Off the points, a figure is the pen's again.
        _ = send([.character("l"), .character("6"), .character("h")], to: &chart)
        #expect(chart.pen.units == Units(6))
    }

    @Test func mMovesTheSelectedPointCellByCellNeverOffAMuscle() {
        var chart = screen()
        _ = send([.enter, .character("M")], to: &chart)
        #expect(chart.mode == .movingPoint)
        let moved = send([.left], to: &chart)
        #expect(savedPoints(moved)?.map(\.region) == [.corrugator])
        #expect(chart.cursor == .init(column: 4, row: 1))
        let refused = send([.down, .down], to: &chart)
        #expect(refused.isEmpty, "row 2 below the corrugator is an eye: no muscle")
        #expect(chart.message?.text.hasPrefix("Not there") == true)
        _ = send([.enter], to: &chart)
        #expect(chart.mode == .charting)
        #expect(chart.session.points.count == 1)
        _ = send([.character("u")], to: &chart)
        #expect(chart.session.points.map(\.region) == [.procerus], "each step is undone like any change")
    }

    @Test func hashWritesUnitsThenNumbersBesideThePointsAndAStackedCellItsCountAndTotal() throws {
        var chart = screen()
        _ = send([.enter, .enter, .character("y")], to: &chart)
        #expect(chart.session.points.count == 2)
        _ = send([.character("#")], to: &chart)
        #expect(chart.labels == .units)
        var canvas = Canvas(width: 80, height: 24)
        chart.render(into: &canvas, environment: environment)
        #expect(canvas.lines[2].hasPrefix(#" --\ 22x8- "#), "a count, then the count and total beside it")
        #expect(canvas.lines[22].contains("2 points here, 8 U (Tab)"))
        _ = send([.character("#")], to: &chart)
        canvas = Canvas(width: 80, height: 24)
        chart.render(into: &canvas, environment: environment)
        #expect(canvas.lines[2].hasPrefix(#" --\ 21,2- "#), "the points' numbers as the list has them")
    }

    @Test func yourOwnPatternsAreOnFunctionKeys() throws {
        var environment = self.environment
        let own = TreatmentPattern.fromPoints(
            [InjectionPoint(id: RecordID("o1")!, view: .anterior, position: SampleFaceView.anterior().position(column: 5, row: 1),
                            region: .procerus, side: .midline, units: Units(3), depth: .intramuscular)],
            key: "user-mine", name: "My procerus", indication: SampleRecords.glabellarLines, product: "botox-cosmetic")
        environment.patterns.append(own)
        var chart = screen()
        let applied = send([.function(2)], to: &chart, environment: environment)
        #expect(savedPoints(applied)?.map(\.units) == [Units(3)])
        _ = send([.function(3)], to: &chart, environment: environment)
        #expect(chart.message?.text == "No pattern of yours on F3: P saves this map as one.")
    }

    @Test func thePickerListsTheSessionsIndicationFirst() throws {
        let library = try BundledAssets.patternLibrary().patterns
        var environment = self.environment
        environment.patterns = library
        var chart = screen(indication: Indication(kind: .aesthetic, concern: "Upper face", key: "upper-face"))
        _ = send([.character("t")], to: &chart, environment: environment)
        guard case .pickingPattern(let picker) = chart.mode else { Issue.record("expected the picker"); return }
        #expect(picker.visible(library, rules: environment.rules).first?.key == "upper-face-botox-cosmetic")
    }
}
