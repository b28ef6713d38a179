import Foundation

/// The scores one review recorded and how many days after its treatment it was made.
public struct ReviewedScores: Hashable, Sendable {
    /// The reviewed treatment.
    public var session: RecordID
    /// Whole days from the treatment to the review.
    public var day: Int
    public var scores: [ScaleScore]

    public init(session: RecordID, day: Int, scores: [ScaleScore]) {
        self.session = session
        self.day = day
        self.scores = scores
    }
}

/// Dose and outcome, cycle by cycle, for one scale (and one region for per-region scales).
public struct ResponseSeries: Hashable, Sendable {
    /// One treatment cycle.
    public struct Point: Hashable, Sendable {
        /// 1 for the first cycle of the course.
        public var cycle: Int
        public var day: CalendarDate
        /// Catalogue key of the product the cycle started with.
        public var product: String
        /// Its active ingredient: units compare only within one.
        public var ingredient: String
        /// Units in the region (session and top-ups), or the whole cycle's for per-visit scales.
        public var dose: Units
        /// The scale's primary figure after this cycle.
        public var value: Double?
    }

    public var scale: OutcomeScale
    public var region: Region?
    /// The figure before the first cycle, when recorded.
    public var baseline: Double?
    public var points: [Point]
}

/// Something the injector should see about a patient's response over cycles.
public struct ResponseFinding: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case stoppingRule
        case episodic
        case weakerResponse
        case productSwitched
    }

    public var kind: Kind
    public var message: String
    public var source: Source
}

/// How a patient's treatments of one indication worked, cycle by cycle: a series per scale (and region),
/// NICE's migraine stopping rule, weaker responses at the same dose, and product switches.
///
/// Pure: the caller gives the cycles of one indication oldest first, the scores of their reviews, the plan
/// and a product-to-ingredient lookup.
public struct ResponseAnalysis {
    public var plan: ReviewPlan
    public var cycles: [TreatmentCycle]
    public var reviews: [ReviewedScores]
    public var timeZone: TimeZone
    /// A product's display name, by catalogue key.
    public var productName: (String) -> String
    /// A product's active ingredient, by catalogue key.
    public var ingredient: (String) -> String

    public init(
        plan: ReviewPlan, cycles: [TreatmentCycle], reviews: [ReviewedScores], timeZone: TimeZone,
        productName: @escaping (String) -> String = { $0 }, ingredient: @escaping (String) -> String = { $0 }
    ) {
        self.plan = plan
        self.cycles = cycles
        self.reviews = reviews
        self.timeZone = timeZone
        self.productName = productName
        self.ingredient = ingredient
    }

    /// Label advice repeated with every weaker-response finding.
    public static let labelAdvice = Source(
        grade: .label,
        reference: "Botox prescribing information, immunogenicity: inject the lowest effective dose at the longest feasible interval between injections")

    /// Every label says so: units of different products are not interchangeable.
    public static let unitsNotInterchangeable = Source(
        grade: .label, reference: "every botulinum toxin label: units are product-specific and not interchangeable")

    // MARK: Scores by cycle

    /// The item values recorded after each cycle, by cycle number (0: before the first cycle), scale and
    /// region. A review made before the earliest review day of a diary indication describes the weeks
    /// before its treatment, so its per-visit scores count for the cycle before.
    public var valuesByCycle: [Int: [ScaleScore]] {
        var result: [Int: [ScaleScore]] = [:]
        for (index, cycle) in cycles.enumerated() {
            for review in reviews where review.session == cycle.session.id {
                for score in review.scores {
                    let early = plan.diaryAtAnyVisit && review.day < plan.earliestDay && score.region == nil
                    result[index + (early ? 0 : 1), default: []].append(score)
                }
            }
        }
        return result
    }

    /// The series of every scale the plan asks, per region for per-region scales; only series with at least
    /// one value.
    public var series: [ResponseSeries] {
        let values = valuesByCycle
        var result: [ResponseSeries] = []
        for scale in plan.scales {
            let regions: [Region?] = scale.scope == .visit
                ? [nil] : Region.allCases.filter { region in cycles.contains { $0.points.contains { $0.region == region } } }
            for region in regions {
                let points = cycles.enumerated().map { index, cycle in
                    let product = cycle.product
                    let dose = region.map { cycle.units(in: $0).session + cycle.units(in: $0).topUp } ?? cycle.total
                    return ResponseSeries.Point(
                        cycle: index + 1, day: cycle.session.day(in: timeZone), product: product, ingredient: ingredient(product),
                        dose: dose, value: (values[index + 1] ?? []).primaryValue(of: scale, region: region))
                }
                guard points.contains(where: { $0.value != nil }) else { continue }
                result.append(ResponseSeries(
                    scale: scale, region: region, baseline: baseline(of: scale, region: region, values: values), points: points))
            }
        }
        return result
    }

    /// The first baseline recorded for a scale, else its figure from a diary entered before the first cycle.
    private func baseline(of scale: OutcomeScale, region: Region?, values: [Int: [ScaleScore]]) -> Double? {
        if let item = scale.baselineItem {
            for cycle in values.keys.sorted() {
                if let value = values[cycle]?.values(of: scale.key, region: region)[item] { return Double(value) }
            }
        }
        return (values[0] ?? []).primaryValue(of: scale, region: region)
    }

    // MARK: Findings

    /// What NICE's stopping rule says for this course (chronic migraine only).
    public var stoppingRule: MigraineStoppingRule.Outcome {
        let headache = series.first { $0.scale.key == Self.headacheDays }
        let after = headache?.points.first { $0.cycle == MigraineStoppingRule.cycles }?.value
        return MigraineStoppingRule.evaluate(
            indicationKey: plan.indicationKey, cyclesGiven: cycles.count, baseline: headache?.baseline.map { Int($0) },
            afterTwoCycles: after.map { Int($0) })
    }

    /// The scale the migraine stopping rule reads.
    public static let headacheDays = "headache-days"

    public var findings: [ResponseFinding] {
        var findings: [ResponseFinding] = []
        switch stoppingRule {
        case .stop(let baseline, let after):
            let percent = Int((Double(baseline - after) / Double(baseline) * 100).rounded())
            findings.append(ResponseFinding(
                kind: .stoppingRule,
                message: "Stopping rule: headache days \(baseline) -> \(after) per month after two cycles, \(percent)% fewer (less than 30%): NICE advises stopping treatment.",
                source: MigraineStoppingRule.source))
        case .notYet, .needs, .met: break
        }
        if plan.indicationKey == MigraineStoppingRule.indicationKey,
           let latest = series.first(where: { $0.scale.key == Self.headacheDays })?.points.last(where: { $0.value != nil })?.value,
           MigraineStoppingRule.isEpisodic(latest: Int(latest)) {
            findings.append(ResponseFinding(
                kind: .episodic,
                message: "Latest diary: \(Int(latest)) headache days per month, fewer than 15: NICE stops treatment once migraine has been episodic for three consecutive months.",
                source: MigraineStoppingRule.source))
        }
        findings += series.compactMap(weakerResponse)
        findings += productSwitches
        return findings
    }

    /// The latest cycle's result when it is clearly worse than an earlier one with the same ingredient at the
    /// same or a lower dose (within 10%).
    func weakerResponse(in series: ResponseSeries) -> ResponseFinding? {
        guard let clear = series.scale.clearChangeSize(baseline: series.baseline),
              let later = series.points.last(where: { $0.value != nil }), let laterValue = later.value
        else { return nil }
        let candidates = series.points.filter { earlier in
            earlier.cycle < later.cycle && earlier.ingredient == later.ingredient && earlier.value != nil
                && later.dose.hundredths * 10 >= earlier.dose.hundredths * 9
        }
        let worst = candidates.compactMap { earlier in
            series.scale.worsening(from: earlier.value!, to: laterValue).map { (earlier, $0) }
        }.filter { $0.1 >= clear }.max { $0.1 < $1.1 }
        guard let (earlier, _) = worst else { return nil }
        let scale = series.scale
        let what = (series.region.map { $0.name + ": " } ?? "") + scale.abbreviation
        let message = "\(what) \(scale.primaryText(laterValue)) after \(later.dose) U \(productName(later.product)) on \(later.day), against "
            + "\(scale.primaryText(earlier.value!)) after \(earlier.dose) U on \(earlier.day): clearly weaker at the same dose. "
            + "Possible secondary non-response (also check technique, dilution and storage); label advice: the lowest effective dose at the longest feasible interval."
        return ResponseFinding(kind: .weakerResponse, message: message, source: Self.labelAdvice)
    }

    /// One finding per change of active ingredient between consecutive cycles.
    var productSwitches: [ResponseFinding] {
        zip(cycles, cycles.dropFirst()).compactMap { before, after in
            guard ingredient(before.product) != ingredient(after.product) else { return nil }
            return ResponseFinding(
                kind: .productSwitched,
                message: "Product switched on \(after.session.day(in: timeZone)): \(productName(before.product)) (\(ingredient(before.product))) to \(productName(after.product)) (\(ingredient(after.product))). Units are not interchangeable: doses are compared within one product only.",
                source: Self.unitsNotInterchangeable)
        }
    }
}

extension TreatmentCycle {
    /// Catalogue key of the product the cycle's treatment started with.
    public var product: String { session.primaryVial.product }
}

extension Array where Element == ScaleScore {
    /// The primary figure of a scale (and region) among these scores.
    func primaryValue(of scale: OutcomeScale, region: Region?) -> Double? {
        scale.primaryValue(values(of: scale.key, region: region))
    }
}
