import FaceChartCore
import FaceChartScreens
import FaceChartStore
import Foundation

/// The on-disk store behind the screens: reads, durable saves, and a lock on every patient open.
public final class StoreRepository: PatientRepository {
    private let store: PatientStore
    /// The clock, time zone and review timing the list's "review due" follows.
    private let environment: ScreenEnvironment
    private var locks: [RecordID: PatientLock] = [:]

    public init(store: PatientStore, environment: ScreenEnvironment) {
        self.store = store
        self.environment = environment
    }

    public func listItems() throws(RepositoryError) -> (items: [PatientListItem], problems: [String]) {
        let summaries: [PatientSummary]
        do {
            summaries = try store.listPatients()
        } catch {
            throw RepositoryError(error.message)
        }
        let items = summaries.compactMap { summary in
            summary.patient.map { PatientListItem(patient: $0, lastVisit: summary.lastSessionStart) }
        }
        return (items, summaries.compactMap { $0.problem?.message })
    }

    public func details(of patients: [RecordID]) -> [RecordID: PatientListItem.Details] {
        var result: [RecordID: PatientListItem.Details] = [:]
        for id in patients {
            guard let sessions = try? store.sessions(of: id) else { continue }
            let last = sessions.last(where: \.isTreatment)
            let reviews = (try? store.reviews(of: id)) ?? []
            result[id] = PatientListItem.Details(
                lastTotal: last?.summary.total,
                reviewDue: last.map { environment.isReviewDue($0, reviews: reviews) } ?? false)
        }
        return result
    }

    public func open(_ patient: RecordID) throws(RepositoryError) -> (Patient, [Session]) {
        do {
            if locks[patient] == nil { locks[patient] = try store.lockPatient(patient) }
            return (try store.loadPatient(patient), try store.sessions(of: patient))
        } catch {
            close(patient)
            throw RepositoryError(error.message)
        }
    }

    public func close(_ patient: RecordID) {
        locks.removeValue(forKey: patient)?.unlock()
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
                try store.createPatient(patient)
                locks[patient.id] = try store.lockPatient(patient.id)
            } else {
                try store.savePatient(patient)
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
    }

    public func record(_ changes: [Change], patient: RecordID) throws(RepositoryError) {
        do {
            try store.appendChanges(changes, patient: patient)
        } catch {
            throw RepositoryError("The change was saved but its entry in the change list was not: \(error.message)")
        }
    }

    public func save(_ review: Review) throws(RepositoryError) {
        do {
            try store.saveReview(review)
        } catch {
            throw RepositoryError(error.message)
        }
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
