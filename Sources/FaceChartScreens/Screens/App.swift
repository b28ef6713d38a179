import FaceChartCore
import FaceChartUI
import Foundation

/// The whole program's state: a stack of screens, the open patient's records and this chair's vials.
/// `update` is pure: it changes the state and returns the reads and saves it needs as commands, which the
/// loop runs (`CommandRunner`) and answers with events.
public struct App {
    /// One screen on the stack.
    public enum Screen: Equatable {
        case patients(PatientListScreen)
        case patientForm(PatientFormScreen)
        case patient(PatientScreen)
        case setup(SessionSetupScreen)
        case charting(ChartingScreen)
        case review(ReviewScreen)
        case history(HistoryScreen)
        case compare(CompareScreen)
        case conflict(ConflictScreen)
    }

    /// What the program opens on.
    public enum Opening: Hashable, Sendable {
        case patientList
        case patient(RecordID)
        /// The review of one of the patient's sessions.
        case review(patient: RecordID, session: RecordID)
    }

    /// What to show once a patient's records are read.
    public enum AfterOpening: Hashable, Sendable {
        case patientScreen
        /// The patient's screen, and over it the review of this session.
        case review(session: RecordID)
    }

    public internal(set) var stack: [Screen]
    public private(set) var size: (width: Int, height: Int)
    /// A failure to show over the current screen until the next key.
    public internal(set) var alert: StatusMessage?
    /// Whether the last save failed: the screens hold changes the disk does not.
    public private(set) var hasUnsavedChanges = false
    /// Set after warning that leaving would drop unsaved changes; a second q leaves.
    var leavingUnsavedConfirmed = false
    public internal(set) var environment: ScreenEnvironment
    /// The open patient's records: read once when the patient opens, kept current after every save.
    public internal(set) var records: PatientRecords?
    /// Whether the program ends once the commands returned with this are run.
    public private(set) var isFinished = false
    /// Records changed in the same field here and on another chair, waiting for a person.
    public internal(set) var pendingConflicts: [ConflictItem] = []
    /// The patient the list's selection goes back to once its page is read again.
    var listReselect: RecordID?

    public init(environment: ScreenEnvironment, size: (width: Int, height: Int)) {
        self.environment = environment
        self.environment.screenSize = size
        self.size = size
        stack = [.patients(PatientListScreen(page: PatientListPage(filter: "", offset: 0, rows: [], total: 0)))]
    }

    public var top: Screen { stack[stack.count - 1] }

    /// Whether the screen on top shows what other programs may change (the patient list), so that the loop
    /// should look for their changes between keys.
    public var watchesDataFolder: Bool {
        if case .patients = top { true } else { false }
    }

    /// Shows a message over the current screen until the next key.
    public mutating func show(_ message: StatusMessage) { alert = message }

    /// Applies one event; returns the commands the loop must run, in order.
    public mutating func update(_ event: AppEvent) -> [AppCommand] {
        switch event {
        case .launched(let opening):
            var commands: [AppCommand] = [firstListPage, .readChairVials]
            switch opening {
            case .patientList: break
            case .patient(let id): commands.append(.openPatient(id, then: .patientScreen))
            case .review(let patient, let session): commands.append(.openPatient(patient, then: .review(session: session)))
            }
            return commands
        case .input(let input):
            return handle(input)
        case .clockRead(let now):
            environment.now = now
            return []
        case .listPageRead(let page):
            return listPageRead(page)
        case .listPageNotRead(let error):
            updateList { $0.message = .error(error.message) }
            return []
        case .twinLookedFor(let patient, let twin):
            return twinLookedFor(patient, twin: twin)
        case .indexCheckStarted:
            return indexCheck(running: true)
        case .indexCheckFinished(let problem):
            return indexCheck(running: false, problem: problem)
        case .patientOpened(let opened, let then):
            return patientOpened(opened, then: then)
        case .patientNotOpened(let error):
            alert = .error(error.message)
            return []
        case .chairVialsRead(let vials):
            environment.chairVials = vials
            return []
        case .chairVialsNotRead(let error):
            alert = .warning("This chair's open vials cannot be read (each session asks for its vial): \(error.message)")
            return []
        case .filesMovedAside(let patient, let moved, let failure):
            alert = failure.map { .error("Not moved: \($0.message)") }
                ?? StatusMessage("Moved \(moved) file\(moved == 1 ? "" : "s") into damaged/, unchanged.")
            return records?.patient.id == patient ? [.reloadPatient(patient)] : []
        case .saveFinished(let report):
            return saveFinished(report)
        case .recordsChangedElsewhere(let patients):
            return recordsChangedElsewhere(patients)
        case .patientReloaded(let fresh):
            return patientReloaded(fresh)
        case .conflictsWaiting(let items):
            pendingConflicts = items
            return []
        case .noticeArrived(let notice):
            alert = notice
            return []
        }
    }

    private mutating func handle(_ input: Event) -> [AppCommand] {
        switch input {
        case .resized(let width, let height):
            size = (width, height)
            environment.screenSize = size
            if case .history(var screen) = top {
                _ = screen.update(input, environment: environment)
                replaceTop(.history(screen))
            }
            return listPageWanted()
        case .inputEnded:
            return finish()
        case .tick:
            // Only the charting screen waits on the clock: a figure typed for the pen, or a point, ends after a pause.
            guard !isTooSmall, case .charting = top else { return [] }
            let result = updateTop(input)
            return result.effects.isEmpty ? [] : [.save(result.effects, then: nil)]
        case .key, .mouse, .paste:
            break
        }
        if input == .key(.control("c")) || (isTooSmall && input == .key(.character("q"))) {
            if hasUnsavedChanges, !leavingUnsavedConfirmed {
                leavingUnsavedConfirmed = true
                alert = .error("NOT SAVED changes would be lost. Make any change to save again, or press the key again to quit.")
                return []
            }
            return finish()
        }
        if !hasUnsavedChanges, input.isKeyOrPaste { alert = nil }
        if isTooSmall { return [] }
        if case .paste = input, !top.takesText {
            alert = .warning("Paste ignored: this screen has no text field.")
            return []
        }
        if openConflict(for: input) { return [] }
        let result = updateTop(input)
        // A new patient who seems to be someone on record is added only after the user has been told once.
        if case .patientForm = top, case .patientCreated(let patient)? = result.navigation { return [.lookForTwin(patient)] }
        if !result.effects.isEmpty { return [.save(result.effects, then: result.navigation)] }
        guard let navigation = result.navigation else { return listPageWanted() }
        if hasUnsavedChanges, navigation == .back || navigation == .quit, !leavingUnsavedConfirmed {
            leavingUnsavedConfirmed = true
            alert = .error("NOT SAVED changes would be lost. Make any change to save again, or press q again to leave without them.")
            return []
        }
        hasUnsavedChanges = false
        leavingUnsavedConfirmed = false
        return navigate(navigation)
    }

    /// Hands `input` to the screen on top and keeps what it became.
    private mutating func updateTop(_ input: Event) -> ScreenResult {
        func step<State: ScreenState>(_ screen: State, _ kind: (State) -> Screen) -> ScreenResult {
            var screen = screen
            let result = screen.update(input, environment: environment)
            replaceTop(kind(screen))
            return result
        }
        switch top {
        case .patients(let screen): return step(screen, Screen.patients)
        case .patientForm(let screen): return step(screen, Screen.patientForm)
        case .patient(let screen): return step(screen, Screen.patient)
        case .setup(let screen): return step(screen, Screen.setup)
        case .charting(let screen): return step(screen, Screen.charting)
        case .review(let screen): return step(screen, Screen.review)
        case .history(let screen): return step(screen, Screen.history)
        case .compare(let screen): return step(screen, Screen.compare)
        case .conflict(let screen): return step(screen, Screen.conflict)
        }
    }

    /// Keeps what was saved, then goes where the screen asked; on a failure, shows it and keeps the data
    /// on screen (the next change saves again).
    private mutating func saveFinished(_ report: SaveReport) -> [AppCommand] {
        var reloads: [AppCommand] = []
        for effect in report.saved {
            records?.apply(effect)
            switch effect {
            case .savePattern(let pattern): environment.patterns.append(pattern)
            case .resolveConflict(let answer): reloads += settled(answer)
            default: break
            }
        }
        if let vials = report.chairVials { environment.chairVials = vials }
        if let failure = report.failure {
            alert = .error("NOT SAVED (your changes are kept on screen): \(failure.message)")
            hasUnsavedChanges = true
            leavingUnsavedConfirmed = false
            return []
        }
        if hasUnsavedChanges {
            hasUnsavedChanges = false
            alert = StatusMessage("Saved: the changes kept on screen are on disk now.")
        }
        leavingUnsavedConfirmed = false
        if let problem = report.vialNotKept {
            alert = .warning("Saved; the vial is not kept for the next sessions: \(problem.message)")
        }
        guard let navigation = report.then else { return reloads + listPageWanted() }
        return reloads + navigate(navigation)
    }

    /// The search for someone on record of the same name and date of birth came back: the form says so
    /// once, else the new patient is saved.
    private mutating func twinLookedFor(_ patient: Patient, twin: Patient?) -> [AppCommand] {
        if let twin, case .patientForm(var form) = top, form.warnDuplicate(twin) {
            replaceTop(.patientForm(form))
            return []
        }
        return [.save([.savePatient(patient)], then: .patientCreated(patient))]
    }

    /// Ends the program, releasing the open patient.
    mutating func finish() -> [AppCommand] {
        isFinished = true
        let open = records.map { [AppCommand.closePatient($0.patient.id)] } ?? []
        records = nil
        return open
    }

    mutating func replaceTop(_ screen: Screen) { stack[stack.count - 1] = screen }

    mutating func push(_ screen: Screen) { stack.append(screen) }

    /// Whether the terminal is smaller than the screens can be drawn in.
    public var isTooSmall: Bool {
        size.width < ChartingLayout.minimumSize.width || size.height < ChartingLayout.minimumSize.height
    }

    /// The current screen drawn on a canvas of the terminal's size.
    public func render() -> Canvas {
        var canvas = Canvas(width: size.width, height: size.height, glyphs: environment.glyphs)
        if isTooSmall {
            let lines = [
                ("The terminal is \(size.width)x\(size.height).", Style.plain),
                ("FaceChart needs at least \(ChartingLayout.minimumSize.width)x\(ChartingLayout.minimumSize.height).", Style.warning),
                (hasUnsavedChanges ? "Enlarge the window: the last change is NOT SAVED yet." : "Enlarge the window (q quits; all is saved).", Style.plain),
            ]
            var y = 0
            for (line, style) in lines {
                y += canvas.putWrapped(line, x: 0, y: y, width: canvas.width, style: style, maxRows: canvas.height - y)
            }
            return canvas
        }
        top.state.render(into: &canvas, environment: environment)
        if alert == nil { drawConflictBanner(into: &canvas) }
        if let alert { canvas.putMessage(alert.text, bottom: canvas.height - 1, style: alert.style) }
        return canvas
    }
}

extension App.Screen {
    /// The screen's state, whatever its kind.
    var state: any ScreenState {
        switch self {
        case .patients(let screen): screen
        case .patientForm(let screen): screen
        case .patient(let screen): screen
        case .setup(let screen): screen
        case .charting(let screen): screen
        case .review(let screen): screen
        case .history(let screen): screen
        case .compare(let screen): screen
        case .conflict(let screen): screen
        }
    }

    /// Whether the screen has a text field that pasted text could go into (now or after a key).
    var takesText: Bool {
        switch self {
        case .patients, .patientForm, .setup, .charting, .review, .conflict: true
        case .patient, .history, .compare: false
        }
    }
}

extension Event {
    /// Whether the person at the keyboard did something (a key or a paste), which clears a message.
    var isKeyOrPaste: Bool {
        switch self {
        case .key, .paste: true
        case .mouse, .resized, .inputEnded, .tick: false
        }
    }
}
