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

    /// An app showing `patient` with `sessions`, opened from the list.
    func appOnPatient(sessions: [Session] = [], reviews: [Review] = []) -> App {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        _ = app.update(.patientListRead(items: [PatientListItem(patient: patient, lastVisit: nil)], problems: []))
        _ = app.update(.patientOpened(PatientRecords(patient: patient, sessions: sessions, reviews: reviews), then: .patientScreen))
        return app
    }

    @Test func launchingAsksForTheListAndTheChairsVialsAndThePatientOpenedOn() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        let commands1 = app.update(.launched(.patientList))
        #expect(commands1 == [.readPatientList, .readChairVials])
        var review = App(environment: TestEnvironment.make(), size: (80, 24))
        let commands2 = review.update(.launched(.review(patient: patient.id, session: RecordID("s1")!)))
        #expect(commands2 == [.readPatientList, .readChairVials, .openPatient(patient.id, then: .review(session: RecordID("s1")!))])
    }

    @Test func enterOnARowAsksToOpenThePatientAndTheirRecordsAreHeldOnceRead() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        let item = PatientListItem(patient: patient, lastVisit: nil)
        let commands3 = app.update(.patientListRead(items: [item], problems: []))
        #expect(commands3 == [.readDetails([patient.id])])
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

    @Test func leavingThePatientReleasesThemAndPutsTheirRowInPlaceFromTheHeldRecords() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        let other = SampleRecords.patient(id: "patient-2", name: "Bea Other")
        let rows = [
            PatientListItem(patient: other, lastVisit: TestEnvironment.now),
            PatientListItem(patient: patient, lastVisit: TestEnvironment.now.addingTimeInterval(-86_400)),
        ]
        _ = app.update(.patientListRead(items: rows, problems: []))
        _ = app.update(.input(.key(.down)))
        let treated = SampleRecords.session(startedAt: TestEnvironment.timestamp, points: 2)
        _ = app.update(.patientOpened(PatientRecords(patient: patient, sessions: [treated], reviews: []), then: .patientScreen))

        let commands9 = app.update(.input(.key(.character("q"))))
        #expect(commands9 == [.closePatient(patient.id)])
        #expect(app.records == nil)
        guard case .patients(let list) = app.top else { Issue.record("expected the list"); return }
        #expect(list.items.map(\.patient.id) == [other.id, patient.id], "the order stays while the list is in use")
        #expect(list.selection == 1)
        #expect(list.items[1].lastVisit == TestEnvironment.now)
        #expect(list.items[1].lastTotal == treated.summary.total)
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

    @Test func navigationWaitsForItsSaves() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        _ = app.update(.patientListRead(items: [], problems: []))
        _ = app.update(.input(.key(.character("n"))))
        let commands = app.update(.input(.paste("Zoë Ångström")))
        #expect(commands == [])
        guard case .save(let effects, let then)? = app.update(.input(.key(.enter))).first,
              case .savePatient(let created) = effects.first
        else { Issue.record("expected the new patient's save"); return }
        #expect(then == .patientCreated(created))
        guard case .patientForm = app.top else { Issue.record("the form stays until the save is done"); return }
        _ = app.update(.saveFinished(SaveReport(saved: effects, then: then)))
        guard case .patient(let screen) = app.top else { Issue.record("expected the new patient's screen"); return }
        #expect(screen.patient.name == "Zoë Ångström")
        #expect(app.records == PatientRecords(patient: created, sessions: [], reviews: []))
    }

    @Test func anotherProgramsChangeRereadsTheListNowOrWhenItIsBackOnTop() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        let other = SampleRecords.patient(id: "patient-2", name: "Bea Other")
        _ = app.update(.patientListRead(items: [PatientListItem(patient: patient, lastVisit: nil)], problems: []))
        let commands11 = app.update(.dataFolderChanged)
        #expect(commands11 == [.readPatientList])
        _ = app.update(.patientListRead(
            items: [PatientListItem(patient: patient, lastVisit: nil), PatientListItem(patient: other, lastVisit: TestEnvironment.now)],
            problems: []))
        guard case .patients(let list) = app.top else { Issue.record("expected the list"); return }
        #expect(list.items.map(\.patient.id) == [other.id, patient.id])
        #expect(list.selection == 1, "the selection stays on the same patient")

        _ = app.update(.patientOpened(PatientRecords(patient: patient, sessions: [], reviews: []), then: .patientScreen))
        let commands12 = app.update(.dataFolderChanged)
        #expect(commands12 == [])
        let commands13 = app.update(.input(.key(.character("q"))))
        #expect(commands13 == [.closePatient(patient.id), .readPatientList])
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
        _ = app.update(.patientListRead(items: [], problems: []))
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

    @Test func theListAsksForDetailsOnlyForTheRowsOnScreenOnceEach() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        let items = (0..<100).map { index in
            PatientListItem(
                patient: SampleRecords.patient(id: "patient-\(index)", name: "Patient \(index)"),
                lastVisit: TestEnvironment.now.addingTimeInterval(-Double(index) * 86_400))
        }
        guard case .readDetails(let first)? = app.update(.patientListRead(items: items, problems: [])).first else {
            Issue.record("expected a read of the rows on screen"); return
        }
        #expect(first == (0..<18).map { RecordID("patient-\($0)")! })
        let commands20 = app.update(.input(.key(.character("j"))))
        #expect(commands20 == [], "rows already asked for are not asked again")
        guard case .readDetails(let last)? = app.update(.input(.key(.character("G")))).first else {
            Issue.record("expected a read of the last rows"); return
        }
        #expect(last == (82..<100).map { RecordID("patient-\($0)")! })
    }

    @Test func unreadableRecordsAreNamedOnTheList() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        _ = app.update(.launched(.patientList))
        _ = app.update(.patientListRead(
            items: [], problems: ["patients/x/patient.json cannot be read: the file ends too soon. The file was left untouched."]))
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

        let listingsBefore = repository.listings
        let continues5 = app.send([.key(.character("q"))])
        #expect(continues5)
        #expect(repository.openPatients.isEmpty)
        guard case .patients(let list) = app.top else { Issue.record("expected the patient list"); return }
        #expect(list.items.first?.lastTotal == Units(4))
        #expect(list.items.first?.lastVisit == TestEnvironment.now)
        #expect(repository.listings == listingsBefore, "coming back reads nothing: the row comes from the records held")
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

    @Test func aPatientHeldByAnotherWindowIsNamedOverTheList() {
        let repository = InMemoryRepository()
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        #expect(throws: RepositoryError("No such patient.")) { try app.openPatient(RecordID("nobody")!) }
        guard case .patients = app.top else { Issue.record("the list stays"); return }
    }
}
