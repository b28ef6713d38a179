import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartTerminal
import Foundation

/// The terminal program's loop: draw, wait for an event, update, run what the update asks, repeat; restore
/// the terminal on the way out.
public enum TerminalLoop {
    /// What to open on start, beyond the patient list, as the user named it.
    public enum Opening {
        case patientList
        case patient(String)
        /// The review of a session (id or date; the one due, else the latest full treatment, when nil).
        case review(patient: String, session: String?)
    }

    /// Runs the screens on `store`, opening straight onto `patient` when one is named.
    public static func run(store: PatientStore, patient: String?) throws(UserError) {
        try run(store: store, opening: patient.map { .patient($0) } ?? .patientList)
    }

    /// Runs the screens on `store`, opening on `opening`.
    public static func run(store: PatientStore, opening: Opening) throws(UserError) {
        let library = try AssetLibrary.load()
        var environment = library.screenEnvironment()
        let ownPatterns = try UserError.fromStore { () throws(StoreError) in try store.readUserPatterns() }
        environment.patterns += ownPatterns.patterns
        let repository = StoreRepository(store: store, environment: environment)
        let opening = try resolve(opening, in: store, environment: environment)
        let terminal: Terminal
        do {
            terminal = try Terminal.start(environment: ProcessInfo.processInfo.environment)
        } catch let error as TerminalError {
            throw UserError(error.description)
        } catch {
            throw UserError("the terminal could not be started")
        }
        environment.glyphs = terminal.glyphs
        var app = App(environment: environment, size: terminal.size)
        let runner = CommandRunner(repository: repository)
        if let problem = ownPatterns.problems.first {
            app.show(.warning("A pattern of yours was skipped: \(problem.message)"))
        }
        let watch = DataFolderWatch(root: store.root)
        let acknowledge = { (command: AppCommand) in command.patientsWritten.forEach(watch.acknowledge) }
        runner.runAll(app.update(.launched(opening)), on: &app, ran: acknowledge)
        while !app.isFinished {
            terminal.draw(app.render())
            // While the patient list shows, look for other programs' changes about every second between keys.
            guard let event = app.watchesDataFolder ? terminal.nextEvent(waitingAtMost: watchInterval) : terminal.nextEvent() else {
                if watch.hasChanged() { runner.runAll(app.update(.dataFolderChanged), on: &app, ran: acknowledge) }
                continue
            }
            if event == .key(.control("l")) {
                terminal.redrawAll()
                continue
            }
            _ = app.update(.clockRead(Date()))
            runner.runAll(app.update(.input(event)), on: &app, ran: acknowledge)
        }
        terminal.stop()
    }

    /// How long the loop waits for a key before it looks at the data folder, in milliseconds.
    static let watchInterval: Int32 = 1_000

    /// The opening as ids: the patient found by id or name, and for a review the session named (by id
    /// or date), else the one whose review is due, else the latest full treatment.
    private static func resolve(_ opening: Opening, in store: PatientStore, environment: ScreenEnvironment) throws(UserError) -> App.Opening {
        switch opening {
        case .patientList:
            return .patientList
        case .patient(let text):
            return .patient(try PatientLookup.find(text, in: store).id)
        case .review(let text, let sessionText):
            let patient = try PatientLookup.find(text, in: store)
            let sessions = try UserError.fromStore { () throws(StoreError) in try store.sessions(of: patient.id) }
            let treatments = sessions.filter(\.isTreatment)
            let reviews = try UserError.fromStore { () throws(StoreError) in try store.reviews(of: patient.id) }
            if sessionText == nil, let due = treatments.last(where: { environment.isReviewDue($0, reviews: reviews) }) {
                return .review(patient: patient.id, session: due.id)
            }
            let session = try PatientLookup.session(sessionText, among: treatments, timeZone: environment.timeZone)
            return .review(patient: patient.id, session: session.id)
        }
    }
}
