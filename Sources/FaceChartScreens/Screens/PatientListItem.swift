import FaceChartCore
import Foundation

/// One row of the patient list. The figures that need the patient's sessions are read only for
/// the rows on screen, so that a large practice's list opens at once.
public struct PatientListItem: Hashable, Sendable {
    /// What reading the patient's sessions adds to the row.
    public struct Details: Hashable, Sendable {
        public var lastTotal: Units?
        public var reviewDue: Bool
        /// Files of the patient's that could not be used or need a look.
        public var problems: Int

        public init(lastTotal: Units?, reviewDue: Bool, problems: Int = 0) {
            self.lastTotal = lastTotal
            self.reviewDue = reviewDue
            self.problems = problems
        }
    }

    public var patient: Patient
    public var lastVisit: Date?
    /// `nil` until read.
    public var details: Details?

    public init(patient: Patient, lastVisit: Date?, details: Details? = nil) {
        self.patient = patient
        self.lastVisit = lastVisit
        self.details = details
    }

    public var lastTotal: Units? { details?.lastTotal }
    public var reviewDue: Bool { details?.reviewDue ?? false }
    public var problems: Int { details?.problems ?? 0 }
}
