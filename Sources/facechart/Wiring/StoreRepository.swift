import FaceChartCore
import FaceChartScreens
import FaceChartStore
import Foundation

/// The on-disk store behind the screens: reads, durable saves, and a lock on every patient open. The
/// index updates of saves wait until `applyIndexUpdates()`, which the loop calls once a frame is drawn.
final class StoreRepository: PatientRepository {
    private let store: PatientStore
    private let timeZone: TimeZone
    private let today: () -> CalendarDate
    private var locks: [RecordID: PatientLock] = [:]

    init(store: PatientStore, timeZone: TimeZone, today: @escaping () -> CalendarDate) {
        self.store = store
        self.timeZone = timeZone
        self.today = today
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

    private func item(_ patient: IndexedPatient) -> PatientListItem? {
        guard let name = patient.name else { return nil }
        return PatientListItem(
            id: patient.id, name: name, dateOfBirth: patient.dateOfBirth, lastVisit: patient.lastVisit?.date,
            lastTotal: patient.lastTotal, reviewDue: patient.isReviewDue(today: today(), timeZone: timeZone))
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

    func save(_ review: Review) throws(RepositoryError) {
        do {
            try store.saveReview(review)
        } catch {
            throw RepositoryError(error.message)
        }
    }
}
