import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartTerminal
import Foundation
import Glibc

/// The terminal program's loop: draw, wait for an event, update, repeat; restore the terminal on the way out.
enum ChartSession {
    /// What to open on start, beyond the patient list.
    enum Opening {
        case patientList
        case patient(String)
        /// The review of a session (id or date; the one due, else the latest full treatment, when nil).
        case review(patient: String, session: String?)
    }

    static func run(store: PatientStore, patient: String?) throws(UserError) {
        try run(store: store, opening: patient.map { .patient($0) } ?? .patientList)
    }

    static func run(store: PatientStore, opening: Opening) throws(UserError) {
        let library = try AssetLibrary.load()
        var environment = library.screenEnvironment()
        let ownPatterns = try UserError.fromStore { () throws(StoreError) in try store.readUserPatterns() }
        environment.patterns += ownPatterns.patterns
        let repository = StoreRepository(store: store, environment: environment)
        repository.user = environment.user.id
        var patientID: RecordID?
        var reviewed: Session?
        switch opening {
        case .patientList:
            break
        case .patient(let text):
            patientID = try PatientLookup.find(text, in: store).id
        case .review(let text, let sessionText):
            let patient = try PatientLookup.find(text, in: store)
            patientID = patient.id
            let sessions = try UserError.fromStore { () throws(StoreError) in try store.sessions(of: patient.id) }
            let treatments = sessions.filter(\.isTreatment)
            let reviews = try UserError.fromStore { () throws(StoreError) in try store.reviews(of: patient.id) }
            if sessionText == nil, let due = treatments.last(where: { environment.isReviewDue($0, reviews: reviews) }) {
                reviewed = due
            } else {
                reviewed = try PatientLookup.session(sessionText, among: treatments, timeZone: environment.timeZone)
            }
        }

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
        var app = App(repository: repository, environment: environment, size: terminal.size)
        if let link { app.setPendingConflicts(link.pendingItems()) }
        if let problem = ownPatterns.problems.first {
            app.show(.warning("A pattern of yours was skipped: \(problem.message)"))
        }
        if let patientID {
            do {
                try app.openPatient(patientID)
                if let reviewed, case .patient(let screen) = app.top {
                    try app.openReview(patient: screen.patient, session: reviewed)
                }
            } catch {
                terminal.stop()
                throw UserError(error.message)
            }
        }
        // The list's first frame comes from the index as it stands; meanwhile every folder is checked
        // against it on another thread (reading only what changed), and the list is read again when it
        // is done. Opened straight onto a patient, nothing else is read until the list is shown.
        var check: IndexCheck?
        while true {
            if check == nil, case .patients = app.top {
                check = IndexCheck(root: store.root)
                app.setListChecking(true)
            }
            if let outcome = check?.takeOutcome() {
                app.setListChecking(false)
                app.reloadList()
                if let problem = outcome { app.show(.warning(problem)) }
            }
            terminal.draw(app.render())
            // A save's index update waits until its frame is on screen.
            repository.applyIndexUpdates()
            // With a history, a figure being typed for the pen, or the index being checked, wait for keys a
            // quarter-second at a time: look at the history's news between them, and tell the pen the clock moved.
            let polling = link != nil || app.wantsTicks || check?.isPending == true
            let event = polling ? terminal.nextEvent(waitingAtMost: 250) : terminal.nextEvent()
            if let link { link.handle(link.worker.poll(), app: &app) }
            guard let event else {
                if app.wantsTicks { _ = app.update(.tick) }
                continue
            }
            if event == .key(.control("l")) {
                terminal.redrawAll()
                continue
            }
            guard app.update(event) else { break }
        }
        terminal.stop()
    }
}
