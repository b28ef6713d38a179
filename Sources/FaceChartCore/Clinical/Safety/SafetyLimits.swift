/// Every numeric safety limit in one place, each with the source it was read from (clinical.md) and, for
/// dose figures read from one product's label, the active ingredient they belong to.
///
/// Windows are counted in whole calendar days in the clinic's time zone: two sessions fall within an
/// N-day window when their days differ by at most N - 1 (so a session exactly 90 days earlier is outside
/// a 90-day window, matching "retreatment on day 90 is allowed").
public enum SafetyLimits {
    /// A figure and where it comes from.
    public struct Limit<Value: Sendable & Hashable>: Sendable, Hashable {
        public var value: Value
        public var source: SafetySource
        /// The active ingredient (`Product.genericName`) whose label gives the figure; the rule applies to
        /// that ingredient only. `nil`: the figure is applied whatever the product.
        public var ingredient: String?

        public init(_ value: Value, source: SafetySource, ingredient: String? = nil) {
            self.value = value
            self.source = source
            self.ingredient = ingredient
        }

        /// Whether the figure applies to units of `ingredient`.
        public func applies(to ingredient: String) -> Bool { self.ingredient == nil || self.ingredient == ingredient }
    }

    /// The generic name of Botox and Botox Cosmetic, whose label gives the cumulative and blepharospasm caps.
    public static let onabotulinumtoxinA = "onabotulinumtoxinA"

    // MARK: Retreatment

    /// Shortest interval between full treatments, in days, when no indication-specific interval applies
    /// (same figure as `Timeline.retreatmentDays`).
    public static let retreatmentDays = Limit(
        Timeline.retreatmentDays,
        source: SafetySource(.label, text: "Botox label, retreatment not more often than every 3 months (90 days)"))

    /// Chronic migraine (PREEMPT): every 12 weeks.
    public static let migraineRetreatmentDays = Limit(
        84, source: SafetySource(.label, text: "Botox label, chronic migraine: retreatment every 12 weeks (84 days)"))

    /// Sialorrhea (Xeomin): at least 16 weeks apart.
    public static let sialorrheaRetreatmentDays = Limit(
        112, source: SafetySource(.label, text: "Xeomin label, sialorrhea: treatments at least 16 weeks apart (112 days)"))

    /// Cervical dystonia: retreat at about 12 weeks.
    public static let dystoniaRetreatmentDays = Limit(
        84, source: SafetySource(
            .label, .paper, text: "cervical dystonia: retreat ~12 weeks, not more often than every 12 weeks (84 days)"))

    /// An indication-specific retreatment interval, chosen when the session's concern contains `word`.
    public struct RetreatmentInterval: Sendable, Hashable {
        /// Lower-case text matched anywhere in the concern, in any case ("sialorrh" matches "Sialorrhoea").
        public var word: String
        /// What the message calls the indication, e.g. "migraine".
        public var indication: String
        public var days: Limit<Int>
    }

    /// The indication-specific intervals; a concern matching none gets `retreatmentDays`.
    public static let retreatmentIntervals = [
        RetreatmentInterval(word: "migraine", indication: "migraine", days: migraineRetreatmentDays),
        RetreatmentInterval(word: "sialorrh", indication: "sialorrhea", days: sialorrheaRetreatmentDays),
        RetreatmentInterval(word: "dystonia", indication: "dystonia", days: dystoniaRetreatmentDays),
    ]

    /// The interval for a session whose indication concern is `concern`: the matching indication's, the
    /// longest one if several match (the stricter check), else `nil` (use `retreatmentDays`).
    public static func retreatmentInterval(forConcern concern: String) -> RetreatmentInterval? {
        let text = concern.lowercased()
        return retreatmentIntervals.filter { text.contains($0.word) }.max { $0.days.value < $1.days.value }
    }

    /// The window after a treatment in which a linked top-up is a review, not a retreatment.
    public static let topUpReviewWindow = Limit(
        Timeline.reviewWindow,
        source: SafetySource(.paper, .web, text: "two-week review at day 10-14, window kept open to day 21"))

    // MARK: Doses

    /// Length of the cumulative-dose window, in days.
    public static let cumulativeWindowDays = Limit(
        90, source: SafetySource(.label, text: "Botox label, 400 U in any 3-month interval"), ingredient: onabotulinumtoxinA)

    /// Most units of onabotulinumtoxinA in any cumulative window. Other toxins' units are on other scales:
    /// no cumulative figure is applied to them.
    public static let cumulativeUnits = Limit(
        Units(400), source: SafetySource(.label, text: "Botox label, 400 U in any 3-month interval"),
        ingredient: onabotulinumtoxinA)

    /// Length of the blepharospasm window, in days.
    public static let blepharospasmWindowDays = Limit(
        30, source: SafetySource(.label, text: "Botox label, blepharospasm: at most 200 U per 30 days"),
        ingredient: onabotulinumtoxinA)

    /// Most units of onabotulinumtoxinA for blepharospasm in any blepharospasm window.
    public static let blepharospasmUnits = Limit(
        Units(200), source: SafetySource(.label, text: "Botox label, blepharospasm: at most 200 U per 30 days"),
        ingredient: onabotulinumtoxinA)

    /// Most units into the sternocleidomastoids in one session (applied to every product).
    public static let sternocleidomastoidUnits = Limit(
        Units(100), source: SafetySource(.label, text: "Botox label, cervical dystonia: SCM <= 100 U (dysphagia)"))

    /// Most units at a single site (applied to every product).
    public static let unitsPerSite = Limit(
        Units(50), source: SafetySource(.label, text: "Botox label, cervical dystonia: <= 50 U per site"))
}
