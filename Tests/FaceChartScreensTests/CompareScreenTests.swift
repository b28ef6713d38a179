import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct CompareScreenTests {
    @Test func printIt() throws {
        var views: [ViewKind: FaceView] = [:]
        for kind in ViewKind.allCases { views[kind] = try BundledAssets.faceView(kind) }
        let environment = TestEnvironment.make(views: views)
        let screen = CompareScreen(patient: SampleRecords.patient(), sessions: SampleHistory.sessions(), left: RecordID("s1"), right: RecordID("s2"), views: views)
        for (w, h) in [(80, 24), (120, 30), (100, 40)] {
            var canvas = Canvas(width: w, height: h)
            screen.render(into: &canvas, environment: environment)
            print(canvas.lines.map { "|" + $0 + "|" }.joined(separator: "\n"))
        }
        let small = SampleFaceView.views()
        let s2 = CompareScreen(patient: SampleRecords.patient(), sessions: SampleHistory.sessions(), left: nil, right: nil, views: small)
        var canvas = Canvas(width: 60, height: 16)
        s2.render(into: &canvas, environment: TestEnvironment.make())
        print(canvas.lines.map { "|" + $0 + "|" }.joined(separator: "\n"))
        var h = HistoryScreen(patient: SampleRecords.patient(), sessions: SampleHistory.sessions(), reviews: [SampleHistory.review()])
        canvas = Canvas(width: 80, height: 24)
        h.render(into: &canvas, environment: TestEnvironment.make())
        print(canvas.lines.map { "|" + $0 + "|" }.joined(separator: "\n"))
        _ = h.update(.key(.pageDown), environment: TestEnvironment.make())
        canvas = Canvas(width: 80, height: 24)
        h.render(into: &canvas, environment: TestEnvironment.make())
        print(canvas.lines.map { "|" + $0 + "|" }.joined(separator: "\n"))
    }
}
