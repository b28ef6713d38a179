import FaceChartCore
import FaceChartScreens
import FaceChartTestSupport
import FaceChartUI
import Foundation
import Testing

/// Records changed on another chair: the conflict screen's choices, and screens reloaded after a sync.
@Suite struct OtherChairsTests {
    private let item = ConflictItem(
        id: "c1", patient: RecordID("patient-1"), record: "patient record",
        fields: [
            ConflictItem.Field(name: "notes", mine: "Allergic to latex", theirs: "Prefers mornings"),
            ConflictItem.Field(name: "sex", mine: "female", theirs: "other"),
        ])

    private func keys(_ text: String) -> [Event] { text.map { .key(.character($0)) } }

    @Test func eachFieldNeedsAChoiceAndEnterSavesTheAnswer() {
        var screen = ConflictScreen(item: item)
        let environment = TestEnvironment.make()
        let early = screen.update(.key(.enter), environment: environment)
        #expect(early.effects.isEmpty)
        #expect(screen.message?.text.contains("for every field") == true)
        _ = screen.update(.key(.character("e")), environment: environment)
        for event in [.key(.control("u"))] + keys("Both notes") + [.key(.enter)] { _ = screen.update(event, environment: environment) }
        #expect(screen.selection == 1, "the next undecided field is selected")
        _ = screen.update(.key(.character("t")), environment: environment)
        let outcome = screen.update(.key(.enter), environment: environment)
        #expect(outcome.effects == [.resolveConflict(ConflictAnswer(
            id: "c1", patient: RecordID("patient-1"), choices: ["notes": .edited("Both notes"), "sex": .theirs]))])
        #expect(outcome.navigation == .back)
        var canvas = Canvas(width: 80, height: 24)
        screen.render(into: &canvas, environment: environment)
        let drawn = canvas.text
        #expect(drawn.contains("mine:   Allergic to latex"))
        #expect(drawn.contains("edited: Both notes"))
    }

    @Test func theBannerOpensTheConflictAndAnotherChairsChangesReloadTheScreen() throws {
        let repository = InMemoryRepository()
        let patient = SampleRecords.patient()
        repository.patients[patient.id] = patient
        var app = AppDriver(repository: repository, environment: TestEnvironment.make(), size: (80, 24))
        try app.openPatient(patient.id)
        app.hand(.conflictsWaiting([item]))
        let drawn = app.render().text
        #expect(drawn.contains("Changed on another chair: 1 record. Press C"))
        let stillRunning = app.update(.key(.character("C")))
        #expect(stillRunning)
        guard case .conflict(let screen) = app.top else { Issue.record("expected the conflict screen"); return }
        #expect(screen.item == item)
        app.update(.key(.character("q")))

        repository.sessionsByPatient[patient.id] = [SampleRecords.session()]
        app.hand(.recordsChangedElsewhere([patient.id]))
        guard case .patient(let reloaded) = app.top else { Issue.record("expected the patient screen"); return }
        #expect(reloaded.sessions.map(\.id) == [RecordID("session-1")!])
        #expect(app.alert?.text == "Updated: another chair changed this patient's records.")
    }

    @Test func anotherChairsChangeOfTheOpenPatientIsReadAgainByACommand() {
        var app = App(environment: TestEnvironment.make(), size: (80, 24))
        let patient = SampleRecords.patient()
        _ = app.update(.patientOpened(PatientRecords(patient: patient, sessions: [], reviews: []), then: .patientScreen))
        let commands = app.update(.recordsChangedElsewhere([patient.id, RecordID("someone-else")!]))
        #expect(commands == [.reloadPatient(patient.id)])
        let answer = ConflictAnswer(id: "c1", patient: patient.id, choices: ["notes": .mine])
        _ = app.update(.conflictsWaiting([item]))
        let settled = app.update(.saveFinished(SaveReport(saved: [.resolveConflict(answer)])))
        #expect(settled == [.reloadPatient(patient.id)])
        #expect(app.pendingConflicts.isEmpty)
        #expect(app.alert?.text == "Saved: the record now holds your choices.")
    }
}
