/// What the review of one treatment asks and when it is due, for the treatment's indication.
public struct ReviewPlan: Hashable, Sendable {
    /// The indication key the plan was made for (the catch-all key when the file does not list it).
    public var indicationKey: String
    /// The scales the review asks, in order.
    public var scales: [OutcomeScale]
    /// The day after the treatment the review is due.
    public var dueDay: Int
    /// The days after the treatment when the review is expected.
    public var window: ClosedRange<Int>
    /// Whether the review is due at the next treatment (the indication's retreatment interval).
    public var atNextCycle: Bool
    /// Whether a diary is entered at any visit, so an early review needs no confirmation.
    public var diaryAtAnyVisit: Bool
    /// Reviews before this day ask for confirmation (unless a diary is entered at any visit).
    public var earliestDay: Int
    public var timingSource: Source

    /// Whether the review is expected on `day` after the treatment.
    public func isDue(onDay day: Int) -> Bool { window.contains(day) }

    /// Whether opening the review on `day` after the treatment asks for confirmation first.
    public func needsConfirmation(onDay day: Int) -> Bool { day < earliestDay && !diaryAtAnyVisit }

    /// The scales scored per treated region.
    public var regionScales: [OutcomeScale] { scales.filter { $0.scope == .region } }

    /// The scales scored once per visit.
    public var visitScales: [OutcomeScale] { scales.filter { $0.scope == .visit } }

    /// The general two-week review with no scales, for an indication no measures are known for.
    public static func general(indicationKey: String = "", earliestDay: Int = 0) -> ReviewPlan {
        ReviewPlan(
            indicationKey: indicationKey, scales: [], dueDay: Timeline.reviewDay, window: Timeline.reviewWindow, atNextCycle: false,
            diaryAtAnyVisit: false, earliestDay: earliestDay,
            timingSource: Source(grade: .unconfirmed, reference: "no review measures for this indication: the general two-week review"))
    }

    /// `day 14 (10-21)` or `next cycle, day 84 (70-112)`.
    public var dueText: String {
        let days = "day \(dueDay) (\(window.lowerBound)-\(window.upperBound))"
        return atNextCycle ? "next cycle, " + days : days
    }
}

/// The scales and the per-indication measures together: the one place a review plan comes from.
public struct OutcomeCatalogue: Hashable, Sendable {
    public var scales: ScaleLibrary
    public var measures: OutcomeMeasures

    public init(scales: ScaleLibrary, measures: OutcomeMeasures) {
        self.scales = scales
        self.measures = measures
    }

    /// The plan for a treatment of `indicationKey`. An indication the file does not list gets the catch-all
    /// entry of its kind. `retreatmentDays` is the indication's interval (from the indication catalogue),
    /// used when the review is due at the next cycle.
    public func plan(indicationKey: String, isMedical: Bool, retreatmentDays: Int) -> ReviewPlan {
        let fallback = isMedical ? OutcomeMeasures.otherMedical : OutcomeMeasures.otherAesthetic
        let entry = measures.entry(for: indicationKey) ?? measures.entry(for: fallback)
        let key = measures.entry(for: indicationKey) == nil ? fallback : indicationKey
        guard let entry else { return .general(indicationKey: key, earliestDay: measures.earliestReviewDay.day) }
        let atNextCycle = entry.review.atNextCycle == true
        let due = atNextCycle ? retreatmentDays : entry.review.dueDay ?? Timeline.reviewDay
        return ReviewPlan(
            indicationKey: key, scales: entry.scales.compactMap(scales.scale), dueDay: due,
            window: max(0, due + entry.review.window[0])...due + entry.review.window[1], atNextCycle: atNextCycle,
            diaryAtAnyVisit: entry.diaryAtAnyVisit == true, earliestDay: measures.earliestReviewDay.day,
            timingSource: entry.review.source)
    }
}

extension OutcomeCatalogue {
    /// The plan for the review of `session`, by its indication and that indication's retreatment interval
    /// (`ClinicalRules.minimumInterval`, for its indication and ingredient).
    public func plan(for session: Session, rules: ClinicalRules) -> ReviewPlan {
        plan(indicationKey: session.indication.key, isMedical: session.indication.kind == .medical,
             retreatmentDays: rules.minimumInterval(after: session).days)
    }
}
