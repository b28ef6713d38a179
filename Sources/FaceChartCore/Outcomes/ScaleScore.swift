/// One scored item of an outcome scale at a review: which scale and item, the region for per-region scales,
/// and the value (whole numbers; labelled values are stored by position, `1+` on the Modified Ashworth is 2).
public struct ScaleScore: Hashable, Codable, Sendable {
    /// The scale's key in `clinical/scales.json`.
    public var scale: String
    /// The item's key within the scale.
    public var item: String
    /// The treated region, for per-region scales; absent for per-visit scales.
    public var region: Region?
    public var value: Int

    public init(scale: String, item: String, region: Region? = nil, value: Int) {
        self.scale = scale
        self.item = item
        self.region = region
        self.value = value
    }

    /// Scores in file order: by scale, item, then region.
    public static func sorted(_ scores: [ScaleScore]) -> [ScaleScore] {
        scores.sorted { ($0.scale, $0.item, $0.region?.rawValue ?? "") < ($1.scale, $1.item, $1.region?.rawValue ?? "") }
    }

    /// Whether this score is the same field as another (same scale, item and region).
    public func isSameField(as other: ScaleScore) -> Bool {
        scale == other.scale && item == other.item && region == other.region
    }
}

extension Array where Element == ScaleScore {
    /// The item values of one scale (and region), by item key.
    public func values(of scale: String, region: Region? = nil) -> [String: Int] {
        var values: [String: Int] = [:]
        for score in self where score.scale == scale && score.region == region { values[score.item] = score.value }
        return values
    }
}

extension OutcomeScale.Item {
    /// What typing has produced so far.
    public enum Entry: Hashable, Sendable {
        /// The text can only mean this value.
        case complete(Int)
        /// More may follow; `value` is what Enter would keep now, if anything.
        case partial(value: Int?)
        /// Nothing the item accepts starts like this.
        case invalid
    }

    /// Whether values are typed by their labels (short codes such as `1+`) rather than as numbers.
    public var isTypedByLabel: Bool { labels?.allSatisfy { $0.count <= 2 } ?? false }

    /// The ways a value may be typed.
    public func typedForms(of value: Int) -> [String] {
        if isTypedByLabel { return [text(for: value)] }
        return value > 0 && values.lowerBound < 0 ? [String(value), "+\(value)"] : [String(value)]
    }

    /// Reads typed text: complete when nothing longer could be meant, partial while a longer value could follow.
    public func entry(_ text: String) -> Entry {
        let exact = values.first { typedForms(of: $0).contains(text) }
        let longer = values.contains { value in typedForms(of: value).contains { $0.count > text.count && $0.hasPrefix(text) } }
        if let exact, !longer { return .complete(exact) }
        if longer { return .partial(value: exact) }
        return .invalid
    }
}
