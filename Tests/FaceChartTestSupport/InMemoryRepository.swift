import FaceChartCore
import FaceChartScreens
import FaceChartUI
import Foundation

/// A repository that keeps records in memory and can be told to fail saves, for app tests.
public final class InMemoryRepository: PatientRepository {
    public var patients: [RecordID: Patient] = [:]
    public var sessionsByPatient: [RecordID: [Session]] = [:]
    public var reviewsByPatient: [RecordID: [Review]] = [:]
    public private(set) var openPatients: Set<RecordID> = []
    /// When set, every save throws this.
    public var failSaves: RepositoryError?
    public private(set) var saveCount = 0

    public init() {}

    /// Messages for records that "cannot be read", listed beside the patients.
    public var unreadable: [String] = []

    /// The rows asked for by each page read, in order.
    public private(set) var pagesRead: [Range<Int>] = []

    public func listPage(filter: String, range: Range<Int>) throws(RepositoryError) -> PatientListPage {
        pagesRead.append(range)
        let terms = Self.words(filter)
        let matches = patients.values.filter { patient in
            let words = Self.words(patient.name)
            return terms.allSatisfy { term in words.contains { $0.hasPrefix(term) } }
        }
        let rows = matches.map(item).sorted { lhs, rhs in
            let left = lhs.lastVisit ?? .distantPast
            let right = rhs.lastVisit ?? .distantPast
            return left != right ? left > right : lhs.name < rhs.name
        }
        let window = rows[min(range.lowerBound, rows.count)..<min(range.upperBound, rows.count)]
        return PatientListPage(
            filter: filter, offset: range.lowerBound, rows: Array(window), total: rows.count,
            problems: filter.isEmpty ? unreadable : [])
    }

    public func possibleDuplicate(of patient: Patient) -> Patient? {
        patients.values.sorted { $0.id < $1.id }.first(where: patient.isPossibleDuplicate)
    }

    private func item(_ patient: Patient) -> PatientListItem {
        let sessions = sessionsByPatient[patient.id] ?? []
        let last = sessions.filter(\.isTreatment).max { $0.startedAt < $1.startedAt }
        let visits = sessions.filter { !$0.isVoided }.map(\.startedAt.date)
        return PatientListItem(
            id: patient.id, name: patient.name, dateOfBirth: patient.dateOfBirth, lastVisit: visits.max(),
            lastTotal: last?.summary.total)
    }

    private static func words(_ text: String) -> [String] {
        Patient.comparableName(text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Notices of files that "cannot be used", by patient; `moveAside` removes them.
    public var noticesByPatient: [RecordID: [FileNotice]] = [:]
    /// Patients that open read-only, with the reason.
    public var readOnlyPatients: [RecordID: String] = [:]
    public private(set) var movedAside: [String] = []

    public func open(_ patient: RecordID) throws(RepositoryError) -> OpenedPatient {
        guard let record = patients[patient] else { throw RepositoryError("No such patient.") }
        openPatients.insert(patient)
        return OpenedPatient(
            patient: record, sessions: sessionsByPatient[patient] ?? [], notices: noticesByPatient[patient] ?? [],
            readOnly: readOnlyPatients[patient])
    }

    public func moveAside(_ files: [String], of patient: RecordID) throws(RepositoryError) -> [String] {
        if let failSaves { throw failSaves }
        movedAside += files
        noticesByPatient[patient]?.removeAll { files.contains($0.file) }
        return files.map { $0 + " (moved)" }
    }

    public func close(_ patient: RecordID) { openPatients.remove(patient) }

    public func sessions(of patient: RecordID) throws(RepositoryError) -> [Session] { sessionsByPatient[patient] ?? [] }

    public func save(_ patient: Patient) throws(RepositoryError) {
        if let failSaves { throw failSaves }
        saveCount += 1
        if patients[patient.id] == nil { openPatients.insert(patient.id) }
        patients[patient.id] = patient
    }

    public func save(_ session: Session) throws(RepositoryError) {
        if let failSaves { throw failSaves }
        saveCount += 1
        var list = sessionsByPatient[session.patient] ?? []
        if let index = list.firstIndex(where: { $0.id == session.id }) { list[index] = session } else { list.append(session) }
        sessionsByPatient[session.patient] = list
    }

    public var patterns: [TreatmentPattern] = []

    public func save(_ pattern: TreatmentPattern) throws(RepositoryError) {
        if let failSaves { throw failSaves }
        saveCount += 1
        patterns.append(pattern)
    }

    /// Every change recorded, per patient, in order.
    public var changesByPatient: [RecordID: [Change]] = [:]

    public func record(_ changes: [Change], patient: RecordID) throws(RepositoryError) {
        if let failSaves { throw failSaves }
        changesByPatient[patient, default: []] += changes
    }

    public func reviews(of patient: RecordID) throws(RepositoryError) -> [Review] { reviewsByPatient[patient] ?? [] }

    public func save(_ review: Review) throws(RepositoryError) {
        if let failSaves { throw failSaves }
        saveCount += 1
        var list = reviewsByPatient[review.patient] ?? []
        if let index = list.firstIndex(where: { $0.id == review.id }) { list[index] = review } else { list.append(review) }
        reviewsByPatient[review.patient] = list
    }

    /// The chair's open vials, as kept.
    public var chairVialList = ChairVials()

    public func chairVials() throws(RepositoryError) -> ChairVials { chairVialList }

    public func keepChairVial(_ vial: Vial, openedAt: Timestamp, by clinician: Clinician) throws(RepositoryError) -> ChairVials {
        if let failSaves { throw failSaves }
        chairVialList = chairVialList.opening(vial, at: openedAt, by: clinician, timeZone: TimeZone(identifier: "UTC")!)
        return chairVialList
    }
}
