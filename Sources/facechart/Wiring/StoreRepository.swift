import FaceChartCore
import FaceChartScreens
import FaceChartStore
import Foundation

/// The on-disk store behind the screens: reads, durable saves, and a lock on every patient open. The
/// index updates of saves wait until `applyIndexUpdates()`, which the loop calls once a frame is drawn.
final class StoreRepository: PatientRepository {
    private let store: PatientStore
    /// The clock, time zone and review timing the list's "review due" follows.
    private let environment: ScreenEnvironment
    private var locks: [RecordID: PatientLock] = [:]

    init(store: PatientStore, environment: ScreenEnvironment) {
        self.store = store
        self.environment = environment
        store.defersIndexUpdates = true
    }

    /// Brings the index up to date with the saves made since the last call.
    func applyIndexUpdates() { store.applyIndexUpdates() }

    func listPage(filter: String, range: Range<Int>) throws(RepositoryError) -> PatientListPage {
        store.applyIndexUpdates()
        do {
            let index = try store.practiceIndex()
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

    func possibleDuplicate(of patient: Patient) -> Patient? {
        store.applyIndexUpdates()
        return (try? PatientLookup.possibleDuplicate(of: patient, in: store)) ?? nil
    }

    private func item(_ patient: IndexedPatient) -> PatientListItem? {
        guard let name = patient.name else { return nil }
        let window = patient.lastTreatmentIndication.map { environment.reviewPlan(for: $0).window }
        return PatientListItem(
            id: patient.id, name: name, dateOfBirth: patient.dateOfBirth, lastVisit: patient.lastVisit?.date,
            lastTotal: patient.lastTotal,
            reviewDue: patient.isReviewDue(today: environment.today, timeZone: environment.timeZone, window: window ?? Timeline.reviewWindow))
    }

    func open(_ patient: RecordID) throws(RepositoryError) -> (Patient, [Session]) {
        do {
            if locks[patient] == nil { locks[patient] = try store.lockPatient(patient) }
            return (try store.loadPatient(patient), try store.sessions(of: patient))
        } catch {
            close(patient)
            throw RepositoryError(error.message)
        }
    }

    func close(_ patient: RecordID) {
        locks.removeValue(forKey: patient)?.unlock()
    }

    func sessions(of patient: RecordID) throws(RepositoryError) -> [Session] {
        do {
            return try store.sessions(of: patient)
        } catch {
            throw RepositoryError(error.message)
        }
    }

    func save(_ patient: Patient) throws(RepositoryError) {
        do {
            if locks[patient.id] == nil {
                try store.createPatient(patient)
                locks[patient.id] = try store.lockPatient(patient.id)
            } else {
                try store.savePatient(patient)
            }
        } catch {
            throw RepositoryError(error.message)
        }
    }

    func save(_ session: Session) throws(RepositoryError) {
        do {
            try store.saveSession(session)
        } catch {
            throw RepositoryError(error.message)
        }
    }

    func reviews(of patient: RecordID) throws(RepositoryError) -> [Review] {
        do {
            return try store.reviews(of: patient)
        } catch {
            throw RepositoryError(error.message)
        }
    }

    func save(_ pattern: TreatmentPattern) throws(RepositoryError) {
        do {
            try store.saveUserPattern(pattern)
        } catch {
            throw RepositoryError(error.message)
        }
    }

    func record(_ changes: [Change], patient: RecordID) throws(RepositoryError) {
        do {
            try store.appendChanges(changes, patient: patient)
        } catch {
            throw RepositoryError("The change was saved but its entry in the change list was not: \(error.message)")
        }
    }

    func save(_ review: Review) throws(RepositoryError) {
        do {
            try store.saveReview(review)
        } catch {
            throw RepositoryError(error.message)
        }
    }
}
