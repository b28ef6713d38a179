import FaceChartCore
import FaceChartScreens
import FaceChartUI

/// The app run as the terminal loop runs it, against an in-memory repository: each event's commands
/// are run and their results handed back before the next event.
public struct AppDriver {
    public private(set) var app: App
    public let runner: CommandRunner

    /// The app launched on `opening`, with the list and the chair's vials read.
    public init(
        repository: InMemoryRepository, environment: ScreenEnvironment, size: (width: Int, height: Int),
        opening: App.Opening = .patientList
    ) {
        app = App(environment: environment, size: size)
        runner = CommandRunner(repository: repository)
        runner.runAll(app.update(.launched(opening)), on: &app)
    }

    /// Opens a patient as Enter on their row does; throws what the app would show when it cannot.
    public mutating func openPatient(_ id: RecordID) throws(RepositoryError) {
        runner.runAll([.openPatient(id, then: .patientScreen)], on: &app)
        guard case .patient(let screen) = app.top, screen.patient.id == id else {
            throw RepositoryError(app.alert?.text ?? "The patient did not open.")
        }
    }

    /// Hands one piece of input to the app and runs what it asks; false once the program has ended.
    @discardableResult
    public mutating func update(_ event: Event) -> Bool {
        runner.runAll(app.update(.input(event)), on: &app)
        return !app.isFinished
    }

    /// Hands the app an event from outside the keyboard (a sync's news, say) and runs what it asks.
    public mutating func hand(_ event: AppEvent) {
        runner.runAll(app.update(event), on: &app)
    }

    /// Hands every piece of input in turn; false when the program ended on one of them.
    @discardableResult
    public mutating func send(_ events: [Event]) -> Bool {
        for event in events where !update(event) { return false }
        return true
    }

    public var top: App.Screen { app.top }
    public var alert: StatusMessage? { app.alert }
    public var hasUnsavedChanges: Bool { app.hasUnsavedChanges }
    public var environment: ScreenEnvironment { app.environment }
    public func render() -> Canvas { app.render() }
}
