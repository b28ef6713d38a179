import FaceChartCore
import FaceChartScreens
import FaceChartStore
import FaceChartSync
import Foundation
import Glibc

/// The on-disk store behind the screens: reads, durable saves, and a lock on every patient open. The
/// index updates of saves wait until `applyIndexUpdates()`, which the loop calls once a frame is drawn.
public final class StoreRepository: PatientRepository {
    private let store: PatientStore
    /// The clock, time zone and review timing the list's "review due" follows.
    private let environment: ScreenEnvironment
    private var locks: [RecordID: PatientLock] = [:]
    private var memoryIndexFilled = false
    /// The last version of each session this window saw, to tell a signature or an addendum from a
    /// draft change.
    private var known: [RecordID: Session] = [:]
    /// Who is at the keyboard (an id), for the checkpoints of edits.
    var user: RecordID?
    /// Told of every checkpoint (a save worth a commit, leaving a patient); the history commits them.
    var onCheckpoint: ((Checkpoint) -> Void)?
    /// Saves a person's answer to a conflict between chairs.
    var resolver: ((ConflictAnswer) throws(RepositoryError) -> Void)?

    public init(store: PatientStore, environment: ScreenEnvironment) {
        self.store = store
        self.environment = environment
        store.defersIndexUpdates = true
    }

    /// Brings the index up to date with the saves made since the last call.
    public func applyIndexUpdates() { store.applyIndexUpdates() }

    public func listPage(filter: String, range: Range<Int>) throws(RepositoryError) -> PatientListPage {
        store.applyIndexUpdates()
        do {
            let index = try store.practiceIndex()
            // An index kept in memory (the data folder cannot hold it) starts empty: the background check
            // fills its own copy, so this one is filled here, once.
            if index.isInMemory, !memoryIndexFilled {
                try index.refresh()
                memoryIndexFilled = true
            }
            let total = try index.count(matching: filter, readableOnly: true)
            let rows = try index.patients(
                matching: filter, order: .lastVisit, offset: range.lowerBound, limit: range.count, readableOnly: true)
            let problems = filter.isEmpty ? try index.unreadablePatients().map(\.message) : []
            return PatientListPage(
                filter: filter, offset: range.lowerBound, rows: rows.compactMap(item), total: total, problems: problems)
        } catch {
            throw RepositoryError(error.userMessage)
        }
    }

    /// The newest treatment as far as its review plan goes: its indication and the vial it started with
    /// (the index keeps no points or doses, which the plan does not read).
    private static func lastTreatment(of patient: IndexedPatient) -> Session? {
        guard let startedAt = patient.lastTreatment, let indication = patient.lastTreatmentIndication,
              let product = patient.lastTreatmentProduct, let ingredient = patient.lastTreatmentIngredient
        else { return nil }
        let vial = Vial(product: product, ingredient: ingredient, lot: "", expiry: nil, vialUnits: Units(100), diluentHundredthsML: 100)
        return Session(
            id: patient.id, patient: patient.id, startedAt: startedAt, clinician: Clinician(name: "-"), indication: indication,
            vials: [vial])
    }

    public func possibleDuplicate(of patient: Patient) -> Patient? {
        store.applyIndexUpdates()
        return (try? PatientLookup.possibleDuplicate(of: patient, in: store)) ?? nil
    }

    private func item(_ patient: IndexedPatient) -> PatientListItem? {
        guard let name = patient.name else { return nil }
        let window = Self.lastTreatment(of: patient).map { environment.reviewPlan(for: $0).window }
        return PatientListItem(
            id: patient.id, name: name, dateOfBirth: patient.dateOfBirth, lastVisit: patient.lastVisit?.date,
            lastTotal: patient.lastTotal,
            reviewDue: patient.isReviewDue(today: CalendarDate(Date(), timeZone: environment.timeZone), timeZone: environment.timeZone, window: window ?? Timeline.reviewWindow),
            problems: patient.problemCount)
    }

    public func open(_ patient: RecordID) throws(RepositoryError) -> OpenedPatient {
        var readOnly: String?
        if locks[patient] == nil {
            do {
                locks[patient] = try store.lockPatient(patient)
            } catch {
                // Viewing needs no lock: without it the patient opens read-only.
                switch error {
                case .patientLocked(let pid):
                    readOnly = "open in another window" + (pid.map { " (pid \($0))" } ?? "")
                case .systemCall(_, _, let code) where [EROFS, EACCES, EPERM].contains(code):
                    readOnly = "the data folder cannot be written (\(String(cString: strerror(code))))"
                default:
                    throw RepositoryError(error.message)
                }
            }
        }
        do {
            let records = try store.readRecords(of: patient)
            for session in records.sessions { known[session.id] = session }
            return OpenedPatient(
                patient: records.patient, sessions: records.sessions, reviews: records.reviews,
                notices: records.issues.map(Self.notice), readOnly: readOnly)
        } catch {
            close(patient)
            throw RepositoryError(error.message)
        }
    }

    public func moveAside(_ files: [String], of patient: RecordID) throws(RepositoryError) -> [String] {
        guard let lock = locks[patient] else { throw RepositoryError("This patient is open for viewing only: nothing was moved.") }
        var moved: [String] = []
        for file in files {
            do {
                moved.append(try store.moveAside(file, holding: lock))
            } catch {
                throw RepositoryError(error.message)
            }
        }
        return moved
    }

    static func notice(_ issue: RecordIssue) -> FileNotice {
        FileNotice(
            file: issue.file, message: issue.message, summary: issue.summary, isLeftOut: issue.isLeftOut,
            canMoveAside: issue.canBeMovedAside)
    }

    public func close(_ patient: RecordID) {
        if locks.removeValue(forKey: patient)?.unlock() != nil {
            onCheckpoint?(Checkpoint(.leftPatient, patient: patient, by: user))
        }
    }

    /// A patient's lock for a sync that updates its files: `nil` when this window already holds it.
    func lockForSync(_ patient: RecordID) throws(StoreError) -> PatientLock? {
        locks[patient] == nil ? try store.lockPatient(patient) : nil
    }

    public func sessions(of patient: RecordID) throws(RepositoryError) -> [Session] {
        do {
            return try store.sessions(of: patient)
        } catch {
            throw RepositoryError(error.message)
        }
    }

    public func save(_ patient: Patient) throws(RepositoryError) {
        do {
            if locks[patient.id] == nil {
                locks[patient.id] = try store.createPatient(patient)
                onCheckpoint?(Checkpoint(.patientCreated, patient: patient.id, by: user))
            } else {
                try store.savePatient(patient)
                onCheckpoint?(Checkpoint(.patientEdited, patient: patient.id, by: user))
            }
        } catch {
            throw RepositoryError(error.message)
        }
    }

    public func save(_ session: Session) throws(RepositoryError) {
        do {
            try store.saveSession(session)
        } catch {
            throw RepositoryError(error.message)
        }
        let before = known[session.id]
        known[session.id] = session
        onCheckpoint?(Self.checkpoint(from: before, to: session, user: user))
    }

    /// What a session save was: a signature, an addendum, a voiding, or a draft change.
    static func checkpoint(from before: Session?, to session: Session, user: RecordID?) -> Checkpoint {
        if session.isSigned, before?.isSigned != true {
            return Checkpoint(.signed, patient: session.patient, session: session.id, by: session.signature?.signer.id)
        }
        if session.addenda.count > (before?.addenda.count ?? 0) {
            return Checkpoint(.addendum, patient: session.patient, session: session.id, by: session.addenda.last?.author.id)
        }
        if session.isVoided, before?.isVoided != true {
            return Checkpoint(.voided, patient: session.patient, session: session.id, by: session.voiding?.by.id)
        }
        return Checkpoint(.draft, patient: session.patient, session: session.id, by: session.clinician.id)
    }

    public func resolve(_ answer: ConflictAnswer) throws(RepositoryError) {
        guard let resolver else { throw RepositoryError("Records changed on another chair cannot be settled without git.") }
        try resolver(answer)
        if let patient = answer.patient { onCheckpoint?(Checkpoint(.resolved, patient: patient, by: user)) }
    }

    public func reviews(of patient: RecordID) throws(RepositoryError) -> [Review] {
        do {
            return try store.reviews(of: patient)
        } catch {
            throw RepositoryError(error.message)
        }
    }

    public func save(_ pattern: TreatmentPattern) throws(RepositoryError) {
        do {
            try store.saveUserPattern(pattern)
        } catch {
            throw RepositoryError(error.message)
        }
        onCheckpoint?(Checkpoint(.patternSaved, by: user))
    }

    public func record(_ changes: [Change], patient: RecordID) throws(RepositoryError) {
        do {
            try store.appendChanges(changes, patient: patient)
        } catch {
            throw RepositoryError("The change was saved but its entry in the change list was not: \(error.message)")
        }
        onCheckpoint?(Checkpoint(.corrected, patient: patient, by: changes.first?.by.id))
    }

    public func save(_ review: Review) throws(RepositoryError) {
        do {
            try store.saveReview(review)
        } catch {
            throw RepositoryError(error.message)
        }
        onCheckpoint?(Checkpoint(.reviewSaved, patient: review.patient, session: review.session, by: review.clinician.id))
    }

    public func chairVials() throws(RepositoryError) -> ChairVials {
        do {
            return try store.chairVials()
        } catch {
            throw RepositoryError(error.message)
        }
    }

    public func keepChairVial(_ vial: Vial, openedAt: Timestamp, by clinician: Clinician) throws(RepositoryError) -> ChairVials {
        do {
            return try store.openChairVial(vial, at: openedAt, by: clinician, timeZone: environment.timeZone)
        } catch {
            throw RepositoryError(error.message)
        }
    }
}
