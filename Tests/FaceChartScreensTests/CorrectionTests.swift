import FaceChartCore
import FaceChartScreens
import FaceChartUI
import FaceChartTestSupport
import Foundation
import Testing

/// Corrections in the screens: a patient's record, a draft's header and notes, voiding; each saved
/// with what it replaced in the change list, by the user at the keyboard.
@Suite struct CorrectionTests {
    let environment = TestEnvironment.make()

    func type(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    func run(_ events: [Event], on app: inout AppDriver) {
        for event in events { _ = app.update(event) }
    }

    func appOnPatient(_ repository: InMemoryRepository, sessions: [Session] = []) throws -> AppDriver {
        let patient = SampleRecords.patient()
        repository.patients[patient.id] = patient
        repository.sessionsByPatient[patient.id] = sessions
        var app = AppDriver(repository: repository, environment: environment, size: (100, 30))
        try app.openPatient(patient.id)
        return app
    }

    @Test func correctingAPatientSavesTheRecordAndWhatEachFieldHeld() throws {
        let repository = InMemoryRepository()
        var app = try appOnPatient(repository)
        run([.key(.character("E"))], on: &app)
        guard case .patientForm(let form) = app.top else { Issue.record("expected the patient form"); return }
        #expect(form.name.text == "Ada Example" && form.dateOfBirth.text == "1980-02-29")
        run([.key(.control("u"))] + type("Ada Exemplar") + [.key(.tab), .key(.control("u"))] + type("1980-03-01")
            + [.key(.tab), .key(.tab), .key(.character("5")), .key(.enter)], on: &app)
        guard case .patient(let screen) = app.top else { Issue.record("expected the patient screen"); return }
        let saved = try #require(repository.patients[screen.patient.id])
        #expect(saved.name == "Ada Exemplar" && saved.dateOfBirth == CalendarDate("1980-03-01"))
        #expect(saved.flags.contains(.pregnancy))
        #expect(saved.updatedAt == TestEnvironment.timestamp)
        #expect(screen.patient == saved)
        let changes = try #require(repository.changesByPatient[saved.id])
        #expect(changes.map(\.field) == ["name", "dateOfBirth", "flags.pregnancy"])
        #expect(changes.map(\.from) == ["Ada Example", "1980-02-29", "absent"])
        #expect(changes.allSatisfy { $0.by == SampleRecords.clinician && $0.at == TestEnvironment.timestamp })
    }

    @Test func aCorrectionThatChangesNothingSavesNothing() throws {
        let repository = InMemoryRepository()
        var app = try appOnPatient(repository)
        run([.key(.character("E")), .key(.enter)], on: &app)
        guard case .patient = app.top else { Issue.record("expected the patient screen"); return }
        #expect(repository.changesByPatient.isEmpty)
        #expect(repository.saveCount == 0)
    }

    @Test func aSecondPatientOfTheSameNameAndBirthIsAddedOnlyAfterASecondEnter() throws {
        let repository = InMemoryRepository()
        let first = SampleRecords.patient()
        repository.patients[first.id] = first
        var app = AppDriver(repository: repository, environment: environment, size: (100, 30))
        run([.key(.character("n"))] + type("ada  example") + [.key(.tab)] + type("1980-02-29") + [.key(.enter)], on: &app)
        guard case .patientForm(let form) = app.top else { Issue.record("expected the form to stay"); return }
        #expect(form.message?.text.contains("is already a patient (patient-1)") == true)
        #expect(repository.patients.count == 1)
        run([.key(.enter)], on: &app)
        #expect(repository.patients.count == 2)
        guard case .patient = app.top else { Issue.record("expected the new patient"); return }
    }

    @Test func aDraftsNotesPointNotesAndVoidingAreSavedWithTheirHistory() throws {
        var session = SampleRecords.session(points: 2)
        session.notes = ""
        var screen = ChartingScreen(patient: SampleRecords.patient(), session: session, views: SampleFaceView.views())
        var effects: [Effect] = []
        func send(_ keys: [Key]) {
            for key in keys { effects += screen.update(.key(key), environment: environment).effects }
        }
        send([.character("N")] + "Tolerated well".map { .character($0) } + [.enter])
        #expect(screen.session.notes == "Tolerated well")
        send([.tab, .character("n"), .control("u")] + "above brow".map { .character($0) } + [.enter])
        #expect(screen.session.points.first { $0.id == screen.selected }?.note == "above brow")
        send([.character("V"), .enter])
        #expect(screen.session.status == .draft, "a reason is required")
        #expect(screen.message?.text == "The reason for voiding is required.")
        send("charted on the wrong patient".map { .character($0) } + [.enter])
        #expect(screen.session.voiding?.reason == "charted on the wrong patient")
        #expect(screen.session.voiding?.by == SampleRecords.clinician)
        let changes = effects.compactMap { effect -> [Change]? in
            if case .recordChanges(let changes, _) = effect { changes } else { nil }
        }.flatMap { $0 }
        #expect(changes.map(\.field) == ["notes", "points[\(screen.selected!)].note", "status"])
        #expect(changes.last?.reason == "charted on the wrong patient")
        let saves = effects.filter { if case .saveSession = $0 { true } else { false } }
        #expect(saves.count == 3)
        // A voided session takes no more points or corrections.
        effects = []
        send([.enter, .character("N"), .character("V")])
        #expect(effects.isEmpty)
        #expect(screen.session.points.count == 2)
    }

    @Test func theRecordOverlayListsTheSignatureAndEveryAddendumWhole() throws {
        var signed = SampleRecords.signed(SampleRecords.session(points: 1))
        signed = try signed.addingAddendum(
            "Patient called on day 2: a small bruise over the right brow, no ptosis, reassured.", by: Clinician(name: "Nurse Two"),
            at: TestEnvironment.timestamp)
        var screen = ChartingScreen(patient: SampleRecords.patient(), session: signed, views: SampleFaceView.views())
        _ = screen.update(.key(.character("i")), environment: environment)
        let lines = screen.recordLines(environment: environment)
        #expect(lines.contains { $0.0 == "Signed" && $0.1.contains("Dr Example (dermatologist)") && $0.1.contains(": author") })
        #expect(lines.contains { $0.0 == "Addendum 1" && $0.1.hasSuffix("Nurse Two: Patient called on day 2: a small bruise over the right brow, no ptosis, reassured.") })
        var canvas = Canvas(width: 100, height: 30)
        screen.render(into: &canvas, environment: environment)
        #expect(canvas.lines.joined().contains("Signed Dr Example"))
        #expect(canvas.lines.joined().contains("This record"))
    }

    @Test func aDraftsHeaderIsCorrectedThroughTheSetupForm() throws {
        let repository = InMemoryRepository()
        let session = SampleRecords.session(points: 1)
        var app = try appOnPatient(repository, sessions: [session])
        run([.key(.enter), .key(.character("E"))], on: &app)
        guard case .setup(let form) = app.top else { Issue.record("expected the setup form"); return }
        #expect(form.vial.lot.text == "C1234A")
        #expect(form.focus == .concern, "the focus starts where it always does")
        #expect(form.correcting == session)
        run([.key(.tab), .key(.tab), .key(.tab), .key(.control("u"))] + type("C1234B") + [.key(.enter)], on: &app)
        guard case .charting(let chart) = app.top else { Issue.record("expected the charting screen"); return }
        #expect(chart.session.primaryVial.lot == "C1234B")
        #expect(chart.session.points == session.points)
        #expect(repository.sessionsByPatient[session.patient]?.last?.primaryVial.lot == "C1234B")
        let changes = try #require(repository.changesByPatient[session.patient])
        #expect(changes.map(\.field) == ["vials[v1].lot"])
        #expect(changes.first?.from == "C1234A" && changes.first?.to == "C1234B")
    }

    @Test func signingAnAddendumAndAnOverrideAreInTheChangeListToo() throws {
        var screen = ChartingScreen(
            patient: SampleRecords.patient(), session: SampleRecords.session(points: 1), views: SampleFaceView.views())
        var changes: [Change] = []
        func send(_ keys: [Key]) {
            for key in keys {
                for effect in screen.update(.key(key), environment: environment).effects {
                    if case .recordChanges(let recorded, _) = effect { changes += recorded }
                }
            }
        }
        // The sample patient is lactating (a label warning): signing asks for one reason, recorded too.
        send([.character("S"), .enter] + "discussed".map { .character($0) } + [.enter])
        #expect(screen.session.isSigned)
        send([.character("A")] + "Reviewed by phone.".map { .character($0) } + [.enter, .enter])
        #expect(changes.map(\.field) == ["status", "overrides.signing.openWarnings", "addenda[0]"])
        #expect(changes.map(\.to) == ["signed", "discussed (open: warning.lactation)", "Dr Example (dermatologist): Reviewed by phone."])
    }
}
