import FaceChartCore
import FaceChartUI

/// Where a screen's navigation leads: screens built from the records the app holds, reads only for what
/// it does not hold yet (a patient being opened, the list).
extension App {
    mutating func navigate(_ navigation: Navigation) -> [AppCommand] {
        switch navigation {
        case .quit:
            return finish()
        case .back:
            return pop()
        case .newPatient:
            stack.append(.patientForm(PatientFormScreen()))
        case .editPatient(let patient):
            stack.append(.patientForm(PatientFormScreen(editing: patient)))
        case .patientEdited:
            stack.removeLast()
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
                screen.refreshFindings(environment: environment)
                screen.message = rescaled
                    ? .warning("\(drawn) points are now \(environment.productName(session.primaryVial.product)) units: check every dose.")
                    : StatusMessage("Header corrected; what it replaced is kept in the change list.")
                replaceTop(.charting(screen))
            }
        case .openPatient(let id):
            return [.openPatient(id, then: .patientScreen)]
        case .patientCreated(let patient):
            records = PatientRecords(patient: patient, sessions: [], reviews: [])
            replaceTop(.patient(PatientScreen(patient: patient, sessions: [], message: StatusMessage("Saved. n starts the first session."))))
        case .newSession(let patient):
            stack.append(.setup(setupScreen(for: patient, from: records?.latestTreatment, copyingPoints: false)))
        case .sessionCreated(let patient, let session):
            replaceTop(.charting(chartingScreen(patient: patient, session: session)))
        case .openSession(let patient, let session):
            stack.append(.charting(chartingScreen(patient: patient, session: session)))
        case .copyForward(let patient, let session):
            stack.append(.setup(setupScreen(for: patient, from: session, copyingPoints: true)))
        case .history(let patient):
            var history = HistoryScreen(
                patient: patient, sessions: records?.sessions ?? [], reviews: records?.reviews ?? [], viewportHeight: size.height)
            history.notices = records?.notices.map(\.message) ?? []
            stack.append(.history(history))
        case .compare(let patient, let session):
            stack.append(.compare(CompareScreen(
                patient: patient, sessions: records?.sessions ?? [], left: nil, right: session.id, views: environment.views)))
        case .moveAside(let patient, let files):
            return [.moveAside(patient: patient, files: files)]
        case .openReview(let patient, let session):
            if let readOnly = records?.readOnly {
                alert = .error("Read-only: \(readOnly). The review cannot be charted here.")
            } else {
                stack.append(.review(reviewScreen(patient: patient, session: session)))
            }
        }
        return listPageWanted()
    }

    /// Leaves the screen on top. Leaving a patient releases them; the list is read again (the visit may
    /// have moved their row), its selection back on them.
    private mutating func pop() -> [AppCommand] {
        guard stack.count > 1 else { return finish() }
        let leaving = stack.removeLast()
        guard case .patient(let screen) = leaving else {
            refreshTop()
            return []
        }
        records = nil
        listReselect = screen.patient.id
        return [.closePatient(screen.patient.id)] + listIsOutOfDate()
    }

    /// Draws the screen now on top again from the records, since the screen above may have changed them.
    mutating func refreshTop() {
        guard case .patient(let current) = top, let records else { return }
        var reloaded = patientScreen(records)
        reloaded.selection = min(current.selection, max(0, records.sessions.count - 1))
        replaceTop(.patient(reloaded))
    }

    /// A patient's records were read: their screen, and what was asked for over it.
    mutating func patientOpened(_ opened: PatientRecords, then: AfterOpening) -> [AppCommand] {
        records = opened
        stack.append(.patient(patientScreen(opened)))
        if case .review(let id) = then, let session = opened.session(id), opened.readOnly == nil {
            stack.append(.review(reviewScreen(patient: opened.patient, session: session)))
        }
        return []
    }

    /// The patient's screen, opening on the session whose review is due.
    func patientScreen(_ records: PatientRecords) -> PatientScreen {
        var screen = PatientScreen(patient: records.patient, sessions: records.sessions, reviews: records.reviews, environment: environment)
        screen.notices = records.notices
        screen.readOnly = records.readOnly
        return screen
    }

    /// The form that sets up a new session, from `previous` when there is one.
    func setupScreen(for patient: Patient, from previous: Session?, copyingPoints: Bool) -> SessionSetupScreen {
        SessionSetupScreen(
            patient: patient, previous: previous, products: environment.products, offers: environment.vialOffers,
            clinician: environment.user, copiesPoints: copyingPoints, timeZone: environment.timeZone)
    }

    /// The charting screen for a session, with the patient's other sessions for the safety checks and,
    /// for a top-up, the original points beneath.
    func chartingScreen(patient: Patient, session: Session) -> ChartingScreen {
        var screen = ChartingScreen(
            patient: patient, session: session, views: environment.views, history: records?.sessions(otherThan: session.id) ?? [],
            environment: environment)
        if session.link?.kind == .topUp, let linked = session.link?.session, let original = records?.session(linked) {
            screen.priorPoints = original.points
        }
        if let unseen = records?.sessionFilesLeftOut, unseen > 0 {
            screen.message = .warning("Interval and dose checks cannot see \(unseen) session file\(unseen == 1 ? "" : "s") "
                + "that cannot be used (named on the patient's screen).")
        }
        if let readOnly = records?.readOnly { screen.readOnly = readOnly }
        return screen
    }

    /// The review of `session`, with its saved scores and top-up if there are any.
    func reviewScreen(patient: Patient, session: Session) -> ReviewScreen {
        let (review, topUp) = records?.review(of: session) ?? (nil, nil)
        var screen = ReviewScreen(
            patient: patient, original: session, review: review, topUp: topUp, views: environment.views, environment: environment)
        screen.history = records?.sessions ?? []
        return screen
    }
}
