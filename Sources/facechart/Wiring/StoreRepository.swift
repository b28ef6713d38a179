import FaceChartCore
import FaceChartScreens
import FaceChartStore
import Foundation
import Glibc

/// The on-disk store behind the screens: reads, durable saves, and a lock on every patient open.
final class StoreRepository: PatientRepository {
    private let store: PatientStore
    /// The clock, time zone and review timing the list's "review due" follows.
    private let environment: ScreenEnvironment
    private var locks: [RecordID: PatientLock] = [:]

    init(store: PatientStore, environment: ScreenEnvironment) {
        self.store = store
        self.environment = environment
    }

    func listItems() throws(RepositoryError) -> (items: [PatientListItem], problems: [String]) {
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

    func details(of patients: [RecordID]) -> [RecordID: PatientListItem.Details] {
        var result: [RecordID: PatientListItem.Details] = [:]
        for id in patients {
            guard let records = try? store.readRecords(of: id) else { continue }
            let last = records.sessions.last(where: \.isTreatment)
            result[id] = PatientListItem.Details(
                lastTotal: last?.summary.total,
                reviewDue: last.map { environment.isReviewDue($0, reviews: records.reviews) } ?? false,
                problems: records.issues.count)
        }
        return result
    }

    func open(_ patient: RecordID) throws(RepositoryError) -> OpenedPatient {
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
            return OpenedPatient(
                patient: records.patient, sessions: records.sessions, reviews: records.reviews,
                notices: records.issues.map(Self.notice), readOnly: readOnly)
        } catch {
            close(patient)
            throw RepositoryError(error.message)
        }
    }

    func moveAside(_ files: [String], of patient: RecordID) throws(RepositoryError) -> [String] {
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
                locks[patient.id] = try store.createPatient(patient)
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
