import FaceChartCore

/// Where the app reads and writes records. The program wires the on-disk store behind it; tests use
/// an in-memory one.
public protocol PatientRepository: AnyObject {
    /// The rows `range` of the patients whose names match `filter` (every typed word starts a word of
    /// the name, case and accents ignored), most recent visit first, with how many match. The work is
    /// proportional to the rows asked for and the matches, never to the whole practice.
    func listPage(filter: String, range: Range<Int>) throws(RepositoryError) -> PatientListPage
    /// A patient on record with the same name and date of birth as `patient` (a second record of the
    /// same person, perhaps), found without reading every record.
    func possibleDuplicate(of patient: Patient) -> Patient?
    /// Opens a patient for charting (taking the per-patient lock) with every session that reads
    /// correctly and a notice for each file that does not. When the lock cannot be had (a read-only
    /// data folder, another window), the patient opens for viewing only. Opening again re-reads.
    func open(_ patient: RecordID) throws(RepositoryError) -> OpenedPatient
    /// Releases what `open` took.
    func close(_ patient: RecordID)
    /// Every session of a patient that reads correctly.
    func sessions(of patient: RecordID) throws(RepositoryError) -> [Session]
    /// Moves files of an open patient that cannot be used into a `damaged/` folder beside each,
    /// unchanged; returns where they went.
    func moveAside(_ files: [String], of patient: RecordID) throws(RepositoryError) -> [String]
    /// Writes a new or changed patient durably; a new patient is opened (locked) as it is created.
    func save(_ patient: Patient) throws(RepositoryError)
    /// Writes a session durably.
    func save(_ session: Session) throws(RepositoryError)
    /// Every review of the patient's treatments that reads correctly.
    func reviews(of patient: RecordID) throws(RepositoryError) -> [Review]
    /// Writes a review durably.
    func save(_ review: Review) throws(RepositoryError)
    /// Keeps a pattern of the user's own.
    func save(_ pattern: TreatmentPattern) throws(RepositoryError)
    /// Adds corrections to the patient's change list.
    func record(_ changes: [Change], patient: RecordID) throws(RepositoryError)
    /// The vials opened at this chair.
    func chairVials() throws(RepositoryError) -> ChairVials
    /// Adds a vial to this chair's open vials and returns them as kept.
    func keepChairVial(_ vial: Vial, openedAt: Timestamp, by: Clinician) throws(RepositoryError) -> ChairVials
    /// Saves a person's answer to a record changed on two chairs as a new version of the record.
    func resolve(_ answer: ConflictAnswer) throws(RepositoryError)
}

extension PatientRepository {
    /// Saves a person's answer to a record changed on two chairs as a new version of the record.
    public func resolve(_ answer: ConflictAnswer) throws(RepositoryError) {
        throw RepositoryError("Records changed on another chair cannot be settled here.")
    }
}

/// A failure worded for the user (no patient data in it).
public struct RepositoryError: Error, Hashable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}
