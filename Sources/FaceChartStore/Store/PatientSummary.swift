import FaceChartCore
import Foundation

/// One line of the patient list: the patient (or why their file could not be read) and their latest
/// session, found from file names alone.
public struct PatientSummary: Equatable, Sendable {
    /// The patient's folder name.
    public let id: RecordID
    /// The record, or `nil` when `problem` says why it could not be read.
    public let patient: Patient?
    /// Why the patient could not be read, or `nil`.
    public let problem: StoreError?
    /// How many session files the patient has.
    public let sessionCount: Int
    /// The newest session's start, to the second (from its file name).
    public let lastSessionStart: Date?
    /// The newest session's file, relative to the data folder.
    public let lastSessionFile: String?
    /// What the listing alone shows is wrong: a `sessions/` that is a link, names FaceChart does not
    /// write. Damage inside the files shows only when they are read.
    public let issues: [RecordIssue]

    public init(
        id: RecordID, patient: Patient?, problem: StoreError?, sessionCount: Int, lastSessionStart: Date?,
        lastSessionFile: String?, issues: [RecordIssue] = []
    ) {
        self.issues = issues
        self.id = id
        self.patient = patient
        self.problem = problem
        self.sessionCount = sessionCount
        self.lastSessionStart = lastSessionStart
        self.lastSessionFile = lastSessionFile
    }
}
