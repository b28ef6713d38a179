import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

/// Each point may record how it was guided: set with `g`, kept in the file, shown in the point list and `show`.
@Suite struct PointGuidanceTests {
    let environment = TestEnvironment.make()

    func makeScreen() -> ChartingScreen {
        ChartingScreen(patient: SampleRecords.patient(), session: SampleRecords.session(points: 0), views: SampleFaceView.views())
    }

    @discardableResult
    func send(_ keys: [Key], to screen: inout ChartingScreen) -> [Session] {
        keys.flatMap { key in
            screen.update(.key(key), environment: environment).effects.compactMap { effect -> Session? in
                if case .saveSession(let session) = effect { session } else { nil }
            }
        }
    }

    @Test func gStepsThePensGuidanceAndNewPointsTakeIt() throws {
        var screen = makeScreen()
        #expect(send([.character("g")], to: &screen).isEmpty, "no point selected: only the pen changes")
        #expect(screen.pen.guidance == .landmark)
        send([.character("g")], to: &screen)
        #expect(screen.pen.guidance == .emg && screen.pen.label == "Pen 4 U · IM · EMG")
        let placed = try #require(send([.enter], to: &screen).last?.points.first)
        #expect(placed.guidance == .emg)
        let mirrored = try #require(send([.left, .left, .enter, .character("m")], to: &screen).last?.points.last)
        #expect(mirrored.guidance == .emg, "a mirrored point keeps its guidance")
    }

    @Test func gOnASelectedPointChangesThatPointAndSavesIt() throws {
        var screen = makeScreen()
        send([.enter], to: &screen)
        var saved = send([.character("g")], to: &screen)
        #expect(saved.last?.points.first?.guidance == .landmark)
        #expect(screen.message?.text == "Guidance: landmark, for the selected point and the points placed next.")
        saved = send([.character("g"), .character("g"), .character("g"), .character("g")], to: &screen)
        #expect(saved.last?.points.first?.guidance == nil, "after ultrasound comes none")
        #expect(screen.message?.text == "Guidance: none, for the selected point and the points placed next.")
    }

    @Test func thePointListAndThePrintedChartShowIt() throws {
        var screen = makeScreen()
        send([.character("g"), .character("g"), .character("g"), .character("g"), .enter], to: &screen)
        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, environment: environment)
        #expect(canvas.lines.contains { $0.contains("1 Procerus") && $0.contains("US   M     4 IM") })
        let printer = ChartPrinter(patient: SampleRecords.patient(), session: screen.session, views: SampleFaceView.views())
        let table = printer.render().text.components(separatedBy: "\n")
        let header = try #require(table.first { $0.hasPrefix("#  View") })
        #expect(header.hasSuffix("Lot     Guide"), "\(header)")
        #expect(table.contains { $0.hasPrefix("1  ant") && $0.contains("  IM  ") && $0.hasSuffix("  US") })
        let unguided = ChartPrinter(patient: SampleRecords.patient(), session: SampleRecords.session(), views: SampleFaceView.views())
        let unguidedHeader = try #require(unguided.render().text.components(separatedBy: "\n").first { $0.hasPrefix("#  View") })
        #expect(!unguidedHeader.contains("Guide"), "no column when no point records guidance")
    }

    @Test func guidanceIsKeptInTheRecordAndLeftOutWhenAbsent() throws {
        var session = SampleRecords.session(points: 2)
        session.points[0].guidance = .electricalStimulation
        let data = try JSONEncoder().encode(session)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""guidance":"electricalStimulation""#))
        #expect(text.components(separatedBy: "guidance").count == 2, "only the guided point writes the field")
        #expect(try JSONDecoder().decode(Session.self, from: data) == session)
    }
}
