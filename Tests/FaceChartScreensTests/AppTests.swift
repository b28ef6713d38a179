import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

/// The app as values: each event's returned commands and the state it leaves.
@Suite struct AppTests {
    func type(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    let patient = SampleRecords.patient()

    /// A row of the list, as the index has it.
    func row(_ patient: Patient, lastVisit: Date? = nil) -> PatientListItem {
        PatientListItem(id: patient.id, name: patient.name, dateOfBirth: patient.dateOfBirth, lastVisit: lastVisit)
    }

    /// The first page of the whole list, holding every one of `rows`.
    func page(_ rows: [PatientListItem], problems: [String] = []) -> PatientListPage {
        PatientListPage(filter: "", offset: 0, rows: rows, total: rows.count, problems: problems)
    }

    /// The first page an 80x24 list asks for: two screenfuls of 18 rows.
    let firstPage = AppCommand.readListPage(filter: "", range: 0..<36)

    /// An app showing `patient` with `sessions`, opened from the list.
    func appOnPatient(sessions: [Session] = [], reviews: [Review] = []) -> App {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        _ = app.update(.listPageRead(page([row(patient)])))
        _ = app.update(.patientOpened(PatientRecords(patient: patient, sessions: sessions, reviews: reviews), then: .patientScreen))
        return app
    }

    @Test func launchingAsksForTheListsFirstPageAndTheChairsVialsAndThePatientOpenedOn() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        let commands1 = app.update(.launched(.patientList))
        #expect(commands1 == [firstPage, .readChairVials])
        var review = App(environment: TestEnvironment.make(), size: (80, 24))
        let commands2 = review.update(.launched(.review(patient: patient.id, session: RecordID("s1")!)))
        #expect(commands2 == [firstPage, .readChairVials, .openPatient(patient.id, then: .review(session: RecordID("s1")!))])
    }

    @Test func enterOnARowAsksToOpenThePatientAndTheirRecordsAreHeldOnceRead() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        let commands3 = app.update(.listPageRead(page([row(patient)])))
        #expect(commands3 == [], "the page holds every row the list shows")
        let commands4 = app.update(.input(.key(.enter)))
        #expect(commands4 == [.openPatient(patient.id, then: .patientScreen)])
        guard case .patients = app.top else { Issue.record("nothing opens before the records are read"); return }

        let earlier = SampleRecords.session(points: 3)
        let records = PatientRecords(patient: patient, sessions: [earlier], reviews: [])
        let commands5 = app.update(.patientOpened(records, then: .patientScreen))
        #expect(commands5 == [])
        #expect(app.records == records)
        guard case .patient(let screen) = app.top else { Issue.record("expected the patient screen"); return }
        #expect(screen.sessions == [earlier])
    }

    @Test func aChangeIsSavedByACommandAndHeldOnlyOnceSaved() throws {
        let draft = SampleRecords.session(points: 0)
        var app = appOnPatient(sessions: [draft])
        let commands6 = app.update(.input(.key(.enter)))
        #expect(commands6 == [], "opening a held session reads nothing")
        let commands = app.update(.input(.key(.enter)))
        guard case .charting(let chart) = app.top else { Issue.record("expected the charting screen"); return }
        #expect(commands == [.save([.saveSession(chart.session)], then: nil)])
        #expect(app.records?.session(draft.id)?.points.isEmpty == true, "held only once saved")

        let commands7 = app.update(.saveFinished(SaveReport(saved: [.saveSession(chart.session)])))
        #expect(commands7 == [])
        #expect(app.records?.session(draft.id) == chart.session)

        // Back on the patient's screen, the session shows as saved; nothing is read again.
        let commands8 = app.update(.input(.key(.character("q"))))
        #expect(commands8 == [])
        guard case .patient(let screen) = app.top else { Issue.record("expected the patient screen"); return }
        #expect(screen.sessions.map(\.points.count) == [1])
    }

    @Test func leavingThePatientReleasesThemAndRereadsTheListWithTheSelectionStillOnThem() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        let other = SampleRecords.patient(id: "patient-2", name: "Bea Other")
        _ = app.update(.listPageRead(page([
            row(other, lastVisit: TestEnvironment.now),
            row(patient, lastVisit: TestEnvironment.now.addingTimeInterval(-86_400)),
        ])))
        _ = app.update(.input(.key(.down)))
        let treated = SampleRecords.session(startedAt: TestEnvironment.timestamp, points: 2)
        _ = app.update(.patientOpened(PatientRecords(patient: patient, sessions: [treated], reviews: []), then: .patientScreen))

        let commands9 = app.update(.input(.key(.character("q"))))
        #expect(commands9 == [.closePatient(patient.id), firstPage], "the visit may have moved their row")
        #expect(app.records == nil)
        var moved = row(patient, lastVisit: TestEnvironment.now.addingTimeInterval(60))
        moved.lastTotal = treated.summary.total
        let commands10 = app.update(.listPageRead(page([moved, row(other, lastVisit: TestEnvironment.now)])))
        #expect(commands10 == [])
        guard case .patients(let list) = app.top else { Issue.record("expected the list"); return }
        #expect(list.page.rows.map(\.id) == [patient.id, other.id])
        #expect(list.selectedItem == moved, "the selection follows the patient just left")
    }

    @Test func aFailedSaveIsShownTheChangeStaysOnScreenAndLeavingAsksFirst() {
        var app = appOnPatient(sessions: [SampleRecords.session(points: 0)])
        _ = app.update(.input(.key(.enter)))
        let commands = app.update(.input(.key(.enter)))
        guard case .save(let effects, _)? = commands.first else { Issue.record("expected a save"); return }
        _ = app.update(.saveFinished(SaveReport(saved: [], failure: RepositoryError("The disk is full."))))
        #expect(app.alert?.text == "NOT SAVED (your changes are kept on screen): The disk is full.")
        #expect(app.hasUnsavedChanges)
        let commands10 = app.update(.input(.key(.character("q"))))
        #expect(commands10 == [])
        guard case .charting(let chart) = app.top else { Issue.record("q must not drop unsaved changes at once"); return }
        #expect(app.alert?.text.hasPrefix("NOT SAVED changes would be lost") == true)
        #expect(effects == [.saveSession(chart.session)])

        _ = app.update(.saveFinished(SaveReport(saved: effects)))
        #expect(!app.hasUnsavedChanges)
        #expect(app.alert?.text == "Saved: the changes kept on screen are on disk now.")
    }

    @Test func aNewPatientIsLookedUpThenSavedAndNavigationWaitsForTheSave() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        _ = app.update(.listPageRead(page([])))
        _ = app.update(.input(.key(.character("n"))))
        let commands = app.update(.input(.paste("Zoë Ångström")))
        #expect(commands == [])
        guard case .lookForTwin(let created)? = app.update(.input(.key(.enter))).first else {
            Issue.record("expected a look for someone of the same name"); return
        }
        #expect(created.name == "Zoë Ångström")
        let save = app.update(.twinLookedFor(created, twin: nil))
        #expect(save == [.save([.savePatient(created)], then: .patientCreated(created))])
        guard case .patientForm = app.top else { Issue.record("the form stays until the save is done"); return }
        _ = app.update(.saveFinished(SaveReport(saved: [.savePatient(created)], then: .patientCreated(created))))
        guard case .patient(let screen) = app.top else { Issue.record("expected the new patient's screen"); return }
        #expect(screen.patient == created)
        #expect(app.records == PatientRecords(patient: created, sessions: [], reviews: []))
    }

    @Test func aNewPatientLikeOneOnRecordIsNamedOnceAndAddedOnASecondEnter() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        _ = app.update(.listPageRead(page([row(patient)])))
        _ = app.update(.input(.key(.character("n"))))
        _ = app.update(.input(.paste(patient.name)))
        guard case .lookForTwin(let created)? = app.update(.input(.key(.enter))).first else {
            Issue.record("expected a look for someone of the same name"); return
        }
        let commands = app.update(.twinLookedFor(created, twin: patient))
        #expect(commands == [])
        guard case .patientForm(let form) = app.top else { Issue.record("the form stays"); return }
        #expect(form.message?.text.hasPrefix("\(patient.name), ") == true)
        #expect(form.message?.text.contains("is already a patient (\(patient.id))") == true)

        guard case .lookForTwin(let again)? = app.update(.input(.key(.enter))).first else {
            Issue.record("expected a second look"); return
        }
        #expect(app.update(.twinLookedFor(again, twin: patient)) == [.save([.savePatient(again)], then: .patientCreated(again))])
    }

    @Test func whileTheIndexIsCheckedTheListSaysSoAndIsReadAgainAfterwards() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        _ = app.update(.listPageRead(page([])))
        let commands11 = app.update(.indexCheckStarted)
        #expect(commands11 == [])
        #expect(app.render().lines[0].contains("checking the records"))
        #expect(app.render().lines.contains { $0.contains("Reading the records into the patient index") })
        let commands12 = app.update(.indexCheckFinished(problem: nil))
        #expect(commands12 == [firstPage])
        let other = SampleRecords.patient(id: "patient-2", name: "Bea Other")
        _ = app.update(.listPageRead(page([row(patient), row(other)])))
        #expect(app.render().lines[0].hasPrefix("FaceChart Patients (2)"))
        #expect(!app.render().lines[0].contains("checking"))

        // Another program adds someone who sorts first: the selection stays on the same patient.
        _ = app.update(.input(.key(.down)))
        #expect(app.update(.indexCheckFinished(problem: nil)) == [firstPage])
        let newcomer = SampleRecords.patient(id: "patient-3", name: "Aaron Newcomer")
        _ = app.update(.listPageRead(page([row(newcomer), row(patient), row(other)])))
        guard case .patients(let list) = app.top else { Issue.record("expected the list"); return }
        #expect(list.selectedItem?.id == other.id)

        _ = app.update(.patientOpened(PatientRecords(patient: patient, sessions: [], reviews: []), then: .patientScreen))
        let commands13 = app.update(.indexCheckFinished(problem: "The index cannot be written: the disk is full."))
        #expect(commands13 == [], "the list is read when it is back on top")
        #expect(app.alert?.text == "The index cannot be written: the disk is full.")
        let commands14 = app.update(.input(.key(.character("q"))))
        #expect(commands14 == [.closePatient(patient.id), firstPage])
    }

    @Test func theClockIsReadIntoTheStateNotAtDrawing() {
        var app = appOnPatient()
        let later = TestEnvironment.now.addingTimeInterval(3_600)
        let commands14 = app.update(.clockRead(later))
        #expect(commands14 == [])
        #expect(app.environment.now == later)
        #expect(app.render() == app.render())
    }

    @Test func aTerminalTooSmallSaysSoUntilItIsEnlarged() {
        var app = App(environment: TestEnvironment.make(), size: (60, 20))
        _ = app.update(.launched(.patientList))
        _ = app.update(.listPageRead(page([])))
        #expect(app.render().lines[1].hasPrefix("FaceChart needs at least 80x24."))
        let commands15 = app.update(.input(.key(.character("n"))))
        #expect(commands15 == [])
        guard case .patients = app.top else { Issue.record("keys must wait while the terminal is too small"); return }
        _ = app.update(.input(.resized(width: 80, height: 24)))
        #expect(app.render().lines[0].hasPrefix("FaceChart Patients (0)"))
    }

    @Test func controlCAndEndOfInputEndTheProgramReleasingThePatient() {
        var app = appOnPatient()
        let commands16 = app.update(.input(.key(.control("c"))))
        #expect(commands16 == [.closePatient(patient.id)])
        #expect(app.isFinished)
        var other = appOnPatient()
        let commands17 = other.update(.input(.inputEnded))
        #expect(commands17 == [.closePatient(patient.id)])
        #expect(other.isFinished)
    }

    @Test func controlCAsksOnceBeforeDroppingUnsavedChanges() {
        var app = appOnPatient(sessions: [SampleRecords.session(points: 0)])
        _ = app.update(.input(.key(.enter)))
        _ = app.update(.input(.key(.enter)))
        _ = app.update(.saveFinished(SaveReport(saved: [], failure: RepositoryError("The disk is full."))))
        let commands18 = app.update(.input(.key(.control("c"))))
        #expect(commands18 == [])
        #expect(!app.isFinished)
        #expect(app.alert?.text.hasPrefix("NOT SAVED changes would be lost") == true)
        let commands19 = app.update(.input(.key(.control("c"))))
        #expect(commands19 == [.closePatient(patient.id)])
        #expect(app.isFinished)
    }

    @Test func theListAsksForThePageAroundTheSelectionOnlyWhenItLeavesTheRowsHeld() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        let rows = (0..<100).map { index in
            row(SampleRecords.patient(id: "patient-\(index)", name: "Patient \(index)"),
                lastVisit: TestEnvironment.now.addingTimeInterval(-Double(index) * 86_400))
        }
        let commands = app.update(.listPageRead(PatientListPage(filter: "", offset: 0, rows: Array(rows[0..<36]), total: 100)))
        #expect(commands == [])
        let commands20 = app.update(.input(.key(.character("j"))))
        #expect(commands20 == [], "rows held are not asked for again")
        guard case .readListPage(let filter, let range)? = app.update(.input(.key(.character("G")))).first else {
            Issue.record("expected a read of the last rows"); return
        }
        #expect(filter == "")
        #expect(range.contains(99) && range.count <= 3 * 18, "\(range)")
    }

    @Test func unreadableRecordsAreNamedOnTheList() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        _ = app.update(.listPageRead(page(
            [], problems: ["patients/x/patient.json cannot be read: the file ends too soon. The file was left untouched."])))
        let lines = app.render().lines
        #expect(lines[22].hasPrefix("1 patient record cannot be read: patients/x/patient.json"), "\(lines)")
        #expect(lines[23].hasPrefix("file ends too soon. The file was left untouched."), "the message wraps, whole")
    }
}

/// The app with its commands run against an in-memory repository, as the terminal loop runs them.
@Suite struct AppFlowTests {
    func type(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    @Test func aNewPatientIsChartedSavedAndListedAfterwards() throws {
        let repository = InMemoryRepository()
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        let continues1 = app.send([.key(.character("n"))] + type("Zoë Ångström") + [.key(.enter)])
        #expect(continues1)
        guard case .patient(let patientScreen) = app.top else { Issue.record("expected the patient screen"); return }
        let patient = patientScreen.patient
        #expect(repository.patients[patient.id]?.name == "Zoë Ångström")
        #expect(repository.openPatients == [patient.id])

        let continues2 = app.send([.key(.character("n")), .key(.enter)])
        #expect(continues2)
        guard case .setup(let setup) = app.top else { Issue.record("expected session setup"); return }
        #expect(setup.message?.text == "The lot number is required: it travels with every injection.")
        #expect(setup.focus == .lot)

        let continues3 = app.send(type("C1234") + [.key(.tab)] + type("2027-01-31")
            + [.key(.tab), .key(.tab), .key(.tab)] + type("AN") + [.key(.enter)])
        #expect(continues3)
        guard case .charting = app.top else { Issue.record("expected the charting screen"); return }
        let continues4 = app.send([.key(.enter), .key(.character("q"))])
        #expect(continues4)

        let sessions = try #require(repository.sessionsByPatient[patient.id])
        #expect(sessions.count == 1)
        #expect(sessions[0].points.count == 1)
        #expect(sessions[0].primaryVial.lot == "C1234")
        guard case .patient(let reloaded) = app.top else { Issue.record("expected the patient screen"); return }
        #expect(reloaded.sessions.map(\.points.count) == [1])

        let continues5 = app.send([.key(.character("q"))])
        #expect(continues5)
        #expect(repository.openPatients.isEmpty)
        guard case .patients(let list) = app.top else { Issue.record("expected the patient list"); return }
        #expect(list.page.rows.first?.lastTotal == Units(4))
        #expect(list.page.rows.first?.lastVisit == TestEnvironment.now)
        #expect(list.selectedItem?.id == patient.id, "the patient just left stays selected")
        #expect(repository.pagesRead.allSatisfy { $0.count <= 3 * 18 }, "only pages are read: \(repository.pagesRead)")
        let continues6 = app.send([.key(.character("q"))])
        #expect(!continues6)
    }

    @Test func aFailedSaveIsRetriedByTheNextChange() throws {
        let repository = InMemoryRepository()
        let patient = SampleRecords.patient()
        repository.patients[patient.id] = patient
        repository.sessionsByPatient[patient.id] = [SampleRecords.session(points: 0)]
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try app.openPatient(patient.id)
        app.update(.key(.enter))
        repository.failSaves = RepositoryError("The disk is full.")
        app.update(.key(.enter))
        #expect(app.hasUnsavedChanges)
        #expect(repository.sessionsByPatient[patient.id]?.first?.points.isEmpty == true)

        repository.failSaves = nil
        app.update(.key(.character("+")))
        #expect(!app.hasUnsavedChanges)
        #expect(app.alert?.text == "Saved: the changes kept on screen are on disk now.")
        #expect(repository.sessionsByPatient[patient.id]?.first?.points.map(\.units) == [Units(hundredths: 450)])
    }

    @Test func copyForwardStartsANewSessionFromAnEarlierMap() throws {
        let repository = InMemoryRepository()
        let patient = SampleRecords.patient()
        let earlier = SampleRecords.session(points: 3)
        repository.patients[patient.id] = patient
        repository.sessionsByPatient[patient.id] = [earlier]
        let opened = TestEnvironment.timestamp.adding(seconds: -3_600)
        let todays = SampleRecords.product(lot: "TODAY-1")
        repository.chairVialList = ChairVials().opening(todays, at: opened, by: SampleRecords.clinician, timeZone: TimeZone(identifier: "UTC")!)
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try app.openPatient(patient.id)
        let continues7 = app.send([.key(.character("f")), .key(.enter)])
        #expect(continues7)
        let sessions = try #require(repository.sessionsByPatient[patient.id])
        #expect(sessions.count == 2)
        let copy = sessions[1]
        #expect(copy.link == Session.Link(kind: .copiedFrom, session: earlier.id))
        #expect(copy.points.map(\.units) == earlier.points.map(\.units))
        #expect(copy.points.map(\.position) == earlier.points.map(\.position))
        #expect(Set(copy.points.map(\.id)).isDisjoint(with: earlier.points.map(\.id)))
        #expect(copy.points.allSatisfy { $0.vial == Session.firstVialID })
        #expect(copy.primaryVial.lot == "TODAY-1", "today's vial, not the earlier visit's lot")
    }

    @Test func theListReadsOnlyThePagesAroundTheSelection() throws {
        let repository = InMemoryRepository()
        for index in 0..<100 {
            let patient = SampleRecords.patient(id: "patient-\(index)", name: "Patient \(index)")
            repository.patients[patient.id] = patient
            repository.sessionsByPatient[patient.id] = [SampleRecords.session(
                id: "s\(index)", patient: patient.id.rawValue, startedAt: TestEnvironment.timestamp.adding(seconds: -Double(index) * 86_400), points: 2)]
        }
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        #expect(repository.pagesRead == [0..<36])
        let firstRow = app.render().lines[4]
        #expect(firstRow.hasPrefix("Patient 0 "))
        #expect(firstRow.contains(Format.units(SampleRecords.session(points: 2).summary.total)))
        #expect(app.render().lines[0].hasPrefix("FaceChart Patients (100)"))
        for _ in 0..<10 { app.update(.key(.character("j"))) }
        #expect(repository.pagesRead.count == 1, "moving within the page fetched reads nothing")
        app.update(.key(.character("G")))
        #expect(repository.pagesRead.count == 2)
        #expect(repository.pagesRead.last.map { $0.contains(99) } == true)
        #expect(app.render().lines.contains { $0.hasPrefix("Patient 99 ") })
    }

    @Test func typingAFilterFetchesTheMatchesOnly() throws {
        let repository = InMemoryRepository()
        for (index, name) in ["John Smith", "Joanna Smithers", "Mary Jones", "Sam Johnson"].enumerated() {
            let patient = SampleRecords.patient(id: "patient-\(index)", name: name)
            repository.patients[patient.id] = patient
        }
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        app.send([.key(.character("/"))] + type("jo sm"))
        guard case .patients(let list) = app.top else { Issue.record("expected the patient list"); return }
        #expect(list.matchCount == 2)
        #expect(Set(list.page.rows.map(\.name)) == ["John Smith", "Joanna Smithers"])
        #expect(app.render().lines[0].hasPrefix("FaceChart Patients (4)"))
        app.send(type("ithe") + [.key(.enter)])
        guard case .patient(let opened) = app.top else { Issue.record("Enter opens the one match"); return }
        #expect(opened.patient.name == "Joanna Smithers")
    }

    @Test func aPatientHeldByAnotherWindowIsNamedOverTheList() {
        let repository = InMemoryRepository()
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        #expect(throws: RepositoryError("No such patient.")) { try app.openPatient(RecordID("nobody")!) }
        guard case .patients = app.top else { Issue.record("the list stays"); return }
    }
}
