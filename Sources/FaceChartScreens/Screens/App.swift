import FaceChartCore
import FaceChartUI

/// The whole program's state: a stack of screens over a repository. Screens decide; the app carries
/// out their effects (durable saves) and their navigation.
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

    public internal(set) var stack: [Screen]
    public private(set) var size: (width: Int, height: Int)
    /// A failure to show over the current screen until the next key.
    public private(set) var alert: StatusMessage?
    /// Whether the last save failed: the screens hold changes the disk does not.
    public private(set) var hasUnsavedChanges = false
    /// Set after warning that leaving would drop unsaved changes; a second q leaves.
    private var leavingUnsavedConfirmed = false
    public private(set) var environment: ScreenEnvironment
    /// Records changed in the same field here and on another chair, waiting for a person.
    public internal(set) var pendingConflicts: [ConflictItem] = []
    let repository: PatientRepository

    public init(repository: PatientRepository, environment: ScreenEnvironment, size: (width: Int, height: Int)) {
        self.repository = repository
        self.environment = environment
        self.environment.screenSize = size
        self.size = size
        stack = []
        alert = nil
        stack = [.patients(loadList())]
        loadListPage()
    }

    /// Opens straight onto one patient, as `facechart open PATIENT` does.
    public mutating func openPatient(_ id: RecordID) throws(RepositoryError) {
        let (patient, sessions) = try repository.open(id)
        stack.append(.patient(patientScreen(patient, sessions: sessions)))
    }

    public var top: Screen { stack[stack.count - 1] }

    /// Shows a message over the current screen until the next key.
    public mutating func show(_ message: StatusMessage) { alert = message }

    /// Applies one event. Returns false when the program should end.
    public mutating func update(_ event: Event) -> Bool {
        switch event {
        case .resized(let width, let height):
            size = (width, height)
            environment.screenSize = size
            loadListPage()
            if case .history(var screen) = top {
                _ = screen.update(event, environment: environment)
                replaceTop(.history(screen))
            }
            return true
        case .inputEnded:
            closeAll()
            return false
        case .tick:
            if !isTooSmall, case .charting(var screen) = top {
                _ = screen.update(event, environment: environment)
                replaceTop(.charting(screen))
            }
            return true
        case .key, .mouse, .paste:
            break
        }
        if event == .key(.control("c")) || (isTooSmall && event == .key(.character("q"))) {
            if hasUnsavedChanges, !leavingUnsavedConfirmed {
                leavingUnsavedConfirmed = true
                alert = .error("NOT SAVED changes would be lost. Make any change to save again, or press the key again to quit.")
                return true
            }
            closeAll()
            return false
        }
        if !hasUnsavedChanges, event.isKeyOrPaste { alert = nil }
        if isTooSmall { return true }
        if case .paste = event, !top.takesText {
            alert = .warning("Paste ignored: this screen has no text field.")
            return true
        }
        if openConflict(for: event) { return true }
        let outcome: Outcome
        switch top {
        case .patients(var screen):
            outcome = screen.update(event, environment: environment)
            replaceTop(.patients(screen))
        case .patientForm(var screen):
            outcome = screen.update(event, environment: environment)
            // A new patient who seems to be someone on record (found through the repository) is added
            // only after the user has been told once.
            if case .patientCreated(let patient)? = outcome.navigation,
               let twin = repository.possibleDuplicate(of: patient), screen.warnDuplicate(twin) {
                replaceTop(.patientForm(screen))
                return true
            }
            replaceTop(.patientForm(screen))
        case .patient(var screen):
            outcome = screen.update(event, environment: environment)
            replaceTop(.patient(screen))
        case .setup(var screen):
            outcome = screen.update(event, environment: environment)
            replaceTop(.setup(screen))
        case .charting(var screen):
            outcome = screen.update(event, environment: environment)
            replaceTop(.charting(screen))
        case .review(var screen):
            outcome = screen.update(event, environment: environment)
            replaceTop(.review(screen))
        case .history(var screen):
            outcome = screen.update(event, environment: environment)
            replaceTop(.history(screen))
        case .compare(var screen):
            outcome = screen.update(event, environment: environment)
            replaceTop(.compare(screen))
        case .conflict(var screen):
            outcome = screen.update(event, environment: environment)
            replaceTop(.conflict(screen))
        }
        defer { loadListPage() }
        guard perform(outcome.effects) else { return true }
        guard let navigation = outcome.navigation else { return true }
        if hasUnsavedChanges, navigation == .back || navigation == .quit, !leavingUnsavedConfirmed {
            leavingUnsavedConfirmed = true
            alert = .error("NOT SAVED changes would be lost. Make any change to save again, or press q again to leave without them.")
            return true
        }
        hasUnsavedChanges = false
        leavingUnsavedConfirmed = false
        return navigate(navigation)
    }

    /// Saves every record; on a failure shows it and keeps the data in memory (the next change saves again).
    private mutating func perform(_ effects: [Effect]) -> Bool {
        for effect in effects {
            do {
                switch effect {
                case .savePatient(let patient): try repository.save(patient)
                case .saveSession(let session): try repository.save(session)
                case .saveReview(let review): try repository.save(review)
                case .savePattern(let pattern):
                    try repository.save(pattern)
                    environment.patterns.append(pattern)
                case .recordChanges(let changes, let patient): try repository.record(changes, patient: patient)
                case .resolveConflict(let answer): try settle(answer)
                }
            } catch {
                alert = .error("NOT SAVED (your changes are kept on screen): \(error.message)")
                hasUnsavedChanges = true
                leavingUnsavedConfirmed = false
                return false
            }
        }
        if !effects.isEmpty, hasUnsavedChanges {
            hasUnsavedChanges = false
            alert = StatusMessage("Saved: the changes kept on screen are on disk now.")
        }
        return true
    }

    private mutating func navigate(_ navigation: Navigation) -> Bool {
        switch navigation {
        case .quit:
            closeAll()
            return false
        case .back:
            pop()
            if stack.isEmpty {
                return false
            }
        case .newPatient:
            stack.append(.patientForm(PatientFormScreen()))
        case .editPatient(let patient):
            stack.append(.patientForm(PatientFormScreen(editing: patient)))
        case .patientEdited(let patient):
            stack.removeLast()
            if case .patient(var screen) = top {
                screen.patient = patient
                replaceTop(.patient(screen))
            }
            refreshTop()
            alert = StatusMessage("Saved. What it replaced is kept in the change list.")
        case .editSessionHeader(let patient, let session):
            stack.append(.setup(SessionSetupScreen(
                patient: patient, correcting: session, products: environment.products, timeZone: environment.timeZone)))
        case .sessionHeaderEdited(let session):
            stack.removeLast()
            if case .charting(var screen) = top {
                let drawn = session.points.filter { $0.vial == session.primaryVial.id }.count
                let rescaled = screen.session.primaryVial.ingredient != session.primaryVial.ingredient && drawn > 0
                screen.session = session
                screen.message = rescaled
                    ? .warning("\(drawn) points are now \(environment.productName(session.primaryVial.product)) units: check every dose.")
                    : StatusMessage("Header corrected; what it replaced is kept in the change list.")
                replaceTop(.charting(screen))
            }
        case .openPatient(let id):
            do {
                try openPatient(id)
            } catch {
                alert = .error(error.message)
            }
        case .patientCreated(let patient):
            replaceTop(.patient(PatientScreen(patient: patient, sessions: [], message: StatusMessage("Saved. n starts the first session."))))
        case .newSession(let patient):
            let sessions = (try? repository.sessions(of: patient.id)) ?? []
            let previous = sessions.filter(\.isTreatment).max { $0.startedAt < $1.startedAt }
            stack.append(.setup(SessionSetupScreen(patient: patient, previous: previous, products: environment.products)))
        case .sessionCreated(let patient, let session):
            replaceTop(.charting(chartingScreen(patient: patient, session: session)))
        case .openSession(let patient, let session):
            stack.append(.charting(chartingScreen(patient: patient, session: session)))
        case .copyForward(let patient, let session):
            stack.append(.setup(SessionSetupScreen(patient: patient, previous: session, products: environment.products, copiesPoints: true)))
        case .history(let patient):
            do {
                stack.append(.history(HistoryScreen(
                    patient: patient, sessions: try repository.sessions(of: patient.id),
                    reviews: try repository.reviews(of: patient.id), viewportHeight: size.height)))
            } catch {
                alert = .error(error.message)
            }
        case .compare(let patient, let session):
            do {
                let sessions = try repository.sessions(of: patient.id)
                stack.append(.compare(CompareScreen(patient: patient, sessions: sessions, left: nil, right: session.id, views: environment.views)))
            } catch {
                alert = .error(error.message)
            }
        case .openReview(let patient, let session):
            do {
                try openReview(patient: patient, session: session)
            } catch {
                alert = .error(error.message)
            }
        }
        return true
    }

    private mutating func pop() {
        let leaving = stack.removeLast()
        if case .patient(let screen) = leaving {
            repository.close(screen.patient.id)
            if case .patients(var list) = stack.last {
                // The patient just left may have moved: the page on screen is read again from the index.
                list.invalidate()
                replaceTop(.patients(list))
                loadListPage()
                if case .patients(var reloaded) = stack.last {
                    reloaded.select(screen.patient.id)
                    replaceTop(.patients(reloaded))
                }
                return
            }
        }
        refreshTop()
    }

    /// Reloads what the screen now on top shows, since the screen above may have changed it.
    private mutating func refreshTop() {
        guard let screen = stack.last else { return }
        switch screen {
        case .patient(let current):
            do {
                let sessions = try repository.sessions(of: current.patient.id)
                var reloaded = patientScreen(current.patient, sessions: sessions)
                reloaded.selection = min(current.selection, max(0, sessions.count - 1))
                replaceTop(.patient(reloaded))
            } catch {
                alert = .error(error.message)
            }
        default:
            break
        }
    }

    /// The charting screen for a session, with the patient's other sessions for the safety checks and,
    /// for a top-up, the original points beneath.
    private func chartingScreen(patient: Patient, session: Session) -> ChartingScreen {
        var screen = ChartingScreen(patient: patient, session: session, views: environment.views)
        var sessions: [Session] = []
        do {
            sessions = try repository.sessions(of: patient.id)
        } catch {
            screen.message = .warning("Interval and dose checks cannot see every earlier session: \(error.message)")
        }
        screen.history = sessions.filter { $0.id != session.id }
        if session.link?.kind == .topUp, let original = sessions.first(where: { $0.id == session.link?.session }) {
            screen.priorPoints = original.points
        }
        return screen
    }

    /// The patient's screen; a review that cannot be read leaves its session marked due.
    func patientScreen(_ patient: Patient, sessions: [Session]) -> PatientScreen {
        PatientScreen(
            patient: patient, sessions: sessions, reviews: (try? repository.reviews(of: patient.id)) ?? [], environment: environment)
    }

    /// Opens the review of `session`, with its saved outcomes and top-up if there are any.
    public mutating func openReview(patient: Patient, session: Session) throws(RepositoryError) {
        let sessions = try repository.sessions(of: patient.id)
        let review = try repository.reviews(of: patient.id).first { $0.session == session.id }
        let topUp = sessions.first { candidate in
            candidate.id == review?.topUp || (review?.topUp == nil && candidate.link == Session.Link(kind: .topUp, session: session.id))
        }
        var screen = ReviewScreen(
            patient: patient, original: session, review: review, topUp: topUp, views: environment.views, environment: environment)
        screen.history = sessions
        stack.append(.review(screen))
    }

    private mutating func closeAll() {
        while let screen = stack.popLast() {
            if case .patient(let patientScreen) = screen { repository.close(patientScreen.patient.id) }
        }
    }

    private mutating func replaceTop(_ screen: Screen) { stack[stack.count - 1] = screen }

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
        switch top {
        case .patients(let screen): screen.render(into: &canvas, environment: environment)
        case .patientForm(let screen): screen.render(into: &canvas, environment: environment)
        case .patient(let screen): screen.render(into: &canvas, environment: environment)
        case .setup(let screen): screen.render(into: &canvas, environment: environment)
        case .charting(let screen): screen.render(into: &canvas, environment: environment)
        case .review(let screen): screen.render(into: &canvas, environment: environment)
        case .history(let screen): screen.render(into: &canvas, environment: environment)
        case .compare(let screen): screen.render(into: &canvas, environment: environment)
        case .conflict(let screen): screen.render(into: &canvas, environment: environment)
        }
        if alert == nil { drawConflictBanner(into: &canvas) }
        if let alert { canvas.putMessage(alert.text, bottom: canvas.height - 1, style: alert.style) }
        return canvas
    }
}

extension App.Screen {
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
