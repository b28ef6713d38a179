import FaceChartAssets
import FaceChartCore
import FaceChartScreens
import FaceChartTestSupport
import FaceChartUI
import Foundation
import Testing

/// Every screen on the real drawings at the smallest terminal FaceChart draws on (80x24) and at a
/// large one (200x60), compared with golden files: the layouts are designed, not clipped.
@Suite struct ScreenSnapshotTests {
    static let sizes = [(80, 24), (200, 60)]
    let views: [ViewKind: FaceView] = [
        .anterior: try! BundledAssets.faceView(.anterior), .posterior: try! BundledAssets.faceView(.posterior),
    ]

    func environment(_ size: (Int, Int), glyphs: Glyphs = .unicode) -> ScreenEnvironment {
        var environment = TestEnvironment.make(views: views)
        environment.screenSize = size
        environment.glyphs = glyphs
        environment.patterns = (try? BundledAssets.patternLibrary().patterns) ?? []
        return environment
    }

    /// Draws with `draw` on a canvas of `size` and compares it with `<name>At<W>x<H>.txt`.
    func expectScreen(
        _ name: String, _ size: (Int, Int), glyphs: Glyphs = .unicode, sourceLocation: SourceLocation = #_sourceLocation,
        _ draw: (inout Canvas, ScreenEnvironment) -> Void
    ) {
        var canvas = Canvas(width: size.0, height: size.1, glyphs: glyphs)
        draw(&canvas, environment(size, glyphs: glyphs))
        expectSnapshot(canvas.lines.joined(separator: "\n"), named: "\(name)At\(size.0)x\(size.1)", sourceLocation: sourceLocation)
    }

    /// Glabella, crow's feet and forehead from the bundled patterns: 16 points, lot C1234A.
    func upperFace() throws -> Session {
        let library = try BundledAssets.patternLibrary()
        var counter = 0
        var session = SampleRecords.session(startedAt: TestEnvironment.timestamp, points: 0)
        for key in ["glabellar-botox-cosmetic", "lateral-canthal-botox-cosmetic", "forehead-botox-cosmetic"] {
            session.points += try #require(library.pattern(key)).points(sides: .both, scale: 1) {
                counter += 1
                return RecordID("p\(counter)")!
            }
        }
        return session
    }

    func patient() -> Patient {
        SampleRecords.patient(name: "Ada Example-Longname de la Fontaine-Whitacre")
    }

    @Test(arguments: sizes) func patientList(width: Int, height: Int) {
        let items = (0..<30).map { index in
            let record = SampleRecords.patient(id: "patient-\(index)", name: index == 3 ? patient().name : "Patient \(index)")
            return PatientListItem(
                id: record.id, name: record.name, dateOfBirth: record.dateOfBirth,
                lastVisit: TestEnvironment.now.addingTimeInterval(-Double(index) * 86_400 * 7), lastTotal: Units(20 + index),
                reviewDue: index == 2)
        }
        expectScreen("patientList", (width, height)) { canvas, environment in
            PatientListScreen(page: PatientListPage(filter: "", offset: 0, rows: items, total: items.count))
                .render(into: &canvas, environment: environment)
        }
    }

    @Test(arguments: sizes) func patientForm(width: Int, height: Int) {
        var screen = PatientFormScreen()
        _ = screen.update(.paste("Ada Example"), environment: environment((width, height)))
        expectScreen("patientForm", (width, height)) { canvas, environment in screen.render(into: &canvas, environment: environment) }
    }

    @Test(arguments: sizes) func patient(width: Int, height: Int) throws {
        let sessions = [try upperFace()] + SampleHistory.sessions()
        let screen = PatientScreen(patient: patient(), sessions: sessions, reviews: [], environment: environment((width, height)))
        expectScreen("patient", (width, height)) { canvas, environment in screen.render(into: &canvas, environment: environment) }
    }

    @Test(arguments: sizes) func sessionSetup(width: Int, height: Int) throws {
        let clinician = SampleRecords.clinician
        let offers = [
            VialOffer(vial: SampleRecords.product(lot: "C5555T"), origin: .openedToday(at: TestEnvironment.timestamp.adding(seconds: -5_400), by: clinician)),
            VialOffer(vial: SampleRecords.product(lot: "B4444E"), origin: .openedEarlier(at: TestEnvironment.timestamp.adding(seconds: -86_400), by: clinician)),
        ]
        let screen = SessionSetupScreen(
            patient: patient(), previous: try upperFace(), products: TestEnvironment.products, offers: offers, clinician: clinician,
            timeZone: TimeZone(identifier: "UTC")!)
        expectScreen("sessionSetup", (width, height)) { canvas, environment in screen.render(into: &canvas, environment: environment) }
    }

    /// The last point selected: the list scrolls to it and the status row shows it whole.
    func charting(_ size: (Int, Int)) throws -> ChartingScreen {
        var screen = ChartingScreen(patient: patient(), session: try upperFace(), views: views)
        _ = screen.update(.key(.backTab), environment: environment(size))
        return screen
    }

    @Test(arguments: sizes) func charting(width: Int, height: Int) throws {
        let screen = try charting((width, height))
        expectScreen("charting", (width, height)) { canvas, environment in screen.render(into: &canvas, environment: environment) }
    }

    @Test func chartingInASCII() throws {
        let screen = try charting((80, 24))
        expectScreen("chartingASCII", (80, 24), glyphs: .ascii) { canvas, environment in
            screen.render(into: &canvas, environment: environment)
        }
    }

    @Test(arguments: sizes) func chartingKeys(width: Int, height: Int) throws {
        var screen = try charting((width, height))
        _ = screen.update(.key(.character("?")), environment: environment((width, height)))
        expectScreen("chartingKeys", (width, height)) { canvas, environment in screen.render(into: &canvas, environment: environment) }
    }

    @Test(arguments: sizes) func review(width: Int, height: Int) throws {
        var session = try upperFace()
        session.startedAt = TestEnvironment.timestamp.adding(seconds: -14 * 86_400)
        let screen = ReviewScreen(patient: patient(), original: session, review: nil, topUp: nil, views: views,
                                  environment: environment((width, height)))
        expectScreen("review", (width, height)) { canvas, environment in screen.render(into: &canvas, environment: environment) }
    }

    @Test(arguments: sizes) func history(width: Int, height: Int) {
        let screen = HistoryScreen(patient: patient(), sessions: SampleHistory.sessions(), reviews: [SampleHistory.review()],
                                   viewportHeight: height)
        expectScreen("history", (width, height)) { canvas, environment in screen.render(into: &canvas, environment: environment) }
    }

    @Test(arguments: sizes) func compare(width: Int, height: Int) throws {
        var earlier = try upperFace()
        earlier.id = RecordID("earlier")!
        earlier.startedAt = SampleHistory.date(8, 20)
        earlier.points.removeLast(5)
        let screen = CompareScreen(patient: patient(), sessions: [earlier, try upperFace()], left: nil, right: nil, views: views)
        expectScreen("compare", (width, height)) { canvas, environment in screen.render(into: &canvas, environment: environment) }
    }
}
