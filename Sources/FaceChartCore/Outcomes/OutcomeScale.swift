import Foundation

/// A measure of how a treatment worked, read from `clinical/scales.json`: its items with their ranges,
/// which way is worse, how the items add up, and where the scale was read.
public struct OutcomeScale: Hashable, Codable, Sendable, Identifiable {
    /// What one score is about: a treated region (wrinkles, muscle tone) or the whole visit (headache days).
    public enum Scope: String, Codable, Sendable {
        case region
        case visit
    }

    /// One part of the scale that is scored on its own.
    public struct Item: Hashable, Codable, Sendable {
        public var key: String
        public var name: String
        /// A few characters for table headings.
        public var short: String
        /// `[lowest, highest]`, whole numbers.
        public var range: [Int]
        /// One label per value from the lowest up, when the values have names (`1+` on the Modified Ashworth).
        public var labels: [String]?
        /// What the review asks, with the anchors.
        public var prompt: String?

        public init(key: String, name: String, short: String, range: ClosedRange<Int>, labels: [String]? = nil, prompt: String? = nil) {
            self.key = key
            self.name = name
            self.short = short
            self.range = [range.lowerBound, range.upperBound]
            self.labels = labels
            self.prompt = prompt
        }

        /// The values the item accepts.
        public var values: ClosedRange<Int> { range[0]...range[range.count - 1] }

        /// A value for reading: the code for values typed by label (`1+`), else the number with its label if
        /// any (`2 moderate`).
        public func display(_ value: Int) -> String {
            if isTypedByLabel || labels == nil { return text(for: value) }
            return values.lowerBound < 0 && value > 0 ? "+\(value) \(text(for: value))" : "\(value) \(text(for: value))"
        }

        /// How a value is written: its label, else the number (`+1` on a scale with negative values).
        public func text(for value: Int) -> String {
            if let labels, values.contains(value) { return labels[value - values.lowerBound] }
            return values.lowerBound < 0 && value > 0 ? "+\(value)" : String(value)
        }
    }

    /// How the items combine into one figure.
    public struct Aggregate: Hashable, Codable, Sendable {
        public enum Kind: String, Codable, Sendable {
            /// Every item is needed; the total is their sum.
            case sum
            /// The mean of the items answered (items may be not applicable).
            case mean
            /// Goal attainment T-score over the goals scored, equal weights, inter-goal correlation 0.3.
            case gasTScore
        }

        public var kind: Kind
        public var name: String
        public var short: String
    }

    /// A named stretch of the primary figure, such as `56-59 substantial impact`.
    public struct Band: Hashable, Codable, Sendable {
        public var from: Int
        public var to: Int
        public var label: String
    }

    /// How big a worsening counts as clearly weaker, as points or as a fraction of the baseline.
    public struct ClearChange: Hashable, Codable, Sendable {
        public var points: Double?
        public var fractionOfBaseline: Double?
        public var source: Source
    }

    public var key: String
    public var name: String
    public var abbreviation: String
    public var scope: Scope
    /// `true` when a higher figure is worse, `false` when better, `nil` when the values are not ordered.
    public var higherIsWorse: Bool?
    public var items: [Item]
    public var aggregate: Aggregate?
    /// The item key that stands for the scale in charts and comparisons, or `aggregate` for the aggregate.
    public var primary: String
    /// The item holding the value before treatment, when the scale records one.
    public var baselineItem: String?
    public var bands: [Band]?
    public var clearChange: ClearChange?
    public var source: Source

    public var id: String { key }

    /// The item with `key`.
    public func item(_ key: String) -> Item? { items.first { $0.key == key } }

    /// Whether the primary figure is the aggregate rather than one item.
    public var primaryIsAggregate: Bool { primary == Self.aggregateKey }

    /// The `primary` that names the aggregate.
    public static let aggregateKey = "aggregate"

    /// The figure the items combine into, or `nil` when too few are scored.
    public func aggregateValue(_ values: [String: Int]) -> Double? {
        guard let aggregate else { return nil }
        let scored = items.compactMap { values[$0.key] }
        switch aggregate.kind {
        case .sum:
            return scored.count == items.count ? Double(scored.reduce(0, +)) : nil
        case .mean:
            return scored.isEmpty ? nil : Double(scored.reduce(0, +)) / Double(scored.count)
        case .gasTScore:
            guard !scored.isEmpty else { return nil }
            let count = Double(scored.count)
            return 50 + 10 * Double(scored.reduce(0, +)) / (0.7 * count + 0.3 * count * count).squareRoot()
        }
    }

    /// The figure that stands for the scale: the primary item's value or the aggregate.
    public func primaryValue(_ values: [String: Int]) -> Double? {
        if let item = item(primary) { return values[item.key].map(Double.init) }
        return aggregateValue(values)
    }

    /// The band a primary figure falls in.
    public func band(for value: Double) -> Band? {
        bands?.first { Double($0.from) <= value.rounded() && value.rounded() <= Double($0.to) }
    }

    /// The size of a clearly weaker result, given the baseline when the scale has one; `nil` when the scale
    /// gives none (no comparison is made).
    public func clearChangeSize(baseline: Double?) -> Double? {
        guard let clearChange else { return nil }
        if let points = clearChange.points { return points }
        if let fraction = clearChange.fractionOfBaseline, let baseline, baseline > 0 { return fraction * baseline }
        return nil
    }

    /// How much worse `later` is than `earlier` (positive: worse), or `nil` for unordered scales.
    public func worsening(from earlier: Double, to later: Double) -> Double? {
        higherIsWorse.map { $0 ? later - earlier : earlier - later }
    }

    /// `4`, `1.5`: whole figures without decimals, others with one.
    public static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    /// The primary figure as written: a value typed by its label as that label (`1+`), others as numbers.
    public func primaryText(_ value: Double) -> String {
        if let item = item(primary), item.isTypedByLabel { return item.text(for: Int(value)) }
        return Self.format(value)
    }

    /// One line for the values recorded: `TWSTRS sev 12, dis 8, pain 6, tot 26` or `HIT-6 64 (severe impact)`.
    public func summary(_ values: [String: Int]) -> String {
        var parts = items.compactMap { item in
            values[item.key].map { items.count == 1 ? item.display($0) : "\(item.short) \(item.display($0))" }
        }
        if let aggregate, let total = aggregateValue(values) { parts.append("\(aggregate.short) \(Self.format(total))") }
        var text = abbreviation + " " + parts.joined(separator: ", ")
        if let value = primaryValue(values), let band = band(for: value) { text += " (\(band.label))" }
        return text
    }

    /// `lower is better`, `higher is better` or nothing for unordered scales.
    public var directionNote: String? {
        higherIsWorse.map { $0 ? "lower is better" : "higher is better" }
    }

    /// Why the scale does not hold together, or `nil`.
    public var problem: String? {
        if items.isEmpty { return "no items" }
        var keys = Set<String>()
        for item in items {
            guard keys.insert(item.key).inserted else { return "duplicate item \(item.key)" }
            guard item.range.count == 2, item.range[0] <= item.range[1] else { return "item \(item.key): range must be [lowest, highest]" }
            if let labels = item.labels, labels.count != item.values.count {
                return "item \(item.key): \(labels.count) labels for \(item.values.count) values"
            }
        }
        if primaryIsAggregate ? aggregate == nil : item(primary) == nil { return "primary \(primary) is neither an item nor the aggregate" }
        if let baselineItem, item(baselineItem) == nil { return "baselineItem \(baselineItem) is not an item" }
        if let clearChange, clearChange.points == nil, clearChange.fractionOfBaseline == nil {
            return "clearChange needs points or fractionOfBaseline"
        }
        if clearChange?.fractionOfBaseline != nil, baselineItem == nil { return "fractionOfBaseline needs a baselineItem" }
        return nil
    }
}
