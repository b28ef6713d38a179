import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

@Suite struct AppTests {
    func type(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    func run(_ events: [Event], on app: inout App) -> Bool {
        for event in events where !app.update(event) { return false }
        return true
    }

    @Test func aNewPatientIsChartedSavedAndListedAfterwards() throws {
        let repository = InMemoryRepository()
        var app = App(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        let step1 = run([.key(.character("n"))] + type("Zoë Ångström") + [.key(.enter)], on: &app)
        #expect(step1)
        guard case .patient(let patientScreen) = app.top else { Issue.record("expected the patient screen"); return }
        let patient = patientScreen.patient
        #expect(repository.patients[patient.id]?.name == "Zoë Ångström")
        #expect(repository.openPatients == [patient.id])

        let step2 = run([.key(.character("n")), .key(.enter)], on: &app)
        #expect(step2)
        guard case .setup(let setup) = app.top else { Issue.record("expected session setup"); return }
        #expect(setup.message?.text == "The lot number is required: it travels with every injection.")
        #expect(setup.focus == .lot)

        let step3 = run(type("C1234") + [.key(.tab)] + type("2027-01-31")
            + [.key(.tab), .key(.tab), .key(.tab)] + type("AN") + [.key(.enter)], on: &app)
        #expect(step3)
        guard case .charting = app.top else { Issue.record("expected the charting screen"); return }
        let step4 = run([.key(.enter), .key(.character("q"))], on: &app)
        #expect(step4)

        let sessions = try #require(repository.sessionsByPatient[patient.id])
        #expect(sessions.count == 1)
        #expect(sessions[0].points.count == 1)
        #expect(sessions[0].primaryVial.lot == "C1234")
        guard case .patient(let reloaded) = app.top else { Issue.record("expected the patient screen"); return }
        #expect(reloaded.sessions.map(\.points.count) == [1])

        let step5 = run([.key(.character("q"))], on: &app)
        #expect(step5)
        #expect(repository.openPatients.isEmpty)
        guard case .patients(let list) = app.top else { Issue.record("expected the patient list"); return }
        #expect(list.page.rows.first?.lastTotal == Units(4))
        #expect(list.page.rows.first?.lastVisit == TestEnvironment.now)
        #expect(list.selectedItem?.id == patient.id, "the patient just left stays selected")
        #expect(repository.pagesRead.allSatisfy { $0.count <= 2 * 18 + 18 }, "only pages are read: \(repository.pagesRead)")
        let continuesAfterQuit = run([.key(.character("q"))], on: &app)
        #expect(!continuesAfterQuit)
    }

    @Test func aFailedSaveIsShownAndTheChangeIsKeptOnScreen() throws {
        let repository = InMemoryRepository()
        let patient = SampleRecords.patient()
        repository.patients[patient.id] = patient
        repository.sessionsByPatient[patient.id] = [SampleRecords.session(points: 0)]
        var app = App(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try app.openPatient(patient.id)
        let step6 = run([.key(.enter)], on: &app)
        #expect(step6)
        repository.failSaves = RepositoryError("The disk is full.")
        let step7 = run([.key(.enter)], on: &app)
        #expect(step7)
        #expect(app.alert?.text == "NOT SAVED (your changes are kept on screen): The disk is full.")
        #expect(app.hasUnsavedChanges)
        _ = app.update(.key(.character("q")))
        guard case .charting = app.top else { Issue.record("q must not drop unsaved changes at once"); return }
        #expect(app.alert?.text.hasPrefix("NOT SAVED changes would be lost") == true)
        guard case .charting(let screen) = app.top else { Issue.record("expected the charting screen"); return }
        #expect(screen.session.points.count == 1)
        #expect(repository.sessionsByPatient[patient.id]?.first?.points.isEmpty == true)

        repository.failSaves = nil
        let step8 = run([.key(.character("+"))], on: &app)
        #expect(step8)
        #expect(!app.hasUnsavedChanges)
        #expect(app.alert?.text == "Saved: the changes kept on screen are on disk now.")
        #expect(repository.sessionsByPatient[patient.id]?.first?.points.map(\.units) == [Units(hundredths: 450)])
    }

    @Test func aTerminalTooSmallSaysSoUntilItIsEnlarged() {
        var app = App(repository: InMemoryRepository(), environment: TestEnvironment.make(), size: (60, 20))
        #expect(app.render().lines[1].hasPrefix("FaceChart needs at least 80x24."))
        let step9 = run([.key(.character("n"))], on: &app)
        #expect(step9)
        guard case .patients = app.top else { Issue.record("keys must wait while the terminal is too small"); return }
        let step10 = run([.resized(width: 80, height: 24)], on: &app)
        #expect(step10)
        #expect(app.render().lines[0].hasPrefix("FaceChart Patients (0)"))
    }

    @Test func controlCAndEndOfInputQuitAndReleaseLocks() throws {
        let repository = InMemoryRepository()
        let patient = SampleRecords.patient()
        repository.patients[patient.id] = patient
        var app = App(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try app.openPatient(patient.id)
        #expect(repository.openPatients == [patient.id])
        let continuesAfterControlC = app.update(.key(.control("c")))
        #expect(!continuesAfterControlC)
        #expect(repository.openPatients.isEmpty)

        var other = App(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try other.openPatient(patient.id)
        let continuesAfterEndOfInput = other.update(.inputEnded)
        #expect(!continuesAfterEndOfInput)
        #expect(repository.openPatients.isEmpty)
    }

    @Test func copyForwardStartsANewSessionFromAnEarlierMap() throws {
        let repository = InMemoryRepository()
        let patient = SampleRecords.patient()
        let earlier = SampleRecords.session(points: 3)
        repository.patients[patient.id] = patient
        repository.sessionsByPatient[patient.id] = [earlier]
        var app = App(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try app.openPatient(patient.id)
        let step11 = run([.key(.character("f")), .key(.enter)], on: &app)
        #expect(step11)
        let sessions = try #require(repository.sessionsByPatient[patient.id])
        #expect(sessions.count == 2)
        let copy = sessions[1]
        #expect(copy.link == Session.Link(kind: .copiedFrom, session: earlier.id))
        #expect(copy.points.map(\.units) == earlier.points.map(\.units))
        #expect(copy.points.map(\.position) == earlier.points.map(\.position))
        #expect(Set(copy.points.map(\.id)).isDisjoint(with: earlier.points.map(\.id)))
        #expect(copy.points.allSatisfy { $0.vial == Session.firstVialID })
    }

    @Test func theListReadsOnlyThePagesAroundTheSelection() throws {
        let repository = InMemoryRepository()
        for index in 0..<100 {
            let patient = SampleRecords.patient(id: "patient-\(index)", name: "Patient \(index)")
            repository.patients[patient.id] = patient
            repository.sessionsByPatient[patient.id] = [SampleRecords.session(
                id: "s\(index)", patient: patient.id.rawValue, startedAt: TestEnvironment.timestamp.adding(seconds: -Double(index) * 86_400), points: 2)]
        }
        var app = App(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        #expect(repository.pagesRead == [0..<36])
        let firstRow = app.render().lines[4]
        #expect(firstRow.hasPrefix("Patient 0 "))
        #expect(firstRow.contains(Format.units(SampleRecords.session(points: 2).summary.total)))
        #expect(app.render().lines[0].hasPrefix("FaceChart Patients (100)"))
        for _ in 0..<10 { _ = app.update(.key(.character("j"))) }
        #expect(repository.pagesRead.count == 1, "moving within the page fetched reads nothing")
        _ = app.update(.key(.character("G")))
        #expect(repository.pagesRead.count == 2)
        #expect(repository.pagesRead.last.map { $0.contains(99) } == true)
        #expect(app.render().lines.contains { $0.hasPrefix("Patient 99 ") })
    }

    @Test func whileTheRecordsAreCheckedAnEmptyListSaysSoInsteadOfNoPatients() {
        let repository = InMemoryRepository()
        var app = App(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        app.setListChecking(true)
        #expect(app.render().lines[0].contains("checking the records"))
        #expect(app.render().lines.contains { $0.contains("Reading the records into the patient index") })
        let patient = SampleRecords.patient()
        repository.patients[patient.id] = patient
        app.setListChecking(false)
        app.reloadList()
        #expect(app.render().lines[0].hasPrefix("FaceChart Patients (1)"))
        #expect(app.render().lines[4].hasPrefix(patient.name))
    }

    @Test func typingAFilterFetchesTheMatchesOnly() throws {
        let repository = InMemoryRepository()
        for (index, name) in ["John Smith", "Joanna Smithers", "Mary Jones", "Sam Johnson"].enumerated() {
            let patient = SampleRecords.patient(id: "patient-\(index)", name: name)
            repository.patients[patient.id] = patient
        }
        var app = App(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        _ = run([.key(.character("/"))] + type("jo sm"), on: &app)
        guard case .patients(let list) = app.top else { Issue.record("expected the patient list"); return }
        #expect(list.matchCount == 2)
        #expect(Set(list.page.rows.map(\.name)) == ["John Smith", "Joanna Smithers"])
        #expect(app.render().lines[0].hasPrefix("FaceChart Patients (4)"))
        _ = run(type("ithe") + [.key(.enter)], on: &app)
        guard case .patient(let opened) = app.top else { Issue.record("Enter opens the one match"); return }
        #expect(opened.patient.name == "Joanna Smithers")
    }

    @Test func unreadableRecordsAreNamedOnTheList() {
        let repository = InMemoryRepository()
        repository.unreadable = ["patients/x/patient.json cannot be read: the file ends too soon. The file was left untouched."]
        let app = App(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        let lines = app.render().lines
        #expect(lines[22].hasPrefix("1 patient record cannot be read: patients/x/patient.json"), "\(lines)")
        #expect(lines[23].hasPrefix("file ends too soon. The file was left untouched."), "the message wraps, whole")
    }

    @Test func controlCAsksOnceBeforeDroppingUnsavedChanges() throws {
        let repository = InMemoryRepository()
        let patient = SampleRecords.patient()
        repository.patients[patient.id] = patient
        repository.sessionsByPatient[patient.id] = [SampleRecords.session(points: 0)]
        var app = App(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try app.openPatient(patient.id)
        _ = app.update(.key(.enter))
        repository.failSaves = RepositoryError("The disk is full.")
        _ = app.update(.key(.enter))
        let first = app.update(.key(.control("c")))
        #expect(first)
        #expect(app.alert?.text.hasPrefix("NOT SAVED changes would be lost") == true)
        let second = app.update(.key(.control("c")))
        #expect(!second)
    }
}
