import Foundation

/// How long a treatment is expected to last, by region, read from the clinical reference's "Effect timeline".
///
/// Every figure carries the row of clinical reference it was read from and its grade. Months are counted as
/// 30 days (the same convention as the 90-day "every 3 months" retreatment rule), so "3-4 months" is
/// days 90-120. Regions the timeline says nothing about are reported as unsupported, never guessed.
/// Pure functions of dates: nothing is read from the clock or from files.
public enum WearOff {
    /// Days counted for one month when a timeline figure is given in months.
    public static let daysPerMonth = 30

    /// One row of the clinical reference's effect timeline, as days after the treatment.
    public struct Figure: Hashable, Sendable {
        /// The setting the row is about, such as `Upper face`.
        public var setting: String
        /// The expected duration in days after the treatment (lower and upper bound).
        public var days: ClosedRange<Int>
        /// The row as clinical reference words it.
        public var text: String
        /// Where the row was read and how well it is supported.
        public var source: Source
        /// What the figure measures: `lasts` (duration of effect) or `retreat` (a retreatment interval
        /// that stands in for one).
        public var measure: Measure

        /// Whether the figure is a duration of effect or a retreatment interval.
        public enum Measure: String, Hashable, Sendable {
            case lasts
            case retreat
        }

        public init(setting: String, days: ClosedRange<Int>, text: String, source: Source, measure: Measure = .lasts) {
            self.setting = setting
            self.days = days
            self.text = text
            self.source = source
            self.measure = measure
        }

        /// `90-120 days` or `about 90 days` when the bounds agree.
        public var daysText: String {
            days.lowerBound == days.upperBound ? "about \(days.lowerBound) days" : "\(days.lowerBound)-\(days.upperBound) days"
        }
    }

    /// What clinical reference supports for one region in one treatment.
    public enum Estimate: Hashable, Sendable {
        /// A timeline row applies.
        case supported(Figure)
        /// clinical reference gives no duration for this region and indication; the reason says what it does give.
        case unsupported(reason: String)

        /// The figure, when there is one.
        public var figure: Figure? {
            if case .supported(let figure) = self { return figure }
            return nil
        }
    }

    /// The expected wear-off of one region of a treatment.
    public struct RegionWearOff: Hashable, Sendable {
        public var region: Region
        public var estimate: Estimate
        /// The calendar days the effect is expected to wear off between, when supported.
        public var dates: ClosedRange<CalendarDate>?

        public init(region: Region, estimate: Estimate, dates: ClosedRange<CalendarDate>?) {
            self.region = region
            self.estimate = estimate
            self.dates = dates
        }
    }

    // MARK: Figures (clinical reference, "Effect timeline")

    private static let timeline = "effect timeline"

    /// Upper face: onset 2-3 days; peak 10-14 days; lasts 3-4 months (P).
    public static let upperFace = Figure(
        setting: "Upper face", days: 3 * daysPerMonth...4 * daysPerMonth,
        text: "Upper face | onset 2-3 days; peak 10-14 days; lasts 3-4 months | P",
        source: Source(grade: .paper, reference: timeline))

    /// Masseter: visible ~1 month; lasts 4-6 months (W).
    public static let masseter = Figure(
        setting: "Masseter", days: 4 * daysPerMonth...6 * daysPerMonth,
        text: "Masseter | visible ~1 month; lasts 4-6 months | W",
        source: Source(grade: .web, reference: timeline))

    /// Neck (platysma): lasts 2.5-4 months (W).
    public static let platysma = Figure(
        setting: "Neck (platysma)", days: 5 * daysPerMonth / 2...4 * daysPerMonth,
        text: "Neck (platysma) | lasts 2.5-4 months | W",
        source: Source(grade: .web, reference: timeline))

    /// Blepharospasm: onset <= 3 days; peak 1-2 weeks; ~3 months (L).
    public static let blepharospasm = Figure(
        setting: "Blepharospasm", days: 3 * daysPerMonth...3 * daysPerMonth,
        text: "Blepharospasm | onset <= 3 days; peak 1-2 weeks; ~3 months | L",
        source: Source(grade: .label, reference: timeline))

    /// Cervical dystonia: starts within 2 weeks; max ~6 weeks; retreat ~12 weeks (L/P, kept as the
    /// weaker P). A retreatment interval, not a measured duration.
    public static let cervicalDystonia = Figure(
        setting: "Cervical dystonia", days: 12 * 7...12 * 7,
        text: "Cervical dystonia | starts within 2 weeks; max ~6 weeks; retreat ~12 weeks | L/P",
        source: Source(grade: .paper, reference: timeline), measure: .retreat)

    /// Daxxify glabella: ~6 months (W).
    public static let daxxifyGlabella = Figure(
        setting: "Daxxify glabella", days: 6 * daysPerMonth...6 * daysPerMonth,
        text: "Daxxify glabella | ~6 months | W",
        source: Source(grade: .web, reference: timeline))

    /// Every figure, in the clinical reference's order.
    public static let figures = [upperFace, masseter, platysma, blepharospasm, cervicalDystonia, daxxifyGlabella]

    // MARK: Choosing a figure

    /// Regions the clinical reference's "upper face" row covers.
    public static let upperFaceRegions: Set<Region> = [
        .frontalis, .procerus, .corrugator, .orbicularisOculiLateral, .orbicularisOculiPretarsal, .nasalis,
    ]

    /// Neck and shoulder muscles treated for cervical dystonia.
    public static let cervicalRegions: Set<Region> = [
        .sternocleidomastoid, .spleniusCapitis, .trapezius, .cervicalParaspinal, .platysma, .levatorScapulae, .scalenes,
        .semispinalis,
    ]

    /// The figure clinical reference supports for `region` treated for `indication` with `product` (a catalogue key).
    public static func estimate(for region: Region, indication: Indication, product: String) -> Estimate {
        let concern = indication.concern.lowercased()
        if indication.kind == .medical {
            if concern.contains("blepharospasm"), region == .orbicularisOculiPretarsal || region == .orbicularisOculiLateral {
                return .supported(blepharospasm)
            }
            if concern.contains("dystonia"), cervicalRegions.contains(region) {
                return .supported(cervicalDystonia)
            }
            if concern.contains("migraine") {
                return .unsupported(reason: "no published duration; PREEMPT is given every 12 weeks (L/W)")
            }
            if concern.contains("sialorrh") {
                return .unsupported(reason: "no published duration; sialorrhea treatments >= 16 weeks apart (L)")
            }
            return .unsupported(reason: "no published duration for this indication; clinician's judgement")
        }
        if product == "daxxify", region == .procerus || region == .corrugator { return .supported(daxxifyGlabella) }
        if upperFaceRegions.contains(region) { return .supported(upperFace) }
        if region == .masseter { return .supported(masseter) }
        if region == .platysma { return .supported(platysma) }
        return .unsupported(reason: "no published duration for this region; clinician's judgement")
    }

    // MARK: Dates

    /// The calendar days between which an effect given on `day` is expected to wear off.
    public static func dates(after day: CalendarDate, figure: Figure) -> ClosedRange<CalendarDate> {
        day.adding(days: figure.days.lowerBound)...day.adding(days: figure.days.upperBound)
    }

    /// The expected wear-off of every region a session treated, top of the face first. `extraPoints`
    /// (a top-up's points) count as treated on the session's day.
    public static func regions(of session: Session, timeZone: TimeZone, extraPoints: [InjectionPoint] = []) -> [RegionWearOff] {
        let day = session.day(in: timeZone)
        let treated = Set((session.points + extraPoints).map(\.region))
        return Region.allCases.filter(treated.contains).map { region in
            let point = session.points.first { $0.region == region }
            let product = point.map { session.vial(for: $0).product } ?? session.primaryVial.product
            let estimate = estimate(for: region, indication: session.indication, product: product)
            return RegionWearOff(region: region, estimate: estimate, dates: estimate.figure.map { dates(after: day, figure: $0) })
        }
    }
}
