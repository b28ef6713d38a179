import FaceChartCore
import Foundation

/// One row of the patient list.
public struct PatientListItem: Hashable, Sendable {
    public var patient: Patient
    public var lastVisit: Date?
    public var lastTotal: Units?
    public var reviewDue: Bool

    public init(patient: Patient, lastVisit: Date?, lastTotal: Units?, reviewDue: Bool) {
        self.patient = patient
        self.lastVisit = lastVisit
        self.lastTotal = lastTotal
        self.reviewDue = reviewDue
    }
}
