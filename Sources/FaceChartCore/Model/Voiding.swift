/// Why a draft was voided, when and by whom. A voided session stays on disk and on screen (struck
/// through) but counts in no total, interval, "last visit" or recall.
public struct Voiding: Hashable, Codable, Sendable {
    public var reason: String
    public var at: Timestamp
    public var by: Clinician

    public init(reason: String, at: Timestamp, by: Clinician) {
        self.reason = reason
        self.at = at
        self.by = by
    }
}
