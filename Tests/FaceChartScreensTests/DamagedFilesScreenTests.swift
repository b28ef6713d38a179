import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

/// Files that cannot be used are named on the patient's screen and moved aside with M; a patient that
/// cannot be locked is shown read-only; points sharing an id are edited one at a time.
@Suite struct DamagedFilesScreenTests {
    let patient = SampleRecords.patient()
    let damaged = FileNotice(
        file: "patients/patient-1/sessions/20240101T000000Z-cut.json",
        message: "patients/patient-1/sessions/20240101T000000Z-cut.json cannot be read: the file is cut short.",
        summary: "the file is cut short", isLeftOut: true, canMoveAside: true)
    let flagged = FileNotice(
        file: "patients/patient-1/sessions/20240428T122640Z-session-1.json", message: "changed after signing",
        summary: "changed after signing", isLeftOut: false, canMoveAside: false)

    func app(_ repository: InMemoryRepository) throws -> AppDriver {
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try app.openPatient(patient.id)
        return app
    }

    func repository(sessions: [Session] = [SampleRecords.session(points: 2)]) -> InMemoryRepository {
        let repository = InMemoryRepository()
        repository.patients[patient.id] = patient
        repository.sessionsByPatient[patient.id] = sessions
        repository.noticesByPatient[patient.id] = [damaged, flagged]
        return repository
    }

    @Test func thePatientScreenNamesTheFilesAndMMovesThemAsideAfterYes() throws {
        let repository = repository()
        var app = try app(repository)
        var text = app.render().text
        #expect(text.contains("1 file cannot be used (the rest is shown): M moves it aside."))
        #expect(text.contains("! sessions/20240101T000000Z-cut.json: the file is cut short"))
        #expect(text.contains("! sessions/20240428T122640Z-session-1.json: changed after signing"))

        _ = app.update(.key(.character("M")))
        #expect(app.render().text.contains("Move the file into damaged/, unchanged? y moves, any other key keeps it."))
        _ = app.update(.key(.character("n")))
        #expect(app.render().text.contains("Nothing was moved."))
        #expect(repository.movedAside.isEmpty)
        guard case .patient = app.top else { Issue.record("n after M must not start a session"); return }

        _ = app.update(.key(.character("M")))
        _ = app.update(.key(.character("y")))
        #expect(repository.movedAside == [damaged.file], "only the file that cannot be used")
        text = app.render().text
        #expect(text.contains("Moved 1 file into damaged/, unchanged."))
        #expect(!text.contains("cannot be used"))
        #expect(text.contains("changed after signing"), "a flagged record stays flagged")
    }

    @Test func theHistoryListsTheFilesItLeavesOut() throws {
        var app = try app(repository())
        _ = app.update(.key(.character("H")))
        guard case .history = app.top else { Issue.record("expected the history"); return }
        let text = app.render().text
        #expect(text.contains("Files not shown or needing a look (2)"))
        #expect(text.contains("20240101T000000Z-cut.json cannot be read"))
    }

    @Test func aNewSessionIsChartedBesideADamagedFileAndTheChecksSayWhatTheyCannotSee() throws {
        let repository = repository()
        // A vial opened at this chair an hour ago: Enter on the set-up form accepts it.
        let vial = Vial(
            product: "botox-cosmetic", ingredient: "onabotulinumtoxinA", lot: "C1234", expiry: CalendarDate(year: 2027, month: 6, day: 30),
            vialUnits: Units(100), diluentHundredthsML: 250)
        repository.chairVialList = ChairVials().opening(
            vial, at: TestEnvironment.timestamp.adding(seconds: -3_600), by: TestEnvironment.make().user, timeZone: TimeZone(identifier: "UTC")!)
        var app = try app(repository)
        for key: Key in [.character("n"), .enter] { _ = app.update(.key(key)) }
        guard case .charting(let screen) = app.top else { Issue.record("expected the charting screen: \(app.render().text)"); return }
        #expect(screen.message?.text.contains("cannot see 1 session file that cannot be used") == true, "\(String(describing: screen.message))")
    }

    @Test func aReadOnlyPatientCanBeViewedButNotCharted() throws {
        let repository = repository()
        repository.readOnlyPatients[patient.id] = "open in another window (pid 42)"
        var app = try app(repository)
        #expect(app.render().text.contains("READ-ONLY: open in another window (pid 42)"))
        #expect(app.render().text.contains("1 file cannot be used (the rest is shown)."), "no M offered when read-only")
        for key in ["n", "f", "r", "M"] {
            _ = app.update(.key(.character(Character(key))))
            guard case .patient(let screen) = app.top else { Issue.record("\(key) left the read-only patient"); return }
            #expect(screen.message?.text == "Read-only here: sessions can be viewed, not charted.", "\(key)")
        }
        _ = app.update(.key(.enter))
        guard case .charting(var charting) = app.top else { Issue.record("Enter views the session"); return }
        #expect(charting.readOnly == "open in another window (pid 42)")
        let before = charting.session
        for key: Key in [.enter, .character("x"), .character("+"), .character("u"), .character("S"), .character("t"),
                         .character("E"), .character("N"), .character("V"), .character("g")] {
            #expect(charting.update(.key(key), environment: TestEnvironment.make()).effects.isEmpty)
            #expect(charting.message?.text == "Read-only here: nothing can be changed.")
        }
        #expect(charting.session == before)
        #expect(repository.saveCount == 0)
        #expect(charting.render(environment: TestEnvironment.make()).text.contains("READ-ONLY"))
    }

    @Test func aReadOnlyDataFolderRefusesNewPatients() {
        var environment = TestEnvironment.make()
        environment.readOnly = "the data folder cannot be written"
        var app = AppDriver(repository: InMemoryRepository(), environment: environment, size: (80, 24))
        #expect(app.render().text.contains("READ-ONLY: the data folder cannot be written"))
        _ = app.update(.key(.character("n")))
        guard case .patients(let list) = app.top else { Issue.record("n opened the form"); return }
        #expect(list.message?.text == "Read-only: patients can be viewed, not added.")
    }

    /// Two points of a draft share an id (a file edited outside FaceChart): each gets its own, and x
    /// deletes exactly the one selected.
    @Test func pointsSharingAnIdAreDeletedOneAtATime() throws {
        var session = SampleRecords.session(points: 3)
        session.points[1].id = session.points[0].id
        var screen = ChartingScreen(patient: patient, session: session, views: SampleFaceView.views())
        #expect(Set(screen.session.points.map(\.id)).count == 3)
        #expect(screen.message?.text.hasPrefix("1 point shared an id with another") == true)
        #expect(screen.session.points.map(\.units) == session.points.map(\.units), "nothing else changed")
        screen.selected = screen.session.points[1].id
        let outcome = screen.update(.key(.character("x")), environment: TestEnvironment.make())
        guard case .saveSession(let saved)? = outcome.effects.first else { Issue.record("x saves"); return }
        #expect(saved.points.count == 2)
        #expect(saved.points.map(\.position) == [session.points[0].position, session.points[2].position])
    }
}

private extension ChartingScreen {
    func render(environment: ScreenEnvironment) -> Canvas {
        var canvas = Canvas(width: 100, height: 30)
        render(into: &canvas, environment: environment)
        return canvas
    }
}
