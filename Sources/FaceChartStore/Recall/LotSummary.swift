import FaceChartCore
import Foundation

/// One lot of one product across the whole store: how much was given, to how many, and when.
public struct LotSummary: Hashable, Sendable {
    /// The lot as first recorded (trimmed); lots that differ only in case or spaces are one lot.
    public let lot: String
    /// The product's catalogue key.
    public let product: String
    /// Every expiry recorded for the lot, earliest first; more than one means a typing error somewhere.
    public let expiries: [CalendarDate]
    /// Units given from the lot in all sessions.
    public let totalUnits: Units
    /// How many patients received the lot.
    public let patientCount: Int
    /// How many sessions used the lot.
    public let sessionCount: Int
    /// The first session that used the lot.
    public let firstUse: Date
    /// The last session that used the lot.
    public let lastUse: Date

    public init(
        lot: String, product: String, expiries: [CalendarDate], totalUnits: Units, patientCount: Int, sessionCount: Int,
        firstUse: Date, lastUse: Date
    ) {
        self.lot = lot
        self.product = product
        self.expiries = expiries
        self.totalUnits = totalUnits
        self.patientCount = patientCount
        self.sessionCount = sessionCount
        self.firstUse = firstUse
        self.lastUse = lastUse
    }
}
