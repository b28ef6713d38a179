import Foundation

/// Which scales each indication's review asks and when that review falls due, read from
/// `clinical/measures.json` and keyed by the indication keys of the record format.
///
/// Indication names and retreatment intervals live in the indication catalogue; a review "at the next
/// cycle" is due at whatever interval that catalogue gives.
public struct OutcomeMeasures: Hashable, Codable, Sendable {
    /// The file format this build reads.
    public static let supportedSchemaVersion = 1

    /// When an indication's review falls due, in days after the treatment.
    public struct Timing: Hashable, Codable, Sendable {
        /// A fixed day after the treatment.
        public var dueDay: Int?
        /// Due when the next treatment is: at the indication's retreatment interval.
        public var atNextCycle: Bool?
        /// `[before, after]` the due day: the days around it when the review is expected.
        public var window: [Int]
        public var source: Source
    }

    /// The measures of one or more indications.
    public struct Entry: Hashable, Codable, Sendable {
        public var keys: [String]
        /// Scale keys, in the order the review asks them.
        public var scales: [String]
        /// Whether a diary is entered at any visit (no confirmation for an early review).
        public var diaryAtAnyVisit: Bool?
        public var review: Timing
    }

    /// The first day a review is expected at all; earlier ones ask for confirmation.
    public struct EarliestReview: Hashable, Codable, Sendable {
        public var day: Int
        public var source: Source
    }

    public var schemaVersion: Int
    public var earliestReviewDay: EarliestReview
    public var indications: [Entry]

    /// Reads and checks the measures against the scales they name.
    public init(json: Data, scales: ScaleLibrary) throws(DataError) {
        self = try DataError.decode(OutcomeMeasures.self, from: json)
        try validate(scales: scales)
    }

    /// The entry for an indication key, if any.
    public func entry(for key: String) -> Entry? { indications.first { $0.keys.contains(key) } }

    /// Throws the first problem: version, an indication listed twice, an unknown scale, a timing without a day.
    public func validate(scales: ScaleLibrary) throws(DataError) {
        try DataError.requireSchemaVersion(schemaVersion, supported: Self.supportedSchemaVersion)
        var seen = Set<String>()
        for (index, entry) in indications.enumerated() {
            for key in entry.keys where !seen.insert(key).inserted {
                throw DataError("indications[\(index)]: \(key) is listed twice")
            }
            for key in entry.scales where scales.scale(key) == nil {
                throw DataError("indications[\(index)]: unknown scale \(key)")
            }
            if (entry.review.dueDay == nil) == (entry.review.atNextCycle != true) {
                throw DataError("indications[\(index)]: review needs either dueDay or atNextCycle")
            }
            if entry.review.window.count != 2 || entry.review.window[0] > 0 || entry.review.window[1] < 0 {
                throw DataError("indications[\(index)]: window must be [days before, days after] the due day")
            }
        }
        for key in [Self.otherAesthetic, Self.otherMedical] where entry(for: key) == nil {
            throw DataError("no entry for \(key)")
        }
    }

    /// The catch-all keys for indications the file does not list.
    public static let otherAesthetic = "other-aesthetic"
    public static let otherMedical = "other-medical"
}
