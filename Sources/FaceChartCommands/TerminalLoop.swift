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
        if !store.canWrite { environment.readOnly = "the data folder cannot be written" }
        let repository = StoreRepository(store: store, environment: environment)
        repository.user = environment.user.id
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
        let link = SyncLink(store: store, repository: repository, user: environment.user)
        defer { link?.stop() }
        var app = App(environment: environment, size: terminal.size)
        let runner = CommandRunner(repository: repository)
        if let problem = ownPatterns.problems.first {
            app.show(.warning("A pattern of yours was skipped: \(problem.message)"))
        }
        let watch = DataFolderWatch(root: store.root)
        let acknowledge = { (command: AppCommand) in command.patientsWritten.forEach(watch.acknowledge) }
        let hand = { (event: AppEvent, app: inout App) in runner.runAll(app.update(event), on: &app, ran: acknowledge) }
        hand(.launched(opening), &app)
        if let link { hand(.conflictsWaiting(link.pendingItems()), &app) }
        var lastLook = Date()
        // The list's first frame comes from the index as it stands; meanwhile every folder is checked against
        // it on another thread (reading only what changed), and the list is read again when it is done. The
        // same happens whenever another program changes the data folder while the list shows. Opened straight
        // onto a patient, nothing else is read until the list is shown.
        var check: IndexCheck?
        var checkAgain = true
        while !app.isFinished {
            if check == nil, checkAgain, app.watchesDataFolder {
                check = IndexCheck(root: store.root)
                checkAgain = false
                hand(.indexCheckStarted, &app)
            }
            if let outcome = check?.takeOutcome() {
                check = nil
                hand(.indexCheckFinished(problem: outcome), &app)
            }
            terminal.draw(app.render())
            // A save's index update waits until its frame is on screen.
            repository.applyIndexUpdates()
            // With a history, a figure being typed for the pen, or the index being checked, wait for keys a
            // quarter-second at a time: hear the history's news, tell the pen the clock moved, take the check's
            // outcome. While the patient list shows, look for other programs' changes about every second.
            let quick = link != nil || app.wantsTicks || check != nil
            let event = quick || app.watchesDataFolder
                ? terminal.nextEvent(waitingAtMost: quick ? syncInterval : watchInterval) : terminal.nextEvent()
            if let link {
                for news in link.handle(link.worker.poll()) { hand(news, &app) }
            }
            if app.watchesDataFolder, Date().timeIntervalSince(lastLook) * 1000 >= Double(watchInterval) {
                lastLook = Date()
                if watch.hasChanged() { checkAgain = true }
            }
            if event == nil, app.wantsTicks {
                hand(.clockRead(Date()), &app)
                hand(.input(.tick), &app)
            }
            guard let event else { continue }
            if event == .key(.control("l")) {
                terminal.redrawAll()
                continue
            }
            hand(.clockRead(Date()), &app)
            hand(.input(event), &app)
        }
        terminal.stop()
    }

    /// How often the loop looks at the data folder while the patient list shows, in milliseconds.
    static let watchInterval: Int32 = 1_000
    /// How long the loop waits for a key before it hears the history's news, tells the pen the time or
    /// takes the index check's outcome, in milliseconds.
    static let syncInterval: Int32 = 250

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
