/// NICE TA260 for botulinum toxin type A in chronic migraine: stop when headache days per month have fallen
/// by less than 30% after two treatment cycles, or once the migraine has been episodic (fewer than 15
/// headache days per month) for three consecutive months.
public enum MigraineStoppingRule {
    /// The indication the rule belongs to.
    public static let indicationKey = "chronic-migraine"
    /// The cycles after which the reduction is judged.
    public static let cycles = 2
    /// The smallest reduction in headache days per month that counts as an adequate response.
    public static let requiredReduction = 0.30
    /// Fewer headache days per month than this is episodic migraine.
    public static let episodicBelow = 15
    public static let source = Source(
        grade: .paper,
        reference: "NICE TA260 section 1.2, nice.org.uk/guidance/ta260")

    /// What the rule says for one patient's course.
    public enum Outcome: Hashable, Sendable {
        /// Not a chronic-migraine course, or fewer than two cycles given.
        case notYet
        /// Two cycles given but the baseline or the headache days after the second cycle are missing.
        case needs(String)
        /// The reduction is at least 30%: continue.
        case met(baseline: Int, afterTwoCycles: Int)
        /// Less than 30% fewer headache days: NICE advises stopping.
        case stop(baseline: Int, afterTwoCycles: Int)

        /// The reduction from the baseline, 0.25 for 25%.
        public var reduction: Double? {
            switch self {
            case .met(let baseline, let after), .stop(let baseline, let after):
                baseline > 0 ? Double(baseline - after) / Double(baseline) : nil
            case .notYet, .needs: nil
            }
        }
    }

    /// Applies the rule to a course of `indicationKey` with `cyclesGiven` treatments, its baseline headache
    /// days per month, and the headache days per month recorded after the second cycle.
    public static func evaluate(indicationKey: String, cyclesGiven: Int, baseline: Int?, afterTwoCycles: Int?) -> Outcome {
        guard indicationKey == Self.indicationKey, cyclesGiven >= cycles else { return .notYet }
        guard let baseline, baseline > 0 else { return .needs("the baseline headache days per month") }
        guard let afterTwoCycles else { return .needs("the headache days per month after the second cycle") }
        let reduction = Double(baseline - afterTwoCycles) / Double(baseline)
        return reduction < requiredReduction
            ? .stop(baseline: baseline, afterTwoCycles: afterTwoCycles) : .met(baseline: baseline, afterTwoCycles: afterTwoCycles)
    }

    /// Whether the latest headache days per month are in the episodic range (the second NICE stopping
    /// criterion, which needs three consecutive months of the diary to confirm).
    public static func isEpisodic(latest: Int?) -> Bool { latest.map { $0 < episodicBelow } ?? false }
}
