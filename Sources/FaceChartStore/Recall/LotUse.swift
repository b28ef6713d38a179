import FaceChartCore
import Foundation

/// The units one session gave from one lot (batch) of one product: a row of a recall list.
public struct LotUse: Hashable, Sendable {
    /// The patient's folder name.
    public let patient: RecordID
    /// The patient's name, or `nil` when `patient.json` could not be read (the report says why).
    public let patientName: String?
    /// The session's id.
    public let session: RecordID
    /// When the session started.
    public let startedAt: Date
    /// The product's catalogue key, such as `botox-cosmetic`.
    public let product: String
    /// The lot as recorded in the session (trimmed).
    public let lot: String
    /// The lot's expiry as recorded, if any.
    public let expiry: CalendarDate?
    /// Units given from this lot in this session.
    public let units: Units
    /// The session's file, relative to the data folder.
    public let file: String

    public init(
        patient: RecordID, patientName: String?, session: RecordID, startedAt: Date, product: String, lot: String,
        expiry: CalendarDate?, units: Units, file: String
    ) {
        self.patient = patient
        self.patientName = patientName
        self.session = session
        self.startedAt = startedAt
        self.product = product
        self.lot = lot
        self.expiry = expiry
        self.units = units
        self.file = file
    }

    /// The form lots are compared in: surrounding spaces removed, letters lowercased.
    public static func normalized(_ lot: String) -> String {
        lot.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
