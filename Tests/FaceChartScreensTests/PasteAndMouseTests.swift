import FaceChartCore
import FaceChartScreens
import FaceChartTestSupport
import FaceChartUI
import Foundation
import Testing

/// Pasted text goes only into the focused text field; clicks select list rows.
@Suite struct PasteAndMouseTests {
    @Test func aPastedNameAndDateStayInTheNameFieldAndSaveNothing() {
        let environment = TestEnvironment.make()
        var form = PatientFormScreen()
        let outcome = form.update(.paste("Jane Doe\n1980-01-01\n"), environment: environment)
        #expect(outcome == .none, "a pasted line break is not Enter")
        #expect(form.name.text == "Jane Doe 1980-01-01 ")
        #expect(form.dateOfBirth.text.isEmpty)
        #expect(form.focus == .name)
        _ = form.update(.key(.tab), environment: environment)
        _ = form.update(.key(.tab), environment: environment)
        _ = form.update(.paste("female"), environment: environment)
        #expect(form.message?.text == "Paste ignored: Sex is not a text field.")
    }

    @Test func aPasteLongerThanTheFieldSaysWhatWasLeftOut() {
        var form = PatientFormScreen()
        _ = form.update(.paste(String(repeating: "x", count: 130)), environment: TestEnvironment.make())
        #expect(form.name.text.count == 120)
        #expect(form.message?.text == "The field is full: it holds at most 120 characters; 10 pasted characters were left out.")
    }

    @Test func aPasteOnTheChartIsIgnoredWithAMessage() {
        let environment = TestEnvironment.make()
        var screen = ChartingScreen(patient: SampleRecords.patient(), session: SampleRecords.session(points: 0),
                                    views: SampleFaceView.views())
        let outcome = screen.update(.paste("t glabella\n x"), environment: environment)
        #expect(outcome.effects.isEmpty)
        #expect(screen.session.points.isEmpty)
        #expect(screen.mode == .charting)
        #expect(screen.message?.text.hasPrefix("Paste ignored") == true)
        // With the pattern picker open, the paste is its filter.
        _ = screen.update(.key(.character("t")), environment: environment)
        _ = screen.update(.paste("Glab\n"), environment: environment)
        guard case .pickingPattern(let picker) = screen.mode else { Issue.record("the picker should stay open"); return }
        #expect(picker.filter.text == "Glab ")
    }

    @Test func aPasteOnAScreenWithoutAFieldIsIgnoredByTheApp() throws {
        let repository = InMemoryRepository()
        let patient = SampleRecords.patient()
        repository.patients[patient.id] = patient
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try app.openPatient(patient.id)
        let continues = app.update(.paste("n\nq\n"))
        #expect(continues)
        guard case .patient = app.top else { Issue.record("still on the patient"); return }
        #expect(app.alert?.text == "Paste ignored: this screen has no text field.")
        #expect(repository.saveCount == 0)
    }

    @Test func aClickOnAPatientRowSelectsIt() {
        var environment = TestEnvironment.make()
        environment.screenSize = (80, 24)
        let items = (0..<5).map {
            PatientListItem(id: RecordID("p\($0)")!, name: "Patient \($0)", dateOfBirth: nil, lastVisit: nil)
        }
        var list = PatientListScreen(page: PatientListPage(filter: "", offset: 0, rows: items, total: items.count))
        _ = list.update(.mouse(MouseEvent(kind: .press, x: 3, y: 7)), environment: environment)
        #expect(list.selection == 3)
        _ = list.update(.mouse(MouseEvent(kind: .scrollUp, x: 3, y: 7)), environment: environment)
        #expect(list.selection == 2)
        _ = list.update(.mouse(MouseEvent(kind: .press, x: 3, y: 20)), environment: environment)
        #expect(list.selection == 2, "below the last row")
    }

    @Test func aClickOnARowOfThePointsListSelectsThatPoint() throws {
        var environment = TestEnvironment.make()
        environment.screenSize = (80, 24)
        var session = SampleRecords.session(points: 0)
        let view = SampleFaceView.anterior()
        session.points = [(5, 1), (3, 1), (7, 1)].enumerated().map { index, cell in
            let info = view.cell(column: cell.0, row: cell.1)
            return InjectionPoint(id: RecordID("p\(index)")!, view: .anterior, position: view.position(column: cell.0, row: cell.1),
                                  region: info.region!, side: info.side, units: Units(4), depth: .intramuscular)
        }
        var screen = ChartingScreen(patient: SampleRecords.patient(), session: session, views: SampleFaceView.views())
        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, environment: environment)
        let row = try #require(canvas.lines.firstIndex { $0.contains(" 3 Corrugator") }, "\(canvas.lines)")
        let outcome = screen.update(.mouse(MouseEvent(kind: .press, x: 30, y: row)), environment: environment)
        #expect(outcome.effects.isEmpty, "selecting changes nothing on disk")
        #expect(screen.selected == RecordID("p2"))
        #expect(screen.cursor == .init(column: 7, row: 1))
    }

    @Test func aHelpTallerThanTheScreenScrollsAndThenCloses() {
        var overlay = Overlay()
        let scrolled = overlay.handle(.down, rowCount: 30, screenHeight: 24)
        #expect(scrolled && overlay.offset == 1)
        let toTheEnd = overlay.handle(.end, rowCount: 30, screenHeight: 24)
        #expect(toTheEnd && overlay.offset == 11)
        var closing = overlay
        let staysOpen = closing.handle(.character("x"), rowCount: 30, screenHeight: 24)
        #expect(!staysOpen)
        var short = Overlay()
        let shortStaysOpen = short.handle(.down, rowCount: 10, screenHeight: 24)
        #expect(!shortStaysOpen, "a box that shows everything closes on any key")
        var canvas = Canvas(width: 80, height: 24)
        let rows = (1...30).map { Overlay.Row(key: "k\($0)", "does \($0)") }
        overlay.render(into: &canvas, title: "Keys", rows: rows)
        #expect(canvas.text.contains("does 30"))
        #expect(!canvas.text.contains("does 11 "))
        #expect(canvas.text.contains("12-30 of 30 ▲▼ j k scroll"))
    }
}
